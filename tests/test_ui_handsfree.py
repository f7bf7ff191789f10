"""Hands-free commands act exactly as the session's keys do, and say when they do not apply."""

from __future__ import annotations

from test_ui_session_window import knee_plan, open_window

from ptcoach.engine.session import State
from ptcoach.ui.session.handsfree import Command, perform


def test_commands_follow_the_session(qtbot):
    window, driver, _clock = open_window(qtbot, knee_plan())
    try:
        assert not perform(window, Command.PAUSE)  # nothing runs yet
        assert perform(window, Command.RESUME)  # "go" before Start starts
        assert driver.state is State.RUNNING
        assert not perform(window, Command.RESUME)
        assert perform(window, Command.PAUSE)
        assert driver.state is State.PAUSED
        assert perform(window, Command.TOGGLE)
        assert driver.state is State.RUNNING
        phase = driver.snapshot().phase
        assert perform(window, Command.NEXT)
        assert driver.snapshot().phase != phase
        assert perform(window, Command.BACK)
        assert perform(window, Command.REPEAT)
        assert not perform(window, Command.DONE)  # paced reps: nothing to mark
        muted = driver.muted
        assert perform(window, Command.MUTE)
        assert driver.muted is not muted
        assert perform(window, Command.STOP)
        assert driver.state is State.STOPPED
        assert not perform(window, Command.STOP)
        assert not perform(window, Command.NEXT)
    finally:
        driver.stop()
        window.close()
        window.deleteLater()


def test_done_marks_a_self_paced_rep(qtbot):
    from factories import exercise, routine

    from ptcoach.catalog.model import Pacing, Targets
    from ptcoach.engine.plan import expand

    plan = expand(
        routine((exercise("raise", pacing=Pacing.SELF), Targets(sets=1, reps=2)), lead_in_s=5)
    )
    window, driver, _clock = open_window(qtbot, plan)
    try:
        perform(window, Command.TOGGLE)
        assert perform(window, Command.NEXT)  # past the get-ready
        assert perform(window, Command.DONE)
        assert perform(window, Command.DONE)
        assert driver.state is State.FINISHED  # two reps marked: the only set is done
    finally:
        driver.stop()
        window.close()
        window.deleteLater()
