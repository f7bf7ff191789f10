"""`ptcoach report [--since DATE] [--until DATE] [--routine ID] -o FILE.pdf`: the therapist's
report. Qt is imported only when the command runs (its PDF writer needs a QGuiApplication)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from ptcoach.cli import iso_date
from ptcoach.store.db import database_path, open_database
from ptcoach.store.errors import StoreError


def register(subparsers: Any) -> None:
    r = subparsers.add_parser(
        "report",
        help="write a PDF report of adherence, pain and exercises for a therapist",
        description="Write a one-to-two page PDF for a period of whole weeks (Monday to "
        "Sunday): sessions done against the plan, sets done, streaks, the pain "
        "and effort trend, and a table of the exercises.",
    )
    r.add_argument(
        "--since",
        metavar="YYYY-MM-DD",
        type=iso_date,
        help="first day (default: 12 weeks before --until)",
    )
    r.add_argument("--until", metavar="YYYY-MM-DD", type=iso_date, help="last day (default: today)")
    r.add_argument("--routine", metavar="ID", help="only this routine (default: all)")
    r.add_argument(
        "-o", "--output", metavar="FILE", type=Path, required=True, help="the PDF file to write"
    )
    r.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    if args.since and args.until and args.since > args.until:
        print(
            f"ptcoach report: --since {args.since} is after --until {args.until}; swap them",
            file=sys.stderr,
        )
        return 2
    output: Path = args.output
    if not output.parent.is_dir():
        print(
            f"ptcoach report: the folder {output.parent} does not exist; create it or "
            "choose another -o FILE",
            file=sys.stderr,
        )
        return 2
    try:
        conn = open_database(database_path(args.data_dir), read_only=True)
    except StoreError as exc:
        print(f"ptcoach report: {exc}", file=sys.stderr)
        return 1
    _ensure_gui_application()
    from ptcoach.report.pdf import write_report

    try:
        figures = write_report(
            conn, output, since=args.since, until=args.until, routine_id=args.routine
        )
    finally:
        conn.close()
    if not output.exists() or output.stat().st_size == 0:
        print(
            f"ptcoach report: could not write {output}; check the folder is writable",
            file=sys.stderr,
        )
        return 1
    print(f"{output}: report for {figures.since} to {figures.until}")
    return 0


def _ensure_gui_application() -> None:
    """QPdfWriter needs a QGuiApplication: make one, offscreen when there is no display."""
    no_display = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if no_display and "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        global _APP  # kept for the rest of the process: Qt objects outlive this call
        _APP = QGuiApplication(["ptcoach"])


_APP: object = None
