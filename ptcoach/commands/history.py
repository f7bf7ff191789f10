"""`ptcoach history`, `ptcoach backup` and `ptcoach restore`: read and safeguard the history.

`history` opens the database read-only (mode=ro), so it works while the app is recording.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from ptcoach.cli import iso_date
from ptcoach.store.errors import StoreError
from ptcoach.store.sessions import SessionRow, SetRow
from ptcoach.store.timefmt import from_iso


def register(sub: Any) -> None:
    p = sub.add_parser(
        "history",
        help="show recorded sessions and their sets",
        description="Show recorded sessions and their sets, oldest first.",
    )
    p.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="output format (default text)",
    )
    p.add_argument(
        "--since",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only sessions on or after this local date",
    )
    p.add_argument(
        "--until",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="only sessions on or before this local date",
    )
    p.set_defaults(func=run_history)

    b = sub.add_parser(
        "backup",
        help="copy the history to a file",
        description="Copy the history to a single self-contained file.",
    )
    b.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where to write it (default: <data dir>/backups/manual-<time>.sqlite3)",
    )
    b.set_defaults(func=run_backup)

    r = sub.add_parser(
        "restore",
        help="replace the history with a backup file",
        description="Replace the history with FILE after checking it; the "
        "current history is kept beside it, never deleted.",
    )
    r.add_argument("file", type=Path, metavar="FILE")
    r.set_defaults(func=run_restore)


def _fail(message: str, code: int = 1) -> int:
    print(f"ptcoach: {message}", file=sys.stderr)
    return code


def run_history(args: argparse.Namespace) -> int:
    from ptcoach.store.db import database_path, open_database
    from ptcoach.store.sessions import list_sessions

    if args.since and args.until and args.since > args.until:
        return _fail(f"--since {args.since} is after --until {args.until}; swap them", 2)
    path = database_path(args.data_dir)
    rows: list[SessionRow] = []
    if path.exists():
        try:
            conn = open_database(path, read_only=True)
            try:
                rows = list_sessions(conn, args.since, args.until)
            finally:
                conn.close()
        except StoreError as exc:
            return _fail(str(exc))
    out = sys.stdout
    try:
        if args.format == "json":
            write_json(rows, out)
        elif args.format == "csv":
            write_csv(rows, out)
        else:
            write_text(rows, out)
        out.flush()
    except BrokenPipeError:  # `ptcoach history | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


def write_json(rows: list[SessionRow], out: Any) -> None:
    """A JSON list, one session per line: readable, and json's fast C encoder (indent
    would switch to the pure-Python one, five times slower on ten years of history)."""
    if not rows:
        out.write("[]\n")
        return
    out.write("[\n")
    for i, s in enumerate(rows):
        out.write(json.dumps(session_dict(s), ensure_ascii=False))
        out.write(",\n" if i < len(rows) - 1 else "\n]\n")


def session_dict(s: SessionRow) -> dict[str, Any]:
    return {
        "id": s.id,
        "routine": s.routine_id,
        "routine_name": s.routine_name,
        "started_at": s.started_at,
        "ended_at": s.ended_at,
        "local_date": s.local_date,
        "status": s.status.value,
        "planned_sets": s.planned_sets,
        "sets_done": s.sets_done,
        "pain_before": s.pain_before,
        "pain": s.pain,
        "effort": s.effort,
        "note": s.note,
        "sets": [set_dict(x) for x in s.sets],
    }


def set_dict(x: SetRow) -> dict[str, Any]:
    return {
        "exercise": x.exercise_id,
        "exercise_name": x.exercise_name,
        "set": x.set_number,
        "side": x.side,
        "target_reps": x.target_reps,
        "target_hold_s": x.target_hold_s,
        "reps": x.reps,
        "hold_s": x.hold_s,
        "skipped": x.skipped,
        "started_at": x.started_at,
        "ended_at": x.ended_at,
        "camera_reps": x.camera_reps,  # null: the camera did not count this set
        "form_flags": None if x.form_flags is None else [f for f in x.form_flags.split(",") if f],
    }


CSV_COLUMNS = (
    "session_id",
    "routine",
    "session_started_at",
    "session_ended_at",
    "local_date",
    "status",
    "pain_before",
    "pain",
    "effort",
    "note",
    "exercise",
    "set",
    "side",
    "target_reps",
    "target_hold_s",
    "reps",
    "hold_s",
    "skipped",
    "started_at",
    "ended_at",
)


def write_csv(rows: list[SessionRow], out: Any) -> None:
    """One row per set; a session without sets still gets one row (empty set columns)."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for s in rows:
        head = [
            s.id,
            s.routine_id,
            s.started_at,
            s.ended_at or "",
            s.local_date,
            s.status.value,
            _blank(s.pain_before),
            _blank(s.pain),
            _blank(s.effort),
            s.note or "",
        ]
        if not s.sets:
            w.writerow(head + [""] * 10)
        for x in s.sets:
            w.writerow(
                [
                    *head,
                    x.exercise_id,
                    x.set_number,
                    x.side or "",
                    _blank(x.target_reps),
                    _blank(x.target_hold_s),
                    _blank(x.reps),
                    _blank(x.hold_s),
                    int(x.skipped),
                    x.started_at,
                    x.ended_at,
                ]
            )


