"""Reading a draft from a file or standard input, with clear Indonesian errors for what cannot be read."""
from __future__ import annotations

import sys
from pathlib import Path

MAX_INPUT_BYTES = 20_000_000


class InputError(Exception):
    """A draft that cannot be read; the message is for the trainee (Indonesian)."""


def decode(data: bytes, name: str = "masukan") -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise InputError(f"{name} tidak dapat dibaca sebagai UTF-16.") from error
    if b"\x00" in data[:4096]:
        raise InputError(f"{name} tampaknya berkas biner, bukan teks. Simpan draf sebagai teks (UTF-8).")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(
            f"{name} bukan teks UTF-8 (bita tidak sah di posisi {error.start}). "
            "Simpan ulang draf dengan pengodean UTF-8, lalu coba lagi."
        ) from error


def read_text_input(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        name = "Masukan standar"
    else:
        file = Path(path)
        if not file.exists():
            raise InputError(f"berkas {path} tidak ditemukan.")
        if file.is_dir():
            raise InputError(f"{path} adalah folder, bukan berkas draf.")
        try:
            with file.open("rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as error:
            raise InputError(f"berkas {path} tidak dapat dibuka ({error.strerror}).") from error
        name = f"Berkas {path}"
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{name} lebih dari {MAX_INPUT_BYTES // 1_000_000} MB; pecah draf menjadi beberapa bagian.")
    return decode(data, name)
