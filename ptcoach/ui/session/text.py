"""The words and colours the session view shows for a snapshot: phase, set, side, what's next.

Kept apart from the widgets so the wording is in one place; every string goes through Qt's
translation (context "SessionText").
"""

from __future__ import annotations

from dataclasses import dataclass

from ptcoach.catalog.model import Side
from ptcoach.engine.plan import Phase, PhaseKind, Segment
from ptcoach.engine.session import Snapshot, State
from ptcoach.translate import translator
from ptcoach.ui.session.durations import clock_text, duration_text

__all__ = [
    "PhaseLook",
    "big_caption",
    "clock_text",
    "duration_text",
    "is_area",
    "next_text",
    "phase_look",
    "phase_to_show",
    "set_text",
    "side_text",
    "tempo_word",
    "tr",
]


tr = translator("SessionText")


@dataclass(frozen=True)
class PhaseLook:
    word: str
    colour: str  # a key of ptcoach.ui.look.theme.phase_colors(): the theme picks the colour


GET_READY = "get_ready"
WORK = "work"
HOLD = "hold"
REST = "rest"
SWITCH = "switch"
IDLE = "idle"


def _tempo_words() -> dict[str, str]:
    """Tempo steps and heat/cold as shown, translated (at call time: the translators are
    installed after import; each written out, so the catalogue has them)."""
    return {
        "lift": tr("Lift"),
        "hold": tr("Hold"),
        "lower": tr("Lower"),
        "up": tr("Up"),
        "down": tr("Down"),
        "pause": tr("Pause"),
        "heat": tr("Heat"),
        "cold": tr("Cold"),
    }


def phase_look(snap: Snapshot) -> PhaseLook:
    """The phase as a word and a colour; paused and finished states override the phase."""
    if snap.state is State.READY:
        return PhaseLook(tr("Press Start"), IDLE)
    if snap.state is State.FINISHED:
        return PhaseLook(tr("Done"), WORK)
    if snap.state is State.STOPPED:
        return PhaseLook(tr("Stopped"), IDLE)
    phase = snap.phase
    if phase is None:
        return PhaseLook("", IDLE)
    if snap.getting_ready:  # a jump's countdown before a set (Next, Back, Restart)
        look = PhaseLook(tr("Get ready"), GET_READY)
    else:
        look = _phase_kind_look(phase, snap.segment)
    if snap.state is State.PAUSED:
        return PhaseLook(tr("Paused") + " · " + look.word, IDLE)
    return look


def _phase_kind_look(phase: Phase, seg: Segment | None) -> PhaseLook:
    if phase.kind is PhaseKind.LEAD_IN:
        return PhaseLook(tr("Get ready"), GET_READY)
    if phase.kind is PhaseKind.REST:
        return PhaseLook(tr("Rest"), REST)
    if phase.kind is PhaseKind.SWITCH:
        return PhaseLook(tr("Switch sides"), SWITCH)
    if seg is not None and is_area(seg):
        return PhaseLook(tr("Roll"), WORK)  # foam rolling: timed work on each area in turn
    if seg is not None and seg.rep is None:
        return PhaseLook(tr("Hold"), HOLD)
    return PhaseLook(tr("Work"), WORK)


def is_area(seg: Segment) -> bool:
    """A body area of an areas exercise (foam rolling), not a hold, a rep or heat/cold."""
    return seg.rep is None and bool(seg.label) and seg.label not in ("heat", "cold")


def tempo_word(seg: Segment | None) -> str:
    """Lift / hold / lower for a paced rep; the body area or heat/cold for timed segments."""
    if seg is None:
        return ""
    if seg.tempo:
        return _tempo_words().get(seg.tempo, seg.tempo.title())
    if seg.label:
        if seg.label in ("heat", "cold"):
            return _tempo_words()[seg.label]
        return seg.label.capitalize()
    return ""


def big_caption(snap: Snapshot) -> str:
    seg, phase = snap.segment, snap.phase
    if seg is None or phase is None:
        return ""
    if snap.ready_s is not None:  # a set's own get-ready counts seconds, not reps
        return tr("seconds")
    if seg.rep is not None:
        text = tr("rep {0} of {1}").format(seg.rep, phase.reps_total)
        if seg.duration_s is None:
            text += " · " + tr("Enter when done")
        return text
    if is_area(seg):
        areas = sum(1 for s in phase.segments if is_area(s))
        return tr("seconds on this area ({0} of {1})").format(snap.segment_index + 1, areas)
    return tr("seconds")


def phase_to_show(snap: Snapshot) -> Phase | None:
    """The phase whose exercise the view shows: during a rest or a jump's get-ready before
    another set, that set (the runner sets up for it: its name, figure, first steps)."""
    phase, nxt = snap.phase, snap.next_phase
    if phase is None or phase.kind is PhaseKind.WORK:  # a set (or its own get-ready)
        return phase
    if nxt is None or nxt.kind not in (PhaseKind.WORK, PhaseKind.LEAD_IN):
        return phase
    if snap.getting_ready or (
        phase.kind is PhaseKind.REST and nxt.exercise_index != phase.exercise_index
    ):
        return nxt
    return phase


def set_text(phase: Phase | None) -> str:
    if phase is None:
        return ""
    return tr("Set {0} of {1}").format(phase.set_number, phase.sets_total)


def side_text(side: Side | None) -> str:
    if side is Side.LEFT:
        return tr("Left side")
    if side is Side.RIGHT:
        return tr("Right side")
    return ""


def next_text(snap: Snapshot) -> str:
    if snap.state in (State.FINISHED, State.STOPPED):
        return ""
    nxt = snap.next_phase
    if snap.state is State.READY and snap.phase is not None:
        nxt = snap.phase
    if nxt is None:
        return tr("Next: finish")
    if nxt.kind is PhaseKind.REST:
        return tr("Next: rest {0}").format(duration_text(nxt.duration_s))
    if nxt.kind is PhaseKind.SWITCH:
        return tr("Next: switch to the {0}").format(side_text(nxt.side).lower())
    if nxt.kind is PhaseKind.LEAD_IN:
        return tr("Next: {0}").format(nxt.exercise_name)
    text = tr("Next: {0}, set {1} of {2}").format(nxt.exercise_name, nxt.set_number, nxt.sets_total)
    if nxt.side is not None:
        text += " (" + side_text(nxt.side).lower() + ")"
    return text
