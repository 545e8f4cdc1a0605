"""One scorer per criterion type: ``(criterion, answer, context) -> Outcome`` (a share of the criterion's points,
a rating, one Indonesian note). The types are described in the header of :mod:`.rubric`.

Every scorer judges the text a reader sees — the engine's plain text of the answer (``report.document.text``),
never the raw Markdown — so hidden HTML, comments and link targets earn nothing.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Mapping, Sequence

from .claims import cached_language_data, phrase_before, phrase_keys, read_claims
from .facts import FactsJudgement, find_phrase, judge_facts, problem_summary
from .factsheet import FactSheet

RATING_LABELS = {"good": "baik", "ok": "cukup", "bad": "kurang", "na": "tidak dapat dinilai"}
PLAIN_KINDS = ("spelling", "bureaucratic", "acronym")
TONE_KINDS = ("blame", "threat", "personal_data", "puffery", "opinion")
TONE_NAMES = {"blame": "menyalahkan warga", "threat": "ancaman atau sanksi", "personal_data":
              "meminta data pribadi di ruang publik", "puffery": "klaim berlebihan", "opinion": "opini di luar kutipan"}
CONTENT_TYPES = ("facts", "contains", "figures")


@dataclass(frozen=True)
class Answer:
    """One answer cell, as the engine read it."""

    cell: str
    raw: str  # the trainee's Markdown (stub and code removed)
    body: str  # without the ``Label: value`` lines
    values: Mapping[str, str]
    report: Any  # the engine's Report, or None when it could not read the answer
    problem: str | None = None

    @property
    def text(self) -> str:
        """The plain text a reader sees."""
        return self.report.document.text if self.report is not None else ""

    @property
    def words(self) -> int:
        return len(self.report.document.words) if self.report is not None else 0

    @property
    def facts_document(self):
        """The document the answer checker reads: the body, and the ``Label: value`` fields before it (an SEO
        title or meta description makes claims too)."""
        if not self.values or self.report is None:
            return self.report.document if self.report is not None else None
        from ..parse.document import parse

        text = "\n\n".join([*(v for v in self.values.values() if v), self.report.document.text])
        return self.report.document.cached("scoring.facts_document",
                                           lambda: parse(text, self.report.document.language, fmt="text"))


@dataclass(frozen=True)
class Context:
    task: Any  # rubric.Task
    sheet: FactSheet | None
    feedback_lang: str = "id"


@dataclass(frozen=True)
class Outcome:
    share: float
    rating: str  # good | ok | bad | na | missing
    note: str
    facts: FactsJudgement | None = None
    tone: tuple[str, ...] = ()  # kinds of tone findings not allowed (for the tone gate)
    problems: tuple = ()  # further integrity problems (facts.Problem) for the task's gate: a misleading link
    keyword_alt: bool = False  # an image's alt text is a keyword list (for the task's alt-text gate)


def proportion(found: int, total: int, counted: str, lead: str, missing: Sequence[str]) -> Outcome:
    """Points in proportion to what was found: all = good, some = ok, none = bad; the note names what is missing."""
    share = found / total if total else 0.0
    rating = "good" if share == 1 else ("ok" if share > 0 else "bad")
    note = f"{found} dari {total} {counted}."
    if missing:
        note += f" {lead}: " + "; ".join(missing) + "."
    return Outcome(share, rating, note)


def share_of(rating: str, spec: Mapping[str, Any]) -> float:
    partial = spec.get("partial") or {}
    defaults = {"good": 1.0, "ok": 0.5, "bad": 0.0, "na": 0.0}
    try:
        share = float(partial.get(rating, defaults.get(rating, 0.0)))
    except (TypeError, ValueError):
        share = defaults.get(rating, 0.0)
    return min(max(share, 0.0), 1.0)


# ------------------------------------------------------------------------------------------------ statistics
def document_stats(report) -> dict[str, Any]:
    """The engine's statistics plus counts of the parsed document a rubric may ask for."""
    stats = dict(report.stats)
    doc = report.document
    headings = doc.headings
    stats.update(h1=sum(1 for b in headings if b.level == 1), subheadings=sum(1 for b in headings if b.level >= 2),
                 links=len(doc.links), images=len(doc.images),
                 body_words=sum(len(b.words) for b in doc.blocks if b.kind not in ("heading", "code")))
    return stats


