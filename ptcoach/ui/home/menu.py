"""The home window's menus and their keyboard shortcuts; the shell connects the actions."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ptcoach.translate import translator

_tr = translator("HomeMenu")


@dataclass(frozen=True)
class HomeActions:
    """The home window's menu actions, for the shell to connect and enable."""

    new_routine: QAction
    edit_routine: QAction
    schedule: QAction
    import_routine: QAction
    export_routine: QAction
    progress: QAction
    learn: QAction
    preferences: QAction
    quit: QAction
    about: QAction


def build_menus(window: QMainWindow) -> HomeActions:
    bar = window.menuBar()

    def action(
        menu_name: str,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        name: str,
    ) -> QAction:
        menu = menus[menu_name]
        act = QAction(text, window)
        act.setObjectName(name)
        if shortcut is not None:
            # = setShortcut(): its overload resolution builds the whole `Qt` namespace (~15 ms)
            # before the home window's first paint; the property takes the sequence as it is.
            act.setProperty("shortcut", QKeySequence(shortcut))
        menu.addAction(act)
        return act

    menus = {
        "routine": bar.addMenu(_tr("&Routine")),
        "view": bar.addMenu(_tr("&View")),
        "help": bar.addMenu(_tr("&Help")),
    }
    actions = HomeActions(
        new_routine=action(
            "routine", _tr("&New routine…"), QKeySequence.StandardKey.New, "newRoutineAction"
        ),
        edit_routine=action("routine", _tr("&Edit routine…"), "Ctrl+E", "editRoutineAction"),
        schedule=action("routine", _tr("&Schedule and reminders…"), "Ctrl+D", "scheduleAction"),
        import_routine=action("routine", _tr("&Import…"), "Ctrl+I", "importAction"),
        export_routine=action("routine", _tr("E&xport…"), "Ctrl+Shift+E", "exportAction"),
        progress=action("view", _tr("&Progress"), "Ctrl+P", "progressAction"),
        learn=action("help", _tr("&Learn"), QKeySequence.StandardKey.HelpContents, "learnAction"),
        preferences=action("view", _tr("P&references…"), "Ctrl+,", "preferencesAction"),
        quit=action("routine", _tr("&Quit"), QKeySequence.StandardKey.Quit, "quitAction"),
        about=action("help", _tr("&About ptcoach"), None, "aboutAction"),
    )
    menus["routine"].insertSeparator(actions.import_routine)
    menus["routine"].insertSeparator(actions.quit)
    menus["help"].insertSeparator(actions.about)
    return actions
