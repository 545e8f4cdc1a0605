"""Exchange classes for Kelas Humas Digital on a shared JupyterHub (Unix accounts, one exchange folder).

nbgrader's default submit leaves a submission world-readable (0644 files in a 0777 folder) and relies on an
unguessable folder name inside the unlistable inbound folder. `PrivateSubmit` closes the submission folder
(0770) to everyone but its owner and its group. nbgrader's release step creates the inbound folder set-GID with
the grader's group, so a new submission folder gets the grader's group: the grader enters, collects and
removes it; another trainee cannot enter it, so cannot read or change anything inside even when the path is
known. Files inside stay 0644: the last ones nbgrader writes (timestamp, secret) have the trainee's group,
and the closed folder is what keeps others out.

A submission folder still belongs to its trainee, who can change it after submitting: nbgrader's own collect
would then copy through a symbolic link (another trainee's notebook, the instructor's source with its hidden
tests, ``/dev/zero``) and take the time written in the folder name and in ``timestamp.txt`` at face value.
`OwnerCheckedCollect` therefore collects as a suspicious reader:

* only a real folder (not a link) owned by the trainee named in it is collected; a forged folder in another
  trainee's name is ignored;
* the copy never follows a link: each entry is opened with ``O_NOFOLLOW`` relative to its parent, and only
  folders and regular files owned by the trainee, with one link each and within nbgrader's size limits, are
  copied; a link, FIFO, device, someone else's file or a hard link is refused and listed;
* the submission time is the kernel's: the latest change time (``ctime``) of anything in the folder, which no
  one but root can set back. An edit after submitting makes the submission as late as the edit; a back-dated
  ``timestamp.txt`` or folder name changes nothing. The collected ``timestamp.txt`` is written by the
  collector, never copied from the trainee.

What was refused, and the time the trainee claimed, go to ``.kelas_pengumpulan.json`` in the collected folder;
``python -m autograders grade`` turns refusals into the flag ``unsafe_file``.
"""

import datetime
import fnmatch
import json
import os
import pwd
import stat
from stat import S_IRGRP, S_IROTH, S_IRUSR, S_IRWXG, S_IRWXU, S_IWUSR

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.exchange.default.submit import ExchangeSubmit

FILE_MODE = S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH  # 0644, behind a closed folder
DIR_MODE = S_IRWXU | S_IRWXG  # 0770: the grader's group enters, collects and may remove it
RECORD_FILE = ".kelas_pengumpulan.json"
WRITTEN_BY_COLLECTOR = ("timestamp.txt", RECORD_FILE)
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def restrict_tree(top):
    """Give a submission folder and everything under it the private modes (folders closed to others)."""
    for dirpath, _dirnames, filenames in os.walk(top):
        for name in filenames:
            os.chmod(os.path.join(dirpath, name), FILE_MODE)
        os.chmod(dirpath, DIR_MODE)


def owner_name(path):
    """The Unix user name owning `path` itself (a link is not followed), or None when the uid has no account."""
    try:
        return pwd.getpwuid(os.lstat(path).st_uid).pw_name
    except (KeyError, OSError):
        return None


def last_change(top):
    """The latest change time (ctime, set by the kernel) of `top` and everything below it, links not followed."""
    latest = os.lstat(top).st_ctime
    for dirpath, dirnames, filenames in os.walk(top):
        for name in dirnames + filenames:
            try:
                latest = max(latest, os.lstat(os.path.join(dirpath, name)).st_ctime)
            except OSError:
                continue
    return latest


class _Copy:
    """One submission copied without following links (see the module docstring)."""

    def __init__(self, uid, exclude, max_file, max_total):
        self.uid, self.exclude, self.max_file, self.max_total = uid, exclude, max_file, max_total
        self.total = 0
        self.refused = []

    def refuse(self, where, why):
        self.refused.append({"berkas": where, "alasan": why})

    def folder(self, src_fd, dest, rel):
        os.makedirs(dest, exist_ok=True)
        with os.scandir(src_fd) as entries:
            names = sorted(entry.name for entry in entries)
        for name in names:
            where = rel + name
            if any(fnmatch.fnmatch(name, pattern) for pattern in self.exclude):
                continue
            if not rel and name in WRITTEN_BY_COLLECTOR:
                continue
            try:
                info = os.stat(name, dir_fd=src_fd, follow_symlinks=False)
            except OSError:
                self.refuse(where, "tidak dapat dibaca")
                continue
            if stat.S_ISLNK(info.st_mode):
                self.refuse(where, "tautan simbolik")
            elif stat.S_ISDIR(info.st_mode):
                self.subfolder(src_fd, name, os.path.join(dest, name), where)
            elif stat.S_ISREG(info.st_mode):
                self.file(src_fd, name, os.path.join(dest, name), where)
            else:
                self.refuse(where, "berkas khusus (FIFO, soket, atau perangkat)")

    def subfolder(self, parent_fd, name, dest, where):
        try:
            fd = os.open(name, _DIR_FLAGS, dir_fd=parent_fd)
        except OSError:
            self.refuse(where, "folder tidak dapat dibuka (atau diganti tautan)")
            return
        try:
            if os.fstat(fd).st_uid != self.uid:
                self.refuse(where, "folder milik orang lain")
                return
            self.folder(fd, dest, where + "/")
        finally:
            os.close(fd)

    def file(self, parent_fd, name, dest, where):
        try:
            fd = os.open(name, _FILE_FLAGS, dir_fd=parent_fd)
        except OSError:
            self.refuse(where, "berkas tidak dapat dibuka (atau diganti tautan)")
            return
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                self.refuse(where, "bukan berkas biasa")
            elif info.st_uid != self.uid:
                self.refuse(where, "berkas milik orang lain")
            elif info.st_nlink != 1:
                self.refuse(where, "tautan keras (hard link)")
            elif info.st_size > self.max_file or self.total + info.st_size > self.max_total:
                self.refuse(where, "terlalu besar")
            else:
                data = _read_at_most(fd, info.st_size)
                if data is None:
                    self.refuse(where, "berubah ukuran saat dibaca")
                    return
                self.total += len(data)
                with open(dest, "wb") as out:
                    out.write(data)
                os.chmod(dest, FILE_MODE)
        finally:
            os.close(fd)


