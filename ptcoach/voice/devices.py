"""The microphones PulseAudio offers (numpy-free and quick to import: Preferences lists them)."""

from __future__ import annotations

import shutil
import subprocess


def microphones() -> list[tuple[str, str]]:
    """(PulseAudio source name, description) of every input, monitors last. Runs pactl: call
    it off the GUI thread."""
    if shutil.which("pactl") is None:
        return []
    try:
        out = subprocess.run(
            ["pactl", "list", "short", "sources"], capture_output=True, text=True, timeout=5
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    names = [line.split("\t")[1] for line in out.stdout.splitlines() if "\t" in line]
    return sorted(((n, n) for n in names), key=lambda p: p[0].endswith(".monitor"))
