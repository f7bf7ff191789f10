"""The README's screenshots, one function each: put the real window in the state to show and
return it. Sessions run on an injected fake clock, so every picture is the same each run."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from ptcoach.engine.clock import FakeClock
from ptcoach.engine.plan import Phase, PhaseKind, Plan, expand
from ptcoach.engine.session import Session
from ptcoach.ui.home.target_memory import load_targets
from ptcoach.ui.session.driver import SessionDriver
from ptcoach.ui.settings import Theme
from shots.stage import Stage

ROUTINE = "runners-knee"
HOME_SIZE = (1100, 720)
SESSION_SIZE = (1280, 800)
REP_SHOWN = 4  # the paced shot is half-way into this rep's first tempo step
HOLD_SHOWN_S = 12.5  # the hold shot is this far into the first wall-sit hold
SHOWN_DATA_DIR = Path("~/.local/share/ptcoach")


def home(stage: Stage) -> QWidget:
    window = stage.shell.home
    window.resize(*HOME_SIZE)
    window.select_routine(ROUTINE)
    return window


def session(stage: Stage) -> QWidget:
    """Clamshell, set 1, left side: mid-lift of a paced rep."""

    def pick(plan: Plan) -> tuple[Phase, float]:
        work = plan.work_phases()[0]
        index = next(i for i, s in enumerate(work.segments) if s.rep == REP_SHOWN)
        step = work.boundaries
        return plan.phases[0], (step[index] + step[index + 1]) / 2

    return _session_at(stage, pick)


def session_hold(stage: Stage) -> QWidget:
    """Wall sit, set 1: the hold counting down, reached from its own get-ready phase."""

    def pick(plan: Plan) -> tuple[Phase, float]:
        work = next(p for p in plan.work_phases() if p.exercise_id == "wall-sit")
        first = next(p for p in plan.phases if p.exercise_id == "wall-sit")
        return first, work.start_offset_s + HOLD_SHOWN_S

    return _session_at(stage, pick)


def progress(stage: Stage) -> QWidget:
    from ptcoach.ui.progress.data import Span

    view: Any = stage.shell.open_progress()
    view.routine_chooser.setCurrentIndex(view.routine_chooser.findData(ROUTINE))
    view.set_span(Span.YEAR)
    return view


def builder(stage: Stage) -> QWidget:
    window = stage.shell.open_builder(ROUTINE)
    window.duplicate()  # the built-in routine is read-only; the copy is what one edits
    return window


def learn(stage: Stage) -> QWidget:
    return stage.shell.open_learn(ROUTINE)


def preferences_dark(stage: Stage) -> QWidget:
    from ptcoach.ui.preferences import PreferencesDialog

    stage.set_theme(Theme.DARK)
    # Shown (never opened) is where a runner's data lives, not this run's random temp dir.
    dialog = PreferencesDialog(stage.settings, data_path=SHOWN_DATA_DIR, parent=stage.shell.home)
    dialog.open()
    return dialog


def _session_at(stage: Stage, pick: Callable[[Plan], tuple[Phase, float]]) -> QWidget:
    """A session window started at the picked phase and stepped to the picked session offset."""
    from ptcoach.ui.session.window import SessionWindow

    routine = stage.catalog.routine(ROUTINE)
    plan = expand(routine, [load_targets(stage.settings, i) for i in routine.items])
    start, offset = pick(plan)
    driver = SessionDriver(Session(plan), clock=FakeClock())
    window = SessionWindow(driver)
    driver.setParent(window)
    window.resize(*SESSION_SIZE)
    driver.start(from_phase=start.index)
    driver.step(offset - start.start_offset_s)
    shown = driver.session.phase
    if shown is None or shown.kind is not PhaseKind.WORK:
        raise RuntimeError(f"the session did not reach a work phase at {offset:.1f} s: {shown}")
    return window


# name -> scene, in the order they are taken (the dark theme last: it repaints everything).
SCENES: dict[str, Callable[[Stage], QWidget]] = {
    "home": home,
    "session": session,
    "session-hold": session_hold,
    "progress": progress,
    "builder": builder,
    "learn": learn,
    "preferences-dark": preferences_dark,
}
