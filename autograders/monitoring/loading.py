"""Loading mention exports (CSV or Excel) into the standard mentions table.

Standard columns
----------------
=============  ==========================================================================  ==========
column         meaning                                                                     required
=============  ==========================================================================  ==========
``timestamp``  time of the post, ISO 8601; converted to WIB (UTC+07:00)                     yes
``text``       text of the post                                                            yes
``platform``   X, Instagram, Facebook, TikTok, YouTube, Berita Online, …                    no
``author``     account name or handle                                                      no
``followers``  followers of the author                                                     no (0)
``likes``      likes / reactions                                                           no (0)
``comments``   comments / replies                                                          no (0)
``shares``     shares / reposts / retweets                                                 no (0)
``url``        link to the post (used to find duplicates)                                  no
``reach``      reach reported by the platform; empty where the platform gives none        no (empty)
=============  ==========================================================================  ==========

Column mapping
--------------
Columns are found by name, case-insensitively, using the standard name or a common alias
(:data:`ALIASES`, e.g. ``tanggal``/``date``/``created_at`` → ``timestamp``; ``isi``/``content``/``full_text`` →
``text``). A ``mapping`` argument ``{standard name: column in your file}`` overrides this, e.g.
``{"timestamp": "Waktu Unggah", "text": "Isi Unggahan"}``.

Rules
-----
* Timestamps with an offset (``+07:00``, ``+08:00``, ``Z``) are converted to WIB; timestamps **without** an offset
  are taken as WIB. Excel date cells are taken as WIB.
* Empty counts are 0; counts may use thousands separators (``1.234`` or ``1,234``).
* Duplicate posts are removed: the same ``url`` (when given), else the same timestamp, author and text.
  The number removed is in ``df.attrs["duplicates_removed"]``.
* The file may be UTF-8 (with or without BOM) or another encoding (Windows-1252, Latin-1, …), detected with
  charset-normalizer; the delimiter may be ``,`` ``;`` or tab.
* Counts are at most :data:`MAX_COUNT` (10^12, far above any real post); a larger value is an error naming its
  column and row (it would overflow the totals).
* Problems raise :class:`~.errors.MonitoringInputError` naming the column and the row (row 2 is the first data row
  below the header, as a spreadsheet shows it).

Size
----
A CSV file is read in chunks of :data:`CHUNK_ROWS` rows, only the columns used, each chunk turned into standard
rows before the next is read: memory grows with the rows kept, not with the width of the export. A file may hold
at most :data:`MAX_ROWS` rows (2,000,000: about 1.3 GB of memory for typical posts, texts included); a larger
export is refused with a clear message before it fills the memory: split it by month or by platform. Excel
files hold at most 1,048,576 rows by Excel's own limit and are read whole.
"""
from __future__ import annotations

import io
import os
from datetime import timedelta, timezone
from typing import Mapping

import numpy as np
import pandas as pd

from .errors import MonitoringInputError

WIB = timezone(timedelta(hours=7), "WIB")
COLUMNS = ("timestamp", "platform", "author", "followers", "text", "likes", "comments", "shares", "url", "reach")
REQUIRED = ("timestamp", "text")
COUNT_COLUMNS = ("followers", "likes", "comments", "shares")
ALIASES: Mapping[str, tuple[str, ...]] = {
    "timestamp": ("timestamp", "waktu", "tanggal", "date", "datetime", "time", "created_at", "published",
                  "published_at", "tanggal unggah", "waktu unggah"),
    "text": ("text", "teks", "isi", "konten", "content", "message", "pesan", "full_text", "mention", "caption",
             "isi unggahan"),
    "platform": ("platform", "sumber", "source", "media", "kanal", "channel"),
    "author": ("author", "penulis", "akun", "username", "user", "screen_name", "nama akun", "pengguna"),
    "followers": ("followers", "pengikut", "followers_count", "jumlah pengikut"),
    "likes": ("likes", "suka", "like", "favorites", "favorite_count", "reactions", "reaksi"),
    "comments": ("comments", "komentar", "replies", "reply_count", "balasan"),
    "shares": ("shares", "bagikan", "dibagikan", "retweets", "retweet_count", "reposts", "share"),
    "url": ("url", "link", "tautan", "permalink"),
    "reach": ("reach", "jangkauan", "estimated_reach", "jangkauan unggahan"),
}
_DEDUP_KEYS = ("timestamp", "author", "text")
MAX_COUNT = 10**12
MAX_ROWS = 2_000_000
CHUNK_ROWS = 100_000


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:200_000]).best()
    for encoding in ([best.encoding] if best else []) + ["cp1252", "latin-1"]:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise MonitoringInputError(f"Berkas {name} tidak dapat dibaca: pengodean teks tidak dikenali.")


