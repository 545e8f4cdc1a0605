"""Benchmark of autograders.monitoring (a script, not a test).

1. Sentiment quality on the hand-labelled set (data/labelled_posts.tsv): accuracy, and precision/recall/F1 per
   class and macro-F1, for the 'dev' rows (looked at while tuning), the held-out 'test' rows and all rows.
   Goal: macro-F1 >= 0.75.
2. Speed: generate N posts (default 1,000,000) to a CSV file in a child process (not timed), then time end to
   end load_mentions → monitor → render_html_report, with peak memory (ru_maxrss of this process, which does
   only the analysis). Goal: under 60 s and 4 GB.
   Sentiment and matching run once per *distinct* text, and generated texts repeat (templates), so
   ``--distinct`` appends a different number to every post: the worst case, where no text repeats.

Run:  .venv/bin/python benchmarks/monitoring_bench.py [--posts 1000000] [--days 90] [--distinct] [--skip-speed]
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from autograders import monitoring as mon  # noqa: E402

LABELS = ("positive", "negative", "neutral")
BRANDS = {"Sukamaju": ["Sukamaju", "@pemkabsukamaju", "#SukamajuBersih", "#BanjirSukamaju"]}
PEERS = {"Mekarsari": ["Mekarsari", "@pemkabmekarsari"], "Tirtajaya": ["Tirtajaya", "@pemkottirtajaya"]}


def scores(pairs) -> dict:
    conf = Counter(pairs)
    out = {}
    for lab in LABELS:
        tp = conf[(lab, lab)]
        fp = sum(conf[(o, lab)] for o in LABELS if o != lab)
        fn = sum(conf[(lab, o)] for o in LABELS if o != lab)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        out[lab] = (p, r, 2 * p * r / (p + r) if p + r else 0.0, tp + fn)
    acc = sum(conf[(lab, lab)] for lab in LABELS) / max(1, sum(conf.values()))
    return {"accuracy": acc, "per_class": out, "macro_f1": sum(v[2] for v in out.values()) / len(LABELS)}


def quality() -> float:
    with open(mon.LABELLED_PATH, encoding="utf-8") as fh:
        rows = list(csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t"))
    pred = [mon.sentiment(r["text"])["label"] for r in rows]
    print(f"Sentiment on the labelled set ({len(rows)} posts: "
          + ", ".join(f"{k} {v}" for k, v in sorted(Counter(r['label'] for r in rows).items())) + ")")
    macro_test = 0.0
    for split in ("dev", "test", "all"):
        pairs = [(r["label"], p) for r, p in zip(rows, pred) if split == "all" or r["split"] == split]
        s = scores(pairs)
        print(f"  {split:4s} n={len(pairs):3d} accuracy={s['accuracy']:.3f} macro-F1={s['macro_f1']:.3f}  " +
              "  ".join(f"{lab}: P={p:.2f} R={r:.2f} F1={f:.2f}" for lab, (p, r, f, _) in s["per_class"].items()))
        if split == "test":
            macro_test = s["macro_f1"]
    print(f"  goal macro-F1 >= 0.75 on held-out test rows: {'MET' if macro_test >= 0.75 else 'NOT MET'}")
    return macro_test


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


GENERATE = """
import sys
import numpy as np
from autograders.monitoring.generator import generate_mentions, to_csv_frame
path, n, days, distinct = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
df = generate_mentions(n, days, seed=7)
if distinct:
    df["text"] = df["text"] + " " + (np.random.default_rng(1).permutation(len(df)) + 10_000_000).astype(str)
to_csv_frame(df).to_csv(path, index=False)
"""


def speed(n_posts: int, days: int, distinct: bool) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "mentions.csv")
        t0 = time.perf_counter()
        root = str(Path(__file__).resolve().parents[1])
        subprocess.run([sys.executable, "-c", GENERATE, path, str(n_posts), str(days), "1" if distinct else "0"],
                       check=True, cwd=root, env={**os.environ, "PYTHONPATH": root})
        t_gen = time.perf_counter() - t0
        print(f"\nGenerated {n_posts:,} posts over {days} days{' (every text distinct)' if distinct else ''} in "
              f"{t_gen:.1f} s ({os.path.getsize(path) / 1e6:.0f} MB CSV; child process, not part of the timing)")
        t0 = time.perf_counter()
        df = mon.load_mentions(path)
        t_load = time.perf_counter()
        result = mon.monitor(df, BRANDS, PEERS)
        t_mon = time.perf_counter()
        html = mon.render_html_report(result, df)
        t_end = time.perf_counter()
    total = t_end - t0
    print(f"End to end: {total:.1f} s  (load {t_load - t0:.1f} s, monitor {t_mon - t_load:.1f} s, "
          f"HTML report {t_end - t_mon:.1f} s; {len(html) / 1e3:.0f} kB)")
    print(f"Peak memory (max RSS of the analysing process): {peak_mb():.0f} MB")
    print(f"Mentions: {result['mentions']}; alerts: {len(result['spikes'])}; distinct texts: "
          f"{df['text'].nunique():,} of {len(df):,} (sentiment and matching run once per distinct text)")
    print(f"  goal < 60 s: {'MET' if total < 60 else 'NOT MET'}; goal < 4096 MB: "
          f"{'MET' if peak_mb() < 4096 else 'NOT MET'}")
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=1_000_000)
    ap.add_argument("--days", type=int, default=90)
    ap.add_argument("--distinct", action="store_true", help="make every text distinct (worst case for caching)")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    quality()
    if not args.skip_speed:
        speed(args.posts, args.days, args.distinct)
    return 0


if __name__ == "__main__":
    sys.exit(main())
