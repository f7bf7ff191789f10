"""Open the history database: file permissions, pragmas, migrations, and recovery of a
damaged file from the latest good backup (the damaged file is moved aside, never deleted)."""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from ptcoach.store import backups
from ptcoach.store.errors import StoreError
from ptcoach.store.fileinfo import FileKind, check_file, classify_connection, connect_read_only
from ptcoach.store.migrations import MIGRATIONS, Migration, migrate
from ptcoach.store.timefmt import stamp

HISTORY_FILE = "history.sqlite3"
BUSY_TIMEOUT_MS = 5000


def database_path(data_dir: Path) -> Path:
    return Path(data_dir) / HISTORY_FILE


def open_database(
    path: Path,
    *,
    read_only: bool = False,
    notices: list[str] | None = None,
    migrations: Sequence[Migration] = MIGRATIONS,
) -> sqlite3.Connection:
    """Open (creating and migrating as needed) the history at `path`.

    A damaged file or another application's file is moved aside and the latest good backup
    (from `<dir>/backups/`) restored; what happened is appended to `notices` as sentences for
    the runner. Raises StoreError when nothing can be done (newer schema, read-only folder,
    full disk). `read_only` opens an existing file with mode=ro and never changes anything.
    """
    path = Path(path)
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not the history file, so nothing can be recorded there. "
            f"Nothing was changed. Move it away (mv '{path}' '{path}.folder') or choose "
            "another data folder with --data-dir, then start again."
        )
    if read_only:
        return _open_read_only(path)
    state = check_file(path) if path.exists() else None
    if state is not None and state.kind is FileKind.NEWER:
        raise StoreError(_newer_message(path, state.detail))
    if state is not None and state.kind in (FileKind.FOREIGN, FileKind.CORRUPT):
        message = _recover(path, state.kind, state.detail, migrations)
        if notices is not None:
            notices.append(message)
    _create_private(path)
    return _connect_writable(path, migrations)


def reopen_database(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> sqlite3.Connection:
    """Open a history the app has already opened (checked, recovered) in this process: no
    file check, because reading the file with an fd of our own and closing it would drop the
    POSIX locks SQLite holds on it for this process's other connections."""
    path = Path(path)
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not the history file, so nothing can be recorded there. "
            f"Nothing was changed. Move it away (mv '{path}' '{path}.folder') or choose "
            "another data folder with --data-dir, then start again."
        )
    _create_private(path)
    return _connect_writable(path, migrations)


def _open_read_only(path: Path) -> sqlite3.Connection:
    state = check_file(path, quick_check=False)
    if state.kind is FileKind.MISSING:
        raise StoreError(f"there is no history yet at {path}")
    if state.kind is FileKind.NEWER:
        raise StoreError(_newer_message(path, state.detail))
    if state.kind in (FileKind.FOREIGN, FileKind.CORRUPT):
        raise StoreError(
            f"the history file {path} cannot be read: {state.detail}. Start the ptcoach app "
            "once: it moves the file aside and restores the latest backup."
        )
    if state.kind is FileKind.FRESH:
        raise StoreError(
            f"the history file {path} holds no sessions: it has no tables (an empty file, or "
            f"one whose -wal file was deleted before its sets reached it). Nothing to show. "
            "Start the ptcoach app once: it writes any sets it still has queued; or restore a "
            "backup with `ptcoach restore FILE`."
        )
    try:
        conn = connect_read_only(path)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot read the history file {path}: {exc}") from exc
    return conn


def _create_private(path: Path) -> None:
    """Create the data dir (0700) and an empty database file (0600) if they are missing."""
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not path.exists():
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise StoreError(_read_only_message(path)) from exc
        raise StoreError(
            f"cannot create the history file {path}: {exc.strerror}. "
            "Check the folder, or choose another with --data-dir."
        ) from exc


def _connect_writable(path: Path, migrations: Sequence[Migration]) -> sqlite3.Connection:
    try:
        # check_same_thread=False: the app opens it in a worker thread (the check and the
        # day's backup take far too long for the GUI thread) and then hands it over; one
        # thread at a time uses it.
        conn = sqlite3.connect(
            path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise StoreError(explain(exc, path)) from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        state = classify_connection(conn, quick_check=False)
        if state.kind is FileKind.NEWER:
            raise StoreError(_newer_message(path, state.detail))
        mode = str(conn.execute("PRAGMA journal_mode = WAL").fetchone()[0])
        if mode.lower() != "wal":
            raise StoreError(_read_only_message(path))
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, migrations)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(explain(exc, path)) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _recover(path: Path, kind: FileKind, detail: str, migrations: Sequence[Migration]) -> str:
    """Move a bad file aside and put the latest good backup in its place; say what was done."""
    label = "corrupt" if kind is FileKind.CORRUPT else "not-ptcoach"
    aside = path.with_name(f"{path.name}.{label}-{stamp()}")
    try:
        for suffix in ("", "-wal", "-shm"):
            src = Path(f"{path}{suffix}")
            if src.exists():
                src.rename(f"{aside}{suffix}")
    except OSError as exc:
        raise StoreError(
            f"the history file {path} cannot be used ({detail}) and could not be moved aside "
            f"({exc.strerror}); nothing was changed. Move it away yourself, then start again."
        ) from exc
    what = "is damaged" if kind is FileKind.CORRUPT else "is not a ptcoach history"
    restored = backups.restore_latest(path, migrations)
    if restored is None:
        outcome = "No good backup was found, so a new, empty history was started."
    else:
        outcome = (
            f"The latest good backup, {restored.name}, was restored; sets recorded after "
            "it was made are only in the moved file."
        )
    return (
        f"The history file {path} {what} ({detail}). It was moved to {aside} "
        f"(nothing was deleted). {outcome}"
    )


def _newer_message(path: Path, detail: str) -> str:
    return (
        f"the history file {path} was made by a newer ptcoach ({detail}). Update ptcoach "
        "to use it; the file was left exactly as it is."
    )


def _read_only_message(path: Path) -> str:
    return (
        f"cannot write the history in {path.parent}: the folder or file is read-only. "
        f"Nothing was changed. Make it writable (chmod u+w '{path.parent}') or choose "
        "another folder with --data-dir."
    )


def explain(exc: sqlite3.Error, path: Path) -> str:
    """A sentence for the runner from an SQLite error while using the file at `path`."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return _read_only_message(path)
    if name == "SQLITE_FULL":
        return (
            f"the disk holding {path} is full, so the history could not be saved; "
            "what was saved before is safe. Free some space and try again."
        )
    if name.startswith("SQLITE_BUSY"):
        return (
            f"the history file {path} is busy in another program (another ptcoach?). "
            "Close it and try again."
        )
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
        return (
            f"the history file {path} is damaged ({exc}). Restart ptcoach to recover "
            "it from the latest backup."
        )
    return f"the history file {path} could not be used: {exc}"


def open_history(data_dir: Path) -> tuple[sqlite3.Connection, list[str]]:
    """What the app does at start: open (recovering if need be), then make today's backup.

    Returns the connection and the notices to show the runner; a failed backup is a notice,
    not a reason to stop recording.
    """
    notices: list[str] = []
    conn = open_database(database_path(data_dir), notices=notices)
    try:
        backups.daily_backup(conn, Path(data_dir))
    except (OSError, sqlite3.Error) as exc:
        notices.append(
            f"Today's backup of the history could not be made in "
            f"{backups.backups_dir(Path(data_dir))}: {exc}. Recording continues."
        )
    return conn, notices
