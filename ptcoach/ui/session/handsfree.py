"""Hands-free actions: what a runner on the mat can ask of a session without the keyboard.

One vocabulary for every hands-free input (voice commands, camera gestures and counts), each
mapped to the same driver and window calls as the session's keys, so a spoken "next" and the
Right arrow can never behave differently. Inputs call `perform(window, command)`; the window
itself stays unaware of where a command came from.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ptcoach.ui.session.window import SessionWindow


class Command(StrEnum):
    TOGGLE = "toggle"  # Space: start, pause or resume
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"  # Right
    BACK = "back"  # Left
    REPEAT = "repeat"  # R: restart the set
    DONE = "done"  # Enter: mark a rep (self-paced reps)
    STOP = "stop"  # Esc, once the input has had it confirmed (a voice "yes")
    MUTE = "mute"  # M


def perform(window: SessionWindow, command: Command) -> bool:
    """Carry out `command` on the session in `window`; False when it does not apply now
    (pause while paused, done outside a self-paced set...), so the input can say so."""
    from ptcoach.engine.session import State

    driver = window.driver
    state = driver.state
    live = state in (State.RUNNING, State.PAUSED)
    if command is Command.TOGGLE:
        if state in (State.FINISHED, State.STOPPED):
            return False
        driver.toggle()
    elif command is Command.PAUSE:
        if state is not State.RUNNING:
            return False
        driver.pause()
    elif command is Command.RESUME:
        if state is State.READY:
            driver.toggle()  # "go" before Start starts, as Space does
        elif state is State.PAUSED:
            driver.resume()
        else:
            return False
    elif command in (Command.NEXT, Command.BACK, Command.REPEAT):
        if not live:
            return False
        {Command.NEXT: driver.skip, Command.BACK: driver.back, Command.REPEAT: driver.restart}[
            command
        ]()
    elif command is Command.DONE:
        segment = driver.snapshot().segment
        if state is not State.RUNNING or segment is None or segment.duration_s is not None:
            return False  # only a self-paced rep (no duration) waits to be marked
        driver.mark_rep()
    elif command is Command.STOP:
        if state in (State.FINISHED, State.STOPPED):
            return False
        if live:
            driver.stop()
        else:
            window.close()
    elif command is Command.MUTE:
        driver.toggle_mute()
    return True
