"""PySide's per-module source read is skipped for ptcoach's modules and the standard library's,
with the answers the read would give where it matters; other modules are still read."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401  (loads PySide's support package)
import pytest

from ptcoach import pyside_scan


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The modules whose source PySide reads (it calls inspect.getsource on each)."""
    seen: list[str] = []
    real = inspect.getsource

    def getsource(obj: object) -> str:
        seen.append(getattr(obj, "__name__", "?"))
        return real(obj)

    monkeypatch.setattr(inspect, "getsource", getsource)
    return seen


def _answer(module: object) -> bool:
    feature = sys.modules["shibokensupport.feature"]
    return bool(feature._mod_uses_pyside(module))


def _module_from(path: Path, name: str) -> object:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_installed_once() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert getattr(feature._mod_uses_pyside, "ptcoach_skip", False)
    assert pyside_scan.skip_source_scan() is False  # already there: not wrapped twice


def test_own_and_standard_modules_are_not_read(reads: list[str]) -> None:
    import json.decoder

    import ptcoach.catalog.model

    assert _answer(ptcoach.catalog.model) is True
    assert _answer(json.decoder) is False
    assert _answer(inspect) is False
    assert reads == []


def test_other_modules_are_read_as_before(tmp_path: Path, reads: list[str]) -> None:
    uses = tmp_path / "ptc_scan_uses.py"
    uses.write_text("import PySide6.QtCore\nVALUE = 1\n", encoding="utf-8")
    plain = tmp_path / "ptc_scan_plain.py"
    plain.write_text("VALUE = 2\n", encoding="utf-8")
    assert _answer(_module_from(uses, "ptc_scan_uses")) is True
    assert _answer(_module_from(plain, "ptc_scan_plain")) is False
    assert reads == ["ptc_scan_uses", "ptc_scan_plain"]