def _requirements(criterion, answer: Answer) -> str | None:
    """The first unmet precondition of a criterion (``requires: [{stat, min, max, note}]``), as a note."""
    stats = document_stats(answer.report)
    for need in criterion.spec.get("requires") or []:
        value = stats.get(str(need.get("stat")))
        low, high = need.get("min"), need.get("max")
        if value is None or (low is not None and value < low) or (high is not None and value > high):
            return str(need.get("note") or f"Syarat {need.get('stat')} belum terpenuhi.")
    return None


# ------------------------------------------------------------------------------------------------ scorers
def score_check(criterion, answer: Answer, ctx: Context) -> Outcome:
    spec = criterion.spec
    report = answer.report
    section = report.section(str(spec["section"]))
    result = None
    if section is not None:
        result = next((c for c in section.checks if c.id == spec["check"]), None)
    if result is None:
        return Outcome(0.0, "missing", f"Pemeriksaan '{spec['check']}' (bagian {spec['section']}) belum tersedia di "
                                       "mesin analisis; kriteria ini diberi 0 poin. Beri tahu instruktur.")
    unmet = _requirements(criterion, answer)
    if unmet:
        return Outcome(0.0, "bad", unmet)
    return Outcome(share_of(result.rating, spec), result.rating, report.message(result))


def score_stat(criterion, answer: Answer, ctx: Context) -> Outcome:
    spec = criterion.spec
    name = str(spec.get("stat", "words"))
    value = document_stats(answer.report).get(name)
    if value is None:
        return Outcome(0.0, "missing", f"Statistik '{name}' tidak tersedia; kriteria ini diberi 0 poin.")
    low, high = spec.get("min"), spec.get("max")
    unit = str(spec.get("unit", "kata"))
    if low is not None and value < low:
        return Outcome(0.0, "bad", str(spec.get("note_min") or f"Baru {value} {unit}; minimal {low} {unit}."))
    if high is not None and value > high:
        return Outcome(0.0, "bad", str(spec.get("note_max") or f"Ada {value} {unit}; maksimal {high} {unit}."))
    return Outcome(1.0, "good", f"{value} {unit}, sesuai batas.")


def _term_found(answer: Answer, alternatives: Sequence[str], unnegated: bool) -> bool:
    doc = answer.report.document
    data = cached_language_data(doc.language.code)
    claims = read_claims(doc, data)
    for phrase in alternatives:
        keys = phrase_keys(str(phrase), doc.language)
        for segment in claims.segments:
            for start in find_phrase(segment, keys):
                if not unnegated:
                    return True
                first = max(segment.clause_start(start, data.clause_breaks), start - 3)
                if phrase_before(segment, start, data.negations, first) is None:
                    return True
    return False


def score_contains(criterion, answer: Answer, ctx: Context) -> Outcome:
    spec = criterion.spec
    hints = spec.get("hints") or []
    groups = spec.get("terms") or spec.get("any_of") or []
    if not groups:
        return Outcome(0.0, "missing", "Kriteria ini belum berisi pola; kriteria diberi 0 poin.")
    use_terms = bool(spec.get("terms"))
    unnegated = bool(spec.get("unnegated"))
    text = answer.text
    found, missing = 0, []
    for index, group in enumerate(groups):
        alternatives = group if isinstance(group, (list, tuple)) else [group]
        if use_terms:
            hit = _term_found(answer, [str(a) for a in alternatives], unnegated)
        else:
            hit = any(re.search(str(p), text, re.IGNORECASE | re.MULTILINE) for p in alternatives)
        if hit:
            found += 1
        else:
            missing.append(str(hints[index]) if index < len(hints) else f"unsur ke-{index + 1}")
    return proportion(found, len(groups), "unsur ditemukan", "Belum ada", missing)


def score_absent(criterion, answer: Answer, ctx: Context) -> Outcome:
    hits = []
    for pattern in flatten(criterion.spec.get("patterns")):
        match = re.search(pattern, answer.text, re.IGNORECASE)
        if match:
            hits.append(match.group(0))
    if hits:
        return Outcome(0.0, "bad", "Ganti bentuk berikut: " + ", ".join(dict.fromkeys(h.lower() for h in hits)) + ".")
    return Outcome(1.0, "good", "Tidak ada bentuk yang harus dihindari.")


