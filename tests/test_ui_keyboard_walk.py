"""Every window by keyboard alone (issue 14): an automated walk by Tab in both themes; each
stop is visible, named and draws its focus; every action is reachable; no Alt+letter key
answers to two things; the keys a runner expects (Esc, Enter, Ctrl+W, Ctrl+Q) work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from helpers.tab_walk import mnemonic_clashes, walk
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ptcoach.ui.look import theme
from ptcoach.ui.settings import AppSettings, Theme


@pytest.fixture(params=[Theme.LIGHT, Theme.DARK], ids=["light", "dark"])
def themed(request, restore_theme) -> Iterator[Theme]:
    theme.apply(restore_theme, AppSettings(theme=request.param))
    yield request.param


def shown(qtbot, window: QWidget) -> QWidget:
    window.show()
    window.raise_()
    window.activateWindow()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def session(app: Any) -> QWidget:
    app.shell.home.select_routine("heat-and-cold")
    return app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())


def finished_session(app: Any) -> QWidget:
    window = session(app)
    window.driver.start()
    window.driver.stop()
    return window


WINDOWS: dict[str, Callable[[Any], QWidget]] = {
    "home": lambda app: app.shell.home,
    "session": session,
    "summary": finished_session,
    "progress": lambda app: app.shell.open_progress(),
    "learn": lambda app: app.shell.open_learn(),
    "builder": lambda app: app.shell.open_builder(None),
    "preferences": lambda app: app.shell.open_preferences(),
}
# What Tab must reach in each window (object names), besides "everything visible".
MUST_REACH = {
    "home": {"routineList", "startButton"},
    "summary": {"doneButton"},
    "learn": {"learnSearchEdit", "learnTree", "learnBrowser"},
    "builder": {"routineNameEdit", "itemList"},
    "preferences": {"themeCombo", "textSizeCombo"},
}


@pytest.mark.parametrize("name", list(WINDOWS))
def test_every_window_by_tab_alone(qtbot, make_app, themed, name):
    app = make_app()
    app.services.ask_ratings = False
    window = shown(qtbot, WINDOWS[name](app))
    result = walk(window)
    assert result.problems == [], f"{name} ({themed.value}): {result.names()}"
    assert MUST_REACH.get(name, set()) <= {w.objectName() for w in result.stops}
    assert mnemonic_clashes(window) == []
    if window is not app.shell.home:
        window.close()


def test_the_walk_catches_a_trap_an_unnamed_stop_and_an_unreached_button(qtbot):
    from PySide6.QtWidgets import QPushButton, QScrollArea, QTableWidget, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    table = QTableWidget(3, 3, root)  # Tab walks its cells: a trap
    table.setObjectName("trapTable")
    area = QScrollArea(root)  # an empty container that takes Tab: an invisible stop
    unreached = QPushButton("Go", root)
    unreached.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    for w in (area, table, unreached):
        layout.addWidget(w)
    shown(qtbot, root)
    area.setFocus()
    problems = " | ".join(walk(root, check_focus_ring=False).problems)
    assert "QScrollArea: a Tab stop that is no control" in problems
    assert "trapTable" in problems and "trap" in problems
    assert "QPushButton('Go'): a control Tab never reaches" in problems


def test_summary_keys_go_back_and_quit(qtbot, make_app):
    app = make_app()
    app.services.ask_ratings = False
    window = shown(qtbot, finished_session(app))
    assert window.stack.currentWidget() is window.summary
    assert QApplication.focusWidget() is window.summary.done_button
    with qtbot.waitSignal(window.closed, timeout=3000):
        qtbot.keyClick(window.summary.done_button, Qt.Key.Key_Escape)
    window = shown(qtbot, finished_session(app))
    with qtbot.waitSignal(window.closed, timeout=3000):
        qtbot.keyClick(window.summary.table, Qt.Key.Key_Return)
    window = shown(qtbot, finished_session(app))
    with qtbot.waitSignal(window.summary.quit_requested, timeout=3000):
        qtbot.keyClick(
            window.summary.done_button, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier
        )


@pytest.mark.parametrize("key", ["Escape", "Ctrl+W"])
@pytest.mark.parametrize("opener", ["progress", "learn"])
def test_progress_and_learn_close_with_esc_and_ctrl_w(qtbot, make_app, key, opener):
    app = make_app()
    window = shown(qtbot, WINDOWS[opener](app))
    if key == "Escape":
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
    else:
        qtbot.keyClick(
            QApplication.focusWidget() or window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier
        )
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_enter_on_the_routine_list_starts_the_selected_routine(qtbot, make_app):
    app = make_app()
    home = shown(qtbot, app.shell.home)
    home.select_routine("heat-and-cold")
    home.routine_list.setFocus()
    with qtbot.waitSignal(home.start_requested, timeout=3000) as blocker:
        qtbot.keyClick(home.routine_list, Qt.Key.Key_Return)
    assert blocker.args[0].id == "heat-and-cold"
    app.shell.session_window.close()
