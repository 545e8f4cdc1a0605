"""Figures a trainee must quote from a course data set (module 5: the sample monitoring data).

A fact source is a name in :data:`SOURCES`; its facts are computed from the data the package ships (never typed
into the rubric, so they stay right when the data changes) and cached per process (read-only after the first
call, so threads may share it). A fact is a number (percent, count) or an ISO date.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Mapping


# The monitoring exercise: our agency and its peers, as in the book's chapter 5.
MONITORING_BRANDS = {"Sukamaju": ["Sukamaju", "@pemkabsukamaju", "#SukamajuBersih"]}
MONITORING_PEERS = {"Mekarsari": ["Mekarsari", "@pemkabmekarsari"], "Tirtajaya": ["Tirtajaya", "@pemkottirtajaya"]}


class FactError(RuntimeError):
    """The data behind a figure cannot be computed here (message in Indonesian)."""


@lru_cache(maxsize=4)
def _monitoring_sample() -> Mapping[str, object]:
    try:
        from .. import monitoring as mon

        df = mon.load_mentions(mon.SAMPLE_PATH)
        result = mon.monitor(df, MONITORING_BRANDS, MONITORING_PEERS)
    except Exception as error:  # noqa: BLE001 - becomes an Indonesian note in the feedback
        raise FactError("Data contoh pemantauan tidak dapat dihitung.") from error
    facts: dict[str, object] = {}
    for name, share in result["share_of_voice"].items():
        facts[f"share_of_voice.{name}"] = float(share)
    for name, counts in result["mentions"].items():
        facts[f"mentions.{name}"] = float(counts)
    for name, values in result["sentiment"].items():
        facts[f"net_sentiment.{name}"] = float(values["net"])
    for name, daily in result["daily"].items():
        if daily:
            facts[f"peak_day.{name}"] = max(daily, key=lambda day: (daily[day], day))
    return facts


SOURCES = {"monitoring_sample": _monitoring_sample}


def load_facts(source: str) -> Mapping[str, object]:
    if source not in SOURCES:
        raise FactError(f"Sumber data '{source}' tidak dikenal.")
    return SOURCES[source]()
