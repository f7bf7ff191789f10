"""Render the cue clips into assets/sounds/: spoken cues with espeak-ng, tones with sox.

Every clip is mono, 22.05 kHz, 16-bit WAV, trimmed of leading/trailing silence and normalised,
so the app needs no speech engine at run time. Run with `make cues`; re-run after adding an
exercise to resources/exercises/. Clips no longer wanted are removed.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ptcoach.audio.clips import (  # noqa: E402
    CAMERA_PHRASES,
    PHRASES,
    TONES,
    exercise_clip,
    rep_clip,
)

OUT = ROOT / "assets" / "sounds"
RATE = 22050
MAX_REP = 30
VOICE = ["-v", "en-us+f3", "-s", "165"]  # a clear, slightly slow voice
# Each tone: sox synth arguments (mono, then shaped with a short fade so it never clicks).
TONE_SYNTH: dict[str, list[str]] = {
    "tick": ["0.06", "sine", "1000", "fade", "h", "0.004", "0.06", "0.03", "vol", "0.45"],
    "start": ["0.25", "sine", "660:990", "fade", "h", "0.01", "0.25", "0.08", "vol", "0.7"],
    "end": ["0.35", "sine", "990:550", "fade", "h", "0.01", "0.35", "0.15", "vol", "0.7"],
    "tempo_lift": ["0.05", "sine", "1320", "fade", "h", "0.003", "0.05", "0.03", "vol", "0.5"],
    "tempo_lower": ["0.05", "sine", "740", "fade", "h", "0.003", "0.05", "0.03", "vol", "0.5"],
    "notice": ["0.18", "sine", "880", "fade", "h", "0.01", "0.18", "0.06", "vol", "0.6"],
    # A voice command was taken: two quick rising notes, unlike every session tone.
    "ack": ["0.12", "sine", "1200:1600", "fade", "h", "0.005", "0.12", "0.04", "vol", "0.5"],
    # Very quiet (-46 dBFS) blip used to measure the output latency at start-up.
    "probe": ["0.03", "sine", "2000", "fade", "h", "0.002", "0.03", "0.01", "vol", "0.005"],
}


def exercise_names(folder: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            print(f"{path}: skipped, cannot read it: {exc}", file=sys.stderr)
            continue
        name = data.get("name")
        if isinstance(name, str) and name.strip():
            names[path.stem] = name.strip()
        else:
            print(f"{path}: skipped, it has no `name`", file=sys.stderr)
    return names


def speak(text: str, dest: Path, tmp: Path) -> None:
    raw = tmp / "raw.wav"
    subprocess.run(["espeak-ng", *VOICE, "-w", str(raw), text], check=True)
    # Trim silence at both ends (reverse trick for the tail); normalise to -4 dBFS, leaving
    # headroom for a tone that sounds over speech.
    subprocess.run(
        [
            "sox",
            str(raw),
            "-r",
            str(RATE),
            "-c",
            "1",
            "-b",
            "16",
            str(dest),
            "silence",
            "1",
            "0.01",
            "0.5%",
            "reverse",
            "silence",
            "1",
            "0.01",
            "0.5%",
            "reverse",
            "norm",
            "-4",
            "rate",
            str(RATE),
        ],
        check=True,
    )


def tone(name: str, dest: Path) -> None:
    subprocess.run(
        [
            "sox",
            "-n",
            "-r",
            str(RATE),
            "-c",
            "1",
            "-b",
            "16",
            str(dest),
            "synth",
            *TONE_SYNTH[name],
        ],
        check=True,
    )


def main() -> int:
    for tool in ("espeak-ng", "sox"):
        if shutil.which(tool) is None:
            print(
                f"make_cues: {tool} is missing; run `make sysdeps` (or apt-get install {tool})",
                file=sys.stderr,
            )
            return 1
    OUT.mkdir(parents=True, exist_ok=True)
    wanted: dict[str, str] = dict(PHRASES)
    wanted.update(CAMERA_PHRASES)
    wanted.update({rep_clip(n): str(n) for n in range(1, MAX_REP + 1)})
    names = exercise_names(ROOT / "resources" / "exercises")
    wanted.update({exercise_clip(ex_id): name for ex_id, name in names.items()})
    assert set(TONE_SYNTH) == set(TONES), "every tone needs a synth line"
    with tempfile.TemporaryDirectory() as tmp:
        for clip, text in sorted(wanted.items()):
            speak(text, OUT / f"{clip}.wav", Path(tmp))
    for name in TONES:
        tone(name, OUT / f"{name}.wav")
    keep = {f"{c}.wav" for c in wanted} | {f"{t}.wav" for t in TONES}
    for old in OUT.glob("*.wav"):
        if old.name not in keep:
            old.unlink()
    total = sum(p.stat().st_size for p in OUT.glob("*.wav"))
    print(f"make_cues: {len(keep)} clips ({len(names)} exercises) in {OUT}, {total / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
