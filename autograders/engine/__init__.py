"""The engine: everything that reads, measures, judges and scores a draft. Pure Python that imports nothing
compiled, so the same code runs in CPython (command line, nbgrader, cohort grader, widgets) and in the reader's
browser (Pyodide, the book's in-page tools). ``tests/test_engine_boundary.py`` keeps it that way.

The pipeline, one folder per step::

    draft ──parse/──► Document ──measure/──► measurements ──assess/──► check results ──present/──► JSON · text · HTML
                                                                                 └──scoring/──► rubric points + feedback

- a new check: ``assess/`` (its thresholds in ``languages/<code>/settings.json``, messages in ``present/messages/``);
- a new language: a folder ``languages/<code>/`` (word lists, rules, thresholds: see its README);
- a new platform: ``data/platforms.json`` (limits and norms) and, if it counts differently, ``measure/``.

Everything that needs a server (the cohort grader and gradebook, monitoring on pandas, the ipywidgets tools)
lives outside this package: ``autograders.grading``, ``autograders.monitoring``, ``autograders.widgets``.
"""
from .pipeline import analyze
from .present.report import Report

__all__ = ["analyze", "Report"]
