"""Schema version 1 of the history (described in docs/architecture.md) as single statements.

Statements are kept one by one because `executescript` would commit the migration's
transaction half-way.
"""

from __future__ import annotations

# 'PTCH': marks the file as a ptcoach history, so another app's SQLite file is recognised.
APPLICATION_ID = 0x50544348

V1_STATEMENTS: tuple[str, ...] = (
    """CREATE TABLE sessions (
  id             INTEGER PRIMARY KEY,
  routine_id     TEXT NOT NULL,
  routine_name   TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  local_date     TEXT NOT NULL,
  utc_offset_min INTEGER NOT NULL,
  ended_at       TEXT,
  status         TEXT NOT NULL DEFAULT 'in_progress'
                 CHECK (status IN ('in_progress','completed','partial','abandoned')),
  planned_sets   INTEGER NOT NULL,
  plan_json      TEXT NOT NULL,
  pain_before    INTEGER CHECK (pain_before BETWEEN 0 AND 10),
  pain           INTEGER CHECK (pain BETWEEN 0 AND 10),
  effort         INTEGER CHECK (effort BETWEEN 0 AND 10),
  note           TEXT
)""",
    "CREATE INDEX sessions_local_date ON sessions(local_date)",
    """CREATE TABLE sets (
  id             INTEGER PRIMARY KEY,
  session_id     INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
  phase_index    INTEGER NOT NULL,
  exercise_id    TEXT NOT NULL,
  exercise_name  TEXT NOT NULL,
  set_number     INTEGER NOT NULL,
  side           TEXT CHECK (side IN ('left','right')),
  target_reps    INTEGER,
  target_hold_s  REAL,
  reps           INTEGER,
  hold_s         REAL,
  skipped        INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0,1)),
  started_at     TEXT NOT NULL,
  ended_at       TEXT NOT NULL,
  UNIQUE (session_id, phase_index)
)""",
    "CREATE INDEX sets_exercise ON sets(exercise_id, ended_at)",
    """CREATE TABLE plans (
  id                INTEGER PRIMARY KEY,
  routine_id        TEXT NOT NULL,
  start_date        TEXT NOT NULL,
  sessions_per_week INTEGER CHECK (sessions_per_week BETWEEN 1 AND 14),
  weekdays          TEXT,
  remind_at         TEXT,
  created_at        TEXT NOT NULL,
  CHECK (NOT (sessions_per_week IS NOT NULL AND weekdays IS NOT NULL))
)""",
    "CREATE INDEX plans_routine ON plans(routine_id, start_date)",
    f"PRAGMA application_id = {APPLICATION_ID}",
)

# Version 2: what the camera coach saw in each set. camera_reps: the reps it counted (NULL when
# the camera did not count the set); form_flags: the form cues it gave, comma-separated ids
# ("knee-in,hips-sag"), '' when it watched and had nothing to say, NULL when it did not watch.
V2_STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE sets ADD COLUMN camera_reps INTEGER CHECK (camera_reps >= 0)",
    "ALTER TABLE sets ADD COLUMN form_flags TEXT",
)

# The tables a ptcoach history has; used to tell our file from another app's.
OUR_TABLES = frozenset({"sessions", "sets", "plans"})
