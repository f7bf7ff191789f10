"""Faults made from outside the running app (its own process, offscreen): another process
holding the history's write lock, `ptcoach restore` while it runs, a folder where the history
should be, a second start with another $TMPDIR, `ptcoach run ID` handed to the running app,
and idle clients on its socket. Afterwards every set the window showed done is in
`ptcoach history --format json`."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from helpers.history_cli import LOCK_HOLDER, READER, history_json, holding

from ptcoach.store.db import database_path, open_history
from ptcoach.store.lock import running_app
from ptcoach.store.writer import journal_path
from ptcoach.ui.desktop.single_instance import server_name

ROOT = Path(__file__).resolve().parents[1]
PROBE = ROOT / "tests" / "helpers" / "session_probe.py"
ROUTINE = "heat-and-cold"  # 3 rounds


@pytest.fixture
def env(tmp_path: Path, data_dir: Path) -> dict[str, str]:
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "PTCOACH_AUDIO": "none",
        "PTCOACH_CONFIG_DIR": str(tmp_path / "config"),
        "PYTHONPATH": str(ROOT),
    }


class Probe:
    """The app in its own process; its stdout lines arrive on a queue."""

    def __init__(self, env: dict[str, str], *args: str, own: tuple[str, ...] = ()) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(PROBE), *own, "--", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.log: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, prefix: str, timeout_s: float = 60.0) -> str:
        deadline = time.monotonic() + timeout_s
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {prefix!r} line; saw {self.log}")
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            self.log.append(line)
            if line.startswith(prefix):
                return line

    def shown_done(self) -> list[int]:
        return [int(x.split()[1]) for x in self.log if x.startswith("SET ")]

    def finish(self, timeout_s: float = 60.0) -> str:
        try:
            _out, err = self.proc.communicate(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _out, err = self.proc.communicate()
        while not self.lines.empty():
            self.log.append(self.lines.get())
        assert "Traceback" not in err, err
        return err

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate(timeout=30)


def ptcoach(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def history(env: dict[str, str], data_dir: Path) -> list[dict]:
    return history_json(data_dir, env)


def stored_phases(env: dict[str, str], data_dir: Path) -> list[list[str]]:
    return [[(s["exercise"], s["set"]) for s in row["sets"]] for row in history(env, data_dir)]


def wait_for_sets(
    env: dict[str, str], data_dir: Path, n: int, timeout_s: float, why: object = ""
) -> None:
    """Until `ptcoach history` lists `n` sets in all (the app writes them as it can)."""
    deadline = time.monotonic() + timeout_s
    while sum(len(row["sets"]) for row in history(env, data_dir)) < n:
        assert time.monotonic() < deadline, why
        time.sleep(0.1)


def hold_write_lock(data_dir: Path) -> subprocess.Popen[str]:
    return holding(LOCK_HOLDER, database_path(data_dir), "LOCKED")


def fresh_history(data_dir: Path) -> None:
    conn, _ = open_history(data_dir)
    conn.close()


def test_a_write_lock_held_elsewhere_never_pauses_the_session_and_loses_nothing(data_dir, env):
    fresh_history(data_dir)
    holder = hold_write_lock(data_dir)
    probe = Probe(
        env, "--data-dir", str(data_dir), "run", ROUTINE, "--speed", "100", own=("--keep",)
    )
    try:
        try:
            probe.expect("FINISHED", 120)
            stalls = probe.expect("STALLS")
            assert stalls == "STALLS 0"  # the GUI thread never waited for the lock
            assert len(probe.shown_done()) == 3
            bar = json.loads(
                next(x for x in probe.log if x.startswith('BAR "History not saved yet'))[4:]
            )
            assert "busy" in bar and "session goes on" in bar and "queue file" in bar
            assert history(env, data_dir) == []  # nothing could be written yet...
            assert journal_path(data_dir).stat().st_size > 0  # ...but all of it is queued
        finally:
            holder.communicate("go\n", timeout=30)  # the other program lets go
        wait_for_sets(env, data_dir, 3, 30)
    finally:
        probe.kill()
    (row,) = history(env, data_dir)
    assert len(row["sets"]) == 3 and row["status"] == "completed"


def test_sets_left_queued_when_the_app_closed_are_written_at_the_next_start(data_dir, env):
    fresh_history(data_dir)
    holder = hold_write_lock(data_dir)
    try:
        probe = Probe(env, "--data-dir", str(data_dir), "run", ROUTINE, "--speed", "100")
        probe.expect("FINISHED", 120)
        err = probe.finish()  # quits after the session, the lock still held elsewhere
        assert "kept in" in err and "next start" in err, err
    finally:
        holder.communicate("go\n", timeout=30)
    assert history(env, data_dir) == []
    again = Probe(env, "--data-dir", str(data_dir), own=("--keep",))
    try:
        wait_for_sets(env, data_dir, 3, 60, again.log)
    finally:
        again.kill()
    (row,) = history(env, data_dir)
    assert [s["set"] for s in row["sets"]] == [1, 2, 3] and row["status"] == "completed"


def test_a_folder_named_like_the_history_is_shown_in_the_session_window_before_start(data_dir, env):
    database_path(data_dir).mkdir(parents=True)
    probe = Probe(
        env,
        "--data-dir",
        str(data_dir),
        "run",
        ROUTINE,
        "--speed",
        "100",
        own=("--no-start", "--keep"),
    )
    try:
        bar = json.loads(probe.expect('BAR "The history cannot be opened', 60)[4:])
        assert "is a folder" in bar and "kept in" in bar
        probe.expect("BOX History unavailable", 60)  # said in a box too, before Start
        assert not any(x.startswith("STARTED") for x in probe.log)
    finally:
        probe.kill()
    out = ptcoach(env, "--data-dir", str(data_dir), "history")
    assert out.returncode != 0 and "is a folder" in out.stderr and "Traceback" not in out.stderr


def test_restore_while_the_app_runs_is_refused_naming_the_app(data_dir, env, tmp_path):
    fresh_history(data_dir)
    backup = tmp_path / "backup.sqlite3"
    assert ptcoach(env, "--data-dir", str(data_dir), "backup", "-o", str(backup)).returncode == 0
    probe = Probe(
        env, "--data-dir", str(data_dir), "run", ROUTINE, "--speed", "60", own=("--keep",)
    )
    try:
        probe.expect("STARTED", 60)
        pid = running_app(data_dir)
        assert pid == probe.proc.pid
        out = ptcoach(env, "--data-dir", str(data_dir), "restore", str(backup))
        assert out.returncode == 1
        assert f"pid {probe.proc.pid}" in out.stderr and "nothing was changed" in out.stderr
        probe.expect("FINISHED", 120)
        wait_for_sets(env, data_dir, 3, 30)
    finally:
        probe.kill()
    (row,) = history(env, data_dir)
    assert len(row["sets"]) == len(probe.shown_done()) == 3
    assert not [p for p in data_dir.iterdir() if "before-restore" in p.name]
    assert running_app(data_dir) is None  # killed: the kernel dropped the lock


def test_a_second_start_with_another_tmpdir_hands_over_and_run_opens_that_session(
    data_dir, env, tmp_path
):
    (tmp_path / "t1").mkdir()
    (tmp_path / "t2").mkdir()
    first = Probe(
        {**env, "TMPDIR": str(tmp_path / "t1")},
        "--data-dir",
        str(data_dir),
        own=("--no-start", "--keep"),
    )
    try:
        deadline = time.monotonic() + 60
        while not Path(server_name(data_dir)).exists():
            assert time.monotonic() < deadline and first.proc.poll() is None, first.finish()
            time.sleep(0.05)
        second = ptcoach(
            {**env, "TMPDIR": str(tmp_path / "t2")}, "--data-dir", str(data_dir), "run", ROUTINE
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr and ROUTINE in second.stderr
        first.expect("BAR", 30)  # the running app opened that routine's session
        assert first.proc.poll() is None
        assert running_app(data_dir) == first.proc.pid
    finally:
        first.kill()


def test_idle_clients_on_the_socket_never_hold_up_the_app(qtbot, tmp_path):
    import socket

    from ptcoach.store.lock import DataDirLock
    from ptcoach.ui.desktop.single_instance import CLIENT_TIMEOUT_MS, SingleInstance, signal_running

    name = server_name(tmp_path)
    lock = DataDirLock(tmp_path)
    single = SingleInstance(name, lock=lock)
    assert single.is_primary()
    idle = []
    for _ in range(10):  # connect, say nothing
        s = socket.socket(socket.AF_UNIX)
        s.connect(name)
        idle.append(s)
    qtbot.waitUntil(lambda: len(single._clients) == 10, timeout=5000)
    # The event loop is free: a real request is served while the ten idle ones still wait.
    with qtbot.waitSignal(single.activated, timeout=1000):
        assert signal_running(name)
    assert len(single._clients) == 10
    qtbot.waitUntil(lambda: not single._clients, timeout=CLIENT_TIMEOUT_MS + 2000)
    for s in idle:
        s.close()
    single.close()
    lock.release()


def test_the_socket_and_the_lock_are_private_and_named_from_the_data_dir(tmp_path):
    from ptcoach.store.lock import DataDirLock, lock_path

    lock = DataDirLock(tmp_path / "d")
    assert lock.acquire()
    try:
        assert lock_path(tmp_path / "d").stat().st_mode & 0o777 == 0o600
        assert not DataDirLock(tmp_path / "d").acquire()  # same process, another open: no
        assert running_app(tmp_path / "d") == os.getpid()
    finally:
        lock.release()
    assert running_app(tmp_path / "d") is None
    name = server_name(tmp_path / "d")
    folder = Path(name).parent
    assert folder.stat().st_mode & 0o077 == 0 and folder.stat().st_uid == os.getuid()
    long = tmp_path / ("x" * 120)
    assert len(server_name(long)) <= 100 and server_name(long) != server_name(tmp_path / "y")


def test_history_and_report_on_a_file_with_no_tables_say_so_plainly(data_dir, env, tmp_path):
    import sqlite3

    data_dir.mkdir(parents=True)
    sqlite3.connect(database_path(data_dir)).execute("PRAGMA user_version = 0").close()
    database_path(data_dir).write_bytes(b"")
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.close()
    for args in (("history", "--format", "json"), ("report", "-o", str(tmp_path / "r.pdf"))):
        out = ptcoach(env, "--data-dir", str(data_dir), *args)
        assert out.returncode == 1, out
        assert "Traceback" not in out.stderr and "no tables" in out.stderr, out.stderr


def test_import_while_the_app_runs_hands_the_new_routine_to_it(data_dir, env):
    own = ROOT / "tests" / "data" / "own" / "my-evening.toml"
    app = Probe(env, "--data-dir", str(data_dir), own=("--no-start", "--keep"))
    try:
        deadline = time.monotonic() + 60
        while not Path(server_name(data_dir)).exists():
            assert time.monotonic() < deadline and app.proc.poll() is None
            time.sleep(0.05)
        out = ptcoach(env, "--data-dir", str(data_dir), "import", str(own))
        assert out.returncode == 0, out.stderr
        assert "the running ptcoach app now lists it" in out.stdout
        # The app took the request and reloaded: asked to run it, it knows the routine.
        second = ptcoach(env, "--data-dir", str(data_dir), "run", "my-evening")
        assert second.returncode == 0, second.stderr
        app.expect("BAR", 30)
    finally:
        app.kill()


# Another program (the sqlite3 shell, a backup tool) opening the history: SQLite makes a new
# -wal file at the path, which is not the one the app's connection holds.
OTHER_PROGRAM = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
print(conn.execute("SELECT count(*) FROM sets").fetchone()[0])
conn.execute("BEGIN IMMEDIATE")
conn.execute("ROLLBACK")
"""


