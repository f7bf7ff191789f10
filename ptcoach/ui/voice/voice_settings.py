"""The voice-command preferences: on or off, and which microphone (a PulseAudio source name;
empty for the default). Stored in QSettings under [voice]."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import QSettings

GROUP = "voice"


@dataclass(frozen=True)
class VoiceSettings:
    enabled: bool = False
    device: str = ""


def load(settings: QSettings) -> VoiceSettings:
    raw = settings.value(f"{GROUP}/enabled", False)
    enabled = raw is True or str(raw).strip().lower() in ("1", "true", "yes", "on")
    device = settings.value(f"{GROUP}/device", "")
    return VoiceSettings(enabled, device if isinstance(device, str) else "")


def save(settings: QSettings, voice: VoiceSettings) -> None:
    settings.setValue(f"{GROUP}/enabled", voice.enabled)
    settings.setValue(f"{GROUP}/device", voice.device)
    settings.sync()


def extra_installed() -> bool:
    """The voice extra (pocketsphinx) is importable; finds it without importing it."""
    return importlib.util.find_spec("pocketsphinx") is not None


MISSING_EXTRA = (
    "Voice commands need the optional voice extra: pip install 'ptcoach[voice]' (or make voice)."
)
