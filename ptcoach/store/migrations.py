"""Schema migrations: an ordered list, each applied in one transaction with its version.

`PRAGMA user_version` is the schema version; version 0 is an empty file. A file newer than
the last migration here was made by a newer ptcoach and is never migrated down.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ptcoach.store.errors import StoreError
from ptcoach.store.schema import V1_STATEMENTS, V2_STATEMENTS


@dataclass(frozen=True)
class Migration:
    version: int  # the schema version this migration produces
    name: str
    apply: Callable[[sqlite3.Connection], None]


def statements(*sql: str) -> Callable[[sqlite3.Connection], None]:
    """A migration body that runs the given statements in order."""

    def run(conn: sqlite3.Connection) -> None:
        for statement in sql:
            conn.execute(statement)

    return run


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create sessions, sets and plans", statements(*V1_STATEMENTS)),
    Migration(2, "camera counts and form flags per set", statements(*V2_STATEMENTS)),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version if migrations else 0


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Bring the schema up to the last migration; returns the versions applied.

    Each migration and its new user_version commit together or not at all, so a crash or a
    failing step leaves the file at the previous version. `conn` must be in autocommit mode
    (isolation_level=None).
    """
    versions = [m.version for m in migrations]
    if versions != sorted(set(versions)) or (versions and versions[0] < 1):
        raise ValueError(f"migration versions must rise from 1 without repeats: {versions}")
    current = user_version(conn)
    if current > latest_version(migrations):
        raise StoreError(
            f"this history was made by a newer ptcoach (schema version {current}; this "
            f"ptcoach knows up to {latest_version(migrations)}). Update ptcoach to open it; "
            "the file was left as it is."
        )
    applied: list[int] = []
    for migration in migrations:
        if migration.version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Re-read inside the lock: another process may have migrated meanwhile.
            if user_version(conn) >= migration.version:
                conn.execute("ROLLBACK")
                continue
            migration.apply(conn)
            conn.execute(f"PRAGMA user_version = {int(migration.version)}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite already rolled back after e.g. SQLITE_FULL
                conn.execute("ROLLBACK")
            raise
        applied.append(migration.version)
    return applied
