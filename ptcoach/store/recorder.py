"""Follow the engine's events and keep the history: a session row when it starts, each set
committed the moment it ends, the final status when it stops. Also finds the session a crash
left unfinished, and where to resume it."""

from __future__ import annotations

import importlib
import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from ptcoach.catalog.model import Routine, Targets
from ptcoach.engine.events import (
    Event,
    SessionCompleted,
    SessionStarted,
    SetCompleted,
    SetRecord,
    Stopped,
)
from ptcoach.engine.plan import Phase, PhaseKind, Plan, expand
from ptcoach.store import sessions as repo
from ptcoach.store.db import explain
from ptcoach.store.errors import StoreError
from ptcoach.store.sessions import SessionRow, SetRow, Status
from ptcoach.store.timefmt import to_iso, utc_now
from ptcoach.store.writer import (
    HistoryWriter,
    end_op,
    new_key,
    pain_before_op,
    ratings_op,
    resume_op,
    session_op,
    set_op,
)

RoutineLookup = Callable[[str], Routine]


def plan_json(
    plan: Plan, *, speed: float = 1.0, self_paced: bool = False, lead_in_s: float | None = None
) -> str:
    """What it takes to rebuild `plan` on resume (the routine itself comes from the catalogue)."""
    return json.dumps(
        {
            "routine_id": plan.routine_id,
            "targets": [asdict(t) for t in plan.targets],
            "speed": speed,
            "self_paced": self_paced,
            "lead_in_s": lead_in_s,
        },
        sort_keys=True,
    )


