"""Test speech for the voice commands, rendered at test time with espeak-ng into a temp dir:
each command word in a few voices and speeds, distractor sentences, and the app's own cue clips
(the shipped WAVs), all as 16 kHz mono int16 arrays."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import numpy as np

from ptcoach.voice.audiofile import read_wav

# espeak-ng voices the en-us model hears reasonably (the default male voices it hears worst:
# benchmarks/bench_voice.py shows all of them).
VOICES = ("en-us+f5", "en-us+klatt", "en-us+f2")
SPEEDS = (140, 170)
WORDS = ("pause", "go", "resume", "next", "back", "repeat", "done", "stop", "mute", "yes")
DISTRACTORS = (
    "I went for a long run by the river this morning and my legs feel heavy.",
    "Can you pass me the water bottle from the kitchen table please.",
    "The physical therapist said to keep my knee in line with my toes.",
    "We should probably think about dinner before it gets too late tonight.",
    "My calf was a bit tight after the hill repeats on Tuesday.",
    "Did you see the weather forecast for the weekend race?",
    "The dog wants to go outside again, could you open the door?",
    "I have a meeting at ten and then I am free for the rest of the afternoon.",
    "Remember to stretch your hamstrings slowly and breathe out as you lean forward.",
    "Let us try a different route next week, the park trail was too muddy.",
    "Turn the music down a little, I can barely hear the phone.",
    "Put the kettle on, I will make some tea after this set.",
)
RATE = 16000


def say(text: str, voice: str, speed: int, folder: Path) -> np.ndarray:
    out = folder / "say.wav"
    subprocess.run(
        ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(out), text],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return trim(read_wav(out))


def trim(x: np.ndarray, level: int = 200) -> np.ndarray:
    loud = np.flatnonzero(np.abs(x.astype(np.int32)) > level)
    return x[loud[0] : loud[-1] + 1] if len(loud) else x[:0]


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.int16)


def commands(voices=VOICES, speeds=SPEEDS, words=WORDS) -> list[tuple[str, str, int, np.ndarray]]:
    """(word, voice, speed, samples) for every combination."""
    with tempfile.TemporaryDirectory() as tmp:
        return [(w, v, s, say(w, v, s, Path(tmp))) for v in voices for s in speeds for w in words]


def distractors(voices=VOICES[:2], speed: int = 160) -> list[np.ndarray]:
    with tempfile.TemporaryDirectory() as tmp:
        return [say(t, v, speed, Path(tmp)) for v in voices for t in DISTRACTORS]


def cue_clips() -> dict[str, np.ndarray]:
    from ptcoach.audio import clips

    return {cid: read_wav(path) for cid, path in clips.available().items() if cid != "probe"}


def sequence(parts: list[np.ndarray], gap_s: float = 1.0) -> tuple[np.ndarray, list[float]]:
    """The parts with `gap_s` of silence between (and around) them, and each part's end time."""
    out, ends, t = [silence(gap_s)], [], gap_s
    for p in parts:
        out.append(p)
        t += len(p) / RATE
        ends.append(t)
        out.append(silence(gap_s))
        t += gap_s
    return np.concatenate(out), ends


def write_wav(path: Path, samples: np.ndarray) -> Path:
    import wave

    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(samples.astype("<i2").tobytes())
    return path
