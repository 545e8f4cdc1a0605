"""Kelas Humas Digital: one engine that reads a draft and says what makes it hard to read or hard to find.

    >>> from autograders import analyze
    >>> report = analyze("Mulai 1 Januari 2027, warga cukup datang ke satu tempat.", keyphrase="layanan")
    >>> report.to_dict()["readability"]["score"]  # doctest: +SKIP

``autograders.engine`` is the pure-Python engine (it also runs in the browser); ``grading``, ``monitoring`` and
``widgets`` are the parts that need a server.
"""
from .engine import Report, analyze

__all__ = ["analyze", "Report", "__version__"]
__version__ = "0.1.0"
