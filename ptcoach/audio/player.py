"""The one small interface every cue player has, the silent last resort, and the choice.

`choose_player()` tries QSoundEffect, then playsound3, then silence, and says plainly which it
uses and why. PTCOACH_AUDIO=qt|playsound|none forces one (tests, and users with odd set-ups).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from ptcoach.translate import translator

FORCE_ENV = "PTCOACH_AUDIO"
CHOICES = ("qt", "playsound", "none")
PROBE_CLIP = "probe"  # never volume-scaled: it measures latency, it is not a cue


class PlayerUnavailable(RuntimeError):
    """This player cannot make sound here; the message says why, in plain words."""


class Player(Protocol):
    """What the cue director plays through: short clips by id, started without waiting.

    `choose_player()` picks one (QSoundEffect, else playsound3, else `SilentPlayer`) and says
    why in `why`. `load()` is given every clip once, before the first session; `play()` must
    return at once (False: this clip cannot be played here, so the director speaks or beeps
    instead); `latency_s` is how much later a play() is heard, so cues start that much early.
    `set_volume()` takes a gain in 0..1; `close()` releases the output device.
    """

    name: str  # "qt", "playsound" or "none"
    why: str  # one plain sentence: why this player was chosen
    latency_s: float  # output latency: play() now is heard this much later
    sink: str | None  # the PulseAudio sink it plays to, when known

    def load(self, clips: Mapping[str, Path]) -> None: ...

    def play(self, clip_id: str) -> bool: ...

    def set_volume(self, gain: float) -> None: ...

    def has(self, clip_id: str) -> bool: ...

    def close(self) -> None: ...


class SilentPlayer:
    """No sound: the session still runs and the view flashes each cue instead."""

    name: str = "none"
    latency_s: float = 0.0
    sink: str | None = None

    def __init__(self, why: str) -> None:
        self.why = why
        self._clips: set[str] = set()

    def load(self, clips: Mapping[str, Path]) -> None:
        self._clips = set(clips)

    def play(self, clip_id: str) -> bool:
        return False

    def set_volume(self, gain: float) -> None:
        pass

    def has(self, clip_id: str) -> bool:
        return clip_id in self._clips

    def close(self) -> None:
        pass


_tr = translator("choose_player")


def mark_event_role() -> None:
    """Tag every PulseAudio stream of this process (and its children) with media.role=event,
    so the cues are mixed as notifications over the runner's music. libpulse reads PULSE_PROP
    when a client connects, so this must run before QtMultimedia first talks to the server."""
    props = os.environ.get("PULSE_PROP", "")
    if "media.role" not in props:
        os.environ["PULSE_PROP"] = (props + " media.role=event").strip()


def choose_player(
    force: str | None = None,
    *,
    sink: str | None = None,
    after: str | None = None,
    reasons: list[str] | None = None,
) -> tuple[Player, str]:
    """The best player that works here, and the one message the app shows about it.

    `force` (or $PTCOACH_AUDIO) is one of qt, playsound, none. `sink` picks a PulseAudio sink
    by name (default: $PULSE_SINK, else the system default). `after` names a player that
    failed (at its set-up, its loading or its first play): only the ones after it in the order
    qt, playsound, silence are tried. `reasons` are the failures so far (see `failed()`); the
    message carries them, so the runner reads one line however many players were tried.
    """
    force = (force or os.environ.get(FORCE_ENV, "")).strip().lower() or None
    reasons = list(reasons or [])
    if force is not None and force not in CHOICES:
        note = _tr(
            "{var}={value} is not one of qt, playsound, none; choosing automatically."
        ).format(var=FORCE_ENV, value=force)
        player, message = _choose(None, sink, after, reasons)
        return player, f"{note} {message}"
    return _choose(force, sink, after, reasons)


def failed(name: str, exc: BaseException, *, playing: bool = False) -> str:
    """One plain line for a player that raised: at its set-up, or (`playing`) at a play()."""
    error = str(exc) if isinstance(exc, PlayerUnavailable) else f"{type(exc).__name__}: {exc}"
    if playing:
        return _tr("{name} failed to play ({error}).").format(name=name, error=error)
    if isinstance(exc, PlayerUnavailable):
        return error
    return _tr("{name} failed to start ({error}).").format(name=name, error=error)


def _choose(
    force: str | None, sink: str | None, after: str | None, reasons: list[str]
) -> tuple[Player, str]:
    if force == "none":
        why = _tr("Sound is off ({var}=none): cues will be shown on screen.").format(var=FORCE_ENV)
        return SilentPlayer(why), why
    mark_event_role()
    sink = sink or os.environ.get("PULSE_SINK") or None
    order = [force] if force in ("qt", "playsound") else ["qt", "playsound"]
    if after is not None:
        order = order[order.index(after) + 1 :] if after in order else []
    for name in order:
        try:
            player = _make(name, sink, reasons)
        # PlayerUnavailable says why in plain words; anything else a player's set-up raises (a
        # library version without an attribute, OSError from openpty, ...) also means "try
        # the next one", said once, in one line.
        except Exception as exc:
            reasons.append(failed(name, exc))
            continue
        return player, player.why
    why = _tr("No audio output found: cues will be shown on screen.")
    detail = " ".join(reasons)
    silent = SilentPlayer(f"{why} ({detail})" if detail else why)
    return silent, silent.why


def _make(name: str, sink: str | None, reasons: list[str]) -> Player:
    if name == "qt":
        from ptcoach.audio.qt_player import QtPlayer

        qt = QtPlayer(sink)
        qt.why = _tr("Sound: Qt Multimedia on {device}.").format(device=qt.device_name)
        return qt
    from ptcoach.audio.playsound_player import PlaysoundPlayer

    ps = PlaysoundPlayer(sink)
    because = " ".join(reasons)
    ps.why = _tr("Sound: playsound3 ({backend}).").format(backend=ps.backend) + (
        " " + because if because else ""
    )
    return ps
