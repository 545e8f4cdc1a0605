"""The fact sheet (*lembar fakta*) of an exercise: what the trainee is given, machine-readable.

It lives in the rubric file (``facts:`` at the top for the whole assignment; a task may add its own ``facts:``),
so the SHA-256 the hidden test cells check covers it and the browser gets it with the rubric. The notebook shows
it to the trainee (``exercises/build_notebooks.py`` renders :func:`render_markdown`). Schema::

    facts:
      agency: Pemerintah Kabupaten Sukamaju      # the agency's own name: always permitted
      region: Kabupaten Sukamaju                 # the course's fictional region: always permitted
      domains: [sukamajukab.go.id]               # the agency's own web domains ("official source" links)
      today: 2026-12-02                          # the scenario's today: its date and year are permitted
      items:                                     # one entry per fact, in the order the trainee reads them
        - id: mulai                              # referred to by `facts` criteria (required: [mulai])
          kind: when                             # what|who|when|where|number|deadline|schedule|name|quote|
                                                 # address|link|contact|condition|sanction|hoax|other (the heading)
          text: "Layanan pindah mulai Jumat, 1 Januari 2027."   # what the trainee reads; every number, date,
                                                 # time, name … in it is "held by the fact sheet"
          label: tanggal mulai 1 Januari 2027    # short name for feedback (default: text)
          # What a `facts` criterion checks when this item is required (all optional):
          date: 2027-01-01                       # a date …
          time: "08.00-15.00"                    # … or a time or time range …
          number: 10                             # … or a number, with `unit` (words after it) …
          unit: [hari kerja]
          percent: 88                            # … or a percentage, or `money: 125000`
          subject: [jawab, permohonan]           # words or phrases one of which must share the sentence
          also: [semester]                       # other wordings that state the fact (with the subject)
          says: [[sudirman], ["10", "sepuluh"]]  # a phrase fact: every group in one sentence, any word of a group
          move: {from: [kelurahan], to: [mal pelayanan publik, mpp]}   # a move: from … to …
          speaker: [ratna]                       # a quote (text = the quotation): who must be named with it
          quoted: true                           # the text is somebody else's words (a citizen's post): shown as a
                                                 # marked block quote
          # kind: hoax — a false claim in circulation (quoted): with `says`, a `forbidden` entry of a `facts`
          # criterion; the answer may name it once as false, never state it, never open with it (see facts.py)
      permits:                                   # what an answer may add beyond the items
        numbers: [1]
        years: [2026]
        names: [Disdukcapil]                     # names the trainee may use (words of the sheet are allowed)
        promises: [free]                         # families from languages/<code>/fact_promises.tsv
        arithmetic: true                         # sums, differences, ratios and percentages of sheet numbers
        quotes: false                            # may the answer quote anyone not in the sheet? (default no)

A sheet whose figures come from a course data set names it (``source: monitoring_sample``) and writes
``{name}`` placeholders (``{share_of_voice.Sukamaju}``; ``{name|tanda}`` with its sign); the server fills them in
when it reads the rubric (:mod:`autograders.grading.rubric_file`), in texts as the trainee reads them and in
machine fields as raw values. A task's own ``facts:`` (items and permits) is added to the assignment's sheet for
that task only.

Words and phrases are compared by stem (*jawab* matches *dijawab*, *menjawab*), numbers by value (*10*,
*sepuluh*, *10 (sepuluh)*), dates by day, month and year.
"""
from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

ITEM_KINDS = ("what", "who", "when", "where", "number", "deadline", "schedule", "name", "quote", "address", "link",
              "contact", "condition", "sanction", "hoax", "other")
KIND_HEADINGS = {"what": "Apa", "who": "Siapa", "when": "Kapan", "where": "Di mana", "number": "Angka",
                 "deadline": "Tenggat", "schedule": "Jadwal", "name": "Nama dan jabatan", "quote": "Kutipan",
                 "address": "Alamat", "link": "Tautan", "contact": "Narahubung", "condition": "Syarat dan ketentuan",
                 "sanction": "Sanksi", "hoax": "Kabar keliru yang beredar", "other": "Lainnya"}
VALUE_FIELDS = ("date", "time", "number", "percent", "money")


class FactSheetError(ValueError):
    """A fact sheet that cannot be used; the message is Indonesian and names the place."""


