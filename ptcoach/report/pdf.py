"""Draw a report's figures on A4 pages with QPdfWriter and QPainter: headline figures, weekly
sessions against the plan, the pain and effort trend, and a table of the exercises."""

from __future__ import annotations

import itertools
import math
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from ptcoach.report.figures import ReportFigures, gather
from ptcoach.store.exercise_trends import ExerciseTotals
from ptcoach.translate import translator

PAGE_W, PAGE_H, MARGIN = 595.0, 842.0, 48.0  # A4 in points
INK, GREY, BLUE, ORANGE, VERMILLION = "#000000", "#666666", "#0072B2", "#E69F00", "#D55E00"


tr = translator("Report")


def write_report(conn: sqlite3.Connection, path: Path, **options: Any) -> ReportFigures:
    """Write the report PDF to `path`; `options` as for `figures.gather`."""
    figures = gather(conn, **options)
    from ptcoach import private

    private.reserve(Path(path))  # created 0600: the report holds pain and adherence
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setResolution(300)
    writer.setTitle(tr("ptcoach report {0} to {1}").format(figures.since, figures.until))
    writer.setCreator("ptcoach")
    painter = QPainter(writer)
    try:
        _Page(painter, writer).draw(figures)
    finally:
        painter.end()
    return figures


def percent(part: float, whole: float) -> str:
    return f"{100 * part / whole:.0f}%" if whole > 0 else "–"


def number(x: float) -> str:
    return f"{x:.1f}".removesuffix(".0")


