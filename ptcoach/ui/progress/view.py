"""`ProgressView`: the four charts, a routine chooser, the range picker, the headline figures
and the report button; `open_progress_window` shows it in a window of its own."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ptcoach.store import adherence
from ptcoach.store.db import open_database
from ptcoach.store.errors import StoreError
from ptcoach.ui.look.theme import WARNING, mark
from ptcoach.ui.progress import data
from ptcoach.ui.progress.charts import AdherenceChart, CalendarChart
from ptcoach.ui.progress.data import DAY_S, ProgressData, Span, day_seconds
from ptcoach.ui.progress.loader import BackgroundLoader, Loaded, database_path, load_all
from ptcoach.ui.progress.panel import ChartPanel
from ptcoach.ui.progress.theme import ChartTheme, chart_theme
from ptcoach.ui.progress.trends import ExerciseChart, PainChart

# Where the app's current connection is read (`services.conn`): the history may be re-opened
# under the view (its files deleted or replaced), and the view must read the new one.
ConnectionSource = Callable[[], sqlite3.Connection | None]


class ProgressView(QWidget):
    """Adherence and trends from the history in `source`: a file path, a connection, or a
    function that returns the app's connection of the moment (None while it is re-opened)."""

    span_changed = Signal(object)  # the new Span
    report_written = Signal(Path)
    # Built in __init__, or one per event-loop turn after it for a `background` view.
    adherence_chart: AdherenceChart
    calendar_chart: CalendarChart
    pain_chart: PainChart
    exercise_chart: ExerciseChart

    def __init__(
        self,
        source: sqlite3.Connection | str | Path | ConnectionSource,
        *,
        exercise_names: Mapping[str, str] | None = None,
        routine_names: Mapping[str, str] | None = None,
        today: date | None = None,
        parent: QWidget | None = None,
        background: bool = False,
    ) -> None:
        """`background`: read the history in a worker thread (the app's windows), the charts
        filling in over a few event-loop turns; else `reload()` reads it at once."""
        super().__init__(parent)
        self.setObjectName("progressView")
        self._owned: sqlite3.Connection | None = None
        if isinstance(source, sqlite3.Connection):
            self._current: ConnectionSource = lambda: source
        elif isinstance(source, str | Path):
            self._owned = owned = open_database(Path(source))
            self._current = lambda: owned
        else:
            self._current = source
        self.exercise_names = dict(exercise_names or {})
        self.routine_names = dict(routine_names or {})
        self._today = today
        self.span = Span.MONTHS_3
        theme = chart_theme(self)

        self.routine_chooser = QComboBox(self)
        self.routine_chooser.setObjectName("routineChooser")
        # Named for screen readers even while empty (the history not read yet).
        self.routine_chooser.setAccessibleName(self.tr("Routine"))
        self.span_buttons = QButtonGroup(self)
        span_row = QHBoxLayout()
        span_row.setSpacing(0)
        for span, text in (
            (Span.WEEKS_4, self.tr("4 weeks")),
            (Span.MONTHS_3, self.tr("3 months")),
            (Span.YEAR, self.tr("Year")),
            (Span.ALL, self.tr("All")),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            button.setChecked(span is self.span)
            button.setProperty("span", span.name)
            self.span_buttons.addButton(button)
            span_row.addWidget(button)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("progressSummary")
        self.summary_label.setWordWrap(True)  # wraps rather than widening the window
        self.report_button = QPushButton(self.tr("Report (PDF)…"), self)

        top = QHBoxLayout()
        top.addWidget(self.routine_chooser)
        top.addLayout(span_row)
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.report_button)

        self._grid = QGridLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self._grid, 1)

        self.data: ProgressData | None = None
        self._loader: BackgroundLoader | None = None
        self._steps: list[Callable[[], None]] = []
        self._to_build = self._chart_makers(theme)
        if background and (path := database_path(self.conn)) is not None:
            self._loader = BackgroundLoader(self)
            self._loader.loaded.connect(self._apply_in_turns)
            self._loader.failed.connect(self._on_load_failed)
            self._path = path
            self.summary_label.setText(self.tr("Reading the history…"))
            self.report_button.setEnabled(False)  # until there is something to report
            # The four pyqtgraph charts take ~35 ms to build: one per event-loop turn after
            # the window shows, so the click's turn stays short. The read starts after them:
            # in parallel, its thread took the GIL from their turns (the stall and the time
            # to drawn both grew).
            self._build_timer = QTimer(self)  # Qt deletes it with the view: no late call
            self._build_timer.setSingleShot(True)
            self._build_timer.timeout.connect(self._build_next_chart)
            self._build_timer.start(0)
        else:
            while self._to_build:
                self._to_build.pop(0)()
            self._charts_built()
            self.reload()

    def _chart_makers(self, theme: ChartTheme) -> list[Callable[[], None]]:
        def adherence() -> None:
            self.adherence_chart = AdherenceChart(theme, self)
            self._place(self.adherence_chart, 0, 0)

        def calendar() -> None:
            self.calendar_chart = CalendarChart(theme, self)
            self._place(self.calendar_chart, 0, 1)

        def pain() -> None:
            self.pain_chart = PainChart(theme, self)
            self.pain_chart.plot_item.setXLink(self.adherence_chart.plot_item)  # zoom together
            self._place(self.pain_chart, 1, 0)

        def exercise() -> None:
            self.exercise_chart = ExerciseChart(theme, self)
            self.exercise_chart.plot_item.setXLink(self.adherence_chart.plot_item)
            self._place(self.exercise_chart, 1, 1)

        return [adherence, calendar, pain, exercise]

    def _place(self, chart: QWidget, row: int, column: int) -> None:
        """Charts wait hidden, in their places, until the history is on them: empty charts
        showed meaningless axes (a view made without `background` shows them at once)."""
        if self._loader is not None:
            policy = chart.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            chart.setSizePolicy(policy)
            chart.hide()
        self._grid.addWidget(chart, row, column)

    def _build_next_chart(self) -> None:
        self._to_build.pop(0)()
        if self._to_build:
            self._build_timer.start(0)
        else:
            self._charts_built()
            self.refresh()

    def _charts_built(self) -> None:
        self.routine_chooser.currentIndexChanged.connect(self._on_routine_changed)
        self.span_buttons.buttonClicked.connect(self._on_span_clicked)
        self.exercise_chart.exercise_chosen.connect(self._on_exercise_chosen)
        self.report_button.clicked.connect(self._on_report_clicked)
        checked = self.span_buttons.checkedButton()  # a span clicked while they were built
        if checked is not None:
            self.span = Span[str(checked.property("span"))]

    @property
    def conn(self) -> sqlite3.Connection:
        """The history connection of the moment."""
        conn = self._current()
        if conn is None:
            raise StoreError(
                QCoreApplication.translate(
                    "ProgressView", "The history is being re-opened; try again in a moment."
                )
            )
        return conn

    @property
    def charts(self) -> tuple[ChartPanel, ...]:
        """The charts built so far (all four, except in a `background` view's first turns)."""
        names = ("adherence_chart", "calendar_chart", "pain_chart", "exercise_chart")
        return tuple(getattr(self, n) for n in names if hasattr(self, n))

    def today(self) -> date:
        return self._today or date.today()

    def routine_id(self) -> str | None:
        value = self.routine_chooser.currentData()
        return None if value is None else str(value)

    def reload(self) -> None:
        """Query the history again, now (after a session was recorded, or another routine
        chosen); `refresh()` does it off the GUI thread when the view was made `background`.
        While the history is being re-opened the charts stay as they are; the re-open
        brings a reload of its own."""
        if self._current() is None:
            return
        self._steps.clear()  # a fill in progress is overtaken
        loaded = load_all(
            self.conn, self.today(), self.routine_id(), self.exercise_chart.current_exercise()
        )
        for step in self._fill_steps(loaded):
            step()

    def refresh(self) -> None:
        """Reload: in the background for a `background` view, else at once."""
        if self._to_build:  # the charts are still being built; their last step refreshes
            return
        if self._loader is None:
            self.reload()
            return
        self._loader.request(
            self._path, self.today(), self.routine_id(), self.exercise_chart.current_exercise()
        )

    @property
    def loading(self) -> bool:
        """A background read or a fill is still under way."""
        return (
            bool(self._to_build)
            or bool(self._steps)
            or (self._loader is not None and self._loader.pending > 0)
        )

    def _fill_steps(self, loaded: Loaded) -> list[Callable[[], None]]:
        """Putting `loaded` on screen, in steps of a few milliseconds each."""

        def routines_and_exercises() -> None:
            self.data = loaded.data
            self.report_button.setEnabled(True)
            self._fill_routines(loaded.data.routine_id, loaded.routines)
            names = tuple((i, self.exercise_names.get(i, n)) for i, n in loaded.data.exercises)
            self.exercise_chart.set_exercises(names, loaded.exercise_id)

        def exercise() -> None:
            if loaded.series is not None:
                self.exercise_chart.set_series(loaded.series)

        def limits_and_span() -> None:
            first = day_seconds(loaded.data.first_day()) - 7 * DAY_S
            last = day_seconds(loaded.data.span_end()) + 7 * DAY_S
            self.adherence_chart.plot_item.setLimits(xMin=first, xMax=last)
            self.set_span(self.span)
            for chart in self.charts:
                chart.show()  # hidden until the first read (background views)

        d = loaded.data
        return [
            routines_and_exercises,
            lambda: self.adherence_chart.set_data(d.weekly),
            lambda: self.calendar_chart.set_data(d.daily, d.today),
            lambda: self.pain_chart.set_data(d.daily),
            exercise,
            limits_and_span,
        ]

    def _apply_in_turns(self, loaded: Loaded) -> None:
        self._steps = self._fill_steps(loaded)
        self._next_step()

    def _next_step(self) -> None:
        if self._steps:
            self._steps.pop(0)()
            if self._steps:
                QTimer.singleShot(0, self._next_step)  # the event loop's turn in between

    def _on_load_failed(self, why: str) -> None:
        mark(self.summary_label, WARNING)
        self.summary_label.setText(self.tr("The history could not be read: {0}").format(why))

    def set_span(self, span: Span) -> None:
        """Show the last 4 weeks, 3 months, year, or everything (recomputes the headline)."""
        self.span = span
        if self.data is None:  # still reading the history: shown once it is read
            return
        start, end = self.data.span_start(span), self.data.span_end()
        start_s, end_s = day_seconds(start), day_seconds(end + timedelta(days=1))
        for chart in self.charts:
            chart.show_range(start_s, end_s)
        for button in self.span_buttons.buttons():
            button.setChecked(button.property("span") == span.name)
        self._show_summary(start, end)
        self.span_changed.emit(span)

    def set_exercise(self, exercise_id: str) -> None:
        index = self.exercise_chart.chooser.findData(exercise_id)
        if index < 0:
            raise KeyError(f"no sets of exercise {exercise_id!r} in the history")
        self.exercise_chart.chooser.setCurrentIndex(index)

    def write_report(self, path: Path) -> Path:
        """The therapist's report (PDF) for the range and routine on screen."""
        from ptcoach.report.pdf import write_report

        assert self.data is not None
        write_report(
            self.conn,
            path,
            since=self.data.span_start(self.span),
            until=self.data.span_end(),
            today=self.today(),
            routine_id=self.routine_id(),
            routine_names=self.routine_names,
            exercise_names=self.exercise_names,
        )
        self.report_written.emit(path)
        return path

    def _show_summary(self, start: date, end: date) -> None:
        assert self.data is not None
        s = adherence.summarize(self.data.weekly.between(start, end))
        streak = self.data.streaks
        parts = []
        if s.adherence is not None:
            parts.append(self.tr("{0:.0f}% of planned sessions").format(100 * s.adherence))
            parts.append(self.tr("{0} of {1} weeks met").format(s.met_weeks, s.planned_weeks))
        else:
            parts.append(self.tr("no plan in this range"))
        if self.data.weekly.has_plan.any():
            parts.append(self.tr("streak {0} weeks (best {1})").format(streak.current, streak.best))
        else:  # no plan, no streak to count: say so rather than "streak 0 weeks (best 0)"
            parts.append(
                self.tr("set a plan (Routine menu, Schedule and reminders) to count streaks")
            )
        self.summary_label.setText(" · ".join(parts))

    def _fill_routines(self, current: str | None, done: tuple[tuple[str, str], ...]) -> None:
        chooser = self.routine_chooser
        with QSignalBlocker(chooser):  # unblocked even if the body raises
            chooser.clear()
            chooser.addItem(self.tr("All routines"), None)
            for routine_id, name in done:
                chooser.addItem(self.routine_names.get(routine_id, name), routine_id)
            chooser.setCurrentIndex(max(chooser.findData(current), 0) if current else 0)

    def _load_exercise(self) -> None:
        exercise_id = self.exercise_chart.current_exercise()
        if exercise_id is not None and self._current() is not None:
            self.exercise_chart.set_series(data.exercise(self.conn, exercise_id, self.today()))

    def _on_routine_changed(self, _index: int) -> None:
        self.refresh()

    def _on_span_clicked(self, button: QToolButton) -> None:
        self.set_span(Span[str(button.property("span"))])

    def _on_exercise_chosen(self, _exercise_id: str) -> None:
        self._load_exercise()
        assert self.data is not None
        self.set_span(self.span)

    def _on_report_clicked(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), "ptcoach-report.pdf", self.tr("PDF (*.pdf)")
        )
        if not name:
            return
        try:
            self.write_report(Path(name))
        except (StoreError, OSError) as exc:  # the history being re-opened, a full disk, ...
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Report not written"), str(exc))

    def closeEvent(self, event: object) -> None:
        if self._owned is not None:
            self._owned.close()
            self._owned = None
        super().closeEvent(event)  # type: ignore[arg-type]


def open_progress_window(
    conn: sqlite3.Connection, parent: QWidget | None = None, **kwargs: object
) -> ProgressView:
    """Show the progress view in its own window and return it."""
    view = ProgressView(conn, parent=parent, **kwargs)  # type: ignore[arg-type]
    view.setWindowFlag(Qt.WindowType.Window, True)
    view.setWindowTitle(QCoreApplication.translate("ProgressView", "Progress — ptcoach"))
    view.resize(1200, 760)
    view.show()
    return view