@dataclass(frozen=True)
class FactItem:
    id: str
    kind: str
    text: str
    label: str
    date: tuple[int | None, int, int | None] | None = None
    time: tuple[int, int | None] | None = None
    number: float | None = None
    unit: tuple[str, ...] = ()
    percent: float | None = None
    money: float | None = None
    tolerance: float = 0.0
    subject: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    says: tuple[tuple[str, ...], ...] = ()
    move_from: tuple[str, ...] = ()
    move_to: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    quoted: bool = False  # the text is somebody else's words (a citizen's post), shown as a marked quotation

    @property
    def value_kind(self) -> str | None:
        for name in VALUE_FIELDS:
            if getattr(self, name) is not None:
                return name
        return None

    @property
    def checkable(self) -> bool:
        return bool(self.value_kind or self.says or self.move_to or self.kind == "quote" or self.also)


@dataclass(frozen=True)
class Permits:
    numbers: tuple[float, ...] = ()
    years: tuple[int, ...] = ()
    names: tuple[str, ...] = ()
    promises: tuple[str, ...] = ()
    arithmetic: bool = False
    quotes: bool = False


@dataclass(frozen=True)
class FactSheet:
    items: tuple[FactItem, ...]
    agency: str = ""
    region: str = ""
    domains: tuple[str, ...] = ()
    today: dt.date | None = None
    permits: Permits = field(default_factory=Permits)
    _cache: dict = field(default_factory=dict, compare=False, repr=False, hash=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False, hash=False)

    def __getstate__(self) -> dict:
        """Picklable (the cohort grader sends the rubric to its worker processes): the memo and its lock stay."""
        state = {k: v for k, v in self.__dict__.items() if k not in ("_cache", "_lock")}
        return state

    def __setstate__(self, state: dict) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_cache", {})
        object.__setattr__(self, "_lock", threading.Lock())

    def item(self, fact_id: str) -> FactItem | None:
        return next((i for i in self.items if i.id == fact_id), None)

    def compiled(self, key: str, build) -> Any:
        """Memoise a compiled form of this sheet (per language); thread-safe, computed once."""
        try:
            return self._cache[key]
        except KeyError:
            pass
        value = build()
        with self._lock:
            return self._cache.setdefault(key, value)

    def texts(self) -> list[str]:
        """Every text of the sheet the answer may draw on (for the values and names it holds)."""
        out = [self.agency, self.region, *self.permits.names]
        for item in self.items:
            out.append(item.text)
            out.extend(item.speaker)
        return [t for t in out if t]

    def merged(self, other: "FactSheet | None") -> "FactSheet":
        """This sheet with a task's own sheet added (its items after ours; its settings where it sets them)."""
        if other is None:
            return self
        ids = {i.id for i in other.items}
        return FactSheet(
            items=tuple(i for i in self.items if i.id not in ids) + other.items,
            agency=other.agency or self.agency, region=other.region or self.region,
            domains=tuple(dict.fromkeys(self.domains + other.domains)), today=other.today or self.today,
            permits=Permits(
                numbers=self.permits.numbers + other.permits.numbers, years=self.permits.years + other.permits.years,
                names=self.permits.names + other.permits.names, promises=self.permits.promises + other.permits.promises,
                arithmetic=self.permits.arithmetic or other.permits.arithmetic,
                quotes=self.permits.quotes or other.permits.quotes))


