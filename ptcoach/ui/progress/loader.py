"""The progress view's figures, read off the GUI thread.

Ten years of history take the queries and the numpy sums about 60 ms: on the GUI thread that
froze the window at every open and every routine chosen (issue 11). A worker thread reads them
on a read-only connection of its own and hands the result back (ui/background.py); the view
then fills one chart per event-loop turn. A newer
request makes the answers of older ones be ignored.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, Signal

from ptcoach.store import exercise_trends
from ptcoach.store.exercise_trends import ExerciseSeries
from ptcoach.store.fileinfo import connect_read_only
from ptcoach.ui.background import in_background
from ptcoach.ui.progress import data
from ptcoach.ui.progress.data import ProgressData


@dataclass(frozen=True)
class Loaded:
    """Everything one reload of the view shows."""

    data: ProgressData
    routines: tuple[tuple[str, str], ...]  # (id, name) of the routines done
    exercise_id: str | None  # the exercise whose series is in `series`
    series: ExerciseSeries | None


def load_all(
    conn: sqlite3.Connection, today: date, routine_id: str | None, exercise_id: str | None
) -> Loaded:
    """What the view shows; `exercise_id`: the one chosen, kept if it still has sets (else the
    first, as the chooser picks)."""
    loaded = data.load(conn, today, routine_id)
    ids = [i for i, _ in loaded.exercises]
    if exercise_id not in ids:
        exercise_id = ids[0] if ids else None
    series = data.exercise(conn, exercise_id, today) if exercise_id is not None else None
    routines = tuple(exercise_trends.routines_done(conn))
    return Loaded(loaded, routines, exercise_id, series)


def database_path(conn: sqlite3.Connection) -> Path | None:
    """The file behind `conn` (None for an in-memory database)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main":
            return Path(file) if file else None
    return None


class BackgroundLoader(QObject):
    """Reads `load_all` in a worker thread; `loaded` arrives on the GUI thread."""

    loaded = Signal(object)  # Loaded, from the newest request only
    failed = Signal(str)  # why the history could not be read

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self.pending = 0  # requests not answered yet

    def request(
        self, path: Path, today: date, routine_id: str | None, exercise_id: str | None
    ) -> None:
        self._generation += 1
        self.pending += 1
        generation = self._generation

        def work() -> Loaded:
            conn = connect_read_only(path)
            try:
                return load_all(conn, today, routine_id, exercise_id)
            finally:
                conn.close()

        in_background(
            work, lambda result: self._arrived(generation, result), name="ptcoach-progress-load"
        )

    def _arrived(self, generation: int, result: object) -> None:
        if not shiboken6.isValid(self):
            return  # the view was closed and deleted meanwhile
        self.pending -= 1
        if generation != self._generation:
            return  # an older request's answer: a newer one is on its way
        if isinstance(result, Loaded):
            self.loaded.emit(result)
        elif isinstance(result, sqlite3.Error | OSError):
            self.failed.emit(str(result))
        elif isinstance(result, BaseException):
            raise result  # a bug, not the history's state: the crash report says it