def score_plain(criterion, answer: Answer, ctx: Context) -> Outcome:
    from ..assess.plain_language import plain_findings

    report = answer.report
    kinds = set(flatten(criterion.spec.get("kinds")) or PLAIN_KINDS)
    if report.lang != "id":
        return Outcome(0.0, "na", "Pemeriksaan bahasa baku hanya untuk jawaban berbahasa Indonesia; kriteria ini "
                                  "diberi 0 poin.")
    found = [f for f in plain_findings(report.document) if f.kind in kinds]
    allowed = int(criterion.spec.get("max", 0) or 0)
    if len(found) <= allowed:
        return Outcome(1.0, "good", "Tidak ada bentuk yang harus diganti." if not found else
                       f"{len(found)} bentuk, masih dalam batas.")
    shown = list(dict.fromkeys(f"{f.text} → {f.suggestion}" if f.suggestion else f.text for f in found))
    more = f" (dan {len(shown) - 5} lagi)" if len(shown) > 5 else ""
    return Outcome(0.0, "bad", "Ganti bentuk berikut: " + "; ".join(shown[:5]) + more + ".")


def score_figures(criterion, answer: Answer, ctx: Context) -> Outcome:
    from .figures import find_figure

    spec = criterion.spec
    facts = spec.get("values")
    if not isinstance(facts, Mapping):
        problem = spec.get("values_error") or f"Angka dari sumber data '{spec.get('source', '')}' belum dihitung."
        return Outcome(0.0, "missing", f"{problem} Kriteria ini diberi 0 poin.")
    wanted = spec.get("figures") or []
    if not wanted:
        return Outcome(0.0, "missing", "Kriteria ini belum berisi angka yang dicari; kriteria diberi 0 poin.")
    found, missing = 0, []
    for item in wanted:
        name = str(item.get("fact"))
        if name in facts and find_figure(answer.text, facts[name], float(item.get("tolerance", 0.5))):
            found += 1
        else:
            missing.append(str(item.get("label", name)))
    return proportion(found, len(wanted), "angka dari data ditemukan dengan benar", "Periksa lagi", missing)


def score_facts(criterion, answer: Answer, ctx: Context) -> Outcome:
    spec = criterion.spec
    sheet = ctx.sheet
    if sheet is None:
        return Outcome(0.0, "missing", "Rubrik ini belum punya lembar fakta; kriteria diberi 0 poin.")
    groups = [[str(x) for x in r] if isinstance(r, (list, tuple)) else [str(r)] for r in spec.get("required") or []]
    judgement = judge_facts(sheet, answer.facts_document, [i for g in groups for i in g],
                            implicit_subject=bool(spec.get("implicit_subject")),
                            forbidden=[str(f) for f in spec.get("forbidden") or []])
    right = set(judgement.right)
    contradicted = {p.fact for p in judgement.contradictions}
    stated = [g for g in groups if right & set(g)]
    missing = [g for g in groups if not (right & set(g)) and not (contradicted & set(g))]
    penalty = float(spec.get("penalty", 0.25))
    counted_invented = judgement.invented if spec.get("invented", True) else ()
    problems = len(judgement.contradictions) + len(counted_invented)
    base = len(stated) / len(groups) if groups else 1.0
    share = max(0.0, min(1.0, base - penalty * problems))
    parts = []
    if groups:
        parts.append(f"{len(stated)} dari {len(groups)} fakta wajib tertulis tepat.")
    if judgement.contradictions:
        parts.append("Bertentangan dengan lembar fakta: " + problem_summary(judgement.contradictions))
    if counted_invented:
        parts.append("Karangan: " + problem_summary(list(counted_invented)))
    if missing:
        hints = spec.get("hints") or {}
        names = [str(hints.get(g[0]) or " atau ".join(sheet.item(i).label for i in g)) for g in missing]  # type: ignore[union-attr]
        parts.append("Belum ada (tulis dalam satu kalimat, sesuai lembar fakta): " + "; ".join(names) + ".")
    if not parts:
        parts.append("Semua fakta sesuai lembar fakta; tidak ada fakta karangan.")
    rating = "good" if share >= 1 else ("ok" if share > 0 else "bad")
    return Outcome(share, rating, " ".join(parts), facts=judgement)


