"""One chart with its header: title, legend, the value under the mouse, and an export menu
(PNG image of the chart, CSV of its figures). The charts in `charts.py` fill it in."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ptcoach.ui.progress.theme import ChartTheme

PNG_WIDTH = 1200  # pixels: sharp enough for a letter to a therapist, small enough to mail


class ChartPanel(QWidget):
    """Base of the charts: a header row and a pyqtgraph plot, date axis at the bottom."""

    file_stem = "chart"

    def __init__(
        self,
        title: str,
        theme: ChartTheme,
        parent: QWidget | None = None,
        *,
        date_axis: bool = True,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        axes = {"bottom": pg.DateAxisItem(orientation="bottom", utcOffset=0)} if date_axis else {}
        # No context menus (they would be disabled anyway): building them is a third of a
        # plot's set-up time, and the view opens with four plots.
        self.plot_widget = pg.PlotWidget(
            self,
            background=theme.background,
            axisItems=axes,
            viewBox=pg.ViewBox(enableMenu=False),
            enableMenu=False,
        )
        self.plot_item: pg.PlotItem = self.plot_widget.getPlotItem()
        # No Tab stop: a plot has nothing to do from the keyboard (its figures are in the
        # readout and the CSV export), and an unnamed stop there looked like focus vanishing.
        self.plot_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plot_item.hideButtons()
        self.plot_item.showGrid(x=True, y=True, alpha=theme.grid_alpha)
        self.plot_item.setMouseEnabled(x=True, y=False)  # zoom and pan along time only
        for name in ("left", "bottom"):
            axis = self.plot_item.getAxis(name)
            axis.setPen(pg.mkPen(theme.foreground))
            axis.setTextPen(pg.mkPen(theme.foreground))
        self.plot_widget.scene().sigMouseMoved.connect(self._on_mouse_moved)

        self.title_label = QLabel(f"<b>{title}</b>", self)
        self.legend_label = QLabel(self)
        self.readout = QLabel(self)
        self.readout.setObjectName("chartReadout")
        self.export_button = QToolButton(self)
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction(self.tr("Save image (PNG)…"), self._on_save_png)
        menu.addAction(self.tr("Save figures (CSV)…"), self._on_save_csv)
        self.export_button.setMenu(menu)

        self.header = QHBoxLayout()
        self.header.addWidget(self.title_label)
        self.header.addStretch(1)
        self.header.addWidget(self.export_button)
        # The legend wraps under the title, and the value under the mouse has a line of its own
        # that is always there: text appearing on hover never widens the chart or moves the
        # plot (its axis labels crowded and overlapped when it did).
        self.legend_label.setWordWrap(True)
        self.readout.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.readout.setFixedHeight(self.readout.fontMetrics().height() + 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.header)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.readout)
        layout.addWidget(self.plot_widget, 1)

    def set_left_ticks(self, ticks: Sequence[tuple[float, str]]) -> None:
        """Fixed labels for the left axis, thinned to what the plot's height has room for:
        on a short plot (a small screen, large text) every label would overlap its neighbour."""
        self._left_ticks = list(ticks)
        self._thin_left_ticks()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._thin_left_ticks()

    def _thin_left_ticks(self) -> None:
        ticks = getattr(self, "_left_ticks", None)
        if not ticks:
            return
        line = self.fontMetrics().height() * 1.1  # a label and a little air
        room = max(1.0, self.plot_widget.height() * 0.8)
        fit = max(1, int(room // line))
        step = max(1, -(-len(ticks) // fit))  # ceil: keep at most `fit` labels
        self.plot_item.getAxis("left").setTicks([ticks[::step]])

    def set_legend(self, entries: Sequence[tuple[str, str, str]]) -> None:
        """Entries of (colour, mark, text), e.g. ("#0072B2", "■", "met the plan")."""
        self.legend_label.setText(
            "  ".join(
                f"<span style='color:{colour}'>{mark}</span>&nbsp;{text}"
                for colour, mark, text in entries
            )
        )

    def show_range(self, start_s: float, end_s: float) -> None:
        self.plot_item.setXRange(start_s, end_s, padding=0)

    # --- what each chart provides
    def readout_at(self, x: float, y: float) -> str:
        return ""

    def csv_header(self) -> list[str]:
        return []

    def csv_rows(self) -> list[list[object]]:
        return []

    # --- export
    def export_png(self, path: Path, width: int = PNG_WIDTH) -> Path:
        exporter = ImageExporter(self.plot_item)
        exporter.parameters()["width"] = width
        exporter.export(str(path))
        return path

    def export_csv(self, path: Path) -> Path:
        from ptcoach import private

        with private.open_new(Path(path), "w", newline="") as file:  # 0600: pain data
            writer = csv.writer(file)
            writer.writerow(self.csv_header())
            writer.writerows(self.csv_rows())
        return path

    def _on_save_png(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart image"), f"{self.file_stem}.png", self.tr("PNG (*.png)")
        )
        if name:
            self.export_png(Path(name))

    def _on_save_csv(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save chart figures"), f"{self.file_stem}.csv", self.tr("CSV (*.csv)")
        )
        if name:
            self.export_csv(Path(name))

    def _on_mouse_moved(self, pos: QPointF) -> None:
        box = self.plot_item.vb.sceneBoundingRect()
        if not box.contains(pos):
            self.readout.clear()
            return
        point = self.plot_item.vb.mapSceneToView(pos)
        self.readout.setText(self.readout_at(point.x(), point.y()))
