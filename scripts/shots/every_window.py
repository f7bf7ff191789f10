"""Each window of the app, opened the way a runner opens it, and the visible texts in each
that are not the app's own words in the language shown (issue 15: prove the translations
apply). Shared by scripts/pseudo_shots.py and tests/test_translations.py."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTabBar,
    QWidget,
)

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.learn import Learn
from ptcoach.ui.shell import Shell

ROUTINE = "runners-knee"
PSEUDO_MARK = "⟦"  # scripts/translations.py's pseudo() opens every string it alters with it


def _progress_read(shell: Shell) -> QWidget:
    """The progress window once its background read of the history is on screen."""
    import time

    from PySide6.QtWidgets import QApplication

    view = shell.open_progress()
    deadline = time.monotonic() + 10.0
    while getattr(view, "loading", False) and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.002)
    return view


def every_window(shell: Shell, data_dir: Path) -> Iterator[tuple[str, QWidget]]:
    """(name, window) for each window, shown; the caller grabs it before asking for the next
    (a session window goes on from ready to running to its summary)."""
    from ptcoach.catalog.model import Targets
    from ptcoach.catalog.progression import Advice, Suggestion
    from ptcoach.schedule import Reminder
    from ptcoach.ui.desktop.reminder_popup import ReminderPopup
    from ptcoach.ui.home.schedule_editor import ScheduleEditor
    from ptcoach.ui.learn_view import LearnView
    from ptcoach.ui.preferences import PreferencesDialog
    from ptcoach.ui.session.progression_dialog import ProgressionDialog
    from ptcoach.ui.session.rating_dialog import RatingDialog

    shell.home.select_routine(ROUTINE)
    yield "home", shell.home
    routine = shell.routines[ROUTINE]
    window = shell.open_session(routine, shell.home.targets())
    yield "session", window
    window.driver.toggle()
    yield "session-running", window
    window.driver.stop()
    yield "summary", window
    window.close()
    yield "progress", _progress_read(shell)
    yield "builder", shell.open_builder(ROUTINE)
    yield "learn", LearnView(Learn.load())
    yield "preferences", PreferencesDialog(shell.settings, data_path=data_dir)
    yield "schedule", ScheduleEditor(routine.name)
    yield "rating", RatingDialog()
    yield "reminder", ReminderPopup(Reminder(ROUTINE, datetime.now().astimezone()), routine.name)
    first = routine.items[0]
    now = Targets(sets=2, reps=10, rest_s=30)
    more = Suggestion(first.exercise.id, now, Targets(sets=2, reps=12, rest_s=30), Advice.MORE, "")
    ease = Suggestion(first.exercise.id, now, now, Advice.KEEP, "", see_therapist=True)
    yield "progression", ProgressionDialog([more, ease], {first.exercise.id: first.exercise.name})
    yield "about", shell.open_about()


def visible_texts(window: QWidget) -> list[tuple[str, str, QWidget]]:
    """(where, text, widget) for every text a runner sees in `window`: its title, labels,
    buttons, group titles, the chosen item of each list box, tabs and table headers."""
    found = [("window title", window.windowTitle(), window)]
    for w in [window, *window.findChildren(QWidget)]:
        if w is not window and not w.isVisibleTo(window):
            continue
        name = w.objectName() or type(w).__name__
        if isinstance(w, QLabel | QAbstractButton):
            found.append((name, w.text(), w))
        elif isinstance(w, QGroupBox):
            found.append((name, w.title(), w))
        elif isinstance(w, QComboBox):
            found.append((name, w.currentText(), w))
        elif isinstance(w, QTabBar):
            found += [(f"{name} tab {i}", w.tabText(i), w) for i in range(w.count())]
        elif isinstance(w, QHeaderView):
            model = w.model()
            if model is not None:
                found += [
                    (f"{name} section {i}", str(model.headerData(i, w.orientation()) or ""), w)
                    for i in range(w.count())
                    if not w.isSectionHidden(i)
                ]
    return found


def plain(text: str) -> str:
    """Rich text as a reader sees it: tags dropped, entities resolved, blanks collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def data_texts(catalog: Catalog) -> set[str]:
    """Texts that are data, not the app's words: routine and exercise names and descriptions,
    the Learn pages' titles and sections (they come from files, in whatever language those are
    written), and the locale's own day names."""
    texts: set[str] = set()
    for r in catalog.routines.values():
        texts |= {r.name, r.description}
        for item in r.items:
            texts |= {item.exercise.name, item.exercise.summary}
    for page in Learn.load().pages:
        texts |= {page.title, page.section}
    locale = QLocale()
    for day in range(1, 8):
        for form in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
            texts.add(locale.dayName(day, form))
    return {plain(t) for t in texts if t}


def untranslated(window: QWidget, data: set[str]) -> list[str]:
    """The visible texts in `window` that a translation should have changed and did not.

    Not counted: texts without letters (numbers, times, symbols), data (`data_texts`, file
    paths), the dialog buttons Qt names itself (OK, Cancel: Qt's own catalogue translates
    those); a text with an altered part in it counts as translated (a routine's name inside a
    translated title)."""
    missed = []
    for where, text, widget in visible_texts(window):
        shown = plain(text)
        if not any(c.isalpha() for c in shown) or PSEUDO_MARK in shown or shown in data:
            continue
        if Path(shown).is_absolute():  # where the data, settings or log are: a path
            continue
        box = widget.parent()
        if (
            isinstance(widget, QAbstractButton)
            and isinstance(box, QDialogButtonBox)
            and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
        ):
            continue
        missed.append(f"{where}: {shown[:70]!r}")
    return missed
