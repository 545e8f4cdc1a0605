"""Indonesian dates for people: ``2 Desember 2026``, ``Rabu, 2 Desember 2026 pukul 14.05 WIB``."""
from __future__ import annotations

from datetime import date, datetime

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _as_date(value) -> date:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.date() if isinstance(value, datetime) else value


def tanggal(value) -> str:
    """``2026-12-02`` → ``2 Desember 2026``."""
    d = _as_date(value)
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def tanggal_pendek(value) -> str:
    """``2026-12-02`` → ``2 Des``."""
    d = _as_date(value)
    return f"{d.day} {MONTHS_SHORT[d.month - 1]}"


def waktu(value) -> str:
    """An ISO time with offset → ``Rabu, 2 Desember 2026 pukul 14.05 WIB`` (the time as given, WIB)."""
    t = datetime.fromisoformat(value) if isinstance(value, str) else value
    return f"{DAYS[t.weekday()]}, {tanggal(t)} pukul {t.hour:02d}.{t.minute:02d} WIB"
