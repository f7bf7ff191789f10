"""Lines over time: pain and effort (each day's as a faint dot, each week's mean as a line), and
one exercise's best set and daily total (reps, or seconds held), the exercise chosen from a
list. Lines break across multi-week gaps rather than invent a trend over them."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from ptcoach.store.adherence import Daily
from ptcoach.store.exercise_trends import ExerciseSeries
from ptcoach.ui.progress.charts import number
from ptcoach.ui.progress.data import DAY_S, broken_at_gaps, seconds, weekly_means
from ptcoach.ui.progress.panel import ChartPanel
from ptcoach.ui.progress.theme import ChartTheme

Floats = npt.NDArray[np.float64]
# Items are made with dynamicRangeLimit=None: values here are small (pain 0-10, reps, seconds),
# and with the default limit pyqtgraph redoes every item's points on each change of the y range.
DOT_ALPHA = 90  # of 255: the daily points stay in the background of the weekly lines


def _line(colour: str, *, dashed: bool = False, symbol: str | None = "o") -> pg.PlotDataItem:
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    return pg.PlotDataItem(
        pen=pg.mkPen(colour, width=2, style=style),
        symbol=symbol,
        symbolSize=5,
        symbolBrush=colour,
        symbolPen=None,
        connect="finite",
        dynamicRangeLimit=None,
    )


def _dots(colour: str) -> pg.PlotDataItem:
    """Small, faint daily points (no line): the detail under the weekly mean."""
    faint = pg.mkColor(colour)
    faint.setAlpha(DOT_ALPHA)
    return pg.PlotDataItem(
        pen=None,
        symbol="o",
        symbolSize=4,
        symbolBrush=faint,
        symbolPen=None,
        dynamicRangeLimit=None,
    )


def _set_dots(item: pg.PlotDataItem, x: Floats, y: Floats) -> None:
    # A series never rated (often: pain before) draws nothing rather than all-NaN spots.
    if np.any(~np.isnan(y)):
        item.setData(x=x, y=y)
    else:
        item.setData(x=np.array([]), y=np.array([]))


def _set_line(item: pg.PlotDataItem, x: Floats, y: Floats) -> None:
    item.setData(*broken_at_gaps(x, y), connect="finite")


def _nearest(x_values: Floats, x: float) -> int | None:
    if not len(x_values):
        return None
    i = int(np.clip(np.searchsorted(x_values, x), 1, len(x_values) - 1)) if len(x_values) > 1 else 0
    if i and abs(x_values[i - 1] - x) < abs(x_values[i] - x):
        i -= 1
    return i if abs(x_values[i] - x) <= 3.5 * DAY_S else None


class PainChart(ChartPanel):
    """Pain (0-10) after sessions, pain before them, and effort: each day's mean as a faint
    dot, each week's mean as a line over them."""

    file_stem = "pain-and-effort"

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Pain and effort"), theme, parent)
        self.set_legend(
            [
                (theme.pain, "━", self.tr("pain after")),
                (theme.pain_before, "┅", self.tr("pain before")),
                (theme.effort, "━", self.tr("effort")),
                (theme.foreground, "·", self.tr("dots: days, lines: weekly means")),
            ]
        )
        # Daily points (what the readout and CSV give), then the weekly means drawn on top.
        self.pain_before = _dots(theme.pain_before)
        self.pain = _dots(theme.pain)
        self.effort = _dots(theme.effort)
        self.pain_before_week = _line(theme.pain_before, dashed=True, symbol=None)
        self.pain_week = _line(theme.pain, symbol=None)
        self.effort_week = _line(theme.effort, symbol=None)
        for item in (
            self.pain_before,
            self.pain,
            self.effort,
            self.pain_before_week,
            self.pain_week,
            self.effort_week,
        ):
            self.plot_item.addItem(item)
        self.plot_item.setYRange(0, 10, padding=0.05)
        self.set_left_ticks([(v, str(v)) for v in range(0, 11, 2)])
        self.daily: Daily | None = None
        self._x: Floats = np.array([])
        self._rated = np.array([], dtype=bool)
        self._range = slice(0, 0)

    def set_data(self, daily: Daily) -> None:
        self.daily = daily
        rated = ~(np.isnan(daily.pain) & np.isnan(daily.effort) & np.isnan(daily.pain_before))
        self._rated = rated
        x = self._x = seconds(daily.day[rated]) + DAY_S / 2
        for dots, values in (
            (self.pain, daily.pain),
            (self.effort, daily.effort),
            (self.pain_before, daily.pain_before),
        ):
            _set_dots(dots, x, values[rated])
        for line, values in (
            (self.pain_week, daily.pain),
            (self.effort_week, daily.effort),
            (self.pain_before_week, daily.pain_before),
        ):
            _set_line(line, *weekly_means(daily.day, values))

    def show_range(self, start_s: float, end_s: float) -> None:
        super().show_range(start_s, end_s)
        lo, hi = np.searchsorted(self._x, [start_s, end_s])
        self._range = slice(int(lo), int(hi))

    def readout_at(self, x: float, y: float) -> str:
        i = _nearest(self._x, x)
        if self.daily is None or i is None:
            return ""
        day = self.daily.day[self._rated][i]
        values = [
            (self.tr("pain"), self.daily.pain[self._rated][i]),
            (self.tr("before"), self.daily.pain_before[self._rated][i]),
            (self.tr("effort"), self.daily.effort[self._rated][i]),
        ]
        shown = ", ".join(f"{name} {number(v)}" for name, v in values if not np.isnan(v))
        return f"{day}: {shown}"

    def csv_header(self) -> list[str]:
        return ["date", "pain_before", "pain", "effort"]

    def csv_rows(self) -> list[list[object]]:
        if self.daily is None:
            return []
        d, r = self.daily, self._range
        cols = [d.pain_before[self._rated][r], d.pain[self._rated][r], d.effort[self._rated][r]]
        return [
            [str(day), *("" if np.isnan(c[i]) else round(float(c[i]), 2) for c in cols)]
            for i, day in enumerate(d.day[self._rated][r])
        ]