@pytest.mark.parametrize(
    "moment",
    ["after_a_full_checkpoint", "after_a_partial_checkpoint", "then_made_again_elsewhere"],
)
def test_a_wal_deleted_mid_session_is_said_and_no_set_shown_done_is_lost(data_dir, env, moment):
    """The -wal file deleted from outside while the app runs a session: right after a
    checkpoint emptied the queue file (every set in the main file), after a checkpoint a
    reader held back (the last set only in the WAL), or deleted and at once made again by
    another program opening the history. The runner is told; `history` has every set."""
    fresh_history(data_dir)
    db = database_path(data_dir)
    wal = Path(f"{db}-wal")
    queue_file = journal_path(data_dir)
    reader = None
    if moment == "after_a_partial_checkpoint":
        reader = holding(READER, db, "READING")
    probe = Probe(
        env, "--data-dir", str(data_dir), "run", ROUTINE, "--speed", "50", own=("--keep",)
    )
    try:
        probe.expect("SET ", 60)
        if moment == "after_a_partial_checkpoint":
            # Committed (another reader sees it), but still in the queue file: the held
            # snapshot kept the checkpoint from copying it into the main file.
            wait_for_sets(env, data_dir, 1, 30, probe.log)
            assert queue_file.stat().st_size > 0
        else:  # checkpointed whole: the queue file is emptied
            deadline = time.monotonic() + 30
            while not queue_file.exists() or queue_file.stat().st_size > 0:
                assert time.monotonic() < deadline, probe.log
                time.sleep(0.02)
        wal.unlink()
        if reader is not None:
            reader.communicate("done\n", timeout=30)
        if moment == "then_made_again_elsewhere":
            other = subprocess.run(
                [sys.executable, "-c", OTHER_PROGRAM, str(db)],
                capture_output=True,
                text=True,
                timeout=30,
            )
            assert other.returncode == 0, other.stderr
            assert wal.exists()  # a new file where the app's WAL was
        probe.expect("FINISHED", 120)
        (told,) = [x for x in probe.log if x.startswith("BAR ") and "-wal" in x]  # said once
        assert told.startswith('BAR "The history file') and "nothing was lost" in told
        wait_for_sets(env, data_dir, 3, 30, probe.log)
    finally:
        if reader is not None and reader.poll() is None:
            reader.kill()
        probe.kill()
    (row,) = history(env, data_dir)
    assert len(probe.shown_done()) == 3
    assert [s["set"] for s in row["sets"]] == [1, 2, 3] and row["status"] == "completed"
