"""Reading candidate submission files out of what an instructor hands in: folders, single files and zip archives.

Everything here treats its input as hostile:

- **Nothing is extracted to disk.** A zip's members are read into memory one at a time, through
  :mod:`zipfile`'s streaming reader, and never more than :data:`MAX_FILE_BYTES` + 1 bytes of one member, whatever
  its header claims; at most :data:`MAX_TOTAL_BYTES` are decompressed from one archive (a zip bomb stops there).
- **Names are never used as paths.** A member whose name is absolute (``/x``, ``C:\\x``, ``\\\\server``), climbs
  (a ``..`` part) or holds a NUL is refused; its name is only shown (through :func:`shown`, which makes control
  characters visible so a name cannot rewrite the instructor's terminal).
- **Symlinks are never followed**: a symlink inside a folder, a symlink member of a zip, and a SOURCE that is
  itself a symlink are refused. Files are opened with ``O_NOFOLLOW | O_NONBLOCK`` and must be regular files (a FIFO
  or a device is refused, never read).
- **Bounded work**: at most :data:`MAX_ENTRIES` entries per source and a central directory of at most
  :data:`MAX_DIRECTORY_BYTES` (both read from the zip's end record before :mod:`zipfile` loads the directory),
  folders at most :data:`MAX_DEPTH` levels deep.

Junk that operating systems add (``__MACOSX/``, ``.DS_Store``, ``Thumbs.db``, ``desktop.ini``, AppleDouble ``._*``
files, Jupyter's ``.ipynb_checkpoints/``) and other hidden entries (names starting with ``.``) are skipped and
counted. Anything else that is not a ``.ipynb`` file is reported as a candidate with a problem, so the instructor
sees it (a trainee who uploaded a PDF instead of the notebook is refused by name, not silently dropped).
"""
from __future__ import annotations

import os
import stat
import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

MAX_FILE_BYTES = 5_000_000  # one notebook; a trainee's notebook with answers is some 10-60 kB
MAX_TOTAL_BYTES = 200_000_000  # decompressed from one archive
MAX_ENTRIES = 5_000  # members of one archive / files under one folder
MAX_DIRECTORY_BYTES = MAX_ENTRIES * 1_100  # a zip's central directory: 46 bytes + name + extra per member
MAX_DEPTH = 8  # folder levels under a SOURCE folder
JUNK_NAMES = {"__macosx", ".ds_store", "thumbs.db", "desktop.ini", ".ipynb_checkpoints"}
NOTEBOOK_SUFFIX = ".ipynb"
ZIP_SUFFIX = ".zip"


@dataclass
class Candidate:
    """One file found in a SOURCE: its bytes, or the reason it cannot be taken."""

    origin: str  # what the instructor reads: the path, or "archive.zip:member/name"
    parts: tuple[str, ...]  # path inside the SOURCE, split into names (for the LMS layout)
    data: bytes | None = None
    problem: str | None = None  # a refusal code of :mod:`.intake`
    params: dict = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.parts[-1] if self.parts else ""


@dataclass
class Scan:
    """Everything found in the SOURCEs, in order."""

    candidates: list[Candidate] = field(default_factory=list)
    skipped: int = 0  # operating-system junk and hidden entries


def shown(text: str, limit: int = 160) -> str:
    """A name as it may be printed: control characters (ANSI escapes, newlines) made visible, length capped."""
    out = "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in text)
    return out if len(out) <= limit else out[: limit - 1] + "…"


def is_junk(name: str) -> bool:
    lowered = name.casefold()
    return lowered in JUNK_NAMES or name.startswith(".")