def _field(finding: Any, name: str, default: Any = None) -> Any:
    if isinstance(finding, Mapping):
        return finding.get(name, default)
    return getattr(finding, name, default)


def _allowed_threat(finding: Any, answer: Answer, sheet: FactSheet | None) -> bool:
    """A threat or sanction the fact sheet itself states (its ``sanction`` items) is information, not a threat."""
    if sheet is None:
        return False
    sanctions = [i for i in sheet.items if i.kind == "sanction"]
    if not sanctions:
        return False
    language = answer.report.document.language
    start, end = int(_field(finding, "start", 0) or 0), int(_field(finding, "end", 0) or 0)
    sentence = set(k for k in phrase_keys(answer.text[start:end], language) if k[0] == "w")
    for item in sanctions:
        wanted = {k for k in phrase_keys(item.text, language) if k[0] == "w" and k[1] not in language.stopwords}
        if wanted and len(sentence & wanted) >= min(3, len(wanted)):
            return True
    return False


def score_tone(criterion, answer: Answer, ctx: Context) -> Outcome:
    try:
        from ..assess.tone import tone_findings
    except ImportError:
        return Outcome(0.0, "missing", "Pemeriksaan nada belum tersedia di mesin analisis; kriteria ini diberi 0 poin. "
                                       "Beri tahu instruktur.")
    from ..paper import Paper

    options = ctx.task.analyze
    paper = Paper(kind=str(options.get("kind", "article")), platform=str(options.get("platform", "")))
    kinds = set(flatten(criterion.spec.get("kinds")) or TONE_KINDS)
    allow = set(flatten(criterion.spec.get("allow")))
    findings = [f for f in tone_findings(answer.report.document, paper) or () if _field(f, "kind") in kinds]
    problems = []
    for finding in findings:
        kind = str(_field(finding, "kind"))
        if kind in allow or (kind == "threat" and _allowed_threat(finding, answer, ctx.sheet)):
            continue
        problems.append(finding)
    if not problems:
        return Outcome(1.0, "good", "Nada sesuai untuk akun resmi: tidak menyalahkan, tidak mengancam, tidak meminta "
                                    "data pribadi di ruang publik.")
    notes = []
    for finding in problems[:4]:
        kind = str(_field(finding, "kind"))
        start, end = int(_field(finding, "start", 0) or 0), int(_field(finding, "end", 0) or 0)
        sentence = " ".join(answer.text[start:end].split())
        suggestion = _field(finding, "suggestion", "") or ""
        note = f"{TONE_NAMES.get(kind, kind).capitalize()}: *{sentence}*"
        text = note + (f" — {suggestion}" if suggestion else "")
        notes.append(text if text.endswith((".", "!", "?")) else text + ".")  # one full stop, never two
    more = f" (dan {len(problems) - 4} lagi)" if len(problems) > 4 else ""
    return Outcome(0.0, "bad", " ".join(notes) + more,
                   tone=tuple(dict.fromkeys(str(_field(f, "kind")) for f in problems)))


MISLEADING_LINKS = {"search_page": "halaman pencarian", "shortener": "penyingkat tautan yang menyembunyikan tujuannya",
                    "lookalike": "alamat yang meniru situs pemerintah", "userinfo": "alamat yang menyamarkan situs tujuannya"}


