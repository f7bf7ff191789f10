"""The history writer under faults made from outside: a write lock held by another process,
a deleted WAL, a folder where the history should be, a full disk (a real 256 KiB tmpfs),
and a kill with the queue not yet written. Afterwards, `ptcoach history --format json` (its
own process) must hold every set handed over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers.history_cli import LOCK_HOLDER, READER, history_json, holding, run_history
from helpers.run_sessions import fault_routine

from ptcoach.engine.clock import FakeClock
from ptcoach.engine.events import SetCompleted
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session, State
from ptcoach.store.db import database_path, open_database
from ptcoach.store.recorder import Recorder
from ptcoach.store.writer import HistoryWriter

ROOT = Path(__file__).resolve().parents[1]


class Events:
    def __init__(self) -> None:
        self.seen: list[tuple[str, str]] = []
        self.lock = threading.Lock()

    def __call__(self, kind: str, text: str) -> None:
        with self.lock:
            self.seen.append((kind, text))

    def of(self, kind: str) -> list[str]:
        with self.lock:
            return [t for k, t in self.seen if k == kind]


def wait_for(predicate, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


class Run:
    """A session on a fake clock whose records go to `writer`; `sets()` advances it until
    `n` more sets ended (the ones 'shown as done')."""

    def __init__(self, writer: HistoryWriter) -> None:
        self.plan = expand(fault_routine())
        self.clock = FakeClock()
        self.session = Session(self.plan, clock=self.clock)
        self.recorder = Recorder(None, self.plan, clock=self.clock, writer=writer)
        self.done: list[tuple[int, bool]] = []
        self.recorder.on_events(self.session.start())

    def sets(self, n: int) -> None:
        target = len(self.done) + n
        while len(self.done) < target and self.session.state is State.RUNNING:
            self.clock.advance(0.5)
            events = self.session.advance()
            self.done += [
                (e.record.phase_index, e.record.skipped)
                for e in events
                if isinstance(e, SetCompleted)
            ]
            self.recorder.on_events(events)

    def finish(self) -> None:
        self.sets(10_000)


def stored(data_dir: Path) -> list[tuple[int, bool]]:
    rows = history_json(data_dir)
    assert len(rows) == 1, rows
    return [(s, sk) for s, sk in phase_and_skipped(data_dir)]


def phase_and_skipped(data_dir: Path) -> list[tuple[int, bool]]:
    conn = open_database(database_path(data_dir), read_only=True)
    try:
        return [
            (int(r[0]), bool(r[1]))
            for r in conn.execute("SELECT phase_index, skipped FROM sets ORDER BY phase_index")
        ]
    finally:
        conn.close()


@pytest.fixture
def writer(data_dir: Path):
    events = Events()
    w = HistoryWriter(data_dir, on_event=events, retry_s=0.05).start()
    w.events = events  # type: ignore[attr-defined]
    yield w
    w.close(2.0)


def test_a_write_lock_held_by_another_process_never_reaches_the_submitting_thread(writer, data_dir):
    run = Run(writer)
    run.sets(1)
    assert writer.wait_idle(20)
    holder = holding(LOCK_HOLDER, database_path(data_dir), "LOCKED")
    try:
        run.sets(3)  # each only queued: no SQL on this thread
        wait_for(lambda: bool(writer.events.of("problem")))
        problem = writer.events.of("problem")[-1]
        assert "busy" in problem and "session goes on" in problem and "queue" in problem
        assert writer.pending >= 3
        lines = writer.journal.read_text().splitlines()  # durably queued meanwhile
        assert sum(json.loads(x)["op"] == "set" for x in lines) >= 3
        assert phase_and_skipped(data_dir) == run.done[:1]
    finally:
        holder.communicate("go\n", timeout=30)
    assert writer.wait_idle(20)
    assert threading.get_ident() not in writer.write_threads
    assert len(writer.write_threads) == 1
    run.finish()
    assert writer.wait_idle(20)
    assert stored(data_dir) == run.done, writer.events.seen
    assert writer.events.of("fixed")
    wait_for(lambda: not writer.journal.exists() or writer.journal.stat().st_size == 0)


def test_a_deleted_wal_is_noticed_and_every_set_written_again(writer, data_dir):
    Run(writer)  # creates the history
    assert writer.wait_idle(20)
    # A reader's old snapshot keeps the checkpoints from reaching the new sets: they are
    # only in the WAL when it is deleted.
    reader = holding(READER, database_path(data_dir), "READING")
    try:
        run = Run(writer)
        run.sets(2)
        assert writer.wait_idle(20)
        assert writer.journal.stat().st_size > 0  # not yet in the main file
        assert writer._wal_fd is not None
        wal = Path(f"{database_path(data_dir)}-wal")
        wal.unlink()
    finally:
        reader.communicate("done\n", timeout=30)
    run.finish()
    assert writer.wait_idle(20)
    assert writer.events.of("recovered"), repr(writer.events.seen[5:])
    assert "-wal" in writer.events.of("recovered")[0]
    rows = history_json(data_dir)
    row = next(r for r in rows if r["started_at"] and r["sets"])
    assert [(s["skipped"]) for s in row["sets"]] == [sk for _p, sk in run.done]
    assert row["status"] in ("completed", "partial") and row["ended_at"] is not None


def test_a_wal_removed_after_a_full_checkpoint_is_said_and_loses_nothing(writer, data_dir):
    run = Run(writer)
    run.sets(2)
    assert writer.wait_idle(20)
    wait_for(lambda: writer.journal.stat().st_size == 0)
    Path(f"{database_path(data_dir)}-wal").unlink()
    run.finish()
    assert writer.wait_idle(20)
    (said,) = writer.events.of("recovered")
    assert "-wal" in said and "already in the history file" in said
    assert stored(data_dir) == run.done


OTHER_PROGRAM = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
"""


