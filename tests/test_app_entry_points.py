"""Every way into a session records it, even when the session window was built before the
history opened (as `ptcoach run ID` does: the history opens after the first paint).

Each test builds the app with the history still closed, opens the session through one entry
point, opens the history the way run_gui does, runs the session through, and then checks
`ptcoach history --format json` (a separate process) for every set the window showed done.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.app_shell import App, answer_modal, named, open_history_later
from helpers.history_cli import history_json
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ptcoach.ui import main
from ptcoach.ui.background import one_per_turn
from ptcoach.ui.session.window import SessionWindow

pytestmark = pytest.mark.usefixtures("silent")

ROOT = Path(__file__).resolve().parents[1]
ROUTINE = "heat-and-cold"  # 3 rounds: a fraction of a second at speed 2000


def run_through(qtbot, app: App, window: SessionWindow) -> None:
    """Start, let every set end, skip the ratings, close the window."""
    qtbot.waitExposed(window)
    skipped = answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    with qtbot.waitSignal(window.driver.session_finished, timeout=30_000):
        qtbot.mouseClick(window.findChild(QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(skipped), timeout=20_000)
    window.close()


def assert_recorded(app: App, window: SessionWindow, *, status: str = "completed") -> None:
    app.saved()
    (row,) = history_json(app.data_dir)
    done = [(r.exercise_id, r.set_number, r.skipped) for r in window.records]
    assert len(done) >= 2
    assert [(s["exercise"], s["set"], s["skipped"]) for s in row["sets"]] == done
    assert row["status"] == status


def built_before_history(make_app) -> App:
    app = make_app(speed=2000.0, history=False)
    assert app.services.conn is None
    return app


def test_home_start_records_when_the_history_opens_after_the_window(qtbot, make_app):
    app = built_before_history(make_app)
    app.shell.home.select_routine(ROUTINE)
    qtbot.mouseClick(app.shell.home.start_button, Qt.MouseButton.LeftButton)
    window = app.shell.session_window
    assert window is not None
    open_history_later(app)
    run_through(qtbot, app, window)
    assert_recorded(app, window)


def test_ptcoach_run_records_though_its_window_is_built_before_the_history(qtbot, make_app):
    app = built_before_history(make_app)
    # What run_gui does for `ptcoach run ID`: the window shows with the routine's name, and
    # its session is attached on the event-loop turns after its first paint.
    window = app.shell.open_routine(ROUTINE, staged=True)
    app.shell.quit_after_session = False  # the test's event loop must go on
    skipped = answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    qtbot.waitExposed(window)
    assert not window.ready and window.windowTitle().startswith(app.shell.routines[ROUTINE].name)
    # Space while it opens is kept: the session starts once it can be recorded. The runner
    # may also press it before the history has opened: the sets wait in the queue.
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.start_requested
    one_per_turn(app.shell.sessions.opening_steps())
    qtbot.waitUntil(lambda: window.ready, timeout=10_000)
    assert window.driver.recorder is not None or app.services.recording is not None
    qtbot.waitSignal(window.driver.set_completed, timeout=30_000).wait()
    open_history_later(app)
    if window.driver.state.name != "FINISHED":
        qtbot.waitSignal(window.driver.session_finished, timeout=30_000).wait()
    qtbot.waitUntil(lambda: bool(skipped), timeout=20_000)
    window.close()
    assert_recorded(app, window)


def test_the_trays_start_now_records(qtbot, make_app):
    app = built_before_history(make_app)
    main._start_from_tray(app.shell, ROUTINE)  # what Tray.start_requested is connected to
    window = app.shell.session_window
    assert window is not None and window.driver.session.plan.routine_id == ROUTINE
    open_history_later(app)
    run_through(qtbot, app, window)
    assert_recorded(app, window)


def test_the_reminders_start_now_records(qtbot, make_app):
    from ptcoach.ui.desktop.reminders import ReminderClock
    from ptcoach.ui.desktop.tray import Tray

    app = built_before_history(make_app)
    clock = ReminderClock(lambda: [])
    tray = Tray(
        {k: r.name for k, r in app.shell.routines.items()},
        clock,
        settings=app.services.settings,
        notifier=None,
    )
    tray.start_requested.connect(lambda rid: main._start_from_tray(app.shell, rid))
    from datetime import UTC, datetime

    from ptcoach.schedule import Reminder

    reminder = Reminder(ROUTINE, datetime.now(UTC))
    tray._show_popup(reminder)  # the reminder window a desktop without notifications gets
    popup = tray.popup
    assert popup is not None
    qtbot.mouseClick(popup.start_button, Qt.MouseButton.LeftButton)
    window = app.shell.session_window
    assert window is not None
    open_history_later(app)
    run_through(qtbot, app, window)
    assert_recorded(app, window)


def test_resume_after_a_crash_records_the_rest_into_the_same_session(qtbot, make_app):
    from test_app_resume import interrupted_session

    app0 = make_app(speed=2000.0, history=False)
    app0.close()
    interrupted_session(app0.data_dir, sets_done=1)
    app = built_before_history(make_app)
    offer = answer_modal(named("resumeDialog"), lambda d: d.resume_button.click())
    main._open_history(app.shell, app.services, app.data_dir)  # as after the first paint
    qtbot.waitUntil(lambda: bool(offer), timeout=20_000)
    window = app.shell.session_window
    assert window is not None
    run_through(qtbot, app, window)
    app.saved()
    (row,) = history_json(app.data_dir)
    assert row["status"] == "completed"
    assert [s["set"] for s in row["sets"]] == [1, 2, 3]


def test_sets_queued_by_a_run_that_ended_are_written_before_the_resume_offer(
    qtbot, make_app, data_dir
):
    """The last run's queue file (a busy history, then a kill) is written first, so the
    offer sees the session as it really ended: here, finished, so no offer at all."""
    app = make_app(speed=2000.0)
    window = app.shell.open_routine(ROUTINE)
    app.shell.quit_after_session = False
    app.services.recording.writer._ready.clear()  # as if the history were busy throughout
    run_through(qtbot, app, window)
    writer = app.services.recording.writer
    qtbot.waitUntil(
        lambda: writer.journal.exists() and len(writer.journal.read_text().splitlines()) >= 5,
        timeout=10_000,
    )
    writer._stop = True  # a kill: the worker stops, its queue file stays
    writer._queue.put(None)
    app.services.recording.close(0.5)
    assert writer.journal.read_text().strip()

    app2 = make_app(speed=2000.0, history=False)
    offers = answer_modal(named("resumeDialog"), lambda d: d.close_button.click(), timeout_s=3)
    main._open_history(app2.shell, app2.services, app2.data_dir)
    app2.saved()
    qtbot.wait(300)
    assert not offers
    (row,) = history_json(data_dir)
    assert row["status"] == "completed" and len(row["sets"]) == 3
    assert [(s["exercise"], s["set"]) for s in row["sets"]] == [
        (r.exercise_id, r.set_number) for r in window.records
    ]


def test_a_failing_close_as_partial_is_said_and_the_app_carries_on(qtbot, make_app):
    """The resume offer's "Close it as partial" on a history that refuses writes (as a full
    disk does): a message, no exception, and start-up goes on (the tray comes next)."""
    from PySide6.QtWidgets import QMessageBox
    from test_app_resume import interrupted_session

    app0 = make_app(speed=2000.0, history=False)
    app0.close()
    session_id = interrupted_session(app0.data_dir, sets_done=1)
    app = make_app(speed=2000.0)
    app.saved()
    app.services.conn.execute("PRAGMA query_only = ON")  # every write now fails
    offer = answer_modal(named("resumeDialog"), lambda d: d.close_button.click())
    texts: list[str] = []

    def read_ok(box: QMessageBox) -> None:
        texts.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    answer_modal(lambda w: isinstance(w, QMessageBox), read_ok)
    main._offer_resume(app.shell, app.services)  # must not raise
    assert offer and texts and "could not be closed" in texts[0]
    assert "next start" in texts[0]
    app.services.conn.execute("PRAGMA query_only = OFF")
    (row,) = history_json(app.data_dir)
    assert row["id"] == session_id and row["status"] == "in_progress"


def run_deleting_the_wal(qtbot, app: App) -> SessionWindow:
    """Run ROUTINE through, deleting the history's -wal file as the first set ends; wait
    until the runner was told and the app's reads are on the re-opened history."""
    from PySide6.QtWidgets import QLabel

    app.shell.home.select_routine(ROUTINE)
    window = app.shell.open_session(app.shell.routines[ROUTINE], app.shell.home.targets())
    bar = window.findChild(QLabel, "historyMessageLabel")
    deleted: list[bool] = []

    def delete_wal(_e) -> None:
        if not deleted:
            app.saved()
            Path(f"{app.data_dir / 'history.sqlite3'}-wal").unlink()
            deleted.append(True)

    window.driver.set_completed.connect(delete_wal)
    skipped = answer_modal(named("ratingDialog"), lambda d: d.skip_button.click())
    with qtbot.waitSignal(window.driver.session_finished, timeout=30_000):
        qtbot.mouseClick(window.findChild(QPushButton, "startButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(skipped), timeout=20_000)
    app.saved()
    qtbot.waitUntil(lambda: "-wal" in bar.text(), timeout=10_000)  # the runner is told
    qtbot.waitUntil(lambda: app.services.conn is not None, timeout=5_000)
    return window


def test_a_wal_deleted_mid_session_is_said_and_no_set_shown_done_is_lost(qtbot, make_app):
    from ptcoach.store.sessions import list_sessions

    app = make_app(speed=300.0)  # a round takes 0.8 s: time to act between sets
    window = run_deleting_the_wal(qtbot, app)
    window.close()
    (row,) = history_json(app.data_dir)
    assert [(s["exercise"], s["set"]) for s in row["sets"]] == [
        (r.exercise_id, r.set_number) for r in window.records
    ]
    assert row["status"] == "completed"
    (mine,) = list_sessions(app.conn)  # the app's own reads see them too
    assert len(mine.sets) == len(row["sets"])


def test_the_progress_view_reads_the_history_re_opened_under_it(qtbot, make_app):
    """The Progress window, open before the session, follows the connection the app opens
    again after the WAL was deleted: it never queries the closed one, and shows the sets."""
    import sqlite3

    app = make_app(speed=300.0)
    view = app.shell.open_progress()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: not view.loading, timeout=10_000)  # read in the background
    before = app.services.conn
    assert view.conn is before and view.data is not None and not view.data.exercises
    window = run_deleting_the_wal(qtbot, app)
    window.close()
    assert app.services.conn is not before  # re-opened; the old one closed
    with pytest.raises(sqlite3.ProgrammingError):
        before.execute("SELECT 1")
    app.shell.open_progress()  # back in front: it reloads what it missed
    qtbot.waitUntil(lambda: bool(view.data.exercises) and not view.loading, timeout=10_000)
    assert view.conn is app.services.conn
    done = {r.exercise_id for r in window.records}
    assert {i for i, _name in view.data.exercises} == done
    view.reload()  # and reads on the GUI thread use the new connection too
    assert {i for i, _name in view.data.exercises} == done
    view.write_report(app.data_dir / "report.pdf")  # on the live connection, not the closed one
    assert (app.data_dir / "report.pdf").stat().st_size > 0


def test_a_session_under_way_before_the_history_opened_is_not_offered_to_resume(qtbot, make_app):
    """`ptcoach run` and Space at once: the set is queued, then the history opens and the
    queue is replayed into it, where this very session is unfinished. It must not be offered
    as an interrupted session to resume (a modal dialog over the session; seen end to end)."""
    from ptcoach.store.db import open_history

    app = make_app(speed=20.0, history=False)
    app.services.ask_ratings = False
    window = app.shell.open_routine(ROUTINE, staged=True)
    app.shell.quit_after_session = False  # the test's event loop must go on
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    one_per_turn(app.shell.sessions.opening_steps())
    qtbot.waitUntil(lambda: window.ready and not app.shell.sessions.opening, timeout=10_000)
    qtbot.waitSignal(window.driver.set_completed, timeout=30_000).wait()
    offered = answer_modal(named("resumeDialog"), lambda d: d.reject(), timeout_s=10)
    main._history_opened(app.shell, app.services, open_history(app.data_dir))
    replayed: list[bool] = []
    recording = app.services.recording
    assert recording is not None
    recording.when_replayed(lambda: replayed.append(True))
    qtbot.waitUntil(lambda: bool(replayed), timeout=10_000)
    qtbot.wait(200)  # the offer, had there been one, comes in the replay's turn
    assert window.driver.state.name == "RUNNING"
    assert offered == [] and "resume" not in app.shell.windows
    window.driver.stop()
    window.close()
    sessions = history_json(app.data_dir)
    assert len(sessions) == 1 and sessions[0]["routine"] == ROUTINE
