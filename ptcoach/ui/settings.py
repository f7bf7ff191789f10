"""The app's preferences declared once, typed, with defaults, and their QSettings load/save.

Impossible stored values (a hand-edited or old settings file) are replaced by the default with
a warning naming the key; loading never raises.
"""

from __future__ import annotations

import logging
import math
import os
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from ptcoach.audio.settings import GROUP as AUDIO_GROUP
from ptcoach.audio.settings import AudioSettings
from ptcoach.audio.settings import load as load_audio
from ptcoach.audio.settings import save as save_audio

CONFIG_DIR_ENV = "PTCOACH_CONFIG_DIR"  # a folder for ptcoach.ini (tests, portable use)

log = logging.getLogger(__name__)

GROUP = "ui"
LEAD_IN_RANGE = (0.0, 120.0)  # seconds of "get ready" before each exercise
REST_RANGE = (0.0, 600.0)  # seconds of rest between sets


class Theme(StrEnum):
    SYSTEM = "system"  # follow the desktop's light/dark choice
    LIGHT = "light"
    DARK = "dark"


class TextSize(StrEnum):
    NORMAL = "normal"
    LARGE = "large"
    EXTRA_LARGE = "extra-large"

    @property
    def scale(self) -> float:
        return {"normal": 1.0, "large": 1.25, "extra-large": 1.5}[self.value]


@dataclass(frozen=True)
class AppSettings:
    """The Preferences that are not about sound: theme, text size, lead-in, rests."""

    theme: Theme = Theme.SYSTEM
    text_size: TextSize = TextSize.NORMAL
    lead_in_s: float = 10.0
    rest_s: float = 30.0


@dataclass(frozen=True)
class Loaded:
    """What `load` read: the app and sound settings, and one line per value it had to replace."""

    app: AppSettings
    audio: AudioSettings
    problems: tuple[str, ...] = ()


def open_settings(path: str | Path | None = None) -> QSettings:
    """An INI file at `path` (tests), else $PTCOACH_CONFIG_DIR/ptcoach.ini, else the platform's."""
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    folder = os.environ.get(CONFIG_DIR_ENV)
    if folder:
        settings = QSettings(
            str(Path(folder).expanduser() / "ptcoach.ini"), QSettings.Format.IniFormat
        )
    else:
        settings = QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, "ptcoach", "ptcoach"
        )
    _make_private(Path(settings.fileName()))
    return settings


def _make_private(path: Path) -> None:
    """The settings file 0600 in a 0700 folder, made before Qt writes it: QSettings saves
    through QSaveFile, which keeps the existing file's permissions."""
    from ptcoach import private

    try:
        private.make_dir(path.parent)
        private.reserve(path)
        private.narrow(path, private.FILE_MODE)
    except OSError:
        pass  # an unwritable config folder: Qt reports its own status; settings stay in memory


def load(settings: QSettings) -> Loaded:
    """Read every preference; a missing value keeps its default, an impossible one is replaced."""
    problems: list[str] = []
    defaults = AppSettings()
    settings.beginGroup(GROUP)
    try:
        theme = _read_enum(settings, "theme", Theme, defaults.theme, problems)
        text_size = _read_enum(settings, "text_size", TextSize, defaults.text_size, problems)
        lead_in = _read_seconds(settings, "lead_in_s", LEAD_IN_RANGE, defaults.lead_in_s, problems)
        rest = _read_seconds(settings, "rest_s", REST_RANGE, defaults.rest_s, problems)
    finally:
        settings.endGroup()
    app = AppSettings(theme=theme, text_size=text_size, lead_in_s=lead_in, rest_s=rest)
    audio = _load_audio_checked(settings, problems)
    for line in problems:
        log.warning("%s: %s", settings.fileName(), line)
    return Loaded(app, audio, tuple(problems))


def save(settings: QSettings, app: AppSettings, audio: AudioSettings | None = None) -> None:
    settings.beginGroup(GROUP)
    try:
        settings.setValue("theme", app.theme.value)
        settings.setValue("text_size", app.text_size.value)
        settings.setValue("lead_in_s", float(app.lead_in_s))
        settings.setValue("rest_s", float(app.rest_s))
    finally:
        settings.endGroup()
    if audio is not None:
        save_audio(settings, audio)  # syncs
    settings.sync()


def save_geometry(settings: QSettings, window: QWidget) -> None:
    """Remember a window's size and place under its object name."""
    settings.setValue(_geometry_key(window), window.saveGeometry())


def restore_geometry(settings: QSettings, window: QWidget) -> bool:
    """Put a window back where it was; False (window untouched) when nothing usable is stored."""
    raw = settings.value(_geometry_key(window))
    if not isinstance(raw, QByteArray | bytes) or not raw:
        return False
    return bool(window.restoreGeometry(QByteArray(raw)))


def _geometry_key(window: QWidget) -> str:
    return f"{GROUP}/geometry/{window.objectName() or type(window).__name__}"


def _read_enum(
    settings: QSettings, key: str, enum: type[Any], default: Any, problems: list[str]
) -> Any:
    if not settings.contains(key):
        return default
    raw = settings.value(key)
    try:
        return enum(str(raw).strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in enum)
        problems.append(f"[{GROUP}] {key}={raw!r} is not one of {allowed}; using {default.value!r}")
        return default


def _read_seconds(
    settings: QSettings, key: str, bounds: tuple[float, float], default: float, problems: list[str]
) -> float:
    if not settings.contains(key):
        return default
    raw = settings.value(key)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        value = math.nan
    low, high = bounds
    if not (low <= value <= high):  # also catches NaN
        problems.append(
            f"[{GROUP}] {key}={raw!r} is not a number of seconds from "
            f"{low:g} to {high:g}; using {default:g}"
        )
        return default
    return value


def _load_audio_checked(settings: QSettings, problems: list[str]) -> AudioSettings:
    """The sound settings, after dropping stored values the audio loader would bend silently."""
    defaults = AudioSettings()
    reset: dict[str, Any] = {}
    settings.beginGroup(AUDIO_GROUP)
    try:
        for f in fields(AudioSettings):
            if not settings.contains(f.name):
                continue
            raw = settings.value(f.name)
            default = getattr(defaults, f.name)
            if not _audio_value_ok(raw, default):
                problems.append(
                    f"[{AUDIO_GROUP}] {f.name}={raw!r} is impossible; using {default!r}"
                )
                reset[f.name] = default
    finally:
        settings.endGroup()
    # The file is left as it is: it is rewritten only when the runner saves preferences.
    return replace(load_audio(settings), **reset)


def _audio_value_ok(raw: object, default: object) -> bool:
    if isinstance(default, bool):
        return isinstance(raw, bool) or str(raw).strip().lower() in (
            "1",
            "0",
            "true",
            "false",
            "yes",
            "no",
            "on",
            "off",
        )
    if isinstance(default, float):
        try:
            return 0.0 <= float(raw) <= 1.0  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return False
    return True
