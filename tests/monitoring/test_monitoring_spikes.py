"""Spike rule: V > mean + k·sd of the seven previous 24-hour windows, tested at its edge."""
import statistics
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from autograders import monitoring as mon

WIB = timezone(timedelta(hours=7))
START = datetime(2026, 12, 1, 12, 0, tzinfo=WIB)


def posts(per_day, text="Sukamaju info jadwal", spike_text="banjir besar di Sukamaju"):
    """``per_day[i]`` posts at 12:00–12:59 WIB on day i; the last day uses ``spike_text``."""
    rows = []
    for day, n in enumerate(per_day):
        for j in range(n):
            t = START + timedelta(days=day, seconds=j)
            rows.append({"timestamp": t.isoformat(), "text": spike_text if day == len(per_day) - 1 else text})
    return mon.standardise(pd.DataFrame(rows), drop_duplicates=False)


def alerts(per_day, k=2.0, min_volume=0):
    df = posts(per_day)
    return mon.detect_spikes(mon.match_mentions(df, {"S": ["Sukamaju"]}), k=k, min_volume=min_volume,
                             brand_terms={"S": ["Sukamaju"]})


BASE = [8, 12, 8, 12, 8, 12, 10]  # mean 10, sample sd 2
LEAD = [1]  # a first day, so that the seven baseline windows lie wholly inside the data


def test_baseline_of_the_test_is_what_we_think():
    assert statistics.mean(BASE) == 10 and statistics.stdev(BASE) == 2


def test_exactly_on_the_threshold_is_no_alert():
    assert alerts(LEAD + BASE + [14]) == []  # 14 = 10 + 2·2


def test_one_above_the_threshold_alerts():
    (a,) = alerts(LEAD + BASE + [15])
    assert a["brand"] == "S" and a["date"] == (START + timedelta(days=8)).date().isoformat()
    assert a["volume"] == 15 and a["z"] == pytest.approx((15 - 10) / 2)
    assert a["top_terms"][0] in ("banjir", "besar") and "sukamaju" not in a["top_terms"]


@pytest.mark.parametrize("k,alerting", [(1.5, True), (2.5, False), (3.0, False)])
def test_k_is_configurable(k, alerting):
    # V = 15: threshold 10 + k·2 → 13, 15, 16
    assert bool(alerts(LEAD + BASE + [15], k=k)) is alerting


def test_sd_floor_on_a_flat_baseline():
    assert alerts(LEAD + [5] * 7 + [7]) == []          # sd 0 → 1: threshold 7
    assert len(alerts(LEAD + [5] * 7 + [8])) == 1


def test_min_volume():
    assert alerts(LEAD + BASE + [15], min_volume=16) == []
    assert len(alerts(LEAD + BASE + [15], min_volume=15)) == 1


def test_fewer_than_eight_days_never_alert():
    assert alerts(BASE + [50]) == []           # the oldest baseline window starts before the data
    assert len(alerts(LEAD + BASE + [50])) == 1


def test_latest_check_is_the_last_24_hours():
    df = posts(LEAD + BASE + [15])
    m = mon.match_mentions(df, {"S": ["Sukamaju"]})
    now = START + timedelta(days=8, hours=1)
    got = mon.latest_check(m, now=pd.Timestamp(now), k=2.0, min_volume=0)["S"]
    assert got == {"volume": 15, "mean": 10.0, "sd": 2.0, "threshold": 14.0, "z": 2.5, "alert": True}


def test_episodes_merge_across_short_gaps_only():
    from autograders.monitoring.spikes import MERGE_GAP_HOURS, _episodes
    gap_ok = [True] + [False] * MERGE_GAP_HOURS + [True]
    gap_long = [True] + [False] * (MERGE_GAP_HOURS + 1) + [True]
    assert _episodes(gap_ok) == [(0, MERGE_GAP_HOURS + 1)]
    assert _episodes(gap_long) == [(0, 0), (MERGE_GAP_HOURS + 2, MERGE_GAP_HOURS + 2)]
