"""Translation: install the app's and Qt's own catalogues for the runner's language.

The app's catalogues are `assets/translations/ptcoach_<lang>.qm`, compiled from the translated
`ptcoach_<lang>.ts` (`scripts/translations.py extract` collects the strings into `ptcoach.ts`):
a wheel gets them from its build hook (hatch_build.py), a source tree from `make translations`.
Nothing is compiled here; a missing catalogue leaves English.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ptcoach.paths import assets_dir

CATALOGUE = "ptcoach"


def translations_dir() -> Path:
    return assets_dir() / "translations"


def install_translators(
    app: QCoreApplication, locale: QLocale | None = None, folder: Path | None = None
) -> list[QTranslator]:
    """Install what exists for `locale` (the system's by default); returns the installed ones.

    Qt's own catalogue ("qtbase") comes first so that OK/Cancel are translated too. The
    translators are parented to `app` so they live as long as it does.
    """
    if locale is None and _english_only():
        return []  # the app's and Qt's texts are written in English: nothing to load
    locale = locale if locale is not None else QLocale.system()
    folder = folder if folder is not None else translations_dir()
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, where in (("qtbase", qt_dir), (CATALOGUE, str(folder))):
        translator = QTranslator(app)
        # load() tries ptcoach_de_AT, ptcoach_de, ... in the order of the locale's languages.
        if translator.load(locale, name, "_", where) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def _english_only() -> bool:
    """Whether the runner's language settings ask for English (or the C locale) and nothing
    else, read the way gettext and Qt read them. Checking this first spares building Qt's
    locale tables (about 10 ms of start-up) when no translation can apply anyway."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if not value:
            continue
        wanted = [v for v in value.split(":") if v] if var == "LANGUAGE" else [value]
        return all(v in ("C", "POSIX") or v.startswith(("C.", "en")) for v in wanted)
    return True  # nothing set: the C locale
