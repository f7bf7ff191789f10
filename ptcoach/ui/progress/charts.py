"""Weekly adherence (bars against the plan line) and the calendar heat map of the last year."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import numpy.typing as npt
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from ptcoach.store.adherence import Daily, WeeklyAdherence, monday
from ptcoach.ui.progress.data import DAY_S, day_seconds, seconds
from ptcoach.ui.progress.panel import ChartPanel
from ptcoach.ui.progress.theme import ChartTheme

HEAT_WEEKS = 53  # a year of whole weeks, this one included


def number(x: float) -> str:
    """2.5 → "2.5", 3.0 → "3", 2.571 → "2.6"."""
    return f"{x:.1f}".removesuffix(".0")


class WeekBars(pg.BarGraphItem):
    """Bars from the baseline with a brush each, drawn with one drawRects call per colour:
    pyqtgraph replays one call per bar, ten years of weeks cost milliseconds on every paint."""

    def setOpts(self, **opts: object) -> None:
        super().setOpts(**opts)
        self._groups: list[tuple[pg.QtGui.QBrush, list[QRectF]]] | None = None

    def paint(self, p: QPainter, *args: object) -> None:
        brushes = self.opts.get("brushes")
        if brushes is None:
            super().paint(p, *args)
            return
        if self._groups is None:
            x, height, width = (
                np.asarray(self.opts[k], dtype=np.float64) for k in ("x", "height", "width")
            )
            width = np.broadcast_to(width, x.shape)
            groups: dict[int, tuple[pg.QtGui.QBrush, list[QRectF]]] = {}
            for xi, hi, wi, brush in zip(
                x.tolist(), height.tolist(), width.tolist(), brushes, strict=True
            ):
                groups.setdefault(brush.color().rgba(), (brush, []))[1].append(
                    QRectF(xi - wi / 2, 0.0, wi, hi)
                )
            self._groups = list(groups.values())
        p.setPen(Qt.PenStyle.NoPen)
        for brush, rects in self._groups:
            p.setBrush(brush)
            p.drawRects(rects)


class AdherenceChart(ChartPanel):
    """Sessions done each week (bars: met, short, or no plan) against the plan (a line)."""

    file_stem = "weekly-adherence"

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Sessions per week"), theme, parent)
        self.set_legend(
            [
                (theme.met, "■", self.tr("met the plan")),
                (theme.short, "■", self.tr("short of it")),
                (theme.foreground, "━", self.tr("plan")),
            ]
        )
        self.bars = WeekBars(x=[], height=[], width=6 * DAY_S)
        self.plan_line = pg.PlotDataItem(
            pen=pg.mkPen(theme.foreground, width=2), dynamicRangeLimit=None
        )  # see trends.py
        self.plot_item.addItem(self.bars)
        self.plot_item.addItem(self.plan_line)
        self.weekly: WeeklyAdherence | None = None
        self._range = slice(0, 0)

    def set_data(self, weekly: WeeklyAdherence) -> None:
        self.weekly = weekly
        starts = seconds(weekly.week)
        met, has = weekly.met, weekly.has_plan
        brushes = np.where(
            met, self.theme.met, np.where(has, self.theme.short, self.theme.unplanned)
        )
        shared = {c: pg.mkBrush(c) for c in set(brushes.tolist())}  # three brushes, not one a week
        self.bars.setOpts(
            x=starts + 3.5 * DAY_S,
            height=weekly.done,
            width=6 * DAY_S,
            brushes=[shared[c] for c in brushes],
            pen=pg.mkPen(None),
        )
        # The plan as one flat segment per planned week; unplanned weeks leave a gap.
        planned = weekly.planned[has]
        x = np.column_stack((starts[has], starts[has] + 7 * DAY_S)).ravel()
        self.plan_line.setData(x=x, y=np.repeat(planned, 2), connect="pairs")

    def show_range(self, start_s: float, end_s: float) -> None:
        super().show_range(start_s, end_s)
        if self.weekly is None:
            return
        starts = seconds(self.weekly.week)
        lo, hi = np.searchsorted(starts, [start_s, end_s])
        self._range = slice(int(lo), int(hi))
        top = np.nanmax(
            np.concatenate(([1.0], self.weekly.done[lo:hi], self.weekly.planned[lo:hi]))
        )
        self.plot_item.setYRange(0, float(top) + 0.5, padding=0)

    def readout_at(self, x: float, y: float) -> str:
        if self.weekly is None or not len(self.weekly.week):
            return ""
        i = int(np.searchsorted(seconds(self.weekly.week), x, side="right")) - 1
        if not 0 <= i < len(self.weekly.week):
            return ""
        w = self.weekly
        plan = (
            self.tr("{0} of {1} sessions").format(number(w.done[i]), number(w.planned[i]))
            if w.has_plan[i]
            else self.tr("{0} sessions, no plan").format(number(w.done[i]))
        )
        return self.tr("Week of {0}: {1}, {2} of {3} sets").format(
            w.week[i], plan, w.sets_done[i], w.sets_prescribed[i]
        )

    def csv_header(self) -> list[str]:
        return [
            "week_start",
            "planned_sessions",
            "sessions_done",
            "sessions_started",
            "sessions_completed",
            "sets_done",
            "sets_prescribed",
            "met_plan",
        ]

    def csv_rows(self) -> list[list[object]]:
        if self.weekly is None:
            return []
        w, r = self.weekly, self._range
        planned = ["" if np.isnan(p) else round(float(p), 3) for p in w.planned[r]]
        return [
            list(row)
            for row in zip(
                [str(d) for d in w.week[r]],
                planned,
                np.round(w.done[r], 3).tolist(),
                w.started[r].tolist(),
                w.completed[r].tolist(),
                w.sets_done[r].tolist(),
                w.sets_prescribed[r].tolist(),
                w.met[r].astype(int).tolist(),
                strict=True,
            )
        ]


class CalendarChart(ChartPanel):
    """The last 53 weeks, one cell a day (Monday at the top): how much was done that day."""

    file_stem = "calendar"

    def __init__(self, theme: ChartTheme, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Last 12 months"), theme, parent)
        self.set_legend(
            [
                (theme.heat_low, "■", self.tr("nothing")),
                (theme.heat_high, "■", self.tr("a full session or more")),
            ]
        )
        self.image = pg.ImageItem(axisOrder="col-major")
        cmap = pg.ColorMap(pos=[0.0, 1.0], color=[theme.heat_low, theme.heat_high])
        self.image.setLookupTable(cmap.getLookupTable(nPts=64))
        self.plot_item.addItem(self.image)
        self.plot_item.setMouseEnabled(x=False, y=False)
        self.plot_item.showGrid(x=False, y=False)
        self.plot_item.getViewBox().invertY(True)
        names = [
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        ]
        self.set_left_ticks([(i + 0.5, n) for i, n in enumerate(names)])
        self.grid: npt.NDArray[np.float64] = np.full((HEAT_WEEKS, 7), np.nan)
        self.start = date(1970, 1, 5)
        self.sessions: npt.NDArray[np.float64] = self.grid.copy()

    def set_data(self, daily: Daily, today: date) -> None:
        self.start = monday(today) - timedelta(weeks=HEAT_WEEKS - 1)
        index = (daily.day - np.datetime64(self.start, "D")).astype(np.int64)
        keep = (index >= 0) & (index < HEAT_WEEKS * 7)
        done = np.full(HEAT_WEEKS * 7, np.nan)
        done[: (today - self.start).days + 1] = 0.0  # days to come stay empty (NaN)
        done[index[keep]] = daily.done[keep]
        sessions = np.zeros(HEAT_WEEKS * 7)
        sessions[index[keep]] = daily.sessions[keep]
        self.grid, self.sessions = done.reshape(HEAT_WEEKS, 7), sessions.reshape(HEAT_WEEKS, 7)
        self.image.setImage(self.grid, levels=(0.0, 1.0), autoLevels=False)
        x0 = day_seconds(self.start)
        self.image.setRect(QRectF(x0, 0, HEAT_WEEKS * 7 * DAY_S, 7))
        self.plot_item.setXRange(x0, x0 + HEAT_WEEKS * 7 * DAY_S, padding=0.01)
        self.plot_item.setYRange(0, 7, padding=0.02)

    def show_range(self, start_s: float, end_s: float) -> None:
        """The calendar always shows the last twelve months."""

    def _cell(self, x: float, y: float) -> tuple[int, int] | None:
        week = int((x - day_seconds(self.start)) // (7 * DAY_S))
        weekday = int(y)
        if 0 <= week < HEAT_WEEKS and 0 <= weekday < 7 and y >= 0:
            return week, weekday
        return None

    def readout_at(self, x: float, y: float) -> str:
        cell = self._cell(x, y)
        if cell is None or np.isnan(self.grid[cell]):
            return ""
        day = self.start + timedelta(days=cell[0] * 7 + cell[1])
        return self.tr("{0}: {1} sessions, {2} done").format(
            day.isoformat(), int(self.sessions[cell]), number(float(self.grid[cell]))
        )

    def csv_header(self) -> list[str]:
        return ["date", "sessions", "sessions_done"]

    def csv_rows(self) -> list[list[object]]:
        done, sessions = self.grid.ravel(), self.sessions.ravel()
        return [
            [
                (self.start + timedelta(days=i)).isoformat(),
                int(sessions[i]),
                round(float(done[i]), 3),
            ]
            for i in np.flatnonzero(~np.isnan(done)).tolist()
        ]