class Recorder:
    """Writes one session to the history as the engine's events arrive.

    With a connection (`conn`), it writes on the caller's thread: a write that fails (full
    disk, read-only file) raises StoreError, and the unsaved records stay queued: the next
    `on_events` or `flush()` writes them first, in order. With a `writer` (conn None), it
    only hands each record to the HistoryWriter's durable queue: nothing blocks, nothing
    raises, and the writer's worker commits them.
    """

    def __init__(
        self,
        conn: sqlite3.Connection | None,
        plan: Plan,
        *,
        speed: float = 1.0,
        self_paced: bool = False,
        lead_in_s: float | None = None,
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], datetime] = utc_now,
        local_tz: tzinfo | None = None,
        session_id: int | None = None,
        pain_before: int | None = None,
        writer: HistoryWriter | None = None,
    ) -> None:
        if (conn is None) == (writer is None):
            raise ValueError("a Recorder writes through a connection or a writer, one of them")
        self.conn = conn
        self.writer = writer
        self.key = new_key()  # names this session in the writer's queue
        self.plan = plan
        self._session_id = session_id  # given when resuming an unfinished session
        self._resuming = session_id is not None
        self._clock = clock
        self._wall_clock = wall_clock
        self._local_tz = local_tz
        self._json = plan_json(plan, speed=speed, self_paced=self_paced, lead_in_s=lead_in_s)
        self._pain_before = pain_before
        self._offset: float | None = None  # wall-clock seconds minus monotonic seconds
        self._new_session: dict[str, Any] | None = None
        self._sets: list[SetRow] = []
        self._end: str | None = None
        self.status: Status | None = None  # set once the session has ended
        self._submitted_start = False
        self._end_submitted = False
        self._camera: dict[int, tuple[int | None, str]] = {}  # phase index -> what it saw
        if writer is not None and session_id is not None:
            writer.submit(resume_op(self.key, session_id))
            self._submitted_start = True

    @property
    def session_id(self) -> int | None:
        """The session's id in the history (with a writer: once its worker has written it)."""
        if self._session_id is None and self.writer is not None:
            return self.writer.session_id(self.key)
        return self._session_id

    def set_pain_before(self, pain: int | None) -> None:
        """Pain before the session (0-10), chosen before Start; stored with the session row
        (or straight into it when the session already exists, as on resume)."""
        self._pain_before = pain
        if self._new_session is not None:
            self._new_session["pain_before"] = pain
        if self.writer is not None:
            if self._submitted_start:
                self.writer.submit(pain_before_op(self.key, pain))
        elif self._session_id is not None:
            assert self.conn is not None
            repo.set_pain_before(self.conn, self._session_id, pain)

    def set_ratings(self, *, pain: int | None, effort: int | None, note: str | None = None) -> bool:
        """Pain and effort after the session; False when the session was never stored."""
        if self.writer is not None:
            if not self._submitted_start:
                return False
            self.writer.submit(ratings_op(self.key, pain, effort, note))
            return True
        if self._session_id is None:
            return False
        assert self.conn is not None
        repo.set_ratings(self.conn, self._session_id, pain=pain, effort=effort, note=note)
        return True

    def note_camera(self, phase_index: int, reps: int | None, flags: list[str]) -> None:
        """What the camera saw in the set of `phase_index` (its reps, None for a hold; the form
        cue ids it gave): stored with that set when it ends. Call before the set's end."""
        self._camera[phase_index] = (reps, ",".join(flags))

    @property
    def pending(self) -> int:
        """Records not yet safely in the database."""
        return len(self._sets) + (self._new_session is not None) + (self._end is not None)

    def on_events(self, events: Iterable[Event]) -> None:
        failed: StoreError | None = None
        for event in events:
            if isinstance(event, SessionStarted):
                self._start(event)
            elif isinstance(event, SetCompleted):
                self._sets.append(self._row(event.record))
            elif (
                isinstance(event, SessionCompleted | Stopped)
                and self.status is None
                and not self._end_submitted
            ):
                self._end = self.utc(event.at)
            else:
                continue
            try:
                self.flush()
            except StoreError as exc:  # the rest of the batch must still be queued
                failed = failed or exc
        if failed is not None:
            raise failed

    def flush(self) -> None:
        """Write everything queued, each set in its own committed transaction (with a
        writer: hand it all to the writer's queue)."""
        if self.writer is not None:
            self._hand_over(self.writer)
            return
        conn = self.conn
        assert conn is not None
        try:
            if self._new_session is not None:
                self._session_id = repo.insert_session(conn, **self._new_session)
                self._new_session = None
            assert self._session_id is not None or not (self._sets or self._end)
            while self._sets:
                assert self._session_id is not None
                repo.upsert_set(conn, self._session_id, self._sets[0])
                self._sets.pop(0)
            if self._end is not None and self._session_id is not None:
                self.status = repo.end_session(conn, self._session_id, self._end)
                self._end = None
        except sqlite3.Error as exc:
            raise StoreError(explain(exc, Path(_db_file(conn)))) from exc

    def _hand_over(self, writer: HistoryWriter) -> None:
        if self._new_session is not None:
            writer.submit(session_op(self.key, **self._new_session))
            self._new_session = None
            self._submitted_start = True
        if not self._submitted_start:
            return
        for row in self._sets:
            writer.submit(set_op(self.key, row))
        self._sets.clear()
        if self._end is not None:
            writer.submit(end_op(self.key, self._end))
            self._end = None
            self._end_submitted = True

    def utc(self, monotonic_s: float) -> str:
        """The UTC wall-clock time of an engine (monotonic) time stamp."""
        if self._offset is None:
            self._offset = self._wall_clock().timestamp() - self._clock()
        return to_iso(datetime.fromtimestamp(monotonic_s + self._offset, UTC))

    def _start(self, event: SessionStarted) -> None:
        wall = self._wall_clock()
        self._offset = wall.timestamp() - self._clock()
        if self._resuming:
            return
        local = wall.astimezone(self._local_tz)
        offset = local.utcoffset()
        self._new_session = dict(
            routine_id=self.plan.routine_id,
            routine_name=self.plan.routine_name,
            started_at=self.utc(event.at),
            local_date=local.date().isoformat(),
            utc_offset_min=int(offset.total_seconds() // 60) if offset else 0,
            planned_sets=len(self.plan.work_phases()),
            plan_json=self._json,
            pain_before=self._pain_before,
        )

    def _row(self, r: SetRecord) -> SetRow:
        phase = self.plan.phases[r.phase_index]
        camera = self._camera.pop(r.phase_index, None)
        return SetRow(
            phase_index=r.phase_index,
            exercise_id=r.exercise_id,
            exercise_name=phase.exercise_name,
            set_number=r.set_number,
            side=r.side.value if r.side is not None else None,
            target_reps=r.target_reps,
            target_hold_s=r.target_hold_s,
            reps=r.reps,
            hold_s=r.hold_s,
            skipped=r.skipped,
            started_at=self.utc(r.started_at),
            ended_at=self.utc(r.ended_at),
            camera_reps=camera[0] if camera else None,
            form_flags=camera[1] if camera else None,
        )


def _db_file(conn: sqlite3.Connection) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row else "history"


@dataclass(frozen=True)
class ResumeInfo:
    """An unfinished session and where to pick it up (from_phase None: it cannot resume)."""

    session: SessionRow
    plan: Plan | None
    from_phase: int | None  # the engine's phase index: the next work phase to do
    speed: float = 1.0
    self_paced: bool = False
    lead_in_s: float | None = None
    problem: str = ""  # why it cannot be resumed

    @property
    def can_resume(self) -> bool:
        return self.plan is not None and self.from_phase is not None

    @property
    def phase(self) -> Phase | None:
        """The work phase to resume at."""
        if self.plan is None or self.from_phase is None:
            return None
        return self.plan.phases[self.from_phase]

    @property
    def exercise_name(self) -> str:
        return self.phase.exercise_name if self.phase else ""

    @property
    def set_number(self) -> int:
        return self.phase.set_number if self.phase else 0

    @property
    def side(self) -> str | None:
        side = self.phase.side if self.phase else None
        return side.value if side is not None else None


def catalog_lookup(data_dir: Path) -> RoutineLookup:
    """Routines from the catalogue (built-in and the runner's own) of `data_dir`."""
    module: Any = importlib.import_module("ptcoach.catalog.catalog")
    catalog = module.Catalog.load(data_dir)
    return lambda routine_id: catalog.routine(routine_id)


def resume_info(conn: sqlite3.Connection, load_routine: RoutineLookup) -> ResumeInfo | None:
    """The most recent session still in progress (a crash, kill or power cut), if any."""
    row = conn.execute(
        "SELECT id FROM sessions WHERE status = 'in_progress'"
        " ORDER BY started_at DESC, id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    session = repo.get_session(conn, int(row[0]))
    assert session is not None
    try:
        spec = json.loads(session.plan_json)
        targets = [Targets(**t) for t in spec["targets"]]
        speed, self_paced = float(spec.get("speed", 1.0)), bool(spec.get("self_paced", False))
        lead_in_s = spec.get("lead_in_s")
    except (ValueError, TypeError, KeyError) as exc:
        return ResumeInfo(session, None, None, problem=f"its saved plan is unreadable ({exc})")
    try:
        routine = load_routine(session.routine_id)
        plan = expand(routine, targets, lead_in_s=lead_in_s, self_paced=self_paced)
    except KeyError as exc:  # the routine was deleted since: offer closing only
        return ResumeInfo(
            session,
            None,
            None,
            speed,
            self_paced,
            lead_in_s,
            problem=f"routine {session.routine_id!r} cannot be loaded ({exc})",
        )
    except ValueError as exc:  # edited since: its exercises no longer match the saved targets
        return ResumeInfo(
            session,
            None,
            None,
            speed,
            self_paced,
            lead_in_s,
            problem=f"routine {session.routine_id!r} has changed since ({exc})",
        )
    for s in session.sets:
        if (
            s.phase_index >= len(plan.phases)
            or plan.phases[s.phase_index].kind is not PhaseKind.WORK
            or plan.phases[s.phase_index].exercise_id != s.exercise_id
        ):
            return ResumeInfo(
                session,
                None,
                None,
                speed,
                self_paced,
                lead_in_s,
                problem=f"routine {session.routine_id!r} has changed since",
            )
    last = max((s.phase_index for s in session.sets), default=-1)
    nxt = next((p.index for p in plan.work_phases() if p.index > last), None)
    problem = "" if nxt is not None else "every set was already recorded"
    return ResumeInfo(session, plan, nxt, speed, self_paced, lead_in_s, problem)


def close_as_partial(conn: sqlite3.Connection, session_id: int) -> Status:
    """End an unfinished session where its last set ended; its status follows its sets
    (partial, or abandoned with none done, or completed with all done)."""
    row = conn.execute(
        "SELECT coalesce((SELECT max(ended_at) FROM sets WHERE session_id = s.id), started_at)"
        " FROM sessions s WHERE id = ? AND status = 'in_progress'",
        (session_id,),
    ).fetchone()
    if row is None:
        raise StoreError(f"session {session_id} is not unfinished; nothing was changed")
    return repo.end_session(conn, session_id, str(row[0]))