def _blank(value: object) -> object:
    return "" if value is None else value


def write_text(rows: list[SessionRow], out: Any) -> None:
    if not rows:
        out.write("No sessions recorded yet.\n")
        return
    for s in rows:
        local = from_iso(s.started_at) + timedelta(minutes=s.utc_offset_min)
        ratings = "  ".join(
            f"{k} {v}"
            for k, v in (("pain before", s.pain_before), ("pain", s.pain), ("effort", s.effort))
            if v is not None
        )
        out.write(
            f"{s.local_date} {local:%H:%M}  {s.routine_name}  {s.status.value}  "
            f"{s.sets_done}/{s.planned_sets} sets" + (f"  {ratings}" if ratings else "") + "\n"
        )
        if s.note:
            out.write(f"    note: {s.note}\n")
        for x in s.sets:
            side = f" {x.side}" if x.side else ""
            if x.reps is not None:
                done = f"{x.reps}/{x.target_reps} reps" if x.target_reps else f"{x.reps} reps"
            else:
                done = (
                    f"{x.hold_s:g}/{x.target_hold_s:g} s"
                    if x.target_hold_s and x.hold_s is not None
                    else f"{x.hold_s or 0:g} s"
                )
            camera = ""
            if x.camera_reps is not None:
                camera += f"  camera {x.camera_reps}"
            if x.form_flags:
                camera += f"  form: {x.form_flags.replace(',', ', ')}"
            out.write(
                f"    {x.exercise_name} set {x.set_number}{side}: {done}"
                + ("  (skipped)" if x.skipped else "")
                + camera
                + "\n"
            )


def run_backup(args: argparse.Namespace) -> int:
    from ptcoach.store.backups import backups_dir, copy_database
    from ptcoach.store.db import database_path, open_database
    from ptcoach.store.timefmt import stamp

    path = database_path(args.data_dir)
    if not path.exists():
        return _fail(f"there is no history to back up yet ({path} does not exist)")
    dest = args.output or backups_dir(args.data_dir) / f"manual-{stamp()}.sqlite3"
    if dest.resolve() == path.resolve():
        return _fail("the backup must go to another file than the history itself", 2)
    try:
        conn = open_database(path, read_only=True)
        try:
            copy_database(conn, dest)
        finally:
            conn.close()
    except StoreError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write {dest}: {exc.strerror}")
    print(f"Backed up the history to {dest}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from ptcoach.store.backups import restore_from
    from ptcoach.store.db import database_path
    from ptcoach.store.lock import running_app_message

    busy = running_app_message(args.data_dir, "restore")
    if busy is not None:  # it would go on writing into the file moved aside
        return _fail(busy)
    try:
        kept = restore_from(args.data_dir, args.file)
    except StoreError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot restore from {args.file}: {exc.strerror}; nothing was changed")
    print(f"Restored the history from {args.file} into {database_path(args.data_dir)}")
    if kept is not None:
        print(f"The previous history was kept as {kept}")
    return 0