# ------------------------------------------------------------------------------------------------ files
def _read_regular_file(path: Path) -> tuple[bytes | None, str | None, dict]:
    """Read a regular file without following a symlink; (data, None, {}) or (None, problem, params)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        if path.is_symlink():
            return None, "symlink", {}
        return None, "unreadable", {"reason": error.strerror or "OSError"}
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, "special_file", {}
        if info.st_size > MAX_FILE_BYTES:
            return None, "too_large", {"size": info.st_size}
        chunks, total = [], 0
        while total <= MAX_FILE_BYTES:
            chunk = os.read(fd, min(1 << 20, MAX_FILE_BYTES + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > MAX_FILE_BYTES:  # the file grew while it was read
            return None, "too_large", {"size": total}
        return b"".join(chunks), None, {}
    except OSError as error:
        return None, "unreadable", {"reason": error.strerror or "OSError"}
    finally:
        os.close(fd)


def _file_candidate(path: Path, origin: str, parts: tuple[str, ...]) -> Candidate:
    if not path.name.lower().endswith(NOTEBOOK_SUFFIX):
        problem = "nested_archive" if path.name.lower().endswith(ZIP_SUFFIX) else "not_notebook"
        return Candidate(origin, parts, problem=problem)
    data, problem, params = _read_regular_file(path)
    return Candidate(origin, parts, data=data, problem=problem, params=params)


def _walk(root: Path, scan: Scan) -> None:
    """Depth-first, sorted, never following a symlink."""
    count = 0
    # The SOURCE folder's own name is part of every path: it may be a Moodle participant folder itself.
    stack: list[tuple[Path, tuple[str, ...]]] = [(root, (root.absolute().name,))]
    while stack:
        folder, prefix = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as error:
            scan.candidates.append(Candidate(shown(str(folder)), prefix or (folder.name,), problem="unreadable",
                                             params={"reason": error.strerror or "OSError"}))
            continue
        subfolders = []
        for entry in entries:
            if is_junk(entry.name):
                scan.skipped += 1
                continue
            count += 1
            if count > MAX_ENTRIES:
                scan.candidates.append(Candidate(shown(str(root)), (root.name,), problem="too_many_files",
                                                 params={"limit": MAX_ENTRIES}))
                return
            parts = prefix + (entry.name,)
            origin = shown(str(Path(folder, entry.name)))
            if entry.is_symlink():
                scan.candidates.append(Candidate(origin, parts, problem="symlink"))
            elif entry.is_dir(follow_symlinks=False):
                if len(parts) >= MAX_DEPTH:
                    scan.candidates.append(Candidate(origin, parts, problem="too_deep", params={"limit": MAX_DEPTH}))
                else:
                    subfolders.append((Path(folder, entry.name), parts))
            elif entry.is_file(follow_symlinks=False):
                scan.candidates.append(_file_candidate(Path(folder, entry.name), origin, parts))
            else:
                scan.candidates.append(Candidate(origin, parts, problem="special_file"))
        stack.extend(reversed(subfolders))


# ------------------------------------------------------------------------------------------------ zips
_EOCD = b"PK\x05\x06"
_EOCD64_LOCATOR = b"PK\x06\x07"
_EOCD64 = b"PK\x06\x06"


def declared_directory(handle) -> tuple[int, int] | None:
    """(entries, central directory bytes) as a zip's end record declares them, read before :mod:`zipfile` parses
    (and reads into memory) the central directory, whose size an attacker chooses; None when there is no end
    record (not a zip)."""
    handle.seek(0, os.SEEK_END)
    size = handle.tell()
    tail_size = min(size, 22 + 65_535 + 20)
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < 22:
        return None
    entries, directory_size = struct.unpack("<HI", tail[at + 10: at + 16])
    if entries != 0xFFFF and directory_size != 0xFFFFFFFF:
        return entries, directory_size
    locator = at - 20
    if locator < 0 or tail[locator: locator + 4] != _EOCD64_LOCATOR:
        return entries, directory_size
    offset = struct.unpack("<Q", tail[locator + 8: locator + 16])[0]
    if offset > size - 56:
        return None
    handle.seek(offset)
    record = handle.read(56)
    if record[:4] != _EOCD64:
        return None
    return struct.unpack("<QQ", record[32:48])


def member_parts(info: zipfile.ZipInfo) -> tuple[str, ...] | None:
    """A member's name split into parts, or None when it is not a safe relative name (zip-slip)."""
    name = info.filename
    if not info.flag_bits & 0x800:  # no UTF-8 flag: zipfile decoded cp437; most tools really wrote UTF-8
        try:
            name = name.encode("cp437").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    if "\x00" in name:
        return None
    unified = name.replace("\\", "/")
    if unified.startswith("/") or (len(unified) > 1 and unified[1] == ":"):
        return None
    parts = tuple(p for p in unified.split("/") if p not in ("", "."))
    if not parts or ".." in parts:
        return None
    return parts


