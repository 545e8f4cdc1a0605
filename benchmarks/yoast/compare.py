"""Compare our engine with yoastseo 3.6.0 on the golden drafts: agreement per check, every
disagreement with its reason, and speed.

Run:  /work/main/.venv/bin/python benchmarks/yoast/compare.py [--repeat N] [--only NAME] [--json FILE]

The npm packages in tools/js are installed with ``npm ci`` when missing (needs the npm registry).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
JS_DIR = ROOT / "tools" / "js"
GOLDEN_DIR = ROOT / "tests" / "golden"
SAMPLES_DIR = ROOT / "samples"
REASONS_FILE = Path(__file__).resolve().parent / "reasons.tsv"
MISSING_REASON = "(alasan belum ditulis)"

sys.path.insert(0, str(ROOT))

# yoastseo 3.6.0 assessment identifier -> our check id (one Yoast assessment may map to two of ours).
YOAST_TO_OURS: dict[str, tuple[str, ...]] = {
    "textSentenceLength": ("sentence_length",),
    "textParagraphTooLong": ("paragraph_length",),
    "subheadingsTooLong": ("subheading_distribution",),
    "passiveVoice": ("passive_voice",),
    "textTransitionWords": ("transition_words",),
    "sentenceBeginnings": ("sentence_beginnings",),
    "textPresence": ("text_presence",),
    "fleschReadingEase": ("flesch_reading_ease",),  # not in 3.6.0's readability assessor
    "keyphraseLength": ("keyphrase_length",),
    "keyphraseInSEOTitle": ("keyphrase_in_title",),
    "introductionKeyword": ("keyphrase_in_introduction",),
    "keyphraseDensity": ("keyphrase_density",),
    "metaDescriptionKeyword": ("keyphrase_in_meta_description",),
    "metaDescriptionLength": ("meta_description_length",),
    "subheadingsKeyword": ("keyphrase_in_subheadings",),
    "slugKeyword": ("keyphrase_in_slug",),
    "imageKeyphrase": ("keyphrase_in_image_alt",),
    "images": ("images",),
    "textLength": ("text_length",),
    "titleWidth": ("title_width",),
    "externalLinks": ("outbound_links",),
    "internalLinks": ("internal_links",),
    "singleH1": ("single_h1",),
    "textCompetingLinks": ("competing_links",),
    "functionWordsInKeyphrase": ("function_words_in_keyphrase",),
}


def yoast_rating(score: float) -> str:
    """Yoast's scoreToRating: -1 error, 0 feedback (shown grey: our 'na'), <=4 bad, 5-7 ok, >7 good."""
    if score == -1:
        return "error"
    if score == 0:
        return "na"
    if score <= 4:
        return "bad"
    return "ok" if score <= 7 else "good"


@dataclass(frozen=True)
class Draft:
    name: str
    path: Path
    text: str
    fmt: str  # markdown | html | text
    meta: dict


# ------------------------------------------------------------------------------------ loading


def _front_matter(text: str) -> tuple[dict, str]:
    """YAML-ish front matter between --- lines, if any."""
    match = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.S)
    if not match:
        return {}, text
    import yaml

    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError:
        meta = {}
    return (meta if isinstance(meta, dict) else {}), text[match.end():]


def load_drafts(only: str | None = None) -> list[Draft]:
    drafts: list[Draft] = []
    sources = sorted(p for p in GOLDEN_DIR.glob("*") if p.suffix in {".md", ".html", ".txt"})
    if not sources:
        sources = sorted(p for p in SAMPLES_DIR.glob("*.md") if p.name.lower() != "readme.md")
    for path in sources:
        if only and only not in path.stem:
            continue
        raw = path.read_text(encoding="utf-8")
        meta, body = _front_matter(raw)
        sidecar = path.with_suffix(".json")
        if sidecar.exists():
            meta = {**json.loads(sidecar.read_text(encoding="utf-8")), **meta}
        fmt = {".md": "markdown", ".html": "html"}.get(path.suffix, "text")
        drafts.append(Draft(path.stem, path, body, fmt, meta))
    return drafts


def _html_body(draft: Draft) -> str:
    if draft.fmt == "html":
        match = re.search(r"<body[^>]*>(.*)</body>", draft.text, re.S | re.I)
        return match.group(1) if match else draft.text
    if draft.fmt == "markdown":
        from markdown_it import MarkdownIt

        return MarkdownIt("commonmark").render(draft.text)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", draft.text) if p.strip()]
    import html

    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _first_h1(html_text: str) -> str:
    match = re.search(r"<h1[^>]*>(.*?)</h1>", html_text, re.S | re.I)
    return re.sub(r"<[^>]+>", "", match.group(1)).strip() if match else ""


