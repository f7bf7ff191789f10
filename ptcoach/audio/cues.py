"""Which cues an engine event needs: a pure function of the event and the sound settings.

Tones play at once (they may overlap speech); spoken cues go through a priority queue and are
dropped, not played late, once `at + max_late_s` has passed.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ptcoach.audio.clips import exercise_clip, rep_clip
from ptcoach.audio.settings import AudioSettings
from ptcoach.catalog.model import Side
from ptcoach.engine.events import (
    Countdown,
    Event,
    GetReady,
    PhaseStarted,
    RepStarted,
    SegmentStarted,
    SessionCompleted,
    SetCompleted,
    SideSwitched,
)
from ptcoach.engine.plan import Phase, PhaseKind, Plan

TICK_SECONDS = 3  # a soft tick on each of the last three seconds
MAX_SPOKEN_REP = 30  # rep numbers with a clip
TONE_MAX_LATE_S = 0.15  # a tick heard later than this is worse than none


class CueKind(StrEnum):
    TONE = "tone"
    VOICE = "voice"


@dataclass(frozen=True)
class Cue:
    clip: str  # clip id in assets/sounds (without .wav)
    kind: CueKind
    at: float  # monotonic time it should be heard (the event's due time)
    priority: int = 0  # higher is spoken first
    max_late_s: float = TONE_MAX_LATE_S  # dropped when heard later than at + this
    text: str = ""  # what to say with a speech engine when the clip is missing

    @property
    def key(self) -> tuple[str, float]:
        """Identifies one cue of one event: lets a cue started early not play again."""
        return (self.clip, round(self.at, 4))


# Priorities: what must be heard wins the queue.
P_COMPLETE, P_INTRO, P_LAST_SET, P_REST, P_REP, P_TIME = 90, 80, 70, 60, 50, 40


def _tone(clip: str, at: float) -> Cue:
    return Cue(clip, CueKind.TONE, at)


def _voice(clip: str, at: float, priority: int, max_late_s: float, text: str = "") -> Cue:
    return Cue(clip, CueKind.VOICE, at, priority, max_late_s, text)


def _side_clip(side: Side) -> str:
    return "left_side" if side is Side.LEFT else "right_side"


def cues_for(event: Event, settings: AudioSettings, plan: Plan | None = None) -> tuple[Cue, ...]:
    """The cues for one event, in the order they should be heard. `plan` (from SessionStarted)
    tells the second side of a set from the first, so "last set" is said once."""
    if settings.muted:
        return ()
    cues = [*_tones(event), *_voices(event, settings, plan)]
    return tuple(c for c in cues if (settings.tones if c.kind is CueKind.TONE else settings.voice))


def _tones(event: Event) -> list[Cue]:
    at = event.at
    if isinstance(event, Countdown):
        if 1 <= event.remaining <= TICK_SECONDS and event.remaining < event.total:
            return [_tone("tick", at)]
    elif isinstance(event, PhaseStarted) and event.phase.kind is PhaseKind.WORK:
        return [_tone("start", at)]
    elif isinstance(event, SetCompleted) and not event.record.skipped:
        return [_tone("end", at)]
    elif isinstance(event, SegmentStarted) and event.segment.tempo in ("lift", "up"):
        if event.segment_index > 0:  # the first rep's lift already has the start tone
            return [_tone("tempo_lift", at)]
    elif isinstance(event, SegmentStarted) and event.segment.tempo in ("lower", "down"):
        return [_tone("tempo_lower", at)]
    return []


def _voices(event: Event, settings: AudioSettings, plan: Plan | None) -> list[Cue]:
    at = event.at
    if isinstance(event, PhaseStarted):
        phase = event.phase
        if phase.kind is PhaseKind.LEAD_IN:
            cues = [
                _voice("get_ready", at, P_INTRO, 3.0),
                _voice(exercise_clip(phase.exercise_id), at, P_INTRO, 4.0, phase.exercise_name),
            ]
            if phase.side is not None:
                cues.append(_voice(_side_clip(phase.side), at, P_INTRO, 5.0))
            return cues
        if phase.kind is PhaseKind.REST:
            return [_voice("rest", at, P_REST, 1.5)]
        if phase.kind is PhaseKind.WORK:
            first_side = phase.side is None or _is_first_side(phase, plan)
            if phase.sets_total > 1 and phase.set_number == phase.sets_total and first_side:
                return [_voice("last_set", at, P_LAST_SET, 2.0)]
    elif isinstance(event, GetReady):
        return [_voice("get_ready", at, P_INTRO, 2.0)]
    elif isinstance(event, SideSwitched):
        return [
            _voice("switch_sides", at, P_INTRO, 2.0),
            _voice(_side_clip(event.to_side), at, P_INTRO, 3.0),
        ]
    elif isinstance(event, RepStarted):
        if settings.count_reps and 1 <= event.rep <= MAX_SPOKEN_REP:
            return [_voice(rep_clip(event.rep), at, P_REP, 0.4, str(event.rep))]
    elif isinstance(event, Countdown):
        return _time_calls(event)
    elif isinstance(event, SessionCompleted):
        return [_voice("session_complete", at, P_COMPLETE, 10.0)]
    return []


def _is_first_side(phase: Phase, plan: Plan | None) -> bool:
    """The second side of a per-side set is the work phase right after a switch phase."""
    if plan is None or phase.index == 0 or phase.index >= len(plan.phases):
        return True
    return plan.phases[phase.index - 1].kind is not PhaseKind.SWITCH


def _time_calls(event: Countdown) -> list[Cue]:
    """ "Halfway" in a long hold, "ten seconds" near the end of a long hold or rest."""
    if event.phase.kind not in (PhaseKind.WORK, PhaseKind.REST) or event.total < 20:
        return []
    if event.remaining == 10:
        return [_voice("ten_seconds", event.at, P_TIME, 1.0)]
    if event.remaining == event.total // 2 and event.phase.kind is PhaseKind.WORK:
        return [_voice("halfway", event.at, P_TIME, 1.0)]
    return []
