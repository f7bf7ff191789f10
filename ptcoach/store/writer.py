"""Write the history from a worker thread, through a durable queue: nothing the GUI thread
hands over is lost, and the GUI thread never waits for SQLite.

`HistoryWriter.submit(op)` only puts the operation on an in-memory queue. The worker appends
it to an fsync'd journal (`history-queue.jsonl`, 0600, in the data dir), then commits it
with its own connection, retrying while the file is busy or the disk full. The journal is
cleared only once a PASSIVE checkpoint has copied everything into the database file itself,
so a deleted `-wal` (or a database file replaced under the open connection, which the worker
notices from the files' st_dev/st_ino) loses nothing: the worker re-opens the history and
writes the journal again. A journal left by a crash or a busy file is written at the next
start. Each operation is idempotent (a session is found again by its routine and start
time; sets are upserts), so writing one twice is harmless.

Operations are small dicts (JSON): see `Op`. Stdlib only, no Qt: `on_event` is called from
the worker thread; `ptcoach.ui.session.recording` turns it into Qt signals.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import sqlite3
import threading
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from ptcoach.store import sessions as repo
from ptcoach.store.db import database_path, explain, open_database, reopen_database
from ptcoach.store.errors import StoreError
from ptcoach.store.sessions import SetRow

JOURNAL_FILE = "history-queue.jsonl"
RETRY_S = 0.5
WORKER_BUSY_MS = 1000

Op = dict[str, Any]  # {"op": "session"|"resume"|"set"|"end"|"pain_before"|"ratings", ...}
EventSink = Callable[[str, str], None]  # (kind, text): committed/problem/recovered/fixed


def journal_path(data_dir: Path) -> Path:
    return Path(data_dir) / JOURNAL_FILE


def new_key() -> str:
    """A name for one session's operations until the database gives it an id."""
    return uuid.uuid4().hex


def session_op(key: str, **fields: Any) -> Op:
    return {"op": "session", "key": key, "fields": fields}


def resume_op(key: str, session_id: int) -> Op:
    return {"op": "resume", "key": key, "id": session_id}


def set_op(key: str, row: SetRow) -> Op:
    return {"op": "set", "key": key, "row": asdict(row)}


def end_op(key: str, ended_at: str) -> Op:
    return {"op": "end", "key": key, "ended_at": ended_at}


def pain_before_op(key: str, pain: int | None) -> Op:
    return {"op": "pain_before", "key": key, "pain": pain}


def ratings_op(key: str, pain: int | None, effort: int | None, note: str | None) -> Op:
    return {"op": "ratings", "key": key, "pain": pain, "effort": effort, "note": note}


_STOP = object()
_WAKE = object()