def yoast_paper(draft: Draft) -> dict:
    from autograders.engine.measure.title_width import title_pixels

    body = _html_body(draft)
    title = draft.meta.get("title") or _first_h1(body)
    lang = draft.meta.get("lang", "id")
    return {
        "text": body,
        "keyword": draft.meta.get("keyphrase", ""),
        "title": title,
        "description": draft.meta.get("description", ""),
        "slug": draft.meta.get("slug", ""),
        "url": draft.meta.get("url", ""),
        "locale": "en_US" if lang == "en" else "id_ID",
        # Yoast measures this in the browser (Arial 20 px); we pass our own measurement.
        "titleWidth": title_pixels(title) if title else 0,
    }


# ------------------------------------------------------------------------------------ running


def ensure_npm() -> None:
    if (JS_DIR / "node_modules" / "yoastseo" / "package.json").exists():
        return
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("npm tidak ditemukan: pasang Node.js 20 dan npm lebih dulu.")
    print("Memasang paket npm di tools/js (npm ci) ...", file=sys.stderr)
    subprocess.run([npm, "ci", "--prefix", str(JS_DIR), "--no-audit", "--no-fund"], check=True)


def run_yoast(papers: list[dict], repeat: int) -> dict:
    done = subprocess.run(
        ["node", str(JS_DIR / "run_yoast.js"), "--repeat", str(repeat)],
        input=json.dumps(papers),
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if done.returncode != 0:
        sys.exit(f"run_yoast.js gagal:\n{done.stderr}")
    return json.loads(done.stdout)


def _analyze_kwargs(draft: Draft) -> dict:
    meta = draft.meta
    return {
        "lang": meta.get("lang") or None,
        "keyphrase": meta.get("keyphrase", ""),
        "title": meta.get("title", ""),
        "description": meta.get("description", ""),
        "slug": meta.get("slug", ""),
        "url": meta.get("url", ""),
    }


def run_ours(draft: Draft, repeat: int) -> tuple[dict, float]:
    from autograders import analyze

    kwargs = _analyze_kwargs(draft)
    result = analyze(draft.text, **kwargs).to_dict()
    analyze(draft.text, **kwargs)  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        analyze(draft.text, **kwargs).to_dict()
        times.append((time.perf_counter() - start) * 1000)
    return result, statistics.median(times)


def _our_checks(result: dict) -> dict[str, dict]:
    checks: dict[str, dict] = {}
    for section in ("readability", "seo"):
        for check in (result.get(section) or {}).get("checks", []):
            checks[check["id"]] = check
    return checks


def process_start_times(draft: Draft, paper: dict) -> tuple[float, float]:
    """Wall time from process start to JSON on stdout, ours (CLI) vs Node (run_yoast.js, no timing loop)."""
    args = [sys.executable, "-m", "autograders", "analyze", str(draft.path), "--format", "json"]
    for key, value in _analyze_kwargs(draft).items():
        if value:
            args += [f"--{key}", value]
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False, cwd=ROOT)
    ours = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    subprocess.run(
        ["node", str(JS_DIR / "run_yoast.js"), "--no-timing"],
        input=json.dumps([paper]),
        capture_output=True,
        text=True,
        check=False,
    )
    yoast = (time.perf_counter() - start) * 1000
    return ours, yoast


# ------------------------------------------------------------------------------------ reporting


def load_reasons() -> dict[tuple[str, str], str]:
    reasons: dict[tuple[str, str], str] = {}
    if not REASONS_FILE.exists():
        return reasons
    for line in REASONS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            reasons[(parts[0].strip(), parts[1].strip())] = parts[2].strip()
    return reasons


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text or "")).strip()


def compare(drafts: list[Draft], yoast: dict, ours: list[dict]) -> tuple[dict, list[dict]]:
    per_check: dict[str, list[int]] = {}
    disagreements: list[dict] = []
    for draft, yoast_paper_result, our_result in zip(drafts, yoast["papers"], ours):
        if "error" in yoast_paper_result:
            print(f"[{draft.name}] Yoast gagal: {yoast_paper_result['error']}", file=sys.stderr)
            continue
        our_checks = _our_checks(our_result)
        for item in yoast_paper_result["readability"] + yoast_paper_result["seo"]:
            for check_id in YOAST_TO_OURS.get(item["id"], ()):
                if check_id not in our_checks:
                    continue
                theirs = yoast_rating(item["score"])
                mine = our_checks[check_id]["rating"]
                stats = per_check.setdefault(check_id, [0, 0])
                stats[1] += 1
                if theirs == mine:
                    stats[0] += 1
                else:
                    disagreements.append({
                        "paper": draft.name,
                        "check": check_id,
                        "yoast": theirs,
                        "yoast_text": _plain(item["text"]),
                        "ours": mine,
                        "our_message": our_checks[check_id].get("message", ""),
                    })
    return per_check, disagreements


