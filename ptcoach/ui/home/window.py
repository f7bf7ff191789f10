"""The home window: the routines with their estimated duration and when each was last done;
pick one, adjust its targets, start."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, QSignalBlocker, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ptcoach.catalog.model import Routine, Targets
from ptcoach.engine.plan import total_s
from ptcoach.ui import plain
from ptcoach.ui.home.target_memory import load_targets, save_targets
from ptcoach.ui.home.targets_editor import TargetsEditor
from ptcoach.ui.look import theme
from ptcoach.ui.session.durations import duration_text

if TYPE_CHECKING:
    from datetime import datetime

FIRST_PAINT_ENV = "PTCOACH_EXIT_AFTER_FIRST_PAINT"  # benchmarks: print the time, then quit
# Qt.ItemDataRole.UserRole as the int the item API takes: touching the `Qt` namespace builds
# all its enums (~15 ms) before the first paint. tests/test_ui_home.py checks the value.
USER_ROLE = 256
FONT_CHANGE = QEvent.Type(97)  # QEvent.Type.FontChange
LIST_SCALE = 1.2  # the routine list's text, relative to the window's


class HomeWindow(QMainWindow):
    start_requested = Signal(object, list)  # Routine, list[Targets]
    learn_requested = Signal(str)  # a Learn page id, from an exercise name in the targets

    def __init__(
        self,
        routines: Mapping[str, Routine],
        settings: QSettings,
        *,
        last_done: Mapping[str, datetime] | None = None,
        problems: Sequence[str] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("homeWindow")
        self.setWindowTitle(self.tr("ptcoach"))
        self.routines = ordered(routines)
        self.settings = settings
        self.last_done = dict(last_done or {})
        self._estimates: dict[str, str] = {}  # routine id: its duration with remembered targets
        self.editor: TargetsEditor | None = None
        self._painted = False

        central = QWidget(self)
        row = QHBoxLayout(central)
        left = QVBoxLayout()
        left.addWidget(QLabel(f"<h2>{self.tr('Routines')}</h2>", central))
        self.routine_list = QListWidget(central)
        self.routine_list.setObjectName("routineList")
        self.routine_list.setAccessibleName(self.tr("Routines"))
        # Enter (or a double-click) on a routine starts it, as Start does.
        self.routine_list.itemActivated.connect(lambda _item: self._on_start_clicked())
        left.addWidget(self.routine_list, 1)
        if problems:
            note = QLabel(
                self.tr("Some routine files could not be read:") + "\n" + "\n".join(problems[:5]),
                central,
            )
            note.setObjectName("problemsLabel")
            note.setWordWrap(True)
            theme.mark(note, theme.WARNING)  # the theme colours it
            left.addWidget(note)
        row.addLayout(left, 2)

        right = QVBoxLayout()
        self.title_label = QLabel(central)
        self.title_label.setObjectName("routineTitleLabel")
        self.title_label.setWordWrap(True)
        self.description_label = plain.label(QLabel(central))
        self.description_label.setWordWrap(True)
        self.scroll_area = QScrollArea(central)  # not `scroll`: QWidget.scroll() is a method
        self.scroll_area.setWidgetResizable(True)
        self.estimate_label = QLabel(central)
        self.estimate_label.setObjectName("estimateLabel")
        theme.text_role(self.estimate_label, "message")
        self.start_button = QPushButton(self.tr("Start"), central)
        self.start_button.setObjectName("startButton")
        self.start_button.setMinimumHeight(56)
        theme.text_role(self.start_button, "startButton")
        self.start_button.clicked.connect(self._on_start_clicked)
        right.addWidget(self.title_label)
        right.addWidget(self.description_label)
        right.addWidget(self.scroll_area, 1)
        right.addWidget(self.estimate_label)
        right.addWidget(self.start_button)
        row.addLayout(right, 3)
        self.setCentralWidget(central)

        self._fill_list()
        self._size_list()
        self.routine_list.currentItemChanged.connect(self._on_current_item_changed)
        wanted = str(settings.value("home/routine", "") or "")
        ids = list(self.routines)
        if ids:
            self.routine_list.setCurrentRow(ids.index(wanted) if wanted in ids else 0)
        else:
            self.title_label.setText(self.tr("No routines found."))
            self.start_button.setEnabled(False)

    # --------------------------------------------------------------- queries
    def selected_routine(self) -> Routine | None:
        item = self.routine_list.currentItem()
        return None if item is None else self.routines[item.data(USER_ROLE)]

    def targets(self) -> list[Targets]:
        return self.editor.targets() if self.editor is not None else []

    def set_last_done(self, last_done: Mapping[str, datetime]) -> None:
        """Only the "last done" words change: the items are relabelled in place (rebuilding
        the list re-read every remembered target and the editor: 35 ms after the first paint)."""
        self.last_done = dict(last_done)
        for row in range(self.routine_list.count()):
            item = self.routine_list.item(row)
            rid = str(item.data(USER_ROLE))
            routine = self.routines.get(rid)
            if routine is not None:
                item.setText(self._item_text(rid, routine))

    def set_routines(self, routines: Mapping[str, Routine]) -> None:
        """After the runner saved, imported or deleted a routine."""
        current = self.selected_routine()
        self.routines = ordered(routines)
        self._fill_list()
        self.select_routine(current.id if current else "")

    def select_routine(self, routine_id: str) -> None:
        ids = list(self.routines)
        if ids:
            self.routine_list.setCurrentRow(ids.index(routine_id) if routine_id in ids else 0)

    def reload_targets(self) -> None:
        """The remembered targets changed (accepted suggestions): show them."""
        routine = self.selected_routine()
        self._fill_list()
        if routine is not None:
            self.select_routine(routine.id)
            self._on_current_item_changed(self.routine_list.currentItem(), None)

    # ---------------------------------------------------------------- slots
    def _fill_list(self) -> None:
        with QSignalBlocker(self.routine_list):  # unblocked even if the body raises
            self.routine_list.clear()
            self._estimates.clear()
            for rid, routine in self.routines.items():
                item = QListWidgetItem(self._item_text(rid, routine))
                item.setData(USER_ROLE, rid)
                self.routine_list.addItem(item)

    def _item_text(self, rid: str, routine: Routine) -> str:
        estimate = self._estimates.get(rid)
        if estimate is None:  # remembered until the list is filled again
            total = total_s(routine, self._remembered(routine))
            estimate = self._estimates[rid] = duration_text(_to_minutes(total))
        own = "" if routine.builtin else self.tr(" (yours)")
        return f"{routine.name}{own}\n{estimate} · {self._last_done_text(rid)}"

    def _remembered(self, routine: Routine) -> list[Targets]:
        return [load_targets(self.settings, item) for item in routine.items]

    def _last_done_text(self, routine_id: str) -> str:
        when = self.last_done.get(routine_id)
        if when is None:
            return self.tr("not done yet")
        # Here, not at the top: the first paint shows placeholders, and datetime costs ~1.5 ms.
        from ptcoach.store.timefmt import local_days_ago

        days = local_days_ago(when)  # local dates: a session at 10:00 is "today" at 23:30
        if days <= 0:
            return self.tr("last done today")
        if days == 1:
            return self.tr("last done yesterday")
        return self.tr("last done {0} days ago").format(days)

    def _on_current_item_changed(self, current: QListWidgetItem | None, _prev: object) -> None:
        routine = self.selected_routine()
        if routine is None:
            return
        self.settings.setValue("home/routine", routine.id)
        self.title_label.setText(f"<h2>{plain.esc(routine.name)}</h2>")
        self.description_label.setText(routine.description)
        self.editor = TargetsEditor(routine, self._remembered(routine))
        self.editor.targets_changed.connect(self._on_targets_changed)
        self.editor.learn_requested.connect(self.learn_requested)
        self.scroll_area.setWidget(self.editor)
        if self._painted:  # before the first paint: see paintEvent
            self._chain_tab_order()
        self._on_targets_changed()

    def _set_up_keys(self) -> None:
        """After the first paint (the `Qt` namespace costs ~15 ms to build): the scroll area
        round the targets is no Tab stop of its own (an invisible one), and Tab runs the
        routines, the targets, then Start."""
        from PySide6.QtCore import Qt

        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if self.editor is not None:
            self._chain_tab_order()

    def _chain_tab_order(self) -> None:
        """Tab: the routines, then each exercise's link and numbers, then Start."""
        from PySide6.QtCore import Qt

        assert self.editor is not None
        stops = [
            w
            for w in self.editor.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        ]
        chain = [self.routine_list, *stops, self.start_button]
        for i in range(len(chain) - 1):
            QWidget.setTabOrder(chain[i], chain[i + 1])

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == FONT_CHANGE:  # a new text size: the list's larger font follows
            self._size_list()

    def _size_list(self) -> None:
        """The routine list a little larger than the text and never narrower than its
        longest entry: extra-large text makes it bigger, never smaller."""
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * LIST_SCALE)
        else:
            font.setPixelSize(round(font.pixelSize() * LIST_SCALE))
        self.routine_list.setFont(font)
        metrics = QFontMetrics(font)
        lines = [
            line
            for i in range(self.routine_list.count())
            for line in self.routine_list.item(i).text().split("\n")
        ]
        widest = max((metrics.horizontalAdvance(t) for t in lines), default=200)
        bar = self.routine_list.verticalScrollBar().sizeHint().width()
        self.routine_list.setMinimumWidth(
            widest + 12 + bar + 2 * self.routine_list.frameWidth() + 8
        )

    def _on_targets_changed(self) -> None:
        routine = self.selected_routine()
        if routine is None or self.editor is None:
            return
        total = total_s(routine, self.editor.targets())
        self.estimate_label.setText(self.tr("About {0}").format(duration_text(_to_minutes(total))))

    def _on_start_clicked(self) -> None:
        routine = self.selected_routine()
        if routine is None:
            return
        targets = self.targets()
        for item, t in zip(routine.items, targets, strict=True):
            save_targets(self.settings, item.exercise.id, t)
        self._estimates.clear()  # targets are per exercise: any routine's duration may change
        self.start_requested.emit(routine, targets)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._set_up_keys)
            if os.environ.get(FIRST_PAINT_ENV):
                print(f"first-paint {time.monotonic():.6f}", file=sys.stdout, flush=True)
                QTimer.singleShot(0, self.close)


CORE_ROUTINE = "runners-knee"  # the source text's core programme: listed first


def ordered(routines: Mapping[str, Routine]) -> dict[str, Routine]:
    """The core programme, then the other built-ins by name, then the runner's own by name."""

    def key(item: tuple[str, Routine]) -> tuple[int, str, str]:
        rid, routine = item
        rank = 0 if rid == CORE_ROUTINE and routine.builtin else 1 if routine.builtin else 2
        return (rank, routine.name.casefold(), rid)

    return dict(sorted(routines.items(), key=key))


def _to_minutes(seconds: float) -> float:
    """An estimate to the minute: "19 min", not "19 min 10 s" (rests and pace vary anyway)."""
    return max(60.0, round(seconds / 60.0) * 60.0)