class HistoryWriter:
    """One per data dir and process (the data-dir lock keeps it one per data dir).

    `start(ready=False)` journals from the start but opens the database only after
    `history_ready()` (the app's own open did the recovery and migrations first).
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        on_event: EventSink | None = None,
        retry_s: float = RETRY_S,
        readers: bool = False,
    ) -> None:
        """`readers`: this process has other connections to the history (the GUI's), which
        must close before the history is re-opened after its files were replaced; the
        worker then emits "close_readers" and waits for `readers_closed()`."""
        self.data_dir = Path(data_dir)
        self.db_path = database_path(self.data_dir)
        self.journal = journal_path(self.data_dir)
        self.on_event = on_event
        self.retry_s = retry_s
        self.problem: str | None = None  # why the last write failed, until one succeeds
        self.commits = 0  # operations committed (tests and benchmarks wait on it)
        self.write_threads: set[int] = set()  # the threads that ran SQL writes (tests)
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._submitted = 0
        self._done = 0  # committed, or given up (an operation the database refuses)
        self._cond = threading.Condition()
        self._ready = threading.Event()
        self._stop = False
        self._thread: threading.Thread | None = None
        # worker-only state
        self._journaled: list[Op] = []  # since the journal was last cleared
        self._pending: deque[Op] = deque()  # journaled, not yet committed
        self._ids: dict[str, int] = {}
        self._conn: sqlite3.Connection | None = None
        self._identity: tuple[int, int] | None = None  # the database file's st_dev, st_ino
        self._wal_fd: int | None = None
        self._journal_fd: int | None = None
        self._unchecked = False  # committed but not yet checkpointed into the main file
        self._opened_once = False  # opened (and checked) once in this process
        self._must_replay = False  # the files were replaced: write the journal again
        self._readers = readers
        self._readers_closed = threading.Event()

    # ------------------------------------------------------------------ any thread
    def start(self, *, ready: bool = True) -> HistoryWriter:
        if ready:
            self._ready.set()
        self._thread = threading.Thread(
            target=self._run, name="ptcoach-history-writer", daemon=True
        )
        self._thread.start()
        return self

    def history_ready(self) -> None:
        """The history has been opened (recovered, migrated) in this process: the worker
        may write (and re-opens it without checking the file again)."""
        self._opened_once = True
        self._ready.set()
        self._queue.put(_WAKE)

    def readers_closed(self) -> None:
        """The process's other connections are closed: the worker may re-open now."""
        self._readers_closed.set()

    def submit(self, op: Op) -> None:
        """Queue one operation: no I/O, never blocks."""
        with self._cond:
            self._submitted += 1
        self._queue.put(op)

    @property
    def pending(self) -> int:
        """Operations handed over and not yet committed."""
        with self._cond:
            return self._submitted - self._done

    def session_id(self, key: str) -> int | None:
        return self._ids.get(key)

    def wait_idle(self, timeout_s: float) -> bool:
        """Wait until everything handed over so far is committed (True) or `timeout_s`."""
        with self._cond:
            return self._cond.wait_for(lambda: self._submitted == self._done, timeout_s)

    def close(self, timeout_s: float = 3.0) -> bool:
        """Write what is queued (for up to `timeout_s`), then stop. False: some operations
        stay in the journal, to be written at the next start."""
        if self._thread is None:
            return self.pending == 0
        self._queue.put(_STOP)
        self._thread.join(timeout_s)
        drained = self.pending == 0
        if self._thread.is_alive():
            with self._cond:
                self._stop = True
            self._queue.put(_WAKE)
            self._thread.join(1.0)
        return drained and not self._thread.is_alive()

    # ------------------------------------------------------------------ worker
    def _emit(self, kind: str, text: str) -> None:
        if self.on_event is not None:
            with contextlib.suppress(Exception):
                self.on_event(kind, text)

    def _run(self) -> None:
        self._load_journal()
        stopping = False
        while True:
            idle = not self._pending and not self._unchecked and self._ready.is_set()
            timeout = None if idle and not stopping else self.retry_s
            if self.problem is None and self._pending and self._ready.is_set():
                timeout = 0.0
            stopping = self._take(timeout) or stopping
            with self._cond:
                forced = self._stop
            if forced:
                break
            if self._ready.is_set():
                try:
                    self._work()
                except Exception as exc:
                    self._close_conn()
                    self._report(
                        f"the history file {self.db_path} could not be written: "
                        f"{exc}.{_WHAT_HAPPENS}"
                    )
            if stopping and not self._pending:
                break
        self._close_conn()
        if self._journal_fd is not None:
            os.close(self._journal_fd)
            self._journal_fd = None

    def _take(self, timeout: float | None) -> bool:
        """Move queued operations into the journal; True when asked to stop."""
        stop = False
        try:
            item = self._queue.get(timeout=timeout) if timeout != 0.0 else self._queue.get_nowait()
        except queue.Empty:
            return False
        while True:
            if item is _STOP:
                stop = True
            elif isinstance(item, dict):
                self._append(item)
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return stop

    def _append(self, op: Op) -> None:
        self._journaled.append(op)
        self._pending.append(op)
        line = (json.dumps(op, sort_keys=True) + "\n").encode()
        try:
            if self._journal_fd is None:
                self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
                self._journal_fd = os.open(
                    self.journal, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600
                )
            os.write(self._journal_fd, line)
            os.fsync(self._journal_fd)
        except OSError as exc:  # kept in memory; the database write is tried all the same
            self._report(
                f"the queue file {self.journal} cannot be written ({exc.strerror}); "
                "the sets are kept in memory until the history takes them"
            )

    def _load_journal(self) -> None:
        try:
            text = self.journal.read_bytes().decode("utf-8", "replace")
        except FileNotFoundError:
            return
        except OSError as exc:
            self._report(f"the queue file {self.journal} cannot be read ({exc.strerror})")
            return
        for line in text.splitlines():
            try:
                op = json.loads(line)
            except ValueError:
                continue  # a line cut short by a crash: it was never acknowledged
            if isinstance(op, dict) and "op" in op:
                self._journaled.append(op)
                self._pending.append(op)
                with self._cond:
                    self._submitted += 1

    def _report(self, message: str) -> None:
        if message != self.problem:
            self.problem = message
            self._emit("problem", message)

    def _work(self) -> None:
        if self._conn is not None and self._moved():
            self._let_go()
        if self._conn is None:
            if not self._open():
                return
            if self._must_replay:
                message = self._replay_after_move()  # raises: retried after a re-open
                self._must_replay = False
                self._emit("recovered", message)
        while self._pending:
            op = self._pending[0]
            try:
                self._apply(op)
            except sqlite3.IntegrityError as exc:  # refused for good (e.g. its session is gone)
                self._emit("dropped", f"{op.get('op')}: {exc}")
            except sqlite3.Error as exc:
                busy = str(getattr(exc, "sqlite_errorname", "")).startswith("SQLITE_BUSY")
                self._report(
                    (
                        f"the history file {self.db_path} is busy: another program is writing it."
                        if busy
                        else explain(exc, self.db_path)
                    )
                    + _WHAT_HAPPENS
                )
                return
            except (ValueError, KeyError, TypeError) as exc:  # a damaged journal line
                self._emit("dropped", f"{op.get('op')}: {exc}")
            self._pending.popleft()
            with self._cond:
                self._done += 1
                self.commits += 1
                self._cond.notify_all()
            self._emit("committed", str(op.get("op")))
            self._unchecked = True
        if self.problem is not None:
            self.problem = None
            self._emit("fixed", "")
        self._checkpoint()
        self._emit("idle", "")

    def _let_go(self) -> None:
        """The connection writes into unlinked files: never let it checkpoint into them, let
        every connection of this process go before any re-opens, and write the queue file
        again once re-opened."""
        self._close_conn()
        if self._readers:
            self._readers_closed.clear()
            self._emit("close_readers", "")
            self._readers_closed.wait(5.0)
        # The WAL index (-shm) describes the deleted WAL: a new connection trusting it
        # reads past the end of the new, empty WAL, or checkpoints garbage. Start afresh
        # (a process still holding the old one keeps its own, unlinked, copy).
        with contextlib.suppress(OSError):
            os.unlink(f"{self.db_path}-shm")
        self._must_replay = True

    def _open(self) -> bool:
        try:
            # The first open of a process may recover a damaged file; later ones (the app
            # opened it already, or after a deleted WAL) must not read it with an fd of ours.
            self._conn = (
                reopen_database(self.db_path) if self._opened_once else open_database(self.db_path)
            )
            self._opened_once = True
            # Short: a busy file is retried (and reported) rather than waited on for long.
            self._conn.execute(f"PRAGMA busy_timeout = {WORKER_BUSY_MS}")
        except StoreError as exc:
            self._report(f"{exc}{_WHAT_HAPPENS}")
            return False
        except (OSError, sqlite3.Error) as exc:
            self._report(f"the history file {self.db_path} cannot be opened: {exc}{_WHAT_HAPPENS}")
            return False
        # Which files this connection writes, taken now and only now: a -wal file found at
        # the path later may be another program's new one (the old one deleted meanwhile).
        self._forget_identity()
        self._conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # opens the WAL
        self._refresh_identity()
        if self._wal_fd is None:  # deleted between the open and now: start again
            self._let_go()
            return False
        return True

    def _close_conn(self) -> None:
        self._forget_identity()
        if self._conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self._conn.close()
            self._conn = None

    def _stat(self, path: Path) -> tuple[int, int] | None:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def _refresh_identity(self) -> None:
        """Remember which files the connection writes: the database's (st_dev, st_ino), and
        an fd of our own on the WAL (an unlinked WAL shows st_nlink 0, and holding it keeps
        its inode number from being reused by a new file). Never an fd on the database
        itself: closing one would drop SQLite's POSIX locks."""
        if self._identity is None:
            self._identity = self._stat(self.db_path)
        if self._wal_fd is None and self._conn is not None:
            with contextlib.suppress(OSError):
                self._wal_fd = os.open(f"{self.db_path}-wal", os.O_RDONLY | os.O_CLOEXEC)

    def _forget_identity(self) -> None:
        self._identity = None
        if self._wal_fd is not None:
            os.close(self._wal_fd)
            self._wal_fd = None

    def _moved(self) -> bool:
        """The database or its WAL is no longer the file the connection writes into."""
        if self._identity is not None and self._stat(self.db_path) != self._identity:
            return True
        if self._wal_fd is None:
            return self._conn is not None  # an open connection always has its WAL held
        held = os.fstat(self._wal_fd)
        return held.st_nlink == 0 or self._stat(Path(f"{self.db_path}-wal")) != (
            held.st_dev,
            held.st_ino,
        )

    def _replay_after_move(self) -> str:
        """After a re-open: write again everything not known to be in the main file, and
        say what happened."""
        conn = self._conn
        assert conn is not None
        lost = [
            key
            for key, sid in self._ids.items()
            if conn.execute("SELECT 1 FROM sessions WHERE id = ?", (sid,)).fetchone() is None
        ]
        for key in lost:
            del self._ids[key]  # its session op is still in the journal: written again
        again = len(self._journaled) - len(self._pending)
        with self._cond:  # those already committed count as pending again
            self._submitted += again
        self._pending = deque(self._journaled)  # write everything not yet in the main file
        what = (
            f"The history file {self.db_path} or its -wal file was deleted or replaced "
            "while ptcoach was writing it. ptcoach re-opened the history"
        )
        if not lost and again == 0:
            return what + "; every record was already in the history file: nothing was lost."
        return (
            what + " and wrote this session's records again from its queue "
            f"({len(self._journaled)} records); nothing was lost."
        )

    def _checkpoint(self) -> None:
        """Copy the WAL into the main file; the queue file is cleared only when everything
        is there. A WAL deleted (or replaced) at any moment, before or during this, keeps
        the queue file: the next round re-opens the history and writes it again."""
        if self._conn is None or not self._unchecked or self._moved():
            return
        try:
            busy, log, done = self._conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            return  # tried again after the next write
        if self._moved():  # the commits and the checkpoint may have gone to an unlinked WAL
            return
        if int(busy) == 0 and int(log) == int(done):
            self._unchecked = False
            if not self._pending:
                self._clear_journal()

    def _clear_journal(self) -> None:
        self._journaled.clear()
        try:
            if self._journal_fd is not None:
                os.ftruncate(self._journal_fd, 0)
                os.fsync(self._journal_fd)
            elif self.journal.exists():
                self.journal.unlink()
        except OSError:
            pass  # written again at the next start: harmless, every operation is idempotent

    def _apply(self, op: Op) -> None:
        conn = self._conn
        assert conn is not None
        self.write_threads.add(threading.get_ident())
        kind = op["op"]
        key = str(op["key"])
        if kind == "session":
            fields = op["fields"]
            row = conn.execute(
                "SELECT id FROM sessions WHERE routine_id = ? AND started_at = ?"
                " ORDER BY id LIMIT 1",
                (fields["routine_id"], fields["started_at"]),
            ).fetchone()
            self._ids[key] = int(row[0]) if row else repo.insert_session(conn, **fields)
            return
        if kind == "resume":
            self._ids[key] = int(op["id"])
            return
        session_id = self._ids.get(key)
        if session_id is None:
            raise KeyError(f"no session for key {key}")
        if kind == "set":
            repo.upsert_set(conn, session_id, SetRow(**op["row"]))
        elif kind == "end":
            row = conn.execute("SELECT status FROM sessions WHERE id = ?", (session_id,)).fetchone()
            if row is not None and row[0] == "in_progress":  # written once only
                repo.end_session(conn, session_id, str(op["ended_at"]))
        elif kind == "pain_before":
            repo.set_pain_before(conn, session_id, op["pain"])
        elif kind == "ratings":
            repo.set_ratings(
                conn, session_id, pain=op["pain"], effort=op["effort"], note=op["note"]
            )
        else:
            raise ValueError(f"unknown operation {kind!r}")


_WHAT_HAPPENS = (
    " The session goes on: its sets are kept in the queue file in the data folder "
    "and written to the history as soon as it can be written, also at the next "
    "start if need be."
)
