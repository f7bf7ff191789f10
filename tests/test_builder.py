"""The routine builder window driven like a user: keyboard and list moves, inline problems,
save and reload, undo/redo, built-ins read-only, delete to the trash, import/export, FIT."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from garmin_fit_sdk import Decoder, Stream
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.writer import routine_to_toml
from ptcoach.ui.builder import BuilderWindow

DATA = Path(__file__).parent / "data"


def discard_on_close(qtbot: QtBot) -> Callable[[QWidget], None]:
    def before_close(win: QWidget) -> None:
        if isinstance(win, BuilderWindow) and win.isVisible() and win.draft.dirty:
            _answer_next_question(qtbot, QMessageBox.StandardButton.Discard)

    return before_close


def open_builder(qtbot: QtBot, data_dir: Path, routine_id: str | None = None) -> BuilderWindow:
    win = BuilderWindow(Catalog.load(data_dir), data_dir, routine_id=routine_id)
    # Closing a window with unsaved changes asks what to do: teardown answers "Discard".
    qtbot.addWidget(win, before_close_func=discard_on_close(qtbot))
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    return win


@pytest.fixture
def window(qtbot: QtBot, data_dir: Path) -> BuilderWindow:
    return open_builder(qtbot, data_dir)


def child(win: QWidget, name: str) -> QWidget:
    found = win.findChild(QWidget, name)
    assert found is not None, name
    return found


def item_ids(win: BuilderWindow) -> list[str]:
    return [e["id"] for e in win.draft.entries()]


def problems(win: BuilderWindow) -> list[str]:
    view = child(win, "problemsView")
    return [view.item(i).text() for i in range(view.count())]


def add_by_search(qtbot: QtBot, win: BuilderWindow, text: str) -> None:
    search = child(win, "exerciseSearchEdit")
    search.setFocus()
    search.selectAll()
    qtbot.keyClicks(search, text)
    qtbot.keyClick(search, Qt.Key.Key_Return)


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)


def test_a_routine_is_built_by_keyboard_search_enter_and_tab(
    qtbot: QtBot, window: BuilderWindow
) -> None:
    name = child(window, "routineNameEdit")
    name.setFocus()
    type_into(qtbot, name, "Hips first")
    add_by_search(qtbot, window, "clam")
    add_by_search(qtbot, window, "wall sit")
    assert item_ids(window) == ["clamshell", "wall-sit"]
    items = child(window, "itemList")
    items.setFocus()
    items.setCurrentRow(0)
    qtbot.keyClick(items, Qt.Key.Key_Tab)
    assert QApplication.focusWidget().objectName() == "setsFromSpin"
    for expected in ("setsToSpin", "setsTargetSpin"):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget().objectName() == expected
    type_into(qtbot, QApplication.focusWidget(), "3")
    assert window.draft.get(("exercises", 0, "target", "sets")) == 3
    assert window.draft.get(("id",)) == "hips-first"
    assert problems(window) == []
    assert child(window, "saveButton").isEnabled()
    assert "3 × 15 reps" in items.item(0).text()


def test_the_search_filters_by_condition_and_muscle(qtbot: QtBot, window: BuilderWindow) -> None:
    catalog = child(window, "catalogList")
    everything = catalog.count()
    window.picker.set_filter("condition", "plantar-fasciitis")
    shown = [catalog.item(i).text() for i in range(catalog.count())]
    assert 0 < len(shown) < everything
    assert all(
        "plantar-fasciitis" in ex.conditions
        for ex in window.catalog.exercises.values()
        if ex.name in shown
    )
    window.picker.set_filter("muscle", "calves")
    assert 0 < catalog.count() < everything


def test_moving_a_row_in_the_list_model_reorders_the_routine_and_undoes(
    qtbot: QtBot, window: BuilderWindow
) -> None:
    for text in ("clam", "plank", "wall sit"):
        add_by_search(qtbot, window, text)
    assert item_ids(window) == ["clamshell", "plank", "wall-sit"]
    items = child(window, "itemList")
    assert items.model().moveRows(QModelIndex(), 0, 1, QModelIndex(), 3)  # what a drop does
    qtbot.waitUntil(lambda: item_ids(window) == ["plank", "wall-sit", "clamshell"])
    assert "Clamshell" in items.item(2).text()
    qtbot.keyClick(items, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert item_ids(window) == ["clamshell", "plank", "wall-sit"]


def test_ctrl_up_and_down_move_the_selected_exercise(qtbot: QtBot, window: BuilderWindow) -> None:
    for text in ("clam", "plank"):
        add_by_search(qtbot, window, text)
    items = child(window, "itemList")
    items.setFocus()
    items.setCurrentRow(1)
    qtbot.keyClick(items, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert item_ids(window) == ["plank", "clamshell"] and items.currentRow() == 0
    qtbot.keyClick(items, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert item_ids(window) == ["clamshell", "plank"] and items.currentRow() == 1


def test_an_empty_name_is_shown_inline_and_disables_save(
    qtbot: QtBot, window: BuilderWindow
) -> None:
    add_by_search(qtbot, window, "plank")
    save = child(window, "saveButton")
    assert save.isEnabled()
    name = child(window, "routineNameEdit")
    name.setFocus()
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert problems(window) == ["Name: must not be empty"]
    assert name.property("problem") is True and name.toolTip() == "must not be empty"
    assert not save.isEnabled()
    qtbot.keyClicks(name, "Core")
    assert problems(window) == [] and save.isEnabled() and name.property("problem") is False


def test_a_duplicate_routine_id_is_shown_inline_and_disables_save(
    qtbot: QtBot, window: BuilderWindow
) -> None:
    add_by_search(qtbot, window, "plank")
    routine_id = child(window, "routineIdEdit")
    routine_id.setFocus()
    type_into(qtbot, routine_id, "runners-knee")
    assert any("duplicate id 'runners-knee'" in p for p in problems(window))
    assert routine_id.property("problem") is True
    assert not child(window, "saveButton").isEnabled()


def test_an_own_exercise_with_min_above_max_is_shown_inline(
    qtbot: QtBot, window: BuilderWindow
) -> None:
    qtbot.mouseClick(child(window, "newOwnExerciseButton"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(QApplication.focusWidget(), "Heel walk")  # the new exercise's name
    add_by_search(qtbot, window, "heel walk")
    assert item_ids(window) == ["my-exercise"] and problems(window) == []
    child(window, "ownExerciseList").setCurrentRow(0)
    low = child(window, "ownRepsMinSpin")
    low.setFocus()
    type_into(qtbot, low, "20")
    assert any("min 20 is above max 15" in p for p in problems(window))
    assert low.property("problem") is True
    assert not child(window, "saveButton").isEnabled()
    type_into(qtbot, low, "10")
    assert problems(window) == [] and child(window, "saveButton").isEnabled()
    assert window.draft.get(("own_exercises", 0, "name")) == "Heel walk"


def test_saving_writes_the_routine_file_that_the_catalogue_loads_back(
    qtbot: QtBot, window: BuilderWindow, data_dir: Path
) -> None:
    name = child(window, "routineNameEdit")
    name.setFocus()
    type_into(qtbot, name, "Evening")
    add_by_search(qtbot, window, "clam")
    add_by_search(qtbot, window, "foam")
    qtbot.mouseClick(child(window, "newOwnExerciseButton"), Qt.MouseButton.LeftButton)
    add_by_search(qtbot, window, "my exercise")
    with qtbot.waitSignal(window.routines_changed) as saved:
        qtbot.mouseClick(child(window, "saveButton"), Qt.MouseButton.LeftButton)
    assert saved.args == ["evening"]
    path = data_dir / "routines" / "evening.toml"
    loaded = Catalog.load(data_dir).routine("evening")
    assert loaded.path == str(path) and not loaded.builtin
    assert routine_to_toml(loaded) == routine_to_toml(window.draft.routine())
    assert [i.exercise.id for i in loaded.items] == ["clamshell", "foam-roll", "my-exercise"]
    assert not child(window, "saveButton").isEnabled()  # nothing left to save
    assert "*" not in window.windowTitle()


def test_undo_and_redo_keys_step_through_add_edit_move_and_remove(
    qtbot: QtBot, window: BuilderWindow
) -> None:
    add_by_search(qtbot, window, "clam")
    add_by_search(qtbot, window, "plank")
    window.routine_form.select(1)
    window.routine_form.move_current(-1)
    items = child(window, "itemList")
    items.setCurrentRow(0)
    window.routine_form.remove.trigger()
    name = child(window, "routineNameEdit")
    name.setFocus()
    qtbot.keyClicks(name, " two")
    history = []
    undo, redo = child(window, "undoButton"), child(window, "redoButton")
    assert undo.isEnabled() and not redo.isEnabled()
    for _ in range(5):  # typing is one step; focus stays in the text field
        history.append((item_ids(window), window.draft.get(("name",))))
        qtbot.keyClick(name, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (item_ids(window), name.text()) == ([], "New routine")
    assert not undo.isEnabled() and redo.isEnabled()
    shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    for expected in reversed(history):
        qtbot.keyClick(name, Qt.Key.Key_Z, shift)
        assert (item_ids(window), window.draft.get(("name",))) == expected
    assert name.text() == "New routine two"
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert name.text() == "New routine"


def test_a_builtin_routine_opens_read_only_until_duplicated(qtbot: QtBot, data_dir: Path) -> None:
    win = open_builder(qtbot, data_dir, "runners-knee")
    duplicate = child(win, "duplicateToEditButton")
    assert duplicate.isVisible()
    assert child(win, "routineNameEdit").isReadOnly()
    assert not child(win, "addExerciseButton").isEnabled()
    assert not child(win, "saveButton").isEnabled()
    assert not child(win, "setsTargetSpin").isEnabled()
    qtbot.mouseClick(duplicate, Qt.MouseButton.LeftButton)
    assert not duplicate.isVisible() and not child(win, "routineNameEdit").isReadOnly()
    assert win.draft.get(("id",)) == "runners-knee-copy"
    add_by_search(qtbot, win, "plank")
    qtbot.mouseClick(child(win, "saveButton"), Qt.MouseButton.LeftButton)
    catalog = Catalog.load(data_dir)
    copy, builtin = catalog.routine("runners-knee-copy"), catalog.routine("runners-knee")
    assert len(copy.items) == len(builtin.items) + 1 and builtin.builtin


def _answer_next_question(qtbot: QtBot, button: QMessageBox.StandardButton) -> list[str]:
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, answer)
    return seen


def test_delete_asks_then_moves_the_file_to_the_trash(
    qtbot: QtBot, window: BuilderWindow, data_dir: Path
) -> None:
    add_by_search(qtbot, window, "plank")
    path = window.save()
    assert path is not None and path.exists()
    seen = _answer_next_question(qtbot, QMessageBox.StandardButton.No)
    assert window.delete() is None and path.exists() and seen
    seen = _answer_next_question(qtbot, QMessageBox.StandardButton.Yes)
    trashed = window.delete()
    assert "moved to" in seen[0] and not path.exists()
    assert trashed == data_dir / "routines" / ".trash" / "new-routine.toml"
    assert "new-routine" not in Catalog.load(data_dir).routines
    assert trashed.read_text(encoding="utf-8").startswith("format = 1")


def test_the_routine_exports_as_a_fit_workout_that_garmins_sdk_decodes(
    qtbot: QtBot, data_dir: Path, tmp_path: Path
) -> None:
    win = open_builder(qtbot, data_dir, "runners-knee")
    out = win.export_fit(tmp_path / "knee.fit")
    assert out is not None
    assert Decoder(Stream.from_file(str(out))).check_integrity()
    messages, errors = Decoder(Stream.from_file(str(out))).read()
    assert errors == []
    assert messages["workout_mesgs"][0]["wkt_name"] == "Runner's knee"
    names = [s["wkt_step_name"] for s in messages["workout_step_mesgs"]]
    assert "Clamshell (left)" in names


def test_export_then_import_brings_a_routine_back_as_your_own(
    qtbot: QtBot, window: BuilderWindow, data_dir: Path, tmp_path: Path
) -> None:
    add_by_search(qtbot, window, "plank")
    out = window.export_file(tmp_path / "mine.toml")
    assert out is not None and "new-routine" not in Catalog.load(data_dir).routines
    seen = _answer_next_question(qtbot, QMessageBox.StandardButton.Discard)
    assert window.import_file(DATA / "own" / "my-evening.toml")  # valid: saved at once
    assert (data_dir / "routines" / "my-evening.toml").exists()
    assert window.draft.get(("id",)) == "my-evening" and not window.draft.needs_saving
    assert seen and "Save the changes" in seen[0]
    assert window.import_file(out)  # the exported file comes back as a routine of your own
    assert Catalog.load(data_dir).routine("new-routine").items[0].exercise.id == "plank"


def test_importing_a_file_with_problems_opens_it_to_fix_without_saving(
    qtbot: QtBot, window: BuilderWindow, data_dir: Path
) -> None:
    assert window.import_file(DATA / "invalid" / "own-exercise-problems.toml")
    assert problems(window) and not child(window, "saveButton").isEnabled()
    assert not (data_dir / "routines").exists() or not list((data_dir / "routines").iterdir())