def _delimiter(text: str) -> str:
    end = text.find("\n")
    header = text if end < 0 else text[:end]  # no copy of the whole file
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=counts.get) if max(counts.values()) else ","


_CSV_OPTIONS = dict(dtype=str, keep_default_na=False, na_values=[""], skipinitialspace=True)


def _csv_error(exc: Exception, name: str) -> MonitoringInputError:
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return MonitoringInputError(f"Berkas CSV {name} tidak dapat dibaca: {first}")


def _read_csv(source, name: str, sep: str, **extra) -> pd.DataFrame:
    try:
        return pd.read_csv(source, sep=sep, **_CSV_OPTIONS, **extra)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise _csv_error(exc, name) from None


def _csv_chunks(source, name: str, sep: str, usecols, **extra):
    """The CSV's rows in chunks of CHUNK_ROWS, only the columns in ``usecols``."""
    try:
        reader = pd.read_csv(source, sep=sep, usecols=lambda column: column in usecols, chunksize=CHUNK_ROWS,
                             **_CSV_OPTIONS, **extra)
        with reader:
            yield from reader
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise _csv_error(exc, name) from None


def _csv_head(path, name: str) -> str:
    """The separator of a CSV file; raises for a missing, unreadable or empty file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(65536)
            whole = len(head) < 65536
    except _FILE_ERRORS as exc:
        raise _file_error(exc, name) from None
    if whole and not head.strip():
        raise MonitoringInputError(f"Berkas {name} kosong: tidak ada baris judul kolom maupun data.")
    return _delimiter(head.decode("utf-8", errors="replace"))


_FILE_ERRORS = (FileNotFoundError, IsADirectoryError, PermissionError)


def _file_error(exc: OSError, name: str) -> MonitoringInputError:
    """The Indonesian message of a file that cannot be opened (one of ``_FILE_ERRORS``)."""
    if isinstance(exc, FileNotFoundError):
        return MonitoringInputError(f"Berkas {name} tidak ditemukan.")
    if isinstance(exc, IsADirectoryError):
        return MonitoringInputError(f"{name} adalah folder, bukan berkas CSV atau Excel.")
    return MonitoringInputError(f"Berkas {name} tidak dapat dibuka: izin akses ditolak.")


def read_table(path, sheet=0) -> pd.DataFrame:
    """Read a CSV or Excel file as strings/objects, with clear errors in Indonesian."""
    name = os.path.basename(str(path))
    if str(path).lower().endswith((".xlsx", ".xlsm", ".xls")):
        try:
            return pd.read_excel(path, sheet_name=sheet, dtype=object)
        except _FILE_ERRORS as exc:
            raise _file_error(exc, name) from None
        except (ValueError, OSError, KeyError) as exc:  # corrupt Excel, missing sheet, zip errors
            raise MonitoringInputError(f"Berkas Excel {name} tidak dapat dibaca ({type(exc).__name__}).") from None
    sep = _csv_head(path, name)
    try:  # UTF-8 (the usual case): pandas reads the file itself, without a copy of it in memory
        return _read_csv(path, name, sep, encoding="utf-8-sig")
    except UnicodeDecodeError:
        pass
    with open(path, "rb") as fh:
        text = _decode(fh.read(), name)
    return _read_csv(io.StringIO(text), name, sep)


def resolve_columns(columns, mapping: Mapping[str, str] | None = None) -> dict[str, str]:
    """Standard name → column of the file, from the mapping or the aliases."""
    mapping = dict(mapping or {})
    unknown = set(mapping) - set(COLUMNS)
    if unknown:
        raise MonitoringInputError(
            f"Pemetaan kolom tidak dikenal: {', '.join(sorted(unknown))}. Nama baku: {', '.join(COLUMNS)}.")
    by_lower = {str(c).strip().lower(): c for c in columns}
    found: dict[str, str] = {}
    for std in COLUMNS:
        if std in mapping:
            source = mapping[std]
            if source not in columns and source.strip().lower() not in by_lower:
                raise MonitoringInputError(
                    f"Kolom '{source}' (dipetakan ke '{std}') tidak ada di berkas. "
                    f"Kolom yang ada: {', '.join(map(str, columns))}.")
            found[std] = source if source in columns else by_lower[source.strip().lower()]
            continue
        for alias in ALIASES[std]:
            if alias in by_lower:
                found[std] = by_lower[alias]
                break
    for std in REQUIRED:
        if std not in found:
            raise MonitoringInputError(
                f"Kolom wajib '{std}' tidak ditemukan. Kolom yang ada: {', '.join(map(str, columns)) or '(tidak ada)'}. "
                f"Gunakan pemetaan kolom, misalnya --map {std}=NAMA_KOLOM.")
    return found


_HAS_OFFSET = r"(?:[Zz]|[+-]\d{2}:?\d{2})\s*$"


def _fast_iso(values: pd.Series) -> pd.Series | None:
    """Fast path for the common export shape ``YYYY-MM-DDTHH:MM:SS±HH:MM`` (one length, few offsets)."""
    if values.dtype != object or values.isna().any():
        return None
    s = values.astype(str)
    if not (s.str.len() == 25).all():
        return None
    offsets = s.str[19:]
    kinds = offsets.unique()
    if len(kinds) > 50:
        return None
    minutes = {}
    for o in kinds:
        if len(o) != 6 or o[0] not in "+-" or o[3] != ":" or not (o[1:3] + o[4:]).isdigit():
            return None
        minutes[o] = (1 if o[0] == "+" else -1) * (int(o[1:3]) * 60 + int(o[4:]))
    local = pd.to_datetime(s.str[:19], format="%Y-%m-%dT%H:%M:%S", errors="coerce")
    if local.isna().any():
        return None
    shift = pd.to_timedelta(offsets.map(minutes).astype("int64"), unit="min")
    return (local - shift).dt.tz_localize("UTC").dt.tz_convert(WIB)


def parse_timestamps(values: pd.Series, column: str = "timestamp", first_row: int = 0) -> pd.Series:
    """Parse timestamps to tz-aware WIB; naive values are taken as WIB. Errors name the row."""
    if len(values) == 0:
        return pd.Series(pd.DatetimeIndex([], tz=WIB), index=values.index)
    if pd.api.types.is_datetime64_any_dtype(values):
        ts = values
        if ts.dt.tz is None:
            return ts.dt.tz_localize(WIB)
        return ts.dt.tz_convert(WIB)
    fast = _fast_iso(values)
    if fast is not None:
        return fast
    as_text = values.astype(object).where(values.notna(), None)
    is_dt = as_text.map(lambda v: hasattr(v, "year"))
    if is_dt.any():  # Excel date cells mixed with text
        as_text = as_text.map(lambda v: v.isoformat(sep=" ") if hasattr(v, "year") else v)
    s = as_text.astype("string").str.strip()
    naive = s.notna() & ~s.str.contains(_HAS_OFFSET, regex=True, na=False)
    s = s.where(~naive, s + "+07:00")
    parsed = pd.to_datetime(s, utc=True, errors="coerce", format="ISO8601")
    bad = parsed.isna()
    if bad.any():  # second chance: day-first local formats such as 02/12/2026 14:05
        retry = pd.to_datetime(values[bad].astype("string").str.strip(), errors="coerce", dayfirst=True,
                               format="mixed")
        if retry.notna().all() and getattr(retry.dt, "tz", None) is None:
            parsed = parsed.copy()
            parsed[bad] = retry.dt.tz_localize(WIB).dt.tz_convert("UTC")
            bad = parsed.isna()
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raw = values.iloc[pos]
        shown = "(kosong)" if raw is None or (isinstance(raw, float) and np.isnan(raw)) or str(raw).strip() == "" \
            else f"'{raw}'"
        raise MonitoringInputError(
            f"Kolom '{column}', baris {first_row + pos + 2}: waktu {shown} tidak dapat dibaca "
            f"(gunakan format ISO 8601, misalnya 2026-12-02T14:05:00+07:00).")
    return parsed.dt.tz_convert(WIB)


def _parse_counts(values: pd.Series, column: str, first_row: int = 0) -> pd.Series:
    quick = pd.to_numeric(values, errors="coerce")
    if (quick.notna().all() and (quick >= 0).all() and (quick <= MAX_COUNT).all()
            and (quick == quick.round()).all()):
        return quick.astype("int64")
    s = values.astype("string").str.strip()
    s = s.where(s.notna() & (s != ""), "0")
    grouped = s.str.fullmatch(r"\d{1,3}(?:[.,]\d{3})+")
    s = s.where(~grouped, s.str.replace(r"[.,]", "", regex=True))
    num = pd.to_numeric(s, errors="coerce").astype("float64")  # exact up to 2**53, far above MAX_COUNT
    digits = s.str.fullmatch(r"\d+").fillna(False).astype(bool)
    big = ((num > MAX_COUNT) | (num.isna() & digits)).to_numpy()
    bad = ((num.isna() & ~digits) | (num < 0)).to_numpy()
    if big.any() or bad.any():
        pos = int(np.flatnonzero(big | bad)[0])
        shown = str(values.iloc[pos])
        shown = shown if len(shown) <= 40 else shown[:40] + "…"
        where = f"Kolom '{column}', baris {first_row + pos + 2}: nilai '{shown}'"
        if big[pos]:
            limit = f"{MAX_COUNT:,}".replace(",", ".")
            raise MonitoringInputError(f"{where} terlalu besar (lebih dari {limit}); periksa ekspor Anda.")
        raise MonitoringInputError(f"{where} bukan bilangan bulat tidak negatif.")
    return num.astype("int64")


def _parse_reach(values: pd.Series, column: str, first_row: int = 0) -> pd.Series:
    quick = pd.to_numeric(values, errors="coerce")
    if (quick.notna() == values.notna()).all() and not (quick < 0).any():
        return quick.astype("float64")
    s = values.astype("string").str.strip()
    empty = s.isna() | (s == "")
    grouped = s.str.fullmatch(r"\d{1,3}(?:[.,]\d{3})+").fillna(False)
    s = s.where(~grouped, s.str.replace(r"[.,]", "", regex=True))
    num = pd.to_numeric(s.where(~empty, None), errors="coerce")
    bad = (num.isna() & ~empty) | (num < 0)
    if bad.any():
        pos = int(np.flatnonzero(bad.to_numpy())[0])
        raise MonitoringInputError(
            f"Kolom '{column}', baris {first_row + pos + 2}: nilai '{values.iloc[pos]}' bukan bilangan tidak negatif.")
    return num.astype("float64")


def _shared(values: pd.Series) -> pd.Series:
    """The same strings, each distinct value held once (platforms and authors repeat on many rows)."""
    codes, uniques = pd.factorize(values)
    return pd.Series(np.asarray(uniques, dtype=object)[codes], index=values.index, dtype=object)


def standardise(table: pd.DataFrame, mapping: Mapping[str, str] | None = None,
                drop_duplicates: bool = True, *, found_columns: Mapping[str, str] | None = None,
                first_row: int = 0) -> pd.DataFrame:
    """Turn any table with the needed columns into the standard mentions table (see module docstring).
    ``first_row``: the table's first row in the file (a chunk's errors name the file's row)."""
    found = dict(found_columns) if found_columns is not None else resolve_columns(list(table.columns), mapping)
    table = table.reset_index(drop=True)
    out = pd.DataFrame(index=table.index)
    out["timestamp"] = parse_timestamps(table[found["timestamp"]], found["timestamp"], first_row)
    out["platform"] = _shared(table[found["platform"]].fillna("tidak diketahui").astype(str)) if "platform" in found \
        else "tidak diketahui"
    out["author"] = _shared(table[found["author"]].fillna("").astype(str)) if "author" in found else ""
    out["text"] = table[found["text"]].fillna("").astype(str)
    for col in COUNT_COLUMNS:
        out[col] = _parse_counts(table[found[col]], found[col], first_row) if col in found else 0
    out["url"] = table[found["url"]].fillna("").astype(str) if "url" in found else ""
    out["reach"] = _parse_reach(table[found["reach"]], found["reach"], first_row) if "reach" in found else np.nan
    out = out[list(COLUMNS)]
    return _finish(out, drop_duplicates)


