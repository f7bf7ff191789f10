"""Tell what a file is before trusting it: a ptcoach history (and which version), a fresh
empty file, another application's SQLite database, or a damaged file."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote

from ptcoach.store.migrations import latest_version
from ptcoach.store.schema import APPLICATION_ID, OUR_TABLES

SQLITE_MAGIC = b"SQLite format 3\x00"


class FileKind(StrEnum):
    MISSING = "missing"
    FRESH = "fresh"  # empty file, or an SQLite file with nothing in it: schema version 0
    OURS = "ours"  # a ptcoach history this ptcoach can open
    NEWER = "newer"  # a ptcoach history from a newer ptcoach
    FOREIGN = "foreign"  # some other application's SQLite database, or not SQLite at all
    CORRUPT = "corrupt"  # an SQLite file that fails its check


@dataclass(frozen=True)
class FileState:
    kind: FileKind
    version: int = 0
    detail: str = ""  # why, in words, for FOREIGN / CORRUPT / NEWER


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can never write (mode=ro): safe while the app is writing.

    In a read-only folder SQLite cannot create the WAL index a reader needs; there no one
    can be writing either, so the file is read as immutable instead.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=5.0)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_CANTOPEN" or os.access(
            path.parent, os.W_OK
        ):
            raise
        conn.close()
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
    except sqlite3.DatabaseError:
        pass  # damaged or not a database: the caller's checks say which
    return conn


def check_file(path: Path, *, quick_check: bool = True) -> FileState:
    """Classify `path` without changing it (the file is opened read-only)."""
    if not path.exists():
        return FileState(FileKind.MISSING)
    size = path.stat().st_size
    if size == 0:
        return FileState(FileKind.FRESH)
    with path.open("rb") as f:
        header = f.read(100)
    if not header.startswith(SQLITE_MAGIC):
        return FileState(FileKind.FOREIGN, detail="it is not an SQLite database")
    if len(header) < 100:
        return FileState(FileKind.CORRUPT, detail="the file is cut short")
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        return FileState(FileKind.CORRUPT, detail=str(exc))
    try:
        return _classify(conn, quick_check=quick_check)
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_CANTOPEN"):
            raise
        return FileState(FileKind.CORRUPT, detail=str(exc))
    finally:
        conn.close()


def classify_connection(conn: sqlite3.Connection, *, quick_check: bool = True) -> FileState:
    """As check_file, on an open connection (raises sqlite3.DatabaseError when unreadable)."""
    return _classify(conn, quick_check=quick_check)


def _classify(conn: sqlite3.Connection, *, quick_check: bool) -> FileState:
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    tables = {
        str(row[0])
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
    }
    if app_id not in (0, APPLICATION_ID):
        return FileState(
            FileKind.FOREIGN,
            version,
            f"it belongs to another application (application id {app_id:#x})",
        )
    ours = tables >= OUR_TABLES and version >= 1
    if app_id == 0 and (tables or version) and not ours:
        names = ", ".join(sorted(tables)[:5]) or "no tables"
        return FileState(
            FileKind.FOREIGN, version, f"it is another application's database (tables: {names})"
        )
    if quick_check:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
        if rows != ["ok"]:
            return FileState(FileKind.CORRUPT, version, "; ".join(rows))
    if version == 0 and not tables:
        return FileState(FileKind.FRESH)
    if version > latest_version():
        return FileState(
            FileKind.NEWER,
            version,
            f"schema version {version}; this ptcoach knows up to {latest_version()}",
        )
    return FileState(FileKind.OURS, version)
