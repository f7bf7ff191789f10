"""How long something takes, as the session and home windows write it: `2 min 30 s`, `12:05`.

Apart from `session_text` so the home window can show durations without importing the engine's
state machine.
"""

from __future__ import annotations

from ptcoach.translate import translator

tr = translator("SessionText")


def duration_text(seconds: float) -> str:
    """`45 s`, `2 min`, `2 min 30 s`, `1 h 05 min`: how long something takes."""
    s = round(seconds)
    if s < 60:
        return tr("{0} s").format(s)
    m, s = divmod(s, 60)
    if m < 60:
        return tr("{0} min").format(m) if s == 0 else tr("{0} min {1} s").format(m, s)
    h, m = divmod(m, 60)
    return tr("{0} h {1:02d} min").format(h, m)


def clock_text(seconds: float) -> str:
    """`12:05` or `1:02:05`: a time left as a clock shows it."""
    s = max(0, round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
