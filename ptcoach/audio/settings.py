"""The runner's sound settings: a typed, frozen record with defaults, and its QSettings load/save.

Qt is imported only inside load/save, so the pure cue mapping can take settings without Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

GROUP = "audio"


@dataclass(frozen=True)
class AudioSettings:
    """What the cues sound like: volume, mute, and which kinds of cue play."""

    volume: float = 0.8  # 0..1, the cue stream's own volume (music keeps its own)
    muted: bool = False  # M toggles it
    voice: bool = True  # spoken cues
    tones: bool = True  # ticks, start/end tones, tempo clicks
    count_reps: bool = True  # say each rep number aloud
    flash: bool = False  # flash the session view with every cue

    def __post_init__(self) -> None:
        object.__setattr__(self, "volume", min(1.0, max(0.0, float(self.volume))))

    def toggled_mute(self) -> AudioSettings:
        return replace(self, muted=not self.muted)


def _coerce(value: Any, default: Any) -> Any:
    """QSettings hands back strings from INI files; turn them into the field's type."""
    if isinstance(default, bool):
        if isinstance(value, str):
            return value.strip().lower() in ("1", "true", "yes", "on")
        return bool(value)
    if isinstance(default, float):
        try:
            return float(value)
        except (TypeError, ValueError):
            return default
    return value


def load(settings: QSettings) -> AudioSettings:
    """Read the saved settings; a missing or unreadable value keeps its default."""
    defaults = AudioSettings()
    values: dict[str, Any] = {}
    settings.beginGroup(GROUP)
    try:
        for f in fields(AudioSettings):
            default = getattr(defaults, f.name)
            if settings.contains(f.name):
                values[f.name] = _coerce(settings.value(f.name), default)
    finally:
        settings.endGroup()
    return AudioSettings(**values)


def save(settings: QSettings, audio: AudioSettings) -> None:
    settings.beginGroup(GROUP)
    try:
        for f in fields(AudioSettings):
            settings.setValue(f.name, getattr(audio, f.name))
    finally:
        settings.endGroup()
    settings.sync()
