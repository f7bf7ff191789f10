"""Whether the camera extra is installed, and the line that says how to get it. No imports
beyond the standard library: the app asks this before it has any reason to load numpy."""

from __future__ import annotations

import importlib.util

EXTRA_MODULE = "mediapipe"
MISSING_EXTRA = (
    "The camera coach needs the optional camera extra: pip install 'ptcoach[camera]' "
    "(or make camera)."
)


def extra_installed() -> bool:
    """The camera extra is importable; finds it without importing it (that takes a second)."""
    try:
        return importlib.util.find_spec(EXTRA_MODULE) is not None
    except (ImportError, ValueError):
        return False
