#!/usr/bin/env python3
"""Print the teaching-prose word count of every chapter of the course book.

Prose is what a trainee reads as running text: front matter, code cells and other code or example blocks,
directive options, MyST labels, HTML comments and raw HTML lines, block quotes (example drafts) and the *Sumber* (sources)
section are left out; admonitions (tips, notes, answers) count. The same extraction feeds the book's prose
check in ``tests/book`` (our own engine on each chapter's prose).

Usage: ``python scripts/wordcount.py [--min N] [FILE.md ...]`` (default: every chapter in ``_toc.yml``).
Exit code 1 when ``--min`` is given and a module (``book/NN-*.md``) has fewer words.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES_HEADINGS = ("sumber", "sumber dan bacaan lanjut", "daftar pustaka", "rujukan")
CODE_DIRECTIVES = ("code-cell", "code", "code-block", "sourcecode", "raw", "literalinclude", "glue", "math")
MODULE_RE = re.compile(r"^\d\d-")
WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_FENCE_RE = re.compile(r"^(\s*)(`{3,}|~{3,}|:{3,})\s*(\{([\w-]+)\})?(.*)$")
_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ROLE_RE = re.compile(r"\{[\w:-]+\}`([^`]*)`")
_URL_RE = re.compile(r"https?://\S+")
_HTML_LINE_RE = re.compile(r"^(?:</?[A-Za-z][\w-]*(?:\s[^<>]*)?>)+$")


def _strip_front_matter(lines: list[str]) -> list[str]:
    if lines and lines[0].strip() == "---":
        for i in range(1, len(lines)):
            if lines[i].strip() == "---":
                return lines[i + 1:]
    return lines


def _strip_sources(lines: list[str]) -> list[str]:
    """Drop a sources section: from its heading to the next heading of the same or a higher level."""
    out, skip_level = [], 0
    for line in lines:
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            level = len(m.group(1))
            if skip_level and level <= skip_level:
                skip_level = 0
            if not skip_level and m.group(2).strip().lower() in SOURCES_HEADINGS:
                skip_level = level
        if not skip_level:
            out.append(line)
    return out


def prose_markdown(text: str) -> str:
    """The chapter's teaching prose as Markdown (headings and paragraphs kept, everything else removed)."""
    lines = _strip_sources(_strip_front_matter(text.splitlines()))
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # open fences: (closing marker, keep content)
    in_comment = False
    for line in lines:
        if in_comment:
            in_comment = "-->" not in line
            continue
        fence = _FENCE_RE.match(line)
        if fence and stack and fence.group(2)[0] == stack[-1][0][0] and len(fence.group(2)) >= len(stack[-1][0]) \
                and not fence.group(3) and not fence.group(5).strip():
            stack.pop()
            out.append("")
            continue
        if fence and (fence.group(3) or not stack or stack[-1][1]):
            keep = bool(fence.group(3)) and fence.group(4) not in CODE_DIRECTIVES
            stack.append((fence.group(2), keep and (not stack or stack[-1][1])))
            out.append("")
            continue
        if stack and not stack[-1][1]:
            continue
        stripped = line.strip()
        if stripped.startswith("<!--"):
            in_comment = "-->" not in stripped
            continue
        if _HTML_LINE_RE.match(stripped):  # a raw HTML line (the in-page tool and exercise placeholders)
            out.append("")
            continue
        if re.match(r"^:[\w-]+:", stripped) and stack:  # directive option
            continue
        if re.match(r"^\([\w.-]+\)=\s*$", stripped):  # MyST target label
            continue
        if stripped.startswith(">"):  # block quote: an example draft, not teaching prose
            out.append("")
            continue
        out.append(line)
    prose = "\n".join(out)
    prose = _ROLE_RE.sub(r"\1", prose)
    prose = _LINK_RE.sub(r"\1", prose)
    prose = _URL_RE.sub("", prose)
    return re.sub(r"\n{3,}", "\n\n", prose).strip() + "\n"


def count_words(prose: str) -> int:
    """Words of running text (Markdown markers such as ``#``, ``*`` and ``-`` are not words)."""
    return len(WORD_RE.findall(prose))


def chapter_files(root: Path = ROOT) -> list[Path]:
    """The book's chapters in table-of-contents order (``_toc.yml``)."""
    toc = (root / "_toc.yml").read_text(encoding="utf-8")
    names = re.findall(r"^\s*(?:root|-\s*file)\s*:\s*(\S+)", toc, flags=re.M)
    return [root / (name if name.endswith(".md") else name + ".md") for name in names]


def is_module(path: Path) -> bool:
    return bool(MODULE_RE.match(path.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Jumlah kata prosa per bab buku kursus.")
    parser.add_argument("files", nargs="*", type=Path, help="berkas bab (.md); bawaan: semua bab di _toc.yml")
    parser.add_argument("--min", type=int, default=0, help="jumlah kata minimum untuk setiap modul")
    args = parser.parse_args(argv)
    files = args.files or chapter_files()
    failing = []
    total = 0
    for path in files:
        try:
            words = count_words(prose_markdown(path.read_text(encoding="utf-8")))
        except OSError as exc:
            print(f"Galat: tidak dapat membaca {path}: {exc.strerror or exc}", file=sys.stderr)
            return 2
        total += words
        flag = ""
        if args.min and is_module(path) and words < args.min:
            failing.append(path.name)
            flag = f"  < {args.min}"
        print(f"{path.name:<28} {words:>6}{flag}")
    print(f"{'jumlah':<28} {total:>6}")
    if failing:
        print(f"Kurang dari {args.min} kata: {', '.join(failing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
