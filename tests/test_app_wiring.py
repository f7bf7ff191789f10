"""What the shell hands between the parts: a history that fails mid-session, a resume after
the preferences changed, and preferences reaching the cue director and the builder."""

from __future__ import annotations

import pytest
from helpers.app_shell import answer_modal, named
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from ptcoach.audio.director import CueDirector
from ptcoach.audio.player import SilentPlayer
from ptcoach.audio.settings import AudioSettings
from ptcoach.catalog.catalog import Catalog
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.events import SetCompleted
from ptcoach.engine.plan import PhaseKind, expand
from ptcoach.engine.session import Session, State
from ptcoach.store.db import open_history
from ptcoach.store.recorder import Recorder
from ptcoach.store.sessions import Status, list_sessions
from ptcoach.ui import main

pytestmark = pytest.mark.usefixtures("silent")


def test_a_history_that_cannot_be_written_is_said_once_and_the_session_goes_on(qtbot, make_app):
    from test_app_faults import hold_write_lock

    app = make_app(speed=2000.0)
    holder = hold_write_lock(app.data_dir)  # another program writes the history meanwhile
    app.shell.home.select_routine("heat-and-cold")
    window = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    bar = window.findChild(QLabel, "historyMessageLabel")
    answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    paused: list[object] = []
    window.driver.session_paused.connect(paused.append)
    try:
        with qtbot.waitSignal(window.driver.session_finished, timeout=20_000):
            window.driver.start()
        qtbot.waitUntil(lambda: "busy" in bar.text(), timeout=20_000)
        # Said in the window's bar, not in a box: nothing to answer, and the session went on.
        assert "session goes on" in bar.text() and "queue file" in bar.text()
        assert paused == []
        assert [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.isVisible()
        ] == []
    finally:
        holder.communicate("go\n", timeout=30)
    (row,) = list_sessions(app.conn)  # the queued records were written once possible
    assert row.status is Status.COMPLETED and len(row.sets) == 3
    qtbot.waitUntil(lambda: bar.text() == "", timeout=5_000)


def test_records_still_queued_when_the_window_closes_are_written_afterwards(qtbot, make_app):
    from test_app_faults import hold_write_lock

    app = make_app(speed=2000.0)
    app.shell.home.select_routine("heat-and-cold")
    window = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    driver = window.driver
    holders = []
    # The last round cannot be written (nor the end of the session)...
    driver.set_completed.connect(
        lambda e: (
            holders.append(hold_write_lock(app.data_dir)) if e.record.set_number == 3 else None
        )
    )
    answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    try:
        with qtbot.waitSignal(driver.session_finished, timeout=20_000):
            driver.start()
        qtbot.waitUntil(
            lambda: "rating" in app.shell.windows and not app.shell.windows["rating"].isVisible(),
            timeout=20_000,
        )
        window.close()
        assert app.services.recording.writer.pending > 0  # kept, not dropped
    finally:
        for holder in holders:
            holder.communicate("go\n", timeout=30)
    # ...until the other program lets go: the writer writes them on its own.
    (row,) = list_sessions(app.conn)
    assert row.status is Status.COMPLETED and len(row.sets) == 3


def interrupted(data_dir, *, lead_in_s: float) -> int:
    routine = Catalog.load(data_dir).routine("strength")
    plan = expand(routine, lead_in_s=lead_in_s)
    conn, _ = open_history(data_dir)
    clock = FakeClock()
    session = Session(plan, speed=1000.0, clock=clock)
    recorder = Recorder(conn, plan, speed=1000.0, lead_in_s=lead_in_s, clock=clock)
    events = session.start()
    while True:
        recorder.on_events(events)
        if any(isinstance(e, SetCompleted) for e in events):
            break
        events = (
            session.mark_rep()
            if session.segment.duration_s is None
            else session.advance(session.next_deadline())
        )
    conn.close()
    return recorder.session_id


def test_resume_uses_the_plan_it_was_recorded_with_even_after_the_lead_in_changed(
    qtbot, data_dir, make_app
):
    session_id = interrupted(data_dir, lead_in_s=10)
    app = make_app(speed=1.0)
    app.services.lead_in_s = 0.0  # the runner turned "get ready" off since
    answer_modal(named("resumeDialog"), lambda d: d.resume_button.click())
    main._offer_resume(app.shell, app.services)
    window = app.shell.session_window
    assert window is not None
    plan = window.driver.session.plan
    assert plan.phases[0].kind is PhaseKind.LEAD_IN  # the recorded plan, lead-ins and all
    start = plan.phases[window.driver.from_phase]
    assert start.kind is PhaseKind.WORK and start.set_number == 2
    answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    window.driver.start(window.driver.from_phase)
    assert window.driver.state is State.RUNNING
    window.driver.stop()
    (row,) = list_sessions(app.conn)
    assert row.id == session_id
    assert [s.set_number for s in row.sets] == [1, 2][: len(row.sets)]
    assert all(s.exercise_id == row.sets[0].exercise_id for s in row.sets)


