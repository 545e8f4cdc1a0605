"""``use_indonesian_validator()``: what an nbgrader configuration file calls to make Validate Indonesian.

Kept apart from :mod:`.validation` so that reading a configuration file imports nothing of nbgrader: our own
grader reads ``nbgrader_config.py`` for the gradebook address and must not load nbgrader's applications.
"""
from __future__ import annotations

import sys

# Where nbgrader creates its validator, after reading the configuration: `nbgrader validate`, and the server
# extension behind the notebook's Validate button. Each looks the name ``Validator`` up in its own module.
_USERS = ("nbgrader.apps.validateapp", "nbgrader.server_extensions.validate_assignment.handlers")


def use_indonesian_validator() -> None:
    """Swap :class:`~autograders.grading.validation.IndonesianValidator` in for nbgrader's validator in the
    nbgrader modules this process has loaded (the ones about to validate); any other reader of the
    configuration file is left alone."""
    loaded = [sys.modules[name] for name in _USERS if name in sys.modules]
    if not loaded:
        return
    from .validation import IndonesianValidator

    for module in loaded:
        module.Validator = IndonesianValidator
