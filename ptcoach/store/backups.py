"""Backups with SQLite's online backup API: one a day kept for a week in <data dir>/backups/,
on-demand copies (`ptcoach backup`), and validated restores that keep the current file aside."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from ptcoach.store.errors import StoreError
from ptcoach.store.fileinfo import FileKind, check_file, connect_read_only
from ptcoach.store.migrations import MIGRATIONS, Migration
from ptcoach.store.timefmt import stamp

KEEP_DAILY = 7
PREFIX = "history-"
SUFFIX = ".sqlite3"


def backups_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "backups"


def list_backups(folder: Path) -> list[Path]:
    """The daily backups in `folder`, newest first (the date is in the name)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Copy a consistent snapshot of `source` to `dest` (0600), atomically replacing it."""
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = dest.with_name(dest.name + ".partial")
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()
    os.close(os.open(partial, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600))
    try:
        target = sqlite3.connect(partial, isolation_level=None)
        try:
            source.backup(target)
            # A backup is a single self-contained file: no -wal beside it.
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
        os.replace(partial, dest)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return dest


def daily_backup(
    conn: sqlite3.Connection, data_dir: Path, *, keep: int = KEEP_DAILY, today: date | None = None
) -> Path | None:
    """Make today's backup unless it exists, then keep only the newest `keep`."""
    folder = backups_dir(data_dir)
    day = (today or date.today()).isoformat()
    dest = folder / f"{PREFIX}{day}{SUFFIX}"
    made: Path | None = None
    if not dest.exists():
        made = copy_database(conn, dest)
    for old in list_backups(folder)[keep:]:
        old.unlink()
    return made


def restore_latest(path: Path, migrations: Sequence[Migration] = MIGRATIONS) -> Path | None:
    """Copy the newest good backup beside `path` into `path`; None when there is none."""
    for candidate in list_backups(backups_dir(path.parent)):
        if check_file(candidate).kind is not FileKind.OURS:
            continue
        source = connect_read_only(candidate)
        try:
            copy_database(source, path)
        finally:
            source.close()
        return candidate
    return None


def restore_from(data_dir: Path, file: Path) -> Path | None:
    """Replace the history with `file` after checking it; returns where the old one was kept.

    Nothing changes unless `file` is a readable ptcoach history this ptcoach can open.
    """
    from ptcoach.store.db import database_path, open_database

    state = check_file(file)
    if state.kind is FileKind.MISSING:
        raise StoreError(f"{file} does not exist; nothing was changed")
    if state.kind is FileKind.NEWER:
        raise StoreError(
            f"{file} was made by a newer ptcoach ({state.detail}); update "
            "ptcoach first. Nothing was changed."
        )
    if state.kind is not FileKind.OURS:
        reason = state.detail or "it holds no history"
        raise StoreError(f"{file} is not a usable ptcoach history ({reason}); nothing was changed.")
    current = database_path(data_dir)
    incoming = current.with_name(current.name + ".restoring")
    source = connect_read_only(file)
    try:
        copy_database(source, incoming)
    finally:
        source.close()
    try:
        open_database(incoming, migrations=MIGRATIONS).close()  # bring it to our version
        _wal_to_main(incoming)
    except BaseException:
        _remove_with_sidecars(incoming)
        raise
    kept: Path | None = None
    if current.exists():
        _wal_to_main(current)
        kept = current.with_name(f"{current.name}.before-restore-{stamp()}")
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{current}{suffix}").exists():
                os.replace(f"{current}{suffix}", f"{kept}{suffix}")
    os.replace(incoming, current)
    return kept


def _wal_to_main(path: Path) -> None:
    """Fold the write-ahead log into the main file so a single file can be moved."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def _remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
