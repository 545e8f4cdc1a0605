"""Reading a file under a folder without following a symbolic link or opening anything but a regular file.

Submitted folders come from trainees: a symlink in ``submitted/<student>/<assignment>/`` (or the student folder
itself being one) must not make the grader read another trainee's notebook, the instructor's source or
``/dev/zero``. Every component below the trusted base is opened with ``O_NOFOLLOW`` relative to its parent's
descriptor, so a link swapped in while we read is refused too; a FIFO or device is never waited on.
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Sequence


class UnsafeFile(OSError):
    """The path holds a symbolic link or something other than folders and a regular file (``parts`` says where)."""

    def __init__(self, where: str):
        super().__init__(f"bukan berkas biasa atau berupa tautan simbolik: {where}")
        self.where = where


class TooLarge(OSError):
    """The file is larger than allowed."""


_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _open_below(base: Path, parts: Sequence[str]) -> int:
    """A descriptor of ``base/parts[0]/…/parts[-1]`` (a regular file), no link followed below ``base``."""
    if not parts or any(p in ("", ".", "..") or "/" in p or "\x00" in p for p in parts):
        raise UnsafeFile("/".join(parts))
    fd = os.open(base, _DIR_FLAGS)
    try:
        for index, part in enumerate(parts):
            last = index == len(parts) - 1
            try:
                nxt = os.open(part, _FILE_FLAGS if last else _DIR_FLAGS, dir_fd=fd)
            except OSError as error:
                if error.errno in (errno.ELOOP, errno.ENOTDIR, errno.EMLINK):
                    raise UnsafeFile("/".join(parts[: index + 1])) from None
                raise
            os.close(fd)
            fd = nxt
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UnsafeFile("/".join(parts))
        return fd
    except BaseException:
        os.close(fd)
        raise


def read_below(base: str | Path, parts: Sequence[str], max_bytes: int) -> bytes:
    """The bytes of the regular file ``base/parts…``; :class:`UnsafeFile`, :class:`TooLarge` or another
    :class:`OSError` (missing, unreadable) otherwise."""
    fd = _open_below(Path(base), parts)
    try:
        size = os.fstat(fd).st_size
        if size > max_bytes:
            raise TooLarge(f"{size} bita")
        chunks, total = [], 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > max_bytes:  # the file grew while we read it
                raise TooLarge(f"lebih dari {max_bytes} bita")
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def is_link_or_special(path: Path) -> bool:
    """True when ``path`` itself (not followed) is a symbolic link or neither a folder nor a regular file."""
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISDIR(mode) or stat.S_ISREG(mode))
