"""Constants and the JSON-contract checker shared by the engine tests (a uniquely named module, so that
``from enginekit import …`` never picks up another folder's conftest)."""
from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"

READABILITY_IDS = ("sentence_length", "paragraph_length", "subheading_distribution", "passive_voice",
                   "transition_words", "sentence_beginnings", "text_presence", "prose")
GRADE_IDS = {"id": "fry_grade", "en": "flesch_reading_ease"}
SEO_IDS = ("keyphrase_length", "keyphrase_in_title", "keyphrase_in_introduction", "keyphrase_density",
           "keyphrase_in_meta_description", "meta_description_length", "keyphrase_in_subheadings",
           "keyphrase_in_slug", "keyphrase_in_image_alt", "images", "text_length", "title_width",
           "outbound_links", "internal_links", "single_h1")
STATS_KEYS = ("characters", "words", "body_words", "sentences", "paragraphs", "syllables", "long_sentences",
              "passive_sentences", "transition_sentences", "keyphrase_count", "keyphrase_density")


def check_contract(data: dict, text_length: int) -> None:
    """Assert that a report dictionary has the JSON contract of issue 2 (shape, ranges, marks in bounds)."""
    assert set(data) >= {"lang", "stats", "readability", "seo"}
    assert data["lang"] in GRADE_IDS
    stats = data["stats"]
    assert set(stats) == set(STATS_KEYS)
    for key in STATS_KEYS:
        assert isinstance(stats[key], (int, float)) and not isinstance(stats[key], bool), key
        assert stats[key] >= 0, key
    assert stats["characters"] == text_length
    assert stats["body_words"] <= stats["words"]
    assert stats["long_sentences"] <= stats["sentences"]
    assert stats["passive_sentences"] <= stats["sentences"]
    assert stats["transition_sentences"] <= stats["sentences"]
    expected_ids = {"readability": READABILITY_IDS + (GRADE_IDS[data["lang"]],), "seo": SEO_IDS}
    for section, ids in expected_ids.items():
        block = data[section]
        assert set(block) == {"score", "checks"}
        assert block["score"] is None or (isinstance(block["score"], int) and 0 <= block["score"] <= 100)
        assert [c["id"] for c in block["checks"]] == list(ids)
        applicable = [c for c in block["checks"] if c["rating"] != "na"]
        # A section needs two applicable checks for a score (autograders.engine.checks.MIN_APPLICABLE_CHECKS).
        expected_score = (round(100 * sum(c["score"] for c in applicable) / (9 * len(applicable)))
                          if len(applicable) >= 2 else None)
        assert block["score"] == expected_score, section
        for check in block["checks"]:
            assert set(check) == {"id", "rating", "score", "value", "message", "same_message_as", "marks"}, check["id"]
            assert check["rating"] in ("good", "ok", "bad", "na"), check["id"]
            assert isinstance(check["score"], int) and not isinstance(check["score"], bool) and 0 <= check["score"] <= 9
            if check["rating"] == "na":
                assert check["score"] == 0, check["id"]
            assert isinstance(check["message"], str) and check["message"].strip(), check["id"]
            assert "<" not in check["message"], (check["id"], check["message"])
            lead = check["same_message_as"]
            if lead is not None:  # repeats the message of an earlier check with the same rating
                earlier = [c for s in ("readability", "seo", "genre") if s in data for c in data[s]["checks"]]
                earlier = {c["id"]: c for c in earlier[: [c["id"] for c in earlier].index(check["id"])]}
                assert earlier[lead]["message"] == check["message"] and earlier[lead]["rating"] == check["rating"]
                assert earlier[lead]["same_message_as"] is None
            for mark in check["marks"]:
                assert set(mark) >= {"start", "end"}
                assert isinstance(mark["start"], int) and isinstance(mark["end"], int)
                assert 0 <= mark["start"] < mark["end"] <= text_length, (check["id"], mark, text_length)
