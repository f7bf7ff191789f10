"""One exercise watched through the camera: poses in, what happened out.

`ExerciseCoach` joins the counter (or the hold timer), the form watcher and the raised-hand
gesture for one set of one exercise. The session (ptcoach/ui/camera/) and `ptcoach count` both
feed it, frame by frame, with the frame's time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ptcoach.camera import exercises
from ptcoach.camera.counting import RepCounter
from ptcoach.camera.form import FormCheck, FormWatcher
from ptcoach.camera.gesture import RaisedHand
from ptcoach.camera.holding import HoldChange, HoldTimer
from ptcoach.camera.landmarks import L, Pose

# Between frames this close, a hip centre moving more than JUMP_TORSOS torso lengths, or a torso
# changing length by more than JUMP_RESIZE, is not one person moving.
JUMP_WINDOW_S = 0.5
JUMP_TORSOS = 0.6
JUMP_RESIZE = 0.35


class Kind(StrEnum):
    REP = "rep"
    HOLD_LOST = "hold-lost"
    HOLD_REGAINED = "hold-regained"
    CUE = "cue"
    GESTURE = "gesture"  # a raised hand held: pause or resume


@dataclass(frozen=True)
class CoachEvent:
    kind: Kind
    t: float
    count: int = 0  # reps so far (REP)
    cue: FormCheck | None = None  # (CUE)


def can_see(exercise_id: str) -> bool:
    return exercise_id in exercises.REPS or exercise_id in exercises.HOLDS


class ExerciseCoach:
    def __init__(self, exercise_id: str, side: str | None = None, *, gestures: bool = True):
        if not can_see(exercise_id):
            why = exercises.UNSEEN.get(exercise_id, "it is not in the catalogue")
            raise ValueError(f"the camera cannot follow {exercise_id}: {why}")
        self.exercise_id = exercise_id
        self.side = side
        self.rep = exercises.REPS.get(exercise_id)
        self.hold = exercises.HOLDS.get(exercise_id)
        self.counter = RepCounter(self.rep.min_range) if self.rep else None
        self.timer = HoldTimer() if self.hold else None
        spec = self.rep or self.hold
        self.form = FormWatcher(spec.form if spec is not None else (), side=side)
        self.gesture = RaisedHand() if gestures else None
        self.frames = 0
        self.seen = 0  # frames with a person
        self.last_t = 0.0
        self.switches = 0  # times the pose jumped as if another person came into view
        self._body: tuple[float, float, float, float] | None = None  # t, x, y, torso

    @property
    def reps(self) -> int:
        return self.counter.count if self.counter else 0

    @property
    def flags(self) -> list[str]:
        return list(self.form.flags)

    def held_s(self) -> float:
        return self.timer.held_s() if self.timer else 0.0

    def feed(self, t: float, pose: Pose | None) -> list[CoachEvent]:
        self.frames += 1
        self.last_t = t
        if pose is not None:
            self.seen += 1
        out: list[CoachEvent] = []
        progress: float | None = None
        if pose is not None and self._jumped(t, pose) and self.counter is not None:
            self.counter.cancel()  # half a rep by one person and half by another is none
        if self.counter is not None and self.rep is not None:
            value = self.rep.metric(pose, self.side) if pose is not None else None
            if self.counter.feed(t, value):
                out.append(CoachEvent(Kind.REP, t, self.counter.count))
            progress = self.counter.progress()
        if self.timer is not None and self.hold is not None:
            held = self.hold.held(pose) if pose is not None else None
            change = self.timer.feed(t, held)
            if change is HoldChange.LOST:
                out.append(CoachEvent(Kind.HOLD_LOST, t))
            elif change is HoldChange.REGAINED:
                out.append(CoachEvent(Kind.HOLD_REGAINED, t))
        cue = self.form.feed(t, pose, progress)
        if cue is not None:
            out.append(CoachEvent(Kind.CUE, t, cue=cue))
        if self.gesture is not None and self.gesture.feed(t, pose):
            out.append(CoachEvent(Kind.GESTURE, t))
        return out

    def _jumped(self, t: float, pose: Pose) -> bool:
        """The body moved or changed size between two close frames more than a person can: the
        pose model now follows someone else (or lost the runner)."""
        torso = pose.torso()
        if torso is None or not pose.seen(L.LEFT_HIP, L.RIGHT_HIP):
            return False
        x, y = pose.mid(L.LEFT_HIP, L.RIGHT_HIP)
        before, self._body = self._body, (t, x, y, torso)
        if before is None or t - before[0] > JUMP_WINDOW_S:
            return False
        _, bx, by, btorso = before
        moved = ((x - bx) ** 2 + (y - by) ** 2) ** 0.5 > JUMP_TORSOS * btorso
        resized = abs(torso / btorso - 1.0) > JUMP_RESIZE
        if moved or resized:
            self.switches += 1
            return True
        return False

    def holds(self) -> list[float]:
        """The held stretches so far, seconds each (the open one up to the last frame)."""
        if self.timer is None:
            return []
        return [round(b - a, 2) for a, b in self.timer.stretches_until(self.last_t)]
