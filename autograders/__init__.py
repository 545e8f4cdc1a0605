"""Kelas Humas Digital: one engine that reads a draft and says what makes it hard to read or hard to find.

    >>> from autograders import analyze
    >>> report = analyze("Mulai 1 Januari 2027, warga cukup datang ke satu tempat.", keyphrase="layanan")
    >>> report.to_dict()["readability"]["score"]  # doctest: +SKIP
"""
from .engine import analyze
from .report import Report

__all__ = ["analyze", "Report", "__version__"]
__version__ = "0.1.0"
