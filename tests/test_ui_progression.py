"""The after-session suggestions: built from the set records, accepted or dismissed per row."""

from __future__ import annotations

import pytest
from factories import exercise, routine

from ptcoach.catalog.model import Kind, Side, Targets
from ptcoach.catalog.progression import Advice
from ptcoach.engine.events import SetRecord
from ptcoach.ui.session.progression_dialog import (
    ProgressionDialog,
    suggest_for_session,
    targets_text,
)

CLAM = Targets(sets=2, reps=10, rest_s=30)
PLANK = Targets(sets=2, hold_s=30.0, rest_s=30)
ROUTINE = routine((exercise("clam", per_side=True), CLAM), (exercise("plank", Kind.HOLD), PLANK))
NAMES = {"clam": "Clamshell", "plank": "Plank"}


def record(
    ex_id: str,
    n: int,
    *,
    reps=None,
    target_reps=None,
    hold=None,
    target_hold=None,
    skipped=False,
    side=None,
) -> SetRecord:
    return SetRecord(
        exercise_index=0,
        exercise_id=ex_id,
        set_number=n,
        side=side,
        target_reps=target_reps,
        target_hold_s=target_hold,
        reps=reps,
        hold_s=hold,
        skipped=skipped,
        started_at=0.0,
        ended_at=1.0,
        phase_index=n,
    )


def full_session(clam_reps: int = 10) -> list[SetRecord]:
    out = [
        record("clam", n, reps=clam_reps, target_reps=10, side=side)
        for n in (1, 2)
        for side in (Side.LEFT, Side.RIGHT)
    ]
    out += [record("plank", n, hold=30.0, target_hold=30.0) for n in (1, 2)]
    return out


def dialog(qtbot, suggestions) -> ProgressionDialog:
    d = ProgressionDialog(suggestions, NAMES)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_a_comfortable_full_session_suggests_a_little_more_for_each_exercise():
    s = suggest_for_session(ROUTINE, [CLAM, PLANK], full_session(), pain=1, effort=4)
    assert [x.advice for x in s] == [Advice.MORE, Advice.MORE]
    assert s[0].suggested == Targets(sets=2, reps=12, rest_s=30)
    assert s[1].suggested == Targets(sets=2, hold_s=35.0, rest_s=30)


def test_a_short_set_keeps_only_that_exercises_targets():
    s = suggest_for_session(ROUTINE, [CLAM, PLANK], full_session(clam_reps=7), pain=1, effort=4)
    assert [x.advice for x in s] == [Advice.KEEP, Advice.MORE]


def test_accepting_one_row_and_dismissing_another_returns_only_the_accepted(qtbot):
    d = dialog(qtbot, suggest_for_session(ROUTINE, [CLAM, PLANK], full_session(), pain=1, effort=4))
    d.row("clam").accept_button.click()
    d.row("plank").dismiss_button.click()
    assert d.accepted_targets() == {"clam": Targets(sets=2, reps=12, rest_s=30)}
    d.row("clam").dismiss_button.click()  # changed my mind
    assert d.accepted_targets() == {}
    assert d.row("clam").dismissed and not d.row("clam").accepted


def test_accept_all_accepts_every_change_not_dismissed_and_closes(qtbot):
    d = dialog(qtbot, suggest_for_session(ROUTINE, [CLAM, PLANK], full_session(), pain=1, effort=4))
    d.row("plank").dismiss_button.click()
    d.accept_all_button.click()
    assert d.result() == ProgressionDialog.DialogCode.Accepted
    assert d.accepted_targets() == {"clam": Targets(sets=2, reps=12, rest_s=30)}


def test_rows_that_keep_the_targets_offer_nothing_to_accept(qtbot):
    d = dialog(qtbot, suggest_for_session(ROUTINE, [CLAM, PLANK], full_session(), pain=4, effort=4))
    row = d.row("clam")
    assert not row.accept_button.isVisible()
    assert row.change_label.text() == "Keep 2 × 10 reps"
    assert not d.accept_all_button.isEnabled()
    assert d.accepted_targets() == {}


def test_high_pain_eases_off_and_shows_the_therapist_warning(qtbot):
    current = [Targets(sets=3, reps=20, rest_s=30), Targets(sets=3, hold_s=60.0, rest_s=30)]
    s = suggest_for_session(ROUTINE, current, full_session(), pain=7, effort=5)
    assert all(x.advice is Advice.EASE and x.see_therapist for x in s)
    d = dialog(qtbot, s)
    for ex_id in ("clam", "plank"):
        warning = d.row(ex_id).warning_label
        assert warning is not None and warning.isVisible()
        assert "physical therapist" in warning.text()
    d.accept_all_button.click()
    assert d.accepted_targets() == {
        "clam": Targets(sets=1, reps=1, rest_s=30),
        "plank": Targets(sets=1, hold_s=1.0, rest_s=30),
    }


def test_no_therapist_warning_when_the_advice_is_more(qtbot):
    d = dialog(qtbot, suggest_for_session(ROUTINE, [CLAM, PLANK], full_session(), pain=0, effort=3))
    assert d.row("clam").warning_label is None
    assert "2 × 10 reps" in d.row("clam").change_label.text()
    assert "2 × 12 reps" in d.row("clam").change_label.text()


@pytest.mark.parametrize(
    ("targets", "text"),
    [
        (Targets(sets=3, reps=12), "3 × 12 reps"),
        (Targets(sets=2, hold_s=45.0), "2 × 45 s"),
        (Targets(sets=3, hold_s=180.0, cold_s=60.0), "3 × 180 s heat / 60 s cold"),
        (Targets(sets=2, hold_s=7.5), "2 × 7.5 s"),
    ],
)
def test_targets_read_as_sets_times_what(targets, text):
    assert targets_text(targets) == text


@pytest.mark.parametrize("dark", [False, True])
def test_the_suggested_targets_colour_is_readable_in_either_theme(qtbot, restore_theme, dark):
    from helpers.tab_walk import contrast
    from PySide6.QtGui import QColor

    from ptcoach.ui.look import theme
    from ptcoach.ui.session import progression_dialog
    from ptcoach.ui.settings import AppSettings, Theme

    theme.apply(restore_theme, AppSettings(theme=Theme.DARK if dark else Theme.LIGHT))
    window = QColor((theme.DARK if dark else theme.LIGHT)[theme.Role.Window])
    for advice, colour in progression_dialog._ADVICE_COLOUR[dark].items():
        assert contrast(QColor(colour), window) >= 4.5, (advice, colour, window.name())
    d = dialog(qtbot, suggest_for_session(ROUTINE, [CLAM, PLANK], full_session(), pain=1, effort=4))
    assert progression_dialog._ADVICE_COLOUR[dark][Advice.MORE] in d.row("clam").change_label.text()