def _finish(out: pd.DataFrame, drop_duplicates: bool) -> pd.DataFrame:
    removed = 0
    if drop_duplicates and len(out):
        has_url = out["url"] != ""
        dup = (has_url & out.duplicated(subset=["url"])) | (~has_url & out.duplicated(subset=list(_DEDUP_KEYS)))
        removed = int(dup.sum())
        out = out[~dup].reset_index(drop=True)
    out.attrs["duplicates_removed"] = removed
    return out


def _too_many_rows(name: str, max_rows: int) -> MonitoringInputError:
    shown = f"{max_rows:,}".replace(",", ".")
    return MonitoringInputError(
        f"Berkas {name} berisi lebih dari {shown} baris, batas satu berkas. Bagi ekspor per bulan atau per "
        "platform, lalu analisis tiap bagian.")


def _load_csv(path, name: str, mapping, drop_duplicates: bool, max_rows: int, source, options) -> pd.DataFrame:
    sep = _csv_head(path, name)
    header = _read_csv(source, name, sep, nrows=0, **options)
    if hasattr(source, "seek"):
        source.seek(0)
    found = resolve_columns(list(header.columns), mapping)
    wanted = set(found.values())
    parts, rows = [], 0
    for chunk in _csv_chunks(source, name, sep, wanted, **options):
        if rows + len(chunk) > max_rows:
            raise _too_many_rows(name, max_rows)
        parts.append(standardise(chunk, found_columns=found, drop_duplicates=False, first_row=rows))
        rows += len(chunk)
    if not parts:
        parts.append(standardise(header, found_columns=found, drop_duplicates=False))
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0]
    return _finish(out, drop_duplicates)


def load_mentions(path, mapping: Mapping[str, str] | None = None, sheet=0,
                  drop_duplicates: bool = True, max_rows: int = MAX_ROWS) -> pd.DataFrame:
    """Load a CSV or Excel export as the standard mentions table (see the module docstring): a CSV in chunks,
    at most ``max_rows`` rows."""
    name = os.path.basename(str(path))
    if str(path).lower().endswith((".xlsx", ".xlsm", ".xls")):
        table = read_table(path, sheet=sheet)
        if len(table) > max_rows:
            raise _too_many_rows(name, max_rows)
        return standardise(table, mapping, drop_duplicates=drop_duplicates)
    try:  # UTF-8 (the usual case): pandas reads the file itself, without a copy of it in memory
        return _load_csv(path, name, mapping, drop_duplicates, max_rows, path, {"encoding": "utf-8-sig"})
    except UnicodeDecodeError:
        pass
    with open(path, "rb") as fh:
        text = _decode(fh.read(), name)
    return _load_csv(path, name, mapping, drop_duplicates, max_rows, io.StringIO(text), {})