def _is_symlink_member(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return bool(mode) and stat.S_ISLNK(mode)


def _scan_zip(path: Path, label: str, scan: Scan) -> None:
    try:
        handle = open(path, "rb")
    except OSError as error:
        scan.candidates.append(Candidate(label, (path.name,), problem="unreadable",
                                         params={"reason": error.strerror or "OSError"}))
        return
    with handle:
        try:
            declared = declared_directory(handle)
        except (OSError, struct.error):
            declared = None
        if declared is None:
            scan.candidates.append(Candidate(label, (path.name,), problem="broken_zip"))
            return
        if declared[0] > MAX_ENTRIES or declared[1] > MAX_DIRECTORY_BYTES:
            scan.candidates.append(Candidate(label, (path.name,), problem="too_many_files",
                                             params={"limit": MAX_ENTRIES}))
            return
        handle.seek(0)
        try:
            archive = zipfile.ZipFile(handle)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
            scan.candidates.append(Candidate(label, (path.name,), problem="broken_zip"))
            return
        with archive:
            members = archive.infolist()
            if len(members) > MAX_ENTRIES:
                scan.candidates.append(Candidate(label, (path.name,), problem="too_many_files",
                                                 params={"limit": MAX_ENTRIES}))
                return
            budget = MAX_TOTAL_BYTES
            for info in members:
                parts = member_parts(info)
                origin = f"{label}:{shown('/'.join(parts) if parts else info.filename)}"
                if parts is None:
                    scan.candidates.append(Candidate(origin, (info.filename,), problem="unsafe_path"))
                    continue
                if any(is_junk(p) for p in parts):
                    scan.skipped += 1
                    continue
                if info.is_dir():
                    continue
                if _is_symlink_member(info):
                    scan.candidates.append(Candidate(origin, parts, problem="symlink"))
                    continue
                lowered = parts[-1].lower()
                if not lowered.endswith(NOTEBOOK_SUFFIX):
                    problem = "nested_archive" if lowered.endswith(ZIP_SUFFIX) else "not_notebook"
                    scan.candidates.append(Candidate(origin, parts, problem=problem))
                    continue
                if info.flag_bits & 0x1:
                    scan.candidates.append(Candidate(origin, parts, problem="encrypted"))
                    continue
                if info.file_size > MAX_FILE_BYTES:
                    scan.candidates.append(Candidate(origin, parts, problem="too_large",
                                                     params={"size": info.file_size}))
                    continue
                if budget <= 0:
                    scan.candidates.append(Candidate(origin, parts, problem="zip_bomb"))
                    continue
                limit = min(MAX_FILE_BYTES, budget)
                try:
                    with archive.open(info) as member:
                        data = member.read(limit + 1)
                except Exception:  # noqa: BLE001 - BadZipFile (CRC), zlib.error, EOFError, NotImplementedError...
                    scan.candidates.append(Candidate(origin, parts, problem="broken_member"))
                    continue
                budget -= len(data)
                if len(data) > limit:
                    problem = "too_large" if limit == MAX_FILE_BYTES else "zip_bomb"
                    scan.candidates.append(Candidate(origin, parts, problem=problem, params={"size": len(data)}))
                    continue
                scan.candidates.append(Candidate(origin, parts, data=data))


def _is_zip(path: Path) -> bool:
    if path.name.lower().endswith(ZIP_SUFFIX):
        return True
    try:
        with open(path, "rb", buffering=0) as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


# ------------------------------------------------------------------------------------------------ sources
def scan_sources(sources: list[str]) -> Scan:
    """Every candidate file in the given SOURCEs (folders, notebooks, zip archives), in the order given."""
    scan = Scan()
    for source in sources:
        path = Path(source)
        label = shown(source)
        try:
            info = path.lstat()
        except OSError:
            scan.candidates.append(Candidate(label, (path.name,), problem="source_missing"))
            continue
        if stat.S_ISLNK(info.st_mode):
            scan.candidates.append(Candidate(label, (path.name,), problem="symlink"))
        elif stat.S_ISDIR(info.st_mode):
            _walk(path, scan)
        elif not stat.S_ISREG(info.st_mode):
            scan.candidates.append(Candidate(label, (path.name,), problem="special_file"))
        elif _is_zip(path):
            _scan_zip(path, label, scan)
        else:
            scan.candidates.append(_file_candidate(path, label, (path.name,)))
    return scan
