"""Shared test set-up: Qt draws offscreen, and every test gets its own empty data dir."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))  # for tests/factories.py


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data dir per test; the user's real one is never touched."""
    path = tmp_path / "data"
    monkeypatch.setenv("PTCOACH_DATA_DIR", str(path))
    monkeypatch.setenv("PTCOACH_CACHE_DIR", str(tmp_path / "cache"))  # nor the user's cache
    return path