def test_sound_preferences_chosen_before_the_first_session_reach_the_cue_director(qtbot, make_app):
    made: list[CueDirector] = []

    def make() -> CueDirector:  # as run_gui does: the settings read at start-up
        made.append(CueDirector(SilentPlayer("test"), AudioSettings()))
        return made[-1]

    app = make_app(speed=2000.0, make_director=make)
    app.shell.actions.preferences.trigger()
    dialog = app.shell.windows["preferences"]
    dialog.voice_check.setChecked(False)
    dialog.mute_check.setChecked(True)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert made == []  # no session yet: no director
    app.shell.home.select_routine("heat-and-cold")
    window = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    (director,) = made
    assert director.settings.muted and not director.settings.voice
    assert window.driver.muted


def test_the_builder_starts_new_routines_with_the_runners_timing_preferences(qtbot, make_app):
    app = make_app()
    app.shell.actions.preferences.trigger()
    dialog = app.shell.windows["preferences"]
    dialog.lead_in_spin.setValue(7)
    dialog.rest_spin.setValue(45)
    with qtbot.waitSignal(dialog.applied, timeout=5000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    app.shell.actions.new_routine.trigger()
    builder = app.shell.windows["builder"]
    assert builder.defaults == {"lead_in_s": 7, "rest_s": 45}


def test_pain_before_is_stored_with_the_session_and_why_this_helps_opens_learn(qtbot, make_app):
    app = make_app(speed=2000.0)
    app.shell.home.select_routine("heat-and-cold")
    window = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    window.view.pain_now.set_value(3)
    window.view.pain_now.value_changed.emit(3)
    window.learn_requested.emit("heat-and-cold")
    learn = app.shell.windows["learn"]
    assert learn.isVisible() and "Heat and cold" in learn.browser.toPlainText()
    answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    with qtbot.waitSignal(window.driver.session_finished, timeout=20_000):
        window.driver.start()
    [session] = list_sessions(app.conn)
    assert session.pain_before == 3


def test_when_cues_play_the_status_line_says_nothing_technical(qtbot, make_app):
    from ptcoach.audio.player import SilentPlayer as _Silent

    class Playing(_Silent):
        name = "qt"

    director = CueDirector(Playing(""), AudioSettings())
    director.message = "Sound: Qt Multimedia on Null Output."
    app = make_app(speed=200.0, make_director=lambda: director)
    app.services.ask_ratings = False
    app.shell.home.select_routine("heat-and-cold")
    window = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    assert window.sound_label.text() == "" and not window.statusBar().isVisible()
    window.close()


def test_with_no_sound_the_session_says_so_and_flashes_every_cue(qtbot, make_app):
    director = CueDirector(
        SilentPlayer("No audio output found: cues will be shown on screen."), AudioSettings()
    )
    director.message = director.player.why
    app = make_app(speed=200.0, make_director=lambda: director)
    app.services.ask_ratings = False  # stopping below must not wait on the rating dialog
    app.shell.home.select_routine("heat-and-cold")
    window = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    assert window.sound_label.text().startswith("No sound: cues flash on screen.")
    assert "Qt Multimedia" not in window.sound_label.text()
    flashes: list[str] = []
    window.view.flash = flashes.append  # the view's own flash is tested in test_ui_session_aids
    with qtbot.waitSignal(director.cue_played, timeout=10_000):
        window.driver.start()
    qtbot.waitUntil(lambda: len(flashes) >= 2, timeout=10_000)
    assert set(flashes) <= {"tone", "voice"}
    window.driver.stop()


def test_the_session_window_comes_back_where_the_runner_left_it(qtbot, make_app):
    app = make_app()
    app.services.ask_ratings = False
    app.shell.home.select_routine("heat-and-cold")
    routine = app.shell.routines["heat-and-cold"]
    first = app.shell.open_session(routine, app.shell.home.targets())
    first.resize(760, 560)  # inside the offscreen screen (800x600), which restoring respects
    left = (first.width(), first.height())  # as the layout's minimum allowed
    assert left != (app.shell.home.width(), app.shell.home.height())
    first.close()
    second = app.shell.open_session(routine, app.shell.home.targets())
    assert (second.width(), second.height()) == left
    second.close()


def test_m_in_a_session_mutes_that_session_only_and_is_not_saved(qtbot, make_app):
    """A runner who muted for a phone call hears cues next time; Preferences keep the
    lasting choice (this undoes an earlier change that saved M)."""
    from ptcoach.audio.settings import load as load_audio
    from ptcoach.ui.settings import open_settings

    holder: list = []  # the app, once built: the director is made on the first session
    app = make_app(
        speed=200.0, make_director=lambda: main._make_director(AudioSettings(), holder[0].shell)
    )
    holder.append(app)
    app.services.ask_ratings = False
    app.shell.home.select_routine("heat-and-cold")
    window = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    window.driver.toggle_mute()  # the M key
    director = app.shell.sessions.director
    assert window.driver.muted and director.session_muted
    assert load_audio(open_settings()).muted is False
    assert director.settings.muted is False
    window.close()
    second = app.shell.open_session(app.shell.routines["heat-and-cold"], app.shell.home.targets())
    assert not second.driver.muted and not director.session_muted
    second.close()