def agreement(per_check: dict) -> tuple[int, int]:
    """(checks rated the same, checks compared) over every draft."""
    return sum(s for s, _ in per_check.values()), sum(t for _, t in per_check.values())


def unexplained(disagreements: list[dict], reasons: dict) -> list[dict]:
    """Disagreements without a line in reasons.tsv: an accident to fix in the engine, or a choice to explain."""
    return [d for d in disagreements if (d["paper"], d["check"]) not in reasons]


def stale_reasons(disagreements: list[dict], reasons: dict, drafts: list[Draft]) -> list[tuple[str, str]]:
    """Lines of reasons.tsv (for the drafts compared) whose disagreement no longer happens."""
    compared = {d.name for d in drafts}
    found = {(d["paper"], d["check"]) for d in disagreements}
    return sorted(key for key in reasons if key[0] in compared and key not in found)


def print_report(per_check, disagreements, reasons, speed, stale=()) -> None:
    print("\nKesesuaian per pemeriksaan (peringkat sama / jumlah naskah)")
    print(f"{'pemeriksaan':34} {'sama':>5} {'total':>5} {'persen':>7}")
    for check_id in sorted(per_check):
        same, total = per_check[check_id]
        print(f"{check_id:34} {same:5d} {total:5d} {100 * same / total:6.1f}%")
    total_same, total_all = agreement(per_check)
    if total_all:
        print(f"{'SEMUA':34} {total_same:5d} {total_all:5d} {100 * total_same / total_all:6.1f}%")
    missing = unexplained(disagreements, reasons)
    print(f"\nPerbedaan ({len(disagreements)}; {len(disagreements) - len(missing)} disengaja dengan alasan, "
          f"{len(missing)} tanpa alasan)")
    for item in disagreements:
        reason = reasons.get((item["paper"], item["check"]), MISSING_REASON)
        print(f"- {item['paper']} · {item['check']}: Yoast={item['yoast']} | kita={item['ours']}")
        print(f"    Yoast : {item['yoast_text']}")
        print(f"    Kita  : {item['our_message']}")
        print(f"    Alasan: {reason}")
    if stale:
        print(f"\nAlasan usang di reasons.tsv (perbedaannya sudah tidak ada; hapus barisnya): {len(stale)}")
        for paper, check in stale:
            print(f"- {paper} · {check}")
    print("\nKecepatan")
    print(f"  median per analisis, mesin kita (Python): {speed['ours_ms']:.1f} ms")
    print(f"  median per analisis, Yoast (Node, hangat): {speed['yoast_ms']:.1f} ms")
    if speed["yoast_ms"]:
        print(f"  rasio kita/Yoast: {speed['ours_ms'] / speed['yoast_ms']:.2f}×")
    print(f"  proses utuh sampai JSON ({speed['process_paper']}): "
          f"python -m autograders analyze {speed['process_ours_ms']:.0f} ms, "
          f"node run_yoast.js {speed['process_yoast_ms']:.0f} ms")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Bandingkan mesin analisis kita dengan yoastseo 3.6.0.")
    parser.add_argument("--repeat", type=int, default=7, help="jumlah pengulangan berwaktu per naskah")
    parser.add_argument("--only", help="hanya naskah yang namanya memuat teks ini")
    parser.add_argument("--json", type=Path, help="simpan hasil lengkap ke berkas JSON ini")
    args = parser.parse_args(argv)

    ensure_npm()
    drafts = load_drafts(args.only)
    if not drafts:
        print("Tidak ada naskah emas di tests/golden maupun contoh di shared/samples.", file=sys.stderr)
        return 1
    papers = [yoast_paper(d) for d in drafts]
    yoast = run_yoast(papers, args.repeat)
    ours, our_times = [], []
    for draft in drafts:
        result, median_ms = run_ours(draft, args.repeat)
        ours.append(result)
        our_times.append(median_ms)
    per_check, disagreements = compare(drafts, yoast, ours)
    process_ours, process_yoast = process_start_times(drafts[0], papers[0])
    speed = {
        "ours_ms": statistics.median(our_times),
        "yoast_ms": yoast.get("median_ms_per_analysis") or 0.0,
        "process_paper": drafts[0].name,
        "process_ours_ms": process_ours,
        "process_yoast_ms": process_yoast,
    }
    reasons = load_reasons()
    print_report(per_check, disagreements, reasons, speed, stale_reasons(disagreements, reasons, drafts))
    if args.json:
        args.json.write_text(json.dumps({"agreement": per_check, "disagreements": disagreements,
                                         "speed": speed, "yoast": yoast}, ensure_ascii=False, indent=2),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
