"""The home window's menus in the integrated app: each action opens its window on the real
history and catalogue, and what those windows do comes back to the home window."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.app_shell import App, answer_modal, build_app, named
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ptcoach.store.plans import current_plan

pytestmark = pytest.mark.usefixtures("silent")


@pytest.fixture
def app(qtbot, data_dir):
    built = build_app(data_dir, speed=2000.0)
    qtbot.addWidget(built.shell.home)
    built.shell.home.show()
    qtbot.waitExposed(built.shell.home)
    yield built
    built.close()


def sessions_shown(view) -> int:
    return int(sum(view.data.daily.sessions))


def test_progress_opens_on_the_real_history_and_refreshes_after_a_session(qtbot, app: App):
    app.shell.actions.progress.trigger()
    view = app.shell.windows["progress"]
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.data is not None and not view.loading)  # read off the GUI thread
    assert view.objectName() == "progressView" and sessions_shown(view) == 0
    app.shell.actions.progress.trigger()  # a second time: the same window comes forward
    assert app.shell.windows["progress"] is view

    app.shell.home.select_routine("heat-and-cold")
    window = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    with qtbot.waitSignal(window.driver.session_finished, timeout=20_000):
        window.driver.start()
    # The view reloads when the runner looks at it (it never reloads behind a session window):
    # bring it to the front as a click on it would; which window the platform activates when
    # the session window closes depends on what else is open.
    view.activateWindow()
    view.raise_()
    qtbot.waitUntil(lambda: sessions_shown(view) == 1, timeout=20_000)


def test_learn_opens_and_its_routine_link_selects_that_routine_on_home(qtbot, app: App):
    app.shell.home.select_routine("heat-and-cold")
    app.shell.actions.learn.trigger()
    learn = app.shell.windows["learn"]
    qtbot.waitExposed(learn)
    assert learn.show_page("flexibility")
    browser = learn.browser
    # Click the link itself, where the text browser draws it.
    doc = browser.document()
    found = doc.find("Flexibility", 0)
    while not found.isNull() and not found.charFormat().anchorHref().startswith("routine:"):
        found = doc.find("Flexibility", found)
    assert not found.isNull(), "no routine link on the page"
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    where = browser.cursorRect(cursor).center()
    with qtbot.waitSignal(learn.routine_requested, timeout=5000) as asked:
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert asked.args == ["flexibility"]
    assert app.shell.home.selected_routine().id == "flexibility"
    assert app.shell.home.isVisible()


def test_new_and_edit_routine_open_the_builder_and_a_saved_copy_appears_on_home(qtbot, app: App):
    app.shell.actions.new_routine.trigger()
    builder = app.shell.windows["builder"]
    qtbot.waitExposed(builder)
    builder.close()
    app.shell.home.select_routine("strength")
    app.shell.actions.edit_routine.trigger()
    editing = app.shell.windows["builder"]
    assert editing is not builder
    qtbot.waitExposed(editing)
    assert editing.draft.get(("id",), "") == "strength"
    assert "read-only" in editing.windowTitle()

    editing.duplicate()
    copy_id = editing.draft.get(("id",), "")
    assert copy_id != "strength"
    saved = editing.save()
    assert saved is not None and saved.parent == app.data_dir / "routines"
    qtbot.waitUntil(lambda: copy_id in app.shell.routines, timeout=5000)
    assert copy_id in app.shell.home.routines
    assert app.shell.home.selected_routine().id == "strength"  # the selection stays
    labels = [
        app.shell.home.routine_list.item(i).text()
        for i in range(app.shell.home.routine_list.count())
    ]
    assert any("(yours)" in t for t in labels)


def test_export_writes_the_selected_routine_and_import_brings_it_back(
    qtbot, app: App, tmp_path: Path
):
    target = tmp_path / "out" / "strength-copy.toml"
    target.parent.mkdir()

    def save_as(dialog: QFileDialog) -> None:
        dialog.selectFile(str(target))
        dialog.accept()

    app.shell.home.select_routine("strength")
    asked = answer_modal(lambda w: isinstance(w, QFileDialog), save_as)
    app.shell.actions.export_routine.trigger()
    assert asked, "no file dialog"
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert 'id = "strength"' in target.read_text()

    cancel = answer_modal(lambda w: isinstance(w, QFileDialog), lambda d: d.reject())
    app.shell.actions.import_routine.trigger()
    assert cancel and not (app.data_dir / "routines" / "strength-copy.toml").exists()


def test_schedule_saves_the_plan_for_the_selected_routine(qtbot, app: App):
    app.shell.home.select_routine("strength")

    def tuesday_and_friday_at_seven(editor) -> None:
        editor.day_boxes[1].setChecked(True)
        editor.day_boxes[4].setChecked(True)
        editor.remind_box.setChecked(True)
        editor.accept()

    shown = answer_modal(named("scheduleEditor"), tuesday_and_friday_at_seven)
    with qtbot.waitSignal(app.shell.history_changed, timeout=10_000):
        app.shell.actions.schedule.trigger()
    assert shown
    plan = current_plan(app.conn, "strength")
    assert plan is not None and plan.weekdays == (1, 4) and plan.remind_at is not None


def test_preferences_open_and_ok_applies_the_lead_in_to_the_next_session(qtbot, app: App):
    app.shell.actions.preferences.trigger()
    dialog = app.shell.windows["preferences"]
    qtbot.waitExposed(dialog)
    dialog.lead_in_spin.setValue(3)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert app.services.lead_in_s == 3
    app.shell.home.select_routine("strength")
    window = app.shell.open_session(app.shell.routines["strength"], app.shell.home.targets())
    first = window.driver.session.plan.phases[0]
    assert first.duration_s == 3


def test_no_menu_action_raises_even_without_a_history(qtbot, data_dir):
    app = build_app(data_dir, history=False)
    qtbot.addWidget(app.shell.home)
    try:
        assert not app.shell.actions.progress.isEnabled()
        assert not app.shell.actions.schedule.isEnabled()
        app.shell.actions.learn.trigger()
        answer_modal(lambda w: isinstance(w, QMessageBox | QFileDialog), lambda d: d.reject())
        app.shell.actions.preferences.trigger()
        assert app.shell.windows["preferences"].isVisible()
    finally:
        app.close()
