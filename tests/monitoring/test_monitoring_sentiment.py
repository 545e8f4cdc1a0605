"""Sentiment rules, thresholds at their edge, vectorised = per-post, thread safety, quality on the labelled set."""
import csv
from concurrent.futures import ThreadPoolExecutor

import pytest

from autograders import monitoring as mon
from autograders.monitoring.sentiment import THRESHOLD, label_of, sentiment_frame


def label(text):
    return mon.sentiment(text)["label"]


def score(text):
    return mon.sentiment(text)["score"]


def test_contract_shape():
    r = mon.sentiment("Pelayanannya bagus")
    assert set(r) == {"label", "score"} and isinstance(r["score"], float) and -1 <= r["score"] <= 1


@pytest.mark.parametrize("text,expected", [
    ("Pelayanannya bagus dan cepat", "positive"),
    ("Pelayanannya buruk dan lambat", "negative"),
    ("Jadwal layanan Senin sampai Jumat pukul 08.00", "neutral"),
    ("Pelayanannya tidak bagus", "negative"),          # negation of a positive word
    ("Bukannya membantu, malah menyusahkan", "negative"),
    ("Pelayanannya gak bagus", "negative"),            # slang negator
    ("Petugasnya ramah bgt", "positive"),
    ("Bagus sih, tapi lambat dan ribet", "negative"),  # contrast: the part after "tapi" wins
    ("Awalnya kecewa, tapi akhirnya puas", "positive"),
    ("Walaupun antrean panjang, petugasnya cekatan", "positive"),
    ("Terima kasih petugas", "positive"),              # phrase
    ("makasih min", "positive"),                        # slang to phrase
    ("Lampu jalan di depan rumah 😡", "negative"),     # emoji only
    ("Sudah diperbaiki 👍", "positive"),
    ("", "neutral"),
])
def test_rules(text, expected):
    assert label(text) == expected


def test_intensifiers_strengthen_and_weaken():
    assert score("bagus banget") > score("bagus") > score("agak bagus") > 0
    assert score("sangat buruk") < score("buruk") < 0
    assert score("kurang bagus") < 0


def test_negated_negative_is_weaker_than_negated_positive():
    assert 0 < score("tidak buruk") < abs(score("tidak bagus"))


def test_negation_window_ends_at_clause_punctuation():
    assert label("Tidak, pelayanannya bagus") == "positive"


def test_repeated_letters_and_variation_selectors():
    assert score("bagussss") == score("bagus")
    assert score("mantap ❤️") == score("mantap ❤")


def test_label_threshold_edges():
    assert label_of(THRESHOLD) == "positive"
    assert label_of(THRESHOLD - 1e-9) == "neutral"
    assert label_of(-THRESHOLD) == "negative"
    assert label_of(-THRESHOLD + 1e-9) == "neutral"


def test_non_string_input_is_neutral_not_an_error():
    assert mon.sentiment(None) == {"label": "neutral", "score": 0.0}
    assert mon.sentiment(float("nan"))["label"] == "neutral"
    assert mon.sentiment(123)["label"] == "neutral"


def test_frame_equals_one_by_one_and_keeps_index():
    texts = ["bagus", "jelek banget", "info jadwal", "bagus", None]
    frame = sentiment_frame(texts)
    assert list(frame.index) == list(range(5))
    assert list(frame["label"].astype(str)) == [mon.sentiment(t)["label"] for t in texts]
    assert list(frame["score"]) == [mon.sentiment(t)["score"] for t in texts]


def test_thread_safe():
    texts = ["Pelayanannya tidak ramah 😡", "Mantap, cepat sekali!", "Jadwal besok", "bagus sih tapi lambat"] * 50
    expected = [mon.sentiment(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(mon.sentiment, texts))
    assert got == expected


def test_net_sentiment_definition():
    assert mon.net_sentiment(["positive"] * 50 + ["negative"] * 30 + ["neutral"] * 20)["net"] == 20.0
    assert mon.net_sentiment([])["net"] is None
    assert mon.net_sentiment(["neutral"])["net"] == 0.0


def test_labelled_set_is_balanced_and_large_enough():
    with open(mon.LABELLED_PATH, encoding="utf-8") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    counts = {lab: sum(r["label"] == lab for r in rows) for lab in ("positive", "negative", "neutral")}
    assert len(rows) >= 300 and max(counts.values()) - min(counts.values()) <= 5
    assert len({r["text"] for r in rows}) == len(rows)


def test_macro_f1_on_held_out_rows_meets_the_goal():
    with open(mon.LABELLED_PATH, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
                if r["split"] == "test"]
    f1 = []
    for lab in ("positive", "negative", "neutral"):
        pred = [label(r["text"]) for r in rows]
        tp = sum(p == lab and r["label"] == lab for p, r in zip(pred, rows))
        fp = sum(p == lab and r["label"] != lab for p, r in zip(pred, rows))
        fn = sum(p != lab and r["label"] == lab for p, r in zip(pred, rows))
        prec, rec = tp / (tp + fp), tp / (tp + fn)
        f1.append(2 * prec * rec / (prec + rec))
    assert sum(f1) / 3 >= 0.75