# ------------------------------------------------------------------------------------------------ parsing
def _strings(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        value = [value]
    if not isinstance(value, (list, tuple)):
        raise FactSheetError(f"'{name}' di {where} harus berupa daftar kata atau frasa.")
    out = []
    for entry in value:
        if not isinstance(entry, (str, int, float)) or not str(entry).strip():
            raise FactSheetError(f"'{name}' di {where} berisi entri kosong atau bukan teks.")
        out.append(str(entry).strip())
    return tuple(out)


def _number(value: Any, where: str, name: str) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        raise FactSheetError(f"'{name}' di {where} harus berupa angka.") from None


def _date(value: Any, where: str) -> tuple[int | None, int, int | None] | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.day, value.month, value.year
    text = str(value).strip()
    parts = text.split("-")
    try:
        if len(parts) == 3:
            day = dt.date.fromisoformat(text)
            return day.day, day.month, day.year
        if len(parts) == 2:  # a month: 2026-07
            year, month = int(parts[0]), int(parts[1])
            if 1 <= month <= 12:
                return None, month, year
    except ValueError:
        pass
    raise FactSheetError(f"Tanggal '{text}' di {where} harus ditulis TTTT-BB-HH (misalnya 2027-01-01).")


def _clock(text: str, where: str) -> int:
    hours, sep, minutes = text.strip().replace(":", ".").partition(".")
    if not (sep and hours.isdigit() and minutes.isdigit() and int(hours) <= 24 and int(minutes) < 60):
        raise FactSheetError(f"Jam '{text}' di {where} harus ditulis JJ.MM (misalnya 08.00).")
    return int(hours) * 60 + int(minutes)


def _time(value: Any, where: str) -> tuple[int, int | None] | None:
    if value is None:
        return None
    text = str(value).replace("–", "-").replace("—", "-")
    first, _, second = text.partition("-")
    return _clock(first, where), (_clock(second, where) if second.strip() else None)


def _item(raw: Any, where: str) -> FactItem:
    if not isinstance(raw, Mapping):
        raise FactSheetError(f"Setiap fakta di {where} harus berupa pemetaan (id, kind, text).")
    fid = str(raw.get("id") or "").strip()
    if not fid:
        raise FactSheetError(f"Ada fakta tanpa 'id' di {where}.")
    where = f"{where}, fakta {fid}"
    kind = str(raw.get("kind") or "other")
    if kind not in ITEM_KINDS:
        raise FactSheetError(f"Jenis fakta '{kind}' di {where} tidak dikenal (pilih: {', '.join(ITEM_KINDS)}).")
    text = " ".join(str(raw.get("text") or "").split())
    if not text:
        raise FactSheetError(f"Fakta {fid} di {where} belum punya 'text' (teks yang dibaca peserta).")
    move = raw.get("move") or {}
    if move and not isinstance(move, Mapping):
        raise FactSheetError(f"'move' di {where} harus berisi 'from' dan 'to'.")
    says_raw = raw.get("says") or []
    if not isinstance(says_raw, (list, tuple)):
        raise FactSheetError(f"'says' di {where} harus berupa daftar kelompok kata.")
    says = tuple(_strings(group, where, "says") for group in says_raw)
    item = FactItem(
        id=fid, kind=kind, text=text, label=" ".join(str(raw.get("label") or text).split()),
        date=_date(raw.get("date"), where), time=_time(raw.get("time"), where),
        number=_number(raw.get("number"), where, "number"), unit=_strings(raw.get("unit"), where, "unit"),
        percent=_number(raw.get("percent"), where, "percent"), money=_number(raw.get("money"), where, "money"),
        tolerance=_number(raw.get("tolerance"), where, "tolerance") or 0.0,
        subject=_strings(raw.get("subject"), where, "subject"), also=_strings(raw.get("also"), where, "also"),
        says=says, move_from=_strings(move.get("from"), where, "move.from"),
        move_to=_strings(move.get("to"), where, "move.to"), speaker=_strings(raw.get("speaker"), where, "speaker"),
        quoted=bool(raw.get("quoted", kind == "hoax")),  # a hoax is somebody else's words
    )
    values = [name for name in VALUE_FIELDS if getattr(item, name) is not None]
    if len(values) > 1:
        raise FactSheetError(f"Fakta {fid} di {where} hanya boleh punya satu nilai ({', '.join(values)}).")
    if item.number is not None and not (item.unit or item.subject):
        raise FactSheetError(f"Fakta {fid} di {where}: angka perlu 'unit' (kata sesudah angka, misalnya hari kerja) "
                             "atau 'subject'.")
    if move and not item.move_to:
        raise FactSheetError(f"Fakta {fid} di {where}: 'move' perlu 'to' (tempat tujuan).")
    return item


def parse_factsheet(raw: Any, where: str = "rubrik") -> FactSheet | None:
    """A :class:`FactSheet` from the rubric's ``facts:`` mapping (None when there is none)."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping):
        raise FactSheetError(f"'facts' di {where} harus berupa pemetaan (agency, domains, items, permits).")
    where = f"lembar fakta {where}"
    items = tuple(_item(entry, where) for entry in raw.get("items") or [])
    ids = [i.id for i in items]
    if len(set(ids)) != len(ids):
        raise FactSheetError(f"Ada id fakta ganda di {where}.")
    permits_raw = raw.get("permits") or {}
    if not isinstance(permits_raw, Mapping):
        raise FactSheetError(f"'permits' di {where} harus berupa pemetaan.")
    permits = Permits(
        numbers=tuple(_number(v, where, "permits.numbers") or 0.0 for v in permits_raw.get("numbers") or []),
        years=tuple(int(_number(v, where, "permits.years") or 0) for v in permits_raw.get("years") or []),
        names=_strings(permits_raw.get("names"), where, "permits.names"),
        promises=_strings(permits_raw.get("promises"), where, "permits.promises"),
        arithmetic=bool(permits_raw.get("arithmetic", False)), quotes=bool(permits_raw.get("quotes", False)))
    today = raw.get("today")
    if today is not None and not isinstance(today, dt.date):
        try:
            today = dt.date.fromisoformat(str(today))
        except ValueError:
            raise FactSheetError(f"'today' di {where} harus ditulis TTTT-BB-HH.") from None
    domains = tuple(d.lower().lstrip(".") for d in _strings(raw.get("domains"), where, "domains"))
    return FactSheet(items=items, agency=" ".join(str(raw.get("agency") or "").split()),
                     region=" ".join(str(raw.get("region") or "").split()), domains=domains, today=today,
                     permits=permits)


# ------------------------------------------------------------------------------------------------ display
def render_markdown(sheet: FactSheet, heading: str = "Lembar fakta") -> str:
    """The fact sheet as the trainee reads it in the notebook (Markdown, grouped by kind, in the given order)."""
    lines = [f"**{heading}**", ""]
    if sheet.agency:
        lines.append(f"- **Instansi:** {sheet.agency}")
    runs: list[list[FactItem]] = []  # the author's order; neighbours of one kind under one heading
    for item in sheet.items:
        if runs and runs[-1][0].kind == item.kind and not item.quoted and not runs[-1][0].quoted:
            runs[-1].append(item)
        else:
            runs.append([item])
    for items in runs:
        kind = items[0].kind
        head = KIND_HEADINGS.get(kind, kind)
        if items[0].quoted:
            # Somebody else's words (a citizen's post): a block quote marked as a quotation, so the book's
            # language check (and the reader) knows it is not the course's own language.
            title = head if kind == "hoax" or items[0].label == items[0].text else items[0].label
            lines.extend([f"- **{title}:**", "",
                          "<!-- kutipan -->", f"> {items[0].text}", ""])
            continue
        if len(items) == 1 and kind != "quote":
            lines.append(f"- **{head}:** {items[0].text}")
            continue
        lines.append(f"- **{head}:**")
        for item in items:
            who = f" — {item.speaker[0]}" if kind == "quote" and item.speaker else ""
            lines.append(f"  - {item.text}{who}")
    if sheet.domains:
        lines.append("- **Situs resmi instansi:** " + ", ".join(f"`{d}`" for d in sheet.domains))
    lines.append("")
    lines.append("Pakai hanya fakta di atas. Angka, tanggal, jam, nama, kutipan, atau janji (misalnya *gratis* "
                 "atau *langsung jadi*) yang tidak ada di lembar fakta dianggap karangan dan mengurangi nilai."
                 + permits_sentence(sheet))
    return "\n".join(lines)


def permits_sentence(sheet: FactSheet) -> str:
    allowed = []
    if sheet.agency or sheet.region:
        allowed.append("nama instansi dan daerah")
    if sheet.today:
        allowed.append(f"tahun {sheet.today.year}")
    if sheet.permits.arithmetic:
        allowed.append("hasil hitungan dari angka di atas")
    if sheet.permits.names:
        allowed.append(", ".join(sheet.permits.names))
    return f" Boleh ditambahkan: {'; '.join(allowed)}." if allowed else ""


def required_ids(items: Sequence[str], sheet: FactSheet | None, where: str) -> tuple[str, ...]:
    """Validate the fact ids a criterion names."""
    if not items:
        return ()
    if sheet is None:
        raise FactSheetError(f"{where} menyebut fakta, tetapi rubrik belum punya lembar fakta ('facts').")
    missing = [i for i in items if sheet.item(i) is None]
    if missing:
        raise FactSheetError(f"{where} menyebut fakta yang tidak ada di lembar fakta: {', '.join(missing)}.")
    unusable = [i for i in items if not sheet.item(i).checkable]  # type: ignore[union-attr]
    if unusable:
        raise FactSheetError(f"{where}: fakta {', '.join(unusable)} belum punya nilai yang bisa diperiksa "
                             "(date, time, number, percent, money, says, move, also, atau kutipan).")
    return tuple(items)
