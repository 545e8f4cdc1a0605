"""Page file names made from student ids: one file per id, always a plain, safe name."""
from __future__ import annotations

import random
import re

from autograders.grading.page_names import page_file, page_stem

SAFE = re.compile(r"[a-z0-9][a-z0-9._~-]{0,63}")


def test_plain_ids_keep_their_name():
    for student in ("budi01", "siti.aminah", "199001012015011001", "kuat_00", "a-b"):
        assert page_file(student) == f"{student}.html"


def test_ids_that_a_simple_rule_would_merge_get_different_files():
    pairs = [("a b", "a_b"), ("Budi", "budi"), ("a/b", "a_b"), ("a.b", "a_b"), ("é", "e"), ("a\\b", "a/b"),
             ("con", "con~x"), ("x" * 200, "x" * 201)]
    for one, other in pairs:
        assert page_stem(one) != page_stem(other), (one, other)
        assert page_stem(one).lower() != page_stem(other).lower()


def test_no_name_is_a_path_a_hidden_file_an_option_or_a_device():
    for student in ("../../etc/passwd", "/abs", "..", ".", "", ".hidden", "-rf", "--help", "con", "NUL", "com1.txt",
                    "lpt9", "a:b", "a*b?", "\x00", "\u202ertl", "x" * 5000, "=1+1", "@x", "\t", "Ünïcödé"):
        stem = page_stem(student)
        assert SAFE.fullmatch(stem), (student, stem)
        assert stem.split(".")[0] not in ("con", "nul", "com1", "lpt9", "prn", "aux")


def test_random_ids_never_collide_and_are_always_safe():
    rng = random.Random(20261207)
    alphabet = "aAbB_-. /\\:~é0912" + "\u00a0\u200b"
    ids = {"".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(20_000)}
    stems = [page_stem(student) for student in ids]
    assert len(set(stems)) == len(ids)
    assert len({s.lower() for s in stems}) == len(ids)
    assert all(SAFE.fullmatch(s) for s in stems)
