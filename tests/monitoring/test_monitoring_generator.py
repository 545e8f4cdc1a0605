"""The generator: seeded, documented shape, and the shipped sample is reproducible."""
import csv
import io

from autograders import monitoring as mon
from autograders.monitoring.generator import to_csv_frame


def test_same_seed_same_data_and_other_seed_differs():
    a = mon.generate_mentions(500, 10, seed=3)
    b = mon.generate_mentions(500, 10, seed=3)
    c = mon.generate_mentions(500, 10, seed=4)
    assert a.equals(b) and not a["text"].equals(c["text"])


def test_default_size_and_columns():
    df = mon.generate_mentions()
    assert len(df) >= 20_000 and list(df.columns) == list(mon.COLUMNS)
    days = df["timestamp"].dt.date.nunique()
    assert days >= 60
    assert df["timestamp"].is_monotonic_increasing
    assert str(df["timestamp"].iloc[0].utcoffset()) == "7:00:00"
    reach_platforms = set(df.loc[df["reach"].notna(), "platform"])
    assert reach_platforms == {"Instagram", "Facebook", "TikTok"}


def test_crisis_day_is_the_busiest_and_night_is_quiet():
    df = mon.generate_mentions(20_000, 60, seed=11)
    per_day = df.groupby(df["timestamp"].dt.date.astype(str)).size()
    assert per_day.idxmax() == mon.timeline(60)["crisis"]
    hours = df["timestamp"].dt.hour.value_counts()
    assert hours[20] > 5 * hours[3]


def test_social_media_language_is_present():
    text = " ".join(mon.generate_mentions(3000, 20, seed=5)["text"]).split()
    for token in ("gak", "yg", "bgt", "udah"):
        assert token in text, token
    assert any(t.startswith("#") for t in text) and any(t.startswith("@") for t in text)


def test_shipped_sample_is_reproducible():
    df = mon.generate_mentions(2000, 60, seed=20261202)
    buf = io.StringIO()
    to_csv_frame(df).to_csv(buf, index=False)
    shipped = mon.SAMPLE_PATH.read_text(encoding="utf-8")
    assert list(csv.reader(io.StringIO(buf.getvalue()))) == list(csv.reader(io.StringIO(shipped)))
