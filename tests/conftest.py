"""Shared test set-up: Qt draws offscreen, and every test gets its own empty data dir,
settings, cache and XDG config folder (the user's real ones are never touched)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))  # for tests/factories.py and tests/helpers


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data dir per test, with private settings, cache and XDG config folders."""
    path = tmp_path / "data"
    monkeypatch.setenv("PTCOACH_DATA_DIR", str(path))
    monkeypatch.setenv("PTCOACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PTCOACH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))  # start-at-login entries
    monkeypatch.setenv("PTCOACH_STATE_DIR", str(tmp_path / "state"))  # log, crash reports
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))  # launchers, icons
    return path


@pytest.fixture(autouse=True)
def _modal_answers_end_with_their_test() -> Iterator[None]:
    """An answer_modal whose window never came must not answer a later test's window."""
    yield
    if "helpers.app_shell" in sys.modules:
        sys.modules["helpers.app_shell"].stop_answering()


@pytest.fixture(scope="session")
def qapp(qapp: Any) -> Any:
    """pytest-qt's application with the look the app starts with (ptcoach.ui.main applies the
    theme before any window): every widget's style lives in the theme's style sheet."""
    from ptcoach.ui.look import theme
    from ptcoach.ui.settings import AppSettings

    theme.apply(qapp, AppSettings())
    return qapp


def _delete_what_earlier_tests_left(qapp: Any) -> None:
    """Finish the deletions earlier tests asked for before a theme switch reaches every widget:
    a palette change sent to a window half deleted (its Python side gone) segfaulted."""
    import gc

    from PySide6.QtCore import QEvent

    gc.collect()
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


@pytest.fixture
def restore_theme(qapp: Any) -> Iterator[Any]:
    """The application's look as it was before the test, whatever theme the test applied."""
    _delete_what_earlier_tests_left(qapp)
    saved = (qapp.style().name(), qapp.palette(), qapp.styleSheet(), qapp.font())
    yield qapp
    if qapp.style().name() != saved[0]:  # a new style object only when it changed
        qapp.setStyle(saved[0])
    qapp.setPalette(saved[1])
    qapp.setStyleSheet(saved[2])
    qapp.setFont(saved[3])
    qapp.styleHints().unsetColorScheme()


@pytest.fixture
def silent(monkeypatch: pytest.MonkeyPatch) -> None:
    """No sound: the app's cues are shown on screen (PTCOACH_AUDIO=none)."""
    monkeypatch.setenv("PTCOACH_AUDIO", "none")


@pytest.fixture
def make_app(qtbot: Any, data_dir: Path, silent: None) -> Iterator[Callable[..., Any]]:
    """Build the integrated app (tests/helpers/app_shell.py), shown; closed afterwards."""
    from helpers.app_shell import build_app

    made: list[Any] = []

    def make(**kwargs: Any) -> Any:
        app = build_app(data_dir, **kwargs)
        qtbot.addWidget(app.shell.home)
        app.shell.home.show()
        made.append(app)
        return app

    yield make
    for app in made:
        app.close()


# ---------------------------------------------------------------------- test tiers
# Every test gets exactly one tier marker (`make test-fast` runs `-m unit`):
#   e2e    -- under tests/e2e: the installed app as its own process under Xvfb;
#   widget -- uses a Qt widget fixture (qtbot, qapp, make_app);
#   unit   -- everything else.
WIDGET_FIXTURES = frozenset({"qtbot", "qapp", "make_app"})


def tier(item: pytest.Item) -> str:
    if Path(str(item.fspath)).parent.name == "e2e":
        return "e2e"
    if WIDGET_FIXTURES & set(getattr(item, "fixturenames", ())):
        return "widget"
    return "unit"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(getattr(pytest.mark, tier(item)))
