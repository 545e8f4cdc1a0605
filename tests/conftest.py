"""Shared fixtures for the engine tests (kept small on purpose); constants live in ``enginekit``."""
from __future__ import annotations

from pathlib import Path

import pytest

from enginekit import GOLDEN_DIR, REPO_ROOT, check_contract


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def golden_dir() -> Path:
    return GOLDEN_DIR


@pytest.fixture(scope="session")
def assert_contract():
    return check_contract