def test_a_wal_deleted_between_a_commit_and_its_checkpoint_and_made_again_loses_nothing(data_dir):
    """The worst moment: a set is committed into the WAL, then (before the checkpoint) the
    WAL is deleted and another program opens the history, which makes a new -wal at the
    path. The writer must neither checkpoint the unlinked WAL and call it done, nor take the
    new file for its own."""
    db = database_path(data_dir)
    events = Events()
    deleted: list[str] = []

    def on_event(kind: str, text: str) -> None:  # on the worker thread, as each op commits
        events(kind, text)
        if kind == "committed" and text == "set" and len(deleted) < 2:
            Path(f"{db}-wal").unlink()
            subprocess.run([sys.executable, "-c", OTHER_PROGRAM, str(db)], check=True, timeout=30)
            deleted.append(text)

    w = HistoryWriter(data_dir, on_event=on_event, retry_s=0.05).start()
    try:
        run = Run(w)
        run.finish()
        assert w.wait_idle(20)
        wait_for(lambda: w.journal.stat().st_size == 0)  # all of it in the main file
    finally:
        w.close(2.0)
    assert len(deleted) == 2
    assert len(events.of("recovered")) == 2 and "-wal" in events.of("recovered")[0]
    assert stored(data_dir) == run.done


def test_a_folder_named_like_the_history_is_reported_and_the_sets_kept_for_later(data_dir):
    database_path(data_dir).mkdir(parents=True)
    events = Events()
    w = HistoryWriter(data_dir, on_event=events, retry_s=0.05).start()
    run = Run(w)
    run.finish()
    wait_for(lambda: bool(events.of("problem")))
    assert "is a folder" in events.of("problem")[0]
    assert not w.close(0.3)  # left in the queue file
    assert w.journal.stat().st_mode & 0o777 == 0o600
    out = run_history(data_dir)
    assert out.returncode != 0 and "is a folder" in out.stderr
    database_path(data_dir).rmdir()  # the runner follows the advice
    w2 = HistoryWriter(data_dir, retry_s=0.05).start()
    assert w2.wait_idle(20)
    w2.close()
    assert stored(data_dir) == run.done


KILLED_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[2])
from test_store_writer import Run
from ptcoach.store.writer import HistoryWriter
w = HistoryWriter(sys.argv[1]).start(ready=False)  # the history never opens in this run
run = Run(w)
run.sets(4)
while not w.journal.exists() or len(w.journal.read_text().splitlines()) < 5:
    time.sleep(0.01)
print(" ".join(f"{p}:{int(s)}" for p, s in run.done), flush=True)
time.sleep(60)
"""


def test_sets_queued_before_a_kill_are_written_at_the_next_start(data_dir):
    data_dir.mkdir(parents=True, exist_ok=True)
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(data_dir), str(ROOT / "tests")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    line = child.stdout.readline().split()
    child.send_signal(signal.SIGKILL)
    child.wait(10)
    done = [(int(p), bool(int(s))) for p, s in (x.split(":") for x in line)]
    assert len(done) == 4
    w = HistoryWriter(data_dir, retry_s=0.05).start()
    assert w.wait_idle(20)
    w.close()
    assert stored(data_dir) == done


def test_each_set_is_checkpointed_into_the_database_file(writer, data_dir):
    run = Run(writer)
    run.sets(3)
    assert writer.wait_idle(20)
    wait_for(lambda: not writer.journal.exists() or writer.journal.stat().st_size == 0)
    copy = data_dir / "copy"
    copy.mkdir()
    (copy / "history.sqlite3").write_bytes(database_path(data_dir).read_bytes())  # no -wal
    assert phase_and_skipped(copy) == run.done


def test_the_submitting_thread_only_queues(writer, data_dir):
    """What `submit` costs: no SQL and no file I/O on the caller's thread."""
    run = Run(writer)
    run.finish()
    assert writer.wait_idle(20)
    assert writer.write_threads and threading.get_ident() not in writer.write_threads


@pytest.fixture
def tiny_disk(tmp_path: Path):
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k,mode=0700", "tmpfs", str(mnt)],
        capture_output=True,
    )
    if made.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (not root?)")
    yield mnt
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def test_a_256_kib_disk_holds_a_whole_session_and_a_full_one_loses_nothing(tiny_disk):
    data_dir = tiny_disk / "data"
    events = Events()
    w = HistoryWriter(data_dir, on_event=events, retry_s=0.05).start()
    try:
        runs = []
        for _ in range(4):  # without checkpoints between sets the WAL outgrows the disk
            run = Run(w)
            run.finish()
            runs.append(run)
            assert w.wait_idle(30), events.seen
        assert not events.of("problem"), events.seen
        filler = tiny_disk / "filler"
        fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
        try:  # fill the disk to the last byte
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        run = Run(w)
        run.finish()
        time.sleep(1.0)  # the writer tries (it may fit in the WAL it already has)
        # Whatever could not be written is said plainly (no traceback) and kept.
        assert all("full" in p or "No space" in p for p in events.of("problem")), events.seen
        filler.unlink()  # space again: the writer catches up on its own
        assert w.wait_idle(30), events.seen
        runs.append(run)
    finally:
        w.close(2.0)
    rows = history_json(data_dir)
    assert len(rows) == 5, rows
    for row, run in zip(rows, runs, strict=True):
        assert len(row["sets"]) == len(run.done)
