"""The cue clips shipped in assets/sounds/: their ids, spoken text, files and durations.

Ids double as file names (`<id>.wav`). Qt-free, so scripts/make_cues.py can use it too.
"""

from __future__ import annotations

import wave
from pathlib import Path

# Spoken phrases: clip id -> text espeak-ng renders.
PHRASES: dict[str, str] = {
    "get_ready": "Get ready",
    "left_side": "Left side",
    "right_side": "Right side",
    "switch_sides": "Switch sides",
    "rest": "Rest",
    "last_set": "Last set",
    "halfway": "Halfway",
    "ten_seconds": "Ten seconds",
    "session_complete": "Session complete",
    # Voice commands: the question after a spoken "stop" (it avoids the command word itself).
    "confirm_stop": "Say yes to end the session",
}
# The camera coach's words (not in the voice grammar: the microphone ignores them as it ignores
# every cue while it plays). form_<id>: the form cues of ptcoach/camera/exercises.py, word for
# word (tests/test_camera_session.py checks).
CAMERA_PHRASES: dict[str, str] = {
    "camera_hold_lost": "Hold the position to keep the clock running",
    "form_knee-in": "Keep your knee in line over your toes",
    "form_pelvis-back": "Keep your hips stacked: the top hip stays still",
    "form_knee-bent": "Keep the raised knee straight",
    "form_hips-uneven": "Keep your hips level",
    "form_hips-sag": "Lift your hips into a straight line",
    "form_hips-high": "Lower your hips into a straight line",
    "form_too-low": "Come up a little: knees at a right angle",
}
# Tones: rendered with sox. "probe" is a near-silent blip for measuring output latency.
TONES: tuple[str, ...] = (
    "tick",
    "start",
    "end",
    "tempo_lift",
    "tempo_lower",
    "notice",
    "probe",
    "ack",
)  # ack: a voice command was taken


def rep_clip(n: int) -> str:
    return f"rep_{n}"


def exercise_clip(exercise_id: str) -> str:
    return f"ex_{exercise_id}"


def sounds_dir() -> Path:
    from ptcoach.paths import assets_dir

    return assets_dir() / "sounds"


def available(folder: Path | None = None) -> dict[str, Path]:
    """Every clip on disk: id -> path."""
    folder = sounds_dir() if folder is None else folder
    return {p.stem: p for p in sorted(folder.glob("*.wav"))}


def duration_s(path: Path) -> float:
    with wave.open(str(path), "rb") as w:
        return w.getnframes() / float(w.getframerate())
