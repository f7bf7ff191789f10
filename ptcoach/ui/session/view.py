"""The session view: readable from a mat 2-3 m away, driven only by the driver it observes.

Shows the exercise, an illustration, numbered instructions, one huge number (seconds left or
the rep), set, side, what comes next, the phase by colour and word, the tempo step, and the
whole session's progress; big buttons and keyboard shortcuts control the driver. Before Start
it asks for pain now (optional); cues can flash the banner and number.
"""

from __future__ import annotations

import html
from dataclasses import replace

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ptcoach.engine.plan import Plan
from ptcoach.engine.session import Snapshot, State
from ptcoach.ui.camera.indicator import CameraIndicator
from ptcoach.ui.figure.pose_timing import pose_at
from ptcoach.ui.look import theme
from ptcoach.ui.look.fit_label import FitLabel
from ptcoach.ui.session import text as txt
from ptcoach.ui.session.driver import SessionDriver
from ptcoach.ui.session.illustration import IllustrationArea
from ptcoach.ui.session.look import BannerPainter
from ptcoach.ui.session.pain_now import PainNowRow
from ptcoach.ui.voice.indicator import VoiceIndicator

BIG_SHARE = 0.24  # the big number's font, as a share of the view's height (at least 1/6)
FRAME_MS = 25  # ~40 fps while a tempo step animates the figure
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class SessionView(QWidget):
    stop_requested = Signal()
    full_screen_requested = Signal()
    learn_requested = Signal(str)  # the current exercise's Learn page id ("why this helps")

    def __init__(self, driver: SessionDriver, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sessionView")
        self.driver = driver
        self._plan: Plan = driver.session.plan
        self._shown_exercise: str | None = None
        self._build()
        self.banner_painter = BannerPainter(self.banner, self.big_label)
        self._animation = QTimer(self)
        self._animation.setInterval(FRAME_MS)
        self._animation.timeout.connect(self._on_frame)
        driver.events_emitted.connect(self._on_events_emitted)
        driver.mute_toggled.connect(self._on_mute_toggled)
        self._bind_keys()
        self.refresh()

    # ----------------------------------------------------------------- layout
    def _build(self) -> None:
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 8, 12, 8)
        self.banner = QFrame(self)
        self.banner.setObjectName("phaseBanner")
        banner_row = QHBoxLayout(self.banner)
        self.phase_label = self._label("phaseLabel", 34, bold=True)
        self.next_label = self._label("nextLabel", 22)
        self.next_label.setAlignment(RIGHT)
        self.muted_label = self._label("mutedLabel", 26, bold=True)
        self.muted_label.setText(self.tr("Sound off (M)"))
        self.muted_label.setAccessibleName(
            self.tr("Sound is muted for this session; M turns it back on")
        )
        self.muted_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.muted_label.setVisible(self.driver.muted)
        banner_row.addWidget(self.phase_label, 2)
        banner_row.addWidget(self.muted_label, 1)
        banner_row.addWidget(self.next_label, 3)
        root.addWidget(self.banner)

        head = QHBoxLayout()
        self.name_label = self._label("exerciseNameLabel", 40, bold=True)
        self.set_label = self._label("setLabel", 30, bold=True)
        self.side_label = self._label("sideLabel", 30, bold=True)
        for w in (self.set_label, self.side_label):
            w.setAlignment(RIGHT)
        self.learn_button = QPushButton(self.tr("Why this helps"), self)
        self.learn_button.setObjectName("learnButton")
        self.learn_button.setFlat(True)
        self.learn_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.learn_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys stay the window's
        self.learn_button.setToolTip(self.tr("Why this helps (key: W)"))
        self.learn_button.setProperty("keyboardShortcut", "W")
        self.learn_button.setAccessibleDescription(self.tr("Key: {0}").format("W"))
        theme.text_role(self.learn_button, "message")
        theme.mark(self.learn_button, theme.LINK_BUTTON)  # link colour follows a theme switch
        self.learn_button.clicked.connect(self.request_learn)
        head.addWidget(self.name_label, 5)
        head.addWidget(self.learn_button, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self.set_label, 2)
        head.addWidget(self.side_label, 2)
        root.addLayout(head)

        middle = QHBoxLayout()
        self.illustration = IllustrationArea(self)
        self.illustration.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        centre = QVBoxLayout()
        self.big_label = self._label("bigNumberLabel", 160, bold=True)
        self.big_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption_label = self._label("bigCaptionLabel", 22)
        self.tempo_label = self._label("tempoLabel", 44, bold=True)
        for w in (self.caption_label, self.tempo_label):
            w.setAlignment(Qt.AlignmentFlag.AlignCenter)
        centre.addStretch(1)
        centre.addWidget(self.big_label)
        centre.addWidget(self.caption_label)
        centre.addWidget(self.tempo_label)
        centre.addStretch(1)
        self.instructions = QTextBrowser(self)
        self.instructions.setObjectName("instructionsView")
        # Reachable by Tab for screen-reader users; Space/Enter are window shortcuts anyway.
        self.instructions.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.instructions.setAccessibleName(self.tr("Instructions"))
        self.instructions.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        theme.text_role(self.instructions, "reading")
        middle.addWidget(self.illustration, 3)
        middle.addLayout(centre, 3)
        middle.addWidget(self.instructions, 3)
        root.addLayout(middle, 1)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("sessionProgressBar")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.setMinimumHeight(18)
        self.time_left_label = self._label("timeLeftLabel", 22)
        self.time_left_label.setAlignment(RIGHT)
        progress_row.addWidget(self.progress, 4)
        progress_row.addWidget(self.time_left_label, 1)
        progress_row.addWidget(VoiceIndicator(self), 0)  # voice commands: hidden until on
        progress_row.addWidget(CameraIndicator(self), 0)  # the camera: shown whenever it is on
        root.addLayout(progress_row)

        self.pain_now = PainNowRow(self)
        root.addWidget(self.pain_now)

        buttons = QHBoxLayout()
        self.back_button = self._button("backButton", self.tr("◀ Back"), self.tr("Left arrow"))
        self.restart_button = self._button("restartButton", self.tr("↺ Set"), "R")
        self.start_button = self._button("startButton", self.tr("Start"), self.tr("Space"))
        self.pause_button = self._button("pauseButton", self.tr("Pause"), self.tr("Space"))
        self.rep_button = self._button("repButton", self.tr("Rep done"), self.tr("Enter"))
        self.next_button = self._button("nextButton", self.tr("Next ▶"), self.tr("Right arrow"))
        self.mute_button = self._button("muteButton", self.tr("Mute"), "M")
        self.full_button = self._button("fullScreenButton", self.tr("Full"), "F / F11")
        self.stop_button = self._button("stopButton", self.tr("Stop"), "Esc")
        for b in (
            self.back_button,
            self.restart_button,
            self.start_button,
            self.pause_button,
            self.rep_button,
            self.next_button,
            self.mute_button,
            self.full_button,
            self.stop_button,
        ):
            buttons.addWidget(b, 2 if b in (self.start_button, self.pause_button) else 1)
        root.addLayout(buttons)

        self.start_button.clicked.connect(self.driver.toggle)
        self.pause_button.clicked.connect(self.driver.toggle)
        self.back_button.clicked.connect(self.driver.back)
        self.next_button.clicked.connect(self.driver.skip)
        self.restart_button.clicked.connect(self.driver.restart)
        self.rep_button.clicked.connect(self.driver.mark_rep)
        self.mute_button.clicked.connect(self.driver.toggle_mute)
        self.full_button.clicked.connect(self.full_screen_requested)
        self.stop_button.clicked.connect(self.stop_requested)

    def _label(self, name: str, px: int, *, bold: bool = False) -> FitLabel:
        label = FitLabel(px, bold=bold, parent=self)
        label.setObjectName(name)
        return label

    def _button(self, name: str, text: str, key: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(self.tr("{0} (key: {1})").format(text, key))
        # No focus: Space and Enter must reach the shortcuts, never "click the focused button".
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setProperty("keyboardShortcut", key)  # for the accessibility audit
        button.setAccessibleDescription(self.tr("Key: {0}").format(key))
        button.setMinimumHeight(56)
        button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        theme.text_role(button, "bigButton")
        return button

    def _bind_keys(self) -> None:
        bindings = {
            Qt.Key.Key_Space: self.driver.toggle,
            Qt.Key.Key_Right: self.driver.skip,
            Qt.Key.Key_Left: self.driver.back,
            Qt.Key.Key_R: self.driver.restart,
            Qt.Key.Key_Return: self.driver.mark_rep,
            Qt.Key.Key_Enter: self.driver.mark_rep,
            Qt.Key.Key_M: self.driver.toggle_mute,
            Qt.Key.Key_F: lambda: self.full_screen_requested.emit(),
            Qt.Key.Key_F11: lambda: self.full_screen_requested.emit(),
            Qt.Key.Key_Escape: lambda: self.stop_requested.emit(),
            Qt.Key.Key_W: self.request_learn,
        }
        self.shortcuts = []
        for key, slot in bindings.items():
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WindowShortcut)  # no widget takes focus here
            sc.activated.connect(slot)
            self.shortcuts.append(sc)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        h = self.height()
        self.big_label.set_max_px(max(40, int(h * BIG_SHARE)))
        self.big_label.setMinimumHeight(int(h / 6) + 8)
        self.tempo_label.set_max_px(max(20, int(h * 0.06)))

    # ---------------------------------------------------------------- actions
    def current_learn_page(self) -> str:
        """The Learn page id of the exercise on screen ("" when it has none)."""
        snap = self.snapshot()
        if snap.phase is None:
            return ""
        return self._plan.exercises[snap.phase.exercise_index].learn

    def request_learn(self) -> None:
        """W / "Why this helps": pause a running set (nobody reads and counts at once), then
        ask for the exercise's Learn page."""
        page = self.current_learn_page()
        if not page:
            return
        if self.driver.state is State.RUNNING:
            self.driver.pause()
        self.learn_requested.emit(page)

    def flash(self, kind: str) -> None:
        """Briefly highlight the big number (and the banner for spoken cues) for a cue."""
        self.banner_painter.flash(kind)

    @property
    def flashing(self) -> bool:
        return self.banner_painter.flashing

    # ---------------------------------------------------------------- updates
    def _on_events_emitted(self, events: list[object]) -> None:
        self.refresh()

    def _on_mute_toggled(self, muted: bool) -> None:
        self.mute_button.setText(self.tr("Unmute") if muted else self.tr("Mute"))
        self.muted_label.setVisible(muted)  # in the banner: seen from the mat

    def _on_frame(self) -> None:
        snap = self.snapshot()
        self.illustration.set_pose(pose_at(snap))
        self._show_progress(snap)

    def snapshot(self) -> Snapshot:
        """The driver's snapshot; before Start of a resumed session, the phase Start picks up
        at (the driver's `from_phase`), so the runner sees where they will carry on."""
        snap = self.driver.snapshot()
        start = self.driver.from_phase
        if snap.state is not State.READY or not 0 < start < len(self._plan.phases):
            return snap
        phases = self._plan.phases
        phase, seg = phases[start], phases[start].segments[0]
        return replace(
            snap,
            phase=phase,
            segment_index=0,
            segment=seg,
            next_phase=phases[start + 1] if start + 1 < len(phases) else None,
            remaining_s=seg.duration_s,
            phase_remaining_s=phase.duration_s if phase.is_timed else None,
            elapsed_s=phase.start_offset_s,
        )

    def refresh(self) -> None:
        snap = self.snapshot()
        look = txt.phase_look(snap)
        self.banner_painter.set_phase(look.colour)  # the theme's style sheet colours it
        self.phase_label.setText(look.word)
        self.next_label.setText(txt.next_text(snap))
        phase = txt.phase_to_show(snap)  # in the rest before a new exercise: the next one
        if phase is not None:
            self._show_exercise(phase.exercise_index)
            self.set_label.setText(txt.set_text(phase))
            self.side_label.setText(txt.side_text(phase.side))
            self.illustration.set_side(phase.side)
        self.big_label.setText(str(snap.big_number) if snap.segment is not None else "")
        self.caption_label.setText(txt.big_caption(snap))
        self.tempo_label.setText(txt.tempo_word(snap.segment))
        self.illustration.set_pose(pose_at(snap))
        self._show_progress(snap)
        self._show_controls(snap)
        animate = (
            snap.state is State.RUNNING
            and snap.segment is not None
            and snap.segment.tempo is not None
            and not snap.getting_ready
        )
        if animate and not self._animation.isActive():
            self._animation.start()
        elif not animate:
            self._animation.stop()

    @property
    def animating(self) -> bool:
        return self._animation.isActive()

    def _show_exercise(self, index: int) -> None:
        ex = self._plan.exercises[index]
        if ex.id == self._shown_exercise:
            return
        self._shown_exercise = ex.id
        self.name_label.setText(ex.name)
        self.learn_button.setVisible(bool(ex.learn))
        self.illustration.show_exercise(ex.id, ex.name)
        steps = "".join(f"<li>{html.escape(s)}</li>" for s in ex.instructions)
        safety = f"<p><i>{html.escape(ex.safety)}</i></p>" if ex.safety else ""
        self.instructions.setHtml(f"<ol style='margin-left: 0'>{steps}</ol>{safety}")

    def _show_progress(self, snap: Snapshot) -> None:
        self.progress.setValue(round(snap.progress * 1000))
        left = snap.time_left_s / self.driver.session.speed
        self.time_left_label.setText(self.tr("{0} left").format(txt.clock_text(left)))

    def _show_controls(self, snap: Snapshot) -> None:
        ready = snap.state is State.READY
        self.pain_now.setVisible(ready)  # asked before Start only; kept once chosen
        live = snap.state in (State.RUNNING, State.PAUSED)
        self.start_button.setVisible(ready)
        self.pause_button.setVisible(not ready)
        self.pause_button.setEnabled(live)
        self.pause_button.setText(
            self.tr("Resume") if snap.state is State.PAUSED else self.tr("Pause")
        )
        for b in (self.back_button, self.next_button, self.restart_button):
            b.setEnabled(live)
        self_paced = snap.segment is not None and snap.segment.duration_s is None
        self.rep_button.setVisible(self_paced)
        self.rep_button.setEnabled(snap.state is State.RUNNING)
