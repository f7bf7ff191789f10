"""The rating and resume dialogs, driven with pytest-qt (keyboard and mouse)."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.run_sessions import fault_routine, record_sets
from PySide6.QtCore import Qt, QTimer

from ptcoach.store.db import database_path, open_database
from ptcoach.store.recorder import resume_info
from ptcoach.ui.look.a11y import audit
from ptcoach.ui.session.rating_dialog import Rating, RatingDialog
from ptcoach.ui.session.resume_dialog import ResumeChoice, ResumeDialog


def test_rating_is_entered_with_the_keyboard_alone(qtbot):
    dialog = RatingDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert audit(dialog) == []
    assert not dialog.save_button.isEnabled()  # nothing to save yet
    qtbot.keyClick(dialog.pain, Qt.Key.Key_3)
    qtbot.keyClick(dialog.pain, Qt.Key.Key_Right)
    qtbot.keyClick(dialog.effort, Qt.Key.Key_End)
    qtbot.keyClick(dialog.effort, Qt.Key.Key_Left)
    qtbot.keyClicks(dialog.note, "  Knee stiff at first ")
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
    assert dialog.rating() == Rating(pain=4, effort=9, note="Knee stiff at first")


def test_rating_buttons_can_be_clicked_and_stay_in_range(qtbot):
    dialog = RatingDialog()
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.pain.group.button(10), Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.pain, Qt.Key.Key_Up)
    qtbot.mouseClick(dialog.effort.group.button(0), Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.effort, Qt.Key.Key_Down)
    dialog.save_button.click()
    assert dialog.rating() == Rating(pain=10, effort=0, note=None)


def test_skipping_the_rating_returns_nothing(qtbot):
    dialog = RatingDialog()
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog.pain, Qt.Key.Key_5)
    dialog.skip_button.click()
    assert dialog.result() == RatingDialog.DialogCode.Rejected and dialog.rating() is None


def test_pain_before_asks_only_for_pain(qtbot):
    dialog = RatingDialog(before=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.effort.isVisible() and not dialog.note.isVisible()
    qtbot.keyClick(dialog.pain, Qt.Key.Key_2)
    dialog.save_button.click()
    assert dialog.rating() == Rating(pain=2, effort=None, note=None)


@pytest.fixture
def interrupted(data_dir: Path):
    """A session killed after three sets (its recorder simply stops being called)."""
    conn = open_database(database_path(data_dir))
    record_sets(conn, 3)
    return conn


def test_resume_dialog_names_the_exercise_and_set_to_resume_from(qtbot, interrupted, tmp_path):
    info = resume_info(interrupted, fault_routine)
    dialog = ResumeDialog(info)
    qtbot.addWidget(dialog)
    dialog.show()
    assert audit(dialog) == []
    assert dialog.resume_button.text() == "Resume from Clamshell, set 2 (right side)"
    assert dialog.resume_button.isDefault()
    assert dialog.grab().save(str(tmp_path / "resume_dialog.png"))  # tests write only in tmp
    dialog.resume_button.click()
    assert dialog.choice is ResumeChoice.RESUME


def test_resume_dialog_can_close_as_partial_or_leave_it_for_later(qtbot, interrupted):
    info = resume_info(interrupted, fault_routine)
    closing = ResumeDialog(info)
    qtbot.addWidget(closing)
    closing.close_button.click()
    assert closing.choice is ResumeChoice.CLOSE
    later = ResumeDialog(info)
    qtbot.addWidget(later)
    QTimer.singleShot(0, lambda: qtbot.keyClick(later, Qt.Key.Key_Escape))
    later.exec()
    assert later.choice is ResumeChoice.LATER


def test_a_session_that_cannot_resume_offers_only_closing(qtbot, interrupted):
    def gone(routine_id):
        raise KeyError(routine_id)

    dialog = ResumeDialog(resume_info(interrupted, gone))
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.resume_button.isVisible() and dialog.close_button.isDefault()


def test_rating_dialog_screenshot(qtbot, tmp_path):
    dialog = RatingDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pain.set_value(2)
    dialog.effort.set_value(6)
    dialog.note.setText("Left side weaker")
    dialog.effort.setFocus()
    assert dialog.grab().save(str(tmp_path / "rating_dialog.png"))  # tests write only in tmp