def _read_at_most(fd, size):
    """Exactly `size` bytes from `fd`, or None when the file holds more (it grew while being read)."""
    chunks, total = [], 0
    while total <= size:
        chunk = os.read(fd, min(1 << 20, size + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks) if total <= size else None


class PrivateSubmit(ExchangeSubmit):
    """Submit as nbgrader does, then restrict the new submission folder."""

    def copy_files(self):
        super().copy_files()
        restrict_tree(os.path.join(self.inbound_path, self.assignment_filename))


class OwnerCheckedCollect(ExchangeCollect):
    """Collect, per trainee, the newest submission that the trainee really owns, copied as a suspicious reader
    and dated by the kernel (see the module docstring)."""

    def _is_owned(self, record):
        path = os.path.join(self.inbound_path, record["filename"])
        try:
            folder = stat.S_ISDIR(os.lstat(path).st_mode)
        except OSError:
            return False
        return folder and owner_name(path) == record["username"]

    def _path_to_record(self, path):
        record = super()._path_to_record(path)
        record["claimed"] = record["timestamp"]
        if self._is_owned(record):
            # The kernel's time of the last change, never the time in the folder name or timestamp.txt.
            # Naive UTC, as nbgrader's parse_utc gives (due dates are compared with it).
            changed = datetime.datetime.fromtimestamp(last_change(path), datetime.timezone.utc)
            record["timestamp"] = changed.replace(tzinfo=None)
        return record

    def _sort_by_timestamp(self, records):
        # Owned records first (newest first), so a forged newer folder cannot hide the real one.
        return sorted(records, key=lambda item: (self._is_owned(item), item["timestamp"]), reverse=True)

    def init_src(self):
        super().init_src()
        kept = [record for record in self.src_records if self._is_owned(record)]
        for record in self.src_records:
            if record not in kept:
                self.log.warning(
                    "Kiriman %s diabaikan: folder itu bukan folder milik %s.", record["filename"], record["username"])
        self.src_records = kept
        self._by_folder = {os.path.join(self.inbound_path, r["filename"]): r for r in kept}

    def do_copy(self, src, dest, log=None):
        record = self._by_folder.get(src)
        try:
            top = os.open(src, _DIR_FLAGS)
        except OSError:
            self.log.warning("Kiriman %s tidak dapat dibuka (folder diganti tautan?); tidak dikumpulkan.", src)
            return
        try:
            uid = pwd.getpwnam(record["username"]).pw_uid if record else os.fstat(top).st_uid
            if os.fstat(top).st_uid != uid:
                self.log.warning("Kiriman %s bukan milik pengirimnya; tidak dikumpulkan.", src)
                return
            copy = _Copy(uid, list(self.coursedir.ignore), 1000 * self.coursedir.max_file_size,
                         1000 * self.coursedir.max_dir_size)
            copy.folder(top, dest, "")
        finally:
            os.close(top)
        when = record["timestamp"] if record else datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        stamp = when.strftime("%Y-%m-%d %H:%M:%S.%f UTC")  # naive UTC, in nbgrader's timestamp format
        with open(os.path.join(dest, "timestamp.txt"), "w", encoding="utf-8") as handle:
            handle.write(stamp)
        claimed = record.get("claimed") if record else None
        with open(os.path.join(dest, RECORD_FILE), "w", encoding="utf-8") as handle:
            json.dump({"waktu_kiriman": stamp, "sumber_waktu": "ctime (waktu perubahan terakhir menurut kernel)",
                       "waktu_di_nama_folder": claimed.isoformat() if claimed else None,
                       "ditolak": copy.refused}, handle, ensure_ascii=False, indent=1)
        for item in copy.refused:
            self.log.warning("Kiriman %s: %s ditolak (%s).", os.path.basename(src), item["berkas"], item["alasan"])