def score_links(criterion, answer: Answer, ctx: Context) -> Outcome:
    """Official sources, judged by the engine's one link rule; a link that poses as a source but hides or fakes
    where it goes (a search page, a shortener, a look-alike of a government address) is also an integrity
    problem for the task: citizens are sent somewhere other than the official page."""
    try:
        from ..measure.links import is_official_url
    except ImportError:
        return Outcome(0.0, "missing", "Pemeriksaan tautan resmi belum tersedia di mesin analisis; kriteria ini diberi "
                                       "0 poin. Beri tahu instruktur.")
    try:
        from ..measure.links import official_url_reason
    except ImportError:  # an engine with only the yes/no rule
        official_url_reason = None  # type: ignore[assignment]
    from .facts import Problem

    spec = criterion.spec
    domains = tuple(ctx.sheet.domains) if ctx.sheet else ()
    wanted = int(spec.get("official", 1) or 1)
    outbound = bool(spec.get("outbound"))
    doc = answer.report.document
    hrefs = [link.href for link in doc.links]
    hrefs += [w.text for w in doc.words if w.kind in ("url", "domain") and w.text not in hrefs]
    official, other, misleading = [], [], []
    for href in dict.fromkeys(hrefs):
        own = _own_domain(href, domains)
        if is_official_url(href, domains) and not (outbound and own):
            official.append(href)
        elif not (outbound and own):
            other.append(href)
            reason = official_url_reason(href, domains) if official_url_reason else ""
            if reason in MISLEADING_LINKS:
                start = doc.text.find(href)
                misleading.append(Problem("invented", "link", href, max(start, 0), max(start, 0) + len(href), "",
                                          f"*{href}* bukan sumber resmi: {MISLEADING_LINKS[reason]}."))
    if len(official) >= wanted:
        return Outcome(1.0, "good", f"{len(official)} tautan ke sumber resmi.", problems=tuple(misleading))
    note = (f"Baru {len(official)} tautan ke sumber resmi; perlu {wanted}. Sumber resmi adalah situs pemerintah "
            f"(go.id)" + (", bukan situs instansi Anda sendiri" if outbound else "") + ", bukan halaman pencarian atau "
            "penyingkat tautan.")
    if other:
        note += " Bukan sumber resmi: " + ", ".join(other[:3]) + "."
    return Outcome(len(official) / wanted, "ok" if official else "bad", note, problems=tuple(misleading))


def score_alt_text(criterion, answer: Answer, ctx: Context) -> Outcome:
    """Every image's alt text describes the image in words a screen reader can read out, judged by the engine's
    prose check (a comma list of keywords is not a description); a keyword list also gates the whole task."""
    try:
        from ..assess.prose import prose_assessment
    except ImportError:
        return Outcome(0.0, "missing", "Pemeriksaan prosa belum tersedia di mesin analisis; kriteria ini diberi 0 "
                                       "poin. Beri tahu instruktur.")
    from ..paper import Paper
    from ..parse.document import parse

    doc = answer.report.document
    if not doc.images:
        return Outcome(0.0, "bad", "Belum ada gambar dengan teks alternatif.")
    paper = Paper(keyphrase=str(ctx.task.analyze.get("keyphrase", "")))
    empty, lists = 0, []
    for image in doc.images:
        alt = " ".join(image.alt.split())
        if not alt:
            empty += 1
            continue
        if prose_assessment(parse(alt, doc.language, fmt="text"), paper).rating == "bad":
            lists.append(alt)
    if not empty and not lists:
        return Outcome(1.0, "good", "Teks alternatif menjelaskan gambar dengan kalimat.")
    parts = []
    if empty:
        parts.append(f"{empty} gambar belum punya teks alternatif.")
    if lists:
        parts.append("Teks alternatif berupa deretan kata kunci, bukan penjelasan gambar bagi pembaca layar: "
                     + "; ".join(f"*{a}*" for a in lists[:3]) + ". Jelaskan apa yang tampak di gambar.")
    return Outcome(0.0, "bad", " ".join(parts), keyword_alt=bool(lists))


def _own_domain(href: str, domains: Sequence[str]) -> bool:
    from urllib.parse import urlsplit

    try:
        host = urlsplit(href if "//" in href else "//" + href).hostname or ""
    except ValueError:
        return False
    host = host.lower()
    return any(host == d or host.endswith("." + d) for d in domains)


def flatten(items: Any) -> list[str]:
    out: list[str] = []
    for item in items or []:
        if isinstance(item, (list, tuple)):
            out.extend(str(x) for x in item)
        else:
            out.append(str(item))
    return out


SCORERS: Mapping[str, Callable[..., Outcome]] = {
    "check": score_check, "stat": score_stat, "contains": score_contains, "absent": score_absent,
    "plain": score_plain, "figures": score_figures, "facts": score_facts, "tone": score_tone, "links": score_links,
    "alt_text": score_alt_text,
}
CRITERION_TYPES = tuple(SCORERS)