class ExerciseChart(ChartPanel):
    """One exercise: its best set each day (line) and the day's total (dashed)."""

    file_stem = "exercise"
    exercise_chosen = Signal(str)

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Exercise"), theme, parent)
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("exerciseChooser")
        self.chooser.setAccessibleName(self.tr("Exercise"))
        self.chooser.setMinimumContentsLength(14)
        self.header.insertWidget(1, self.chooser)
        self.chooser.currentIndexChanged.connect(self._on_current_index_changed)
        self.best = _line(theme.met)
        self.total = _line(theme.total, dashed=True, symbol=None)
        # The days the camera watched, one series: what it counted (reps) or the best hold,
        # marked × on a day it gave a form cue. (One item: a fourth item in this chart made
        # pyqtgraph crash at teardown in the integrated app's tests.)
        self.camera = _line(theme.effort, dashed=True)
        self.camera.setSymbolSize(8)
        for item in (self.total, self.best, self.camera):
            self.plot_item.addItem(item)
        self.series: ExerciseSeries | None = None
        self.unit = "reps"
        self._x: Floats = np.array([])
        self._range = slice(0, 0)

    def set_exercises(self, exercises: tuple[tuple[str, str], ...], current: str | None) -> None:
        with QSignalBlocker(self.chooser):  # unblocked even if the body raises
            self.chooser.clear()
            for exercise_id, name in exercises:
                self.chooser.addItem(name, exercise_id)
            index = self.chooser.findData(current) if current else 0
            self.chooser.setCurrentIndex(max(index, 0))

    def current_exercise(self) -> str | None:
        data = self.chooser.currentData()
        return str(data) if data is not None else None

    def set_series(self, series: ExerciseSeries) -> None:
        self.series = series
        holds = bool(np.any(~np.isnan(series.best_hold_s)))
        self.unit = "s" if holds else "reps"
        best, total = (
            (series.best_hold_s, series.hold_s) if holds else (series.best_reps, series.reps)
        )
        self._x = seconds(series.day) + DAY_S / 2
        _set_line(self.best, self._x, best)
        _set_line(self.total, self._x, total)
        flagged = series.form_flagged
        seen_y = series.best_hold_s if holds else series.camera_reps
        watched = ~np.isnan(flagged) | ~np.isnan(series.camera_reps)
        keep = watched & ~np.isnan(seen_y)
        if np.any(keep):  # only the days it watched: joined, but not across long gaps
            x, y, marks = broken_at_gaps(self._x[keep], seen_y[keep], flagged[keep])
            symbols = ["x" if m > 0 else "o" for m in np.nan_to_num(marks)]
            self.camera.setData(x, y, connect="finite", symbol=symbols)
        else:
            self.camera.setData(x=np.array([]), y=np.array([]))
        what = self.tr("seconds held") if holds else self.tr("reps")
        self.plot_item.setLabel("left", what, color=self.theme.foreground)
        legend = [
            (self.theme.met, "●", self.tr("best set")),
            (self.theme.total, "┅", self.tr("day's total")),
        ]
        if np.any(keep):
            legend.append(
                (
                    self.theme.effort,
                    "┅",
                    self.tr("camera: best hold") if holds else self.tr("camera-counted reps"),
                )
            )
            legend.append((self.theme.effort, "×", self.tr("a day with a form cue")))
        self.set_legend(legend)

    def show_range(self, start_s: float, end_s: float) -> None:
        super().show_range(start_s, end_s)
        lo, hi = np.searchsorted(self._x, [start_s, end_s])
        self._range = slice(int(lo), int(hi))
        if self.series is not None and hi > lo:
            _, total = self._values()
            top = np.nanmax(total[lo:hi]) if np.any(~np.isnan(total[lo:hi])) else 1.0
            self.plot_item.setYRange(0, float(top) * 1.08, padding=0)

    def _values(self) -> tuple[Floats, Floats]:
        assert self.series is not None
        s = self.series
        return (s.best_hold_s, s.hold_s) if self.unit == "s" else (s.best_reps, s.reps)

    def readout_at(self, x: float, y: float) -> str:
        i = _nearest(self._x, x)
        if self.series is None or i is None:
            return ""
        best, total = self._values()
        text = self.tr("{0}: best {1} {3}, total {2} {3} in {4} sets").format(
            self.series.day[i],
            number(best[i]),
            number(total[i]),
            self.unit,
            self.series.sets_done[i],
        )
        camera, flagged = self.series.camera_reps[i], self.series.form_flagged[i]
        if not np.isnan(camera) and self.unit == "reps":
            text += self.tr("; camera counted {0}").format(number(camera))
        if not np.isnan(flagged):
            text += self.tr("; form cues in {0} sets").format(number(flagged))
        return text

    def csv_header(self) -> list[str]:
        return [
            "date",
            "exercise_id",
            "sets_done",
            "reps",
            "best_reps",
            "hold_s",
            "best_hold_s",
            "camera_reps",
            "form_flagged_sets",
        ]

    def csv_rows(self) -> list[list[object]]:
        if self.series is None:
            return []
        s, r = self.series, self._range
        cols = [
            s.reps[r],
            s.best_reps[r],
            s.hold_s[r],
            s.best_hold_s[r],
            s.camera_reps[r],
            s.form_flagged[r],
        ]
        return [
            [
                str(day),
                s.exercise_id,
                int(s.sets_done[r][i]),
                *("" if np.isnan(c[i]) else round(float(c[i]), 2) for c in cols),
            ]
            for i, day in enumerate(s.day[r])
        ]

    def _on_current_index_changed(self, _index: int) -> None:
        exercise_id = self.current_exercise()
        if exercise_id is not None:
            self.exercise_chosen.emit(exercise_id)
