"""Plain data for exercises, routines and the targets a runner picks.

Everything here is a frozen dataclass or an enum: the loader builds them from TOML after
validation, and the engine expands them into a session plan.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """How an exercise is done, and so how the engine times it."""

    REPS = "reps"  # repetitions, paced by a tempo (lift/hold/lower) or marked by the runner
    HOLD = "hold"  # one timed hold per set (wall sit, stretch)
    AREAS = "areas"  # timed work on each body area in turn (foam rolling)
    CONTRAST = "contrast"  # alternating heat and cold, one cycle per set


class Pacing(StrEnum):
    TEMPO = "tempo"  # the app counts reps at a steady tempo
    SELF = "self"  # the runner marks each rep (Enter)


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"

    @property
    def other(self) -> Side:
        return Side.RIGHT if self is Side.LEFT else Side.LEFT


@dataclass(frozen=True)
class Range:
    """An inclusive range of allowed values (sets, reps or seconds)."""

    low: float
    high: float

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"range low {self.low} is above high {self.high}")

    def __contains__(self, value: object) -> bool:
        return isinstance(value, int | float) and self.low <= value <= self.high

    def clamp(self, value: float) -> float:
        return min(max(value, self.low), self.high)

    def as_list(self) -> list[float | int]:
        return [_tidy(self.low), _tidy(self.high)]


def _tidy(x: float) -> float | int:
    return int(x) if float(x).is_integer() else x


@dataclass(frozen=True)
class TempoStep:
    """One phase of a paced rep, e.g. ("lift", 2.0)."""

    name: str
    seconds: float


@dataclass(frozen=True)
class Exercise:
    """One exercise from the catalogue: what it is, how it is paced, its default ranges."""

    id: str
    name: str
    kind: Kind
    category: str  # "runners-knee", "flexibility", "strength", "recovery", or "own"
    muscles: tuple[str, ...]
    instructions: tuple[str, ...]
    mistakes: tuple[str, ...]
    safety: str
    per_side: bool
    sets: Range
    rest_s: Range  # rest between sets
    reps: Range | None = None  # REPS only
    hold_s: Range | None = None  # HOLD: per hold; AREAS: per area; CONTRAST: heat
    cold_s: Range | None = None  # CONTRAST only
    tempo: tuple[TempoStep, ...] = ()  # REPS with TEMPO pacing
    pacing: Pacing = Pacing.TEMPO
    areas: tuple[str, ...] = ()  # AREAS only
    side_switch_s: float = 5.0  # pause between the two sides of a set
    summary: str = ""
    conditions: tuple[str, ...] = ()  # condition ids this exercise helps with
    learn: str = ""  # Learn page id ("why this helps")
    illustration: str = ""  # asset name under assets/images
    general_guidance: bool = False  # True where the numbers are standard values, not the seed's
    guidance_note: str = ""
    source: str = "built-in"  # "built-in", or the path of the routine file that defined it

    @property
    def rep_seconds(self) -> float:
        """Nominal time of one rep: the tempo's sum, or 3 s for self-paced reps."""
        return sum(s.seconds for s in self.tempo) if self.tempo else 3.0


@dataclass(frozen=True)
class Targets:
    """What the runner chose for one exercise, inside its ranges."""

    sets: int
    reps: int | None = None
    hold_s: float | None = None
    cold_s: float | None = None
    rest_s: float = 30.0


@dataclass(frozen=True)
class RoutineItem:
    """One exercise in a routine, with the routine's own (narrower) ranges and defaults."""

    exercise: Exercise
    sets: Range
    reps: Range | None
    hold_s: Range | None
    cold_s: Range | None
    rest_s: float
    default: Targets
    note: str = ""


@dataclass(frozen=True)
class Routine:
    """A named sequence of exercises with their target ranges."""

    id: str
    name: str
    description: str
    items: tuple[RoutineItem, ...]
    condition: str = ""
    rest_between_exercises_s: float = 30.0
    lead_in_s: float = 10.0
    general_guidance: bool = False
    guidance_note: str = ""
    builtin: bool = True
    path: str = ""
    own_exercises: tuple[Exercise, ...] = field(default=())

    def default_targets(self) -> list[Targets]:
        return [item.default for item in self.items]
