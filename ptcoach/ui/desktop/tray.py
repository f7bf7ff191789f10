"""The system-tray icon: Open, Start <routine>, reminders on/off, Quit; and the reminders.

A reminder shows as a desktop notification with "Start now" and "Snooze 30 min" where a
notification server offers buttons; otherwise as a tray message (if there is a tray) plus a
small reminder window with the same two buttons. Either way `start_requested(routine_id)`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ptcoach.paths import asset
from ptcoach.schedule import Reminder
from ptcoach.ui.desktop.notifier import DesktopNotifier
from ptcoach.ui.desktop.reminder_popup import ReminderPopup
from ptcoach.ui.desktop.reminders import ReminderClock

log = logging.getLogger(__name__)

ENABLED_KEY = "reminders/enabled"
START, SNOOZE = "start", "snooze"  # notification action keys


def app_icon() -> QIcon:
    try:
        return QIcon(str(asset("icons", "ptcoach.svg")))
    except FileNotFoundError:
        return QIcon()


class Tray(QObject):
    """Owns the tray icon (where the desktop has a tray), its menu and the reminder display.

    `routine_names` maps routine id -> name for the Start menu and the reminder text.
    `notifier` None means never use desktop notifications (tests, or no session bus).
    """

    start_requested = Signal(str)  # routine id
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(
        self,
        routine_names: Mapping[str, str],
        clock: ReminderClock,
        *,
        settings: QSettings | None = None,
        notifier: DesktopNotifier | None = None,
        icon: QIcon | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.routine_names = dict(routine_names)
        self.clock = clock
        self.settings = settings
        self.notifier = notifier
        self.popup: ReminderPopup | None = None
        self._pending: dict[str, Reminder] = {}  # routine id -> reminder on screen
        if settings is not None:
            clock.set_enabled(_as_bool(settings.value(ENABLED_KEY, True)))

        self.menu = QMenu()
        self.open_action = QAction(self.tr("Open ptcoach"), self.menu)
        self.open_action.triggered.connect(lambda: self.open_requested.emit())
        self.start_menu = QMenu(self.tr("Start"), self.menu)
        self.reminders_action = QAction(self.tr("Reminders"), self.menu)
        self.reminders_action.setCheckable(True)
        self.reminders_action.setChecked(clock.enabled)
        self.reminders_action.toggled.connect(self._on_reminders_toggled)
        self.quit_action = QAction(self.tr("Quit"), self.menu)
        self.quit_action.triggered.connect(lambda: self.quit_requested.emit())
        self.menu.addAction(self.open_action)
        self.menu.addMenu(self.start_menu)
        self.menu.addSeparator()
        self.menu.addAction(self.reminders_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.set_routines(self.routine_names)

        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(icon or app_icon(), self)
            self.icon.setToolTip(self.tr("ptcoach"))
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._on_icon_activated)
        clock.reminder_due.connect(self._on_reminder_due)
        if notifier is not None:
            notifier.action_invoked.connect(self._on_action_invoked)
            notifier.failed.connect(self._on_notifier_failed)

    # ---------------------------------------------------------------- public
    def show(self) -> bool:
        """Show the tray icon; False where the desktop has no tray."""
        if self.icon is None:
            return False
        self.icon.show()
        return True

    def set_routines(self, routine_names: Mapping[str, str]) -> None:
        """Rebuild the Start menu (after routines were added, renamed or removed)."""
        self.routine_names = dict(routine_names)
        self.start_menu.clear()
        for rid, name in self.routine_names.items():
            action = self.start_menu.addAction(name)
            action.setData(rid)
            action.triggered.connect(lambda _=False, r=rid: self.start_requested.emit(r))
        self.start_menu.setEnabled(bool(self.routine_names))

    def name_of(self, routine_id: str) -> str:
        return self.routine_names.get(routine_id, routine_id)

    # ----------------------------------------------------------------- slots
    def _on_reminders_toggled(self, on: bool) -> None:
        self.clock.set_enabled(on)
        if self.settings is not None:
            self.settings.setValue(ENABLED_KEY, on)

    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.open_requested.emit()

    def _on_reminder_due(self, reminder: Reminder) -> None:
        self._pending[reminder.routine_id] = reminder
        name = self.name_of(reminder.routine_id)
        title = self.tr("Time for your exercises")
        body = self.tr("{0} is planned for {1}.").format(name, reminder.due_at.strftime("%H:%M"))
        if self.notifier is not None and self.notifier.supports_actions():
            self.notifier.notify(
                reminder.routine_id,
                title,
                body,
                [(START, self.tr("Start now")), (SNOOZE, self.tr("Snooze 30 min"))],
            )
            return
        if self.icon is not None and self.icon.isVisible():
            self.icon.showMessage(title, body, QSystemTrayIcon.MessageIcon.Information)
        self._show_popup(reminder)

    def _on_notifier_failed(self, message: str) -> None:
        log.warning("desktop notification failed (%s); showing the reminder window", message)
        for reminder in list(self._pending.values()):
            self._show_popup(reminder)

    def _on_action_invoked(self, routine_id: str, key: str) -> None:
        reminder = self._pending.pop(routine_id, None)
        if reminder is None:
            return
        if key == SNOOZE:
            self.clock.snooze(reminder)
        elif key in (START, "default"):  # "default": the notification body was clicked
            self.start_requested.emit(routine_id)

    def _show_popup(self, reminder: Reminder) -> None:
        name = self.name_of(reminder.routine_id)
        if self.popup is None:
            self.popup = ReminderPopup(reminder, name)
            self.popup.start_clicked.connect(self._on_popup_start_clicked)
            self.popup.snooze_clicked.connect(self._on_popup_snooze_clicked)
        else:
            self.popup.set_reminder(reminder, name)
        self.popup.show()
        self.popup.raise_()

    def _on_popup_start_clicked(self, reminder: Reminder) -> None:
        self._pending.pop(reminder.routine_id, None)
        self.start_requested.emit(reminder.routine_id)

    def _on_popup_snooze_clicked(self, reminder: Reminder) -> None:
        self._pending.pop(reminder.routine_id, None)
        self.clock.snooze(reminder)


def _as_bool(value: object) -> bool:
    """QSettings gives back "true"/"false" strings from INI files."""
    if isinstance(value, str):
        return value.lower() not in ("false", "0", "no", "")
    return bool(value)
