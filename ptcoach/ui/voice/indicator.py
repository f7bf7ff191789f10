"""The session view's microphone indicator: a small "🎤 Listening" while voice commands are on,
the command just taken (for a moment), the stop question, or why listening is off."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

SHOW_COMMAND_MS = 1800


class VoiceIndicator(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voiceIndicator")
        self.setStyleSheet("font-size: 18px; padding: 2px 8px;")
        self.listening = False
        self._note = ""
        self._flash = QTimer(self)
        self._flash.setSingleShot(True)
        self._flash.timeout.connect(self._show)
        self.hide()

    def set_listening(self, on: bool, note: str = "") -> None:
        """On: the microphone is open. `note`: one line saying why it is not (or "")."""
        self.listening = on
        self._note = note
        self._show()

    def show_command(self, name: str) -> None:
        """The command just taken, shown briefly, then back to "Listening"."""
        self._set(self.tr("🎤 “{0}”").format(name), bold=True)
        self._flash.start(SHOW_COMMAND_MS)

    def ask(self, text: str) -> None:
        """A question that waits for a spoken answer ("Say “yes” to stop")."""
        self._flash.stop()
        self._set("🎤 " + text, bold=True)

    @property
    def text_shown(self) -> str:
        return self.text() if self.isVisible() else ""

    def _show(self) -> None:
        if self._flash.isActive():
            return
        if self.listening:
            self._set(self.tr("🎤 Listening"))
        elif self._note:
            self._set(self._note)
        else:
            self.clear()
            self.hide()

    def _set(self, text: str, *, bold: bool = False) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.setStyleSheet("font-size: 18px; padding: 2px 8px;"
                           + (" font-weight: bold;" if bold else ""))
        self.show()