def _ticks(top: float) -> list[float]:
    """0, the middle and the top; whole numbers only when the top is one (session counts):
    never "2.5 sessions"."""
    if top != int(top):
        return [float(v) for v in np.linspace(0, top, 3)]
    whole = int(top)
    return [float(v) for v in sorted({0, whole // 2 if whole % 2 == 0 else whole, whole})]


class _Page:
    """A cursor down the page, in points (1/72 inch), starting a new page when full."""

    def __init__(self, painter: QPainter, writer: QPdfWriter) -> None:
        self.p, self.writer = painter, writer
        scale = writer.resolution() / 72.0
        painter.scale(scale, scale)
        self.y = MARGIN

    def draw(self, f: ReportFigures) -> None:
        s = f.summary
        self.text(tr("Physical-therapy exercise report"), 18, bold=True)
        if f.routine_label:
            self.text(tr("Routine: {0}").format(f.routine_label), 11)
        self.text(tr("Period: {0} to {1} ({2} weeks)").format(f.since, f.until, s.weeks), 11)
        self.text(tr("Made by ptcoach on {0}").format(f.made_on), 9, colour=GREY)
        self.y += 8
        self.text(tr("Adherence"), 13, bold=True)
        if s.planned > 0:
            self.text(
                tr("Sessions done: {0} of {1} planned ({2})").format(
                    number(s.done), number(s.planned), percent(s.done, s.planned)
                ),
                11,
            )
            self.text(
                tr("Weeks that met the plan: {0} of {1}").format(s.met_weeks, s.planned_weeks), 11
            )
        else:
            self.text(tr("No plan was set for this period."), 11)
        self.text(
            tr("Sets done: {0} of {1} prescribed ({2})").format(
                s.sets_done, s.sets_prescribed, percent(s.sets_done, s.sets_prescribed)
            ),
            11,
        )
        self.text(
            tr("Sessions started: {0}, completed in full: {1}").format(s.started, s.completed), 11
        )
        self.text(
            tr("Streak of weeks meeting the plan: {0} now, best {1}").format(
                f.streaks.current, f.streaks.best
            ),
            11,
        )
        self.y += 6
        self.weekly_chart(f)
        self.text(tr("Pain and effort (weekly means, 0 to 10)"), 13, bold=True)
        self.pain_chart(f)
        self.pain_sentence(f)
        self.y += 8
        self.text(tr("Exercises"), 13, bold=True)
        self.table(f.exercises)

    # --- text
    def text(
        self,
        line: str,
        size: float,
        *,
        bold: bool = False,
        colour: str = INK,
        x: float = MARGIN,
        width: float = PAGE_W - 2 * MARGIN,
        advance: bool = True,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    ) -> None:
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(1, round(size)))
        font.setBold(bold)
        self.p.setFont(font)
        self.p.setPen(QColor(colour))
        height = size * 1.45
        self.p.drawText(
            QRectF(x, self.y, width, height), int(align | Qt.AlignmentFlag.AlignVCenter), line
        )
        if advance:
            self.y += height

    def room(self, height: float) -> None:
        if self.y + height > PAGE_H - MARGIN:
            self.writer.newPage()
            self.y = MARGIN

    # --- charts
    def _frame(self, height: float, top: float) -> QRectF:
        self.room(height + 24)
        box = QRectF(MARGIN + 28, self.y + 4, PAGE_W - 2 * MARGIN - 28, height)
        self.p.setPen(QPen(QColor(GREY), 0.5))
        self.p.drawLine(box.bottomLeft(), box.bottomRight())
        self.p.drawLine(box.bottomLeft(), box.topLeft())
        for value in _ticks(top):
            y = box.bottom() - box.height() * value / top
            self.p.drawLine(QPointF(box.left() - 3, y), QPointF(box.left(), y))
            self._label(
                number(float(value)), QRectF(MARGIN, y - 6, 24, 12), Qt.AlignmentFlag.AlignRight
            )
        return box

    def _label(self, text: str, rect: QRectF, align: Qt.AlignmentFlag) -> None:
        font = QFont("DejaVu Sans")
        font.setPixelSize(7)
        self.p.setFont(font)
        self.p.setPen(QColor(GREY))
        self.p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)

    def _week_ticks(self, box: QRectF, weeks: npt.NDArray[Any], x_of: Any) -> None:
        step = max(1, len(weeks) // 6)
        for i in range(0, len(weeks), step):
            x = x_of(i)
            self._label(
                str(weeks[i])[5:],
                QRectF(x - 20, box.bottom() + 2, 40, 10),
                Qt.AlignmentFlag.AlignHCenter,
            )

    def weekly_chart(self, f: ReportFigures) -> None:
        w = f.weekly
        if not len(w.week):
            return
        # Sessions are counted whole: the scale's top and its ticks are whole numbers.
        top = float(math.ceil(np.nanmax(np.concatenate(([1.0], w.done, w.planned)))))
        box = self._frame(90, top)
        slot = box.width() / len(w.week)
        for i in range(len(w.week)):
            colour = BLUE if w.met[i] else ORANGE if w.has_plan[i] else GREY
            h = box.height() * float(w.done[i]) / top
            self.p.fillRect(
                QRectF(box.left() + i * slot + slot * 0.15, box.bottom() - h, slot * 0.7, h),
                QColor(colour),
            )
            if w.has_plan[i]:
                y = box.bottom() - box.height() * float(w.planned[i]) / top
                self.p.setPen(QPen(QColor(INK), 1.2))
                self.p.drawLine(
                    QPointF(box.left() + i * slot, y), QPointF(box.left() + (i + 1) * slot, y)
                )
        self._week_ticks(box, w.week, lambda i: box.left() + (i + 0.5) * slot)
        self.y = box.bottom() + 14
        self.text(
            tr(
                "Bars: sessions done each week (blue met the plan, orange short of it); "
                "black line: sessions planned. Weeks start on Monday."
            ),
            8,
            colour=GREY,
        )

    def pain_chart(self, f: ReportFigures) -> None:
        box = self._frame(90, 10.0)
        first = np.datetime64(f.since, "D")
        span = max(1, int((np.datetime64(f.until, "D") - first).astype(int)) + 1)

        def x_of(day: np.datetime64) -> float:
            offset = float((day - first).astype(int)) + 3.5
            return box.left() + box.width() * offset / span

        for weeks, values, colour in (
            (f.effort_weeks, f.effort, BLUE),
            (f.pain_weeks, f.pain, VERMILLION),
        ):
            points = [
                QPointF(x_of(d), box.bottom() - box.height() * float(v) / 10)
                for d, v in zip(weeks, values, strict=True)
            ]
            self.p.setPen(QPen(QColor(colour), 1.6))
            for a, b in itertools.pairwise(points):
                self.p.drawLine(a, b)
            self.p.setBrush(QColor(colour))
            for point in points:
                self.p.drawEllipse(point, 1.8, 1.8)
        all_weeks: npt.NDArray[Any] = np.arange(first, np.datetime64(f.until, "D") + 1, 7)
        self._week_ticks(box, all_weeks, lambda i: x_of(all_weeks[int(i)]))
        self.y = box.bottom() + 14
        self.text(tr("Red: pain after sessions. Blue: effort."), 8, colour=GREY)

    def pain_sentence(self, f: ReportFigures) -> None:
        if len(f.pain) == 0:
            self.text(tr("No pain ratings in this period."), 11)
            return
        self.text(
            tr(
                "Pain after sessions: {0} in the first week rated, {1} in the last (mean {2})"
            ).format(number(f.pain[0]), number(f.pain[-1]), number(float(np.mean(f.pain)))),
            11,
        )

    # --- table
    COLUMNS = ((0, 170), (170, 40), (210, 50), (260, 50), (310, 55), (365, 134))  # x, width

    @staticmethod
    def column_titles() -> list[str]:
        return [
            tr("Exercise"),
            tr("Days"),
            tr("Sets"),
            tr("Skipped"),
            tr("Reps"),
            tr("Best set: first → last"),
        ]

    def table(self, rows: tuple[ExerciseTotals, ...]) -> None:
        if not rows:
            self.text(tr("No exercises were done in this period."), 11)
            return
        self.row(self.column_titles(), bold=True)
        for t in rows:
            if t.first_best_hold_s is not None:
                best = f"{number(t.first_best_hold_s)} s → {number(t.last_best_hold_s or 0)} s"
            elif t.first_best_reps is not None:
                best = tr("{0} → {1} reps").format(t.first_best_reps, t.last_best_reps)
            else:
                best = "–"
            self.row(
                [
                    t.name,
                    str(t.days),
                    str(t.sets_done),
                    str(t.sets_skipped),
                    "–" if t.reps is None else str(t.reps),
                    best,
                ]
            )

    def row(self, cells: list[str], *, bold: bool = False) -> None:
        self.room(16)
        for (x, width), cell in zip(self.COLUMNS, cells, strict=True):
            align = Qt.AlignmentFlag.AlignLeft if x == 0 else Qt.AlignmentFlag.AlignRight
            self.text(
                cell, 9.5, bold=bold, x=MARGIN + x, width=width - 6, advance=False, align=align
            )
        self.y += 15
        self.p.setPen(QPen(QColor("#cccccc"), 0.4))
        self.p.drawLine(QPointF(MARGIN, self.y - 1), QPointF(PAGE_W - MARGIN, self.y - 1))
