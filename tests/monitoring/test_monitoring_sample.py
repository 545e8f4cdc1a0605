"""monitor() on the shipped sample, checked against values computed here with plain Python over the CSV rows."""
import csv
import re
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone

import pytest

from autograders import monitoring as mon

WIB = timezone(timedelta(hours=7))
BRANDS = {"Sukamaju": ["Sukamaju", "@pemkabsukamaju", "#SukamajuBersih"]}
PEERS = {"Mekarsari": ["Mekarsari", "@pemkabmekarsari"], "Tirtajaya": ["Tirtajaya", "@pemkottirtajaya"]}
# the same terms, as the lower-case tokens a plain split finds (a plain name also matches its hashtag)
TOKENS = {"Sukamaju": {"sukamaju", "#sukamaju", "@pemkabsukamaju", "#sukamajubersih"},
          "Mekarsari": {"mekarsari", "#mekarsari", "@pemkabmekarsari"},
          "Tirtajaya": {"tirtajaya", "#tirtajaya", "@pemkottirtajaya"}}


@pytest.fixture(scope="module")
def rows():
    with open(mon.SAMPLE_PATH, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def result():
    return mon.monitor(mon.load_mentions(mon.SAMPLE_PATH), BRANDS, PEERS, k=2.0)


def mentioned(row, name):
    return bool(TOKENS[name] & set(re.findall(r"[#@]?\w+", row["text"].lower())))


def test_sample_is_the_documented_size(rows):
    assert 1500 <= len(rows) <= 2500
    assert len({r["url"] for r in rows}) == len(rows)


def test_rows_and_mentions(rows, result):
    assert result["rows"] == len(rows)
    for name in TOKENS:
        assert result["mentions"][name] == sum(mentioned(r, name) for r in rows), name


def test_share_of_voice(rows, result):
    counts = {n: sum(mentioned(r, n) for r in rows) for n in TOKENS}
    total = sum(counts.values())
    for n in TOKENS:
        assert result["share_of_voice"][n] == pytest.approx(100 * counts[n] / total, abs=0.006)
    assert sum(result["share_of_voice"].values()) == pytest.approx(100, abs=0.02)


def test_reach_weighted_share_of_voice(rows):
    df = mon.load_mentions(mon.SAMPLE_PATH)
    res = mon.monitor(df, BRANDS, PEERS, reach_weighted=True)
    weight = {n: sum(float(r["reach"]) if r["reach"] else float(r["followers"]) for r in rows if mentioned(r, n))
              for n in TOKENS}
    total = sum(weight.values())
    for n in TOKENS:
        assert res["share_of_voice"][n] == pytest.approx(100 * weight[n] / total, abs=0.006)


def test_daily_volume_in_wib(rows, result):
    expected = defaultdict(Counter)
    for r in rows:
        day = datetime.fromisoformat(r["timestamp"]).astimezone(WIB).date().isoformat()
        for n in TOKENS:
            if mentioned(r, n):
                expected[n][day] += 1
    all_days = {datetime.fromisoformat(r["timestamp"]).astimezone(WIB).date().isoformat() for r in rows}
    for n in TOKENS:
        assert set(result["daily"][n]) == all_days  # every day present, zero-filled
        assert {d: v for d, v in result["daily"][n].items() if v} == dict(expected[n])


def test_engagement_total_and_rate(rows, result):
    for n in TOKENS:
        mine = [r for r in rows if mentioned(r, n)]
        total = sum(int(r["likes"]) + int(r["comments"]) + int(r["shares"]) for r in mine)
        den = num = 0.0
        for r in mine:
            reach = float(r["reach"]) if r["reach"] else float(r["followers"])
            if reach > 0:
                den += reach
                num += int(r["likes"]) + int(r["comments"]) + int(r["shares"])
        assert result["engagement"][n]["total"] == total
        assert result["engagement"][n]["rate"] == pytest.approx(100 * num / den, abs=0.001)


def test_sentiment_counts_and_net(rows, result):
    for n in TOKENS:
        labels = Counter(mon.sentiment(r["text"])["label"] for r in rows if mentioned(r, n))
        s = result["sentiment"][n]
        assert (s["positive"], s["negative"], s["neutral"]) == (labels["positive"], labels["negative"],
                                                                 labels["neutral"])
        assert s["net"] == pytest.approx(100 * (labels["positive"] - labels["negative"]) / sum(labels.values()),
                                         abs=0.006)


def test_top_hashtags(rows, result):
    expected = Counter()
    for r in rows:
        if any(mentioned(r, n) for n in TOKENS):
            expected.update(set(re.findall(r"#\w+", r["text"].lower())))
    top = result["top_hashtags"]
    assert top[0] == list(max(expected.items(), key=lambda kv: kv[1]))
    for tag, count in top:
        assert expected[tag] == count


def test_top_authors_by_reach(rows):
    df = mon.load_mentions(mon.SAMPLE_PATH)
    reach = Counter()
    for r in rows:
        reach[r["author"]] += float(r["reach"]) if r["reach"] else float(r["followers"])
    top = mon.top_authors(df, n=3)
    assert list(top["author"]) == [a for a, _ in sorted(reach.items(), key=lambda kv: (-kv[1], kv[0]))[:3]]


def test_the_crisis_is_a_spike_with_flood_terms(result):
    crisis = mon.timeline(60)["crisis"]
    sukamaju = [s for s in result["spikes"] if s["brand"] == "Sukamaju"]
    biggest = max(sukamaju, key=lambda s: s["volume"])
    assert biggest["date"] in (crisis, (datetime.fromisoformat(crisis) + timedelta(days=1)).date().isoformat())
    assert "banjir" in biggest["top_terms"]
    assert biggest["first_alert"].startswith(crisis)
    assert set(biggest) >= {"brand", "date", "volume", "z", "top_terms"}


def test_sentiment_turns_during_the_crisis(result):
    crisis = mon.timeline(60)["crisis"]
    net = result["sentiment_daily"]["Sukamaju"]
    assert net[crisis] < result["sentiment"]["Sukamaju"]["net"] - 30


def test_bigrams_exclude_brand_words(result):
    words = {w for g, _ in result["top_bigrams"]["Sukamaju"] for w in g.split()}
    assert "sukamaju" not in words and "pemkabsukamaju" not in words
    assert result["top_bigrams"]["Sukamaju"]


def test_result_is_json_serialisable(result):
    import json
    again = json.loads(json.dumps(result))
    assert again["mentions"] == result["mentions"]


def test_monitor_is_thread_safe(result):
    from concurrent.futures import ThreadPoolExecutor
    df = mon.load_mentions(mon.SAMPLE_PATH)
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = list(pool.map(lambda _: mon.monitor(df, BRANDS, PEERS, k=2.0), range(2)))
    assert got[0] == got[1] == result
