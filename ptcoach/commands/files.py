"""`ptcoach validate FILE...`, `ptcoach import FILE` and `ptcoach export ID`: routine (and
exercise) files in and out, each problem reported as `FILE: location: message`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from ptcoach import paths
from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.fit_export import write_fit
from ptcoach.catalog.loader import (
    exercise_from_document,
    load_builtin_exercises,
    load_builtin_routines,
    routine_from_document,
)
from ptcoach.catalog.model import Routine
from ptcoach.catalog.validate import (
    Document,
    Problem,
    ValidationError,
    decode_text,
    parse_text,
    read_bytes,
)
from ptcoach.catalog.writer import routine_to_toml, write_atomic, write_routine


def register(subparsers: Any) -> None:
    v = subparsers.add_parser(
        "validate",
        help="check routine or exercise files and list every problem",
        description="Check routine (or exercise) files. Prints FILE: ok for each good file; "
        "otherwise one line per problem on stderr and exit status 1.",
    )
    v.add_argument("files", nargs="+", metavar="FILE", type=Path)
    v.set_defaults(func=run_validate)

    i = subparsers.add_parser(
        "import",
        help="add a routine file to your own routines",
        description="Validate a routine file, then copy it into your own routines.",
    )
    i.add_argument("file", metavar="FILE", type=Path)
    i.add_argument("--force", action="store_true", help="replace your own routine with the same id")
    i.set_defaults(func=run_import)

    e = subparsers.add_parser(
        "export",
        help="write a routine as a TOML file or a Garmin FIT workout",
        description="Write a routine (built-in or your own) as a routine file, or as a FIT "
        "workout file to follow from a Garmin watch.",
    )
    e.add_argument("id", metavar="ID")
    e.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        type=Path,
        help="the file to write (default: standard output; required for fit)",
    )
    e.add_argument(
        "--format",
        choices=("toml", "fit"),
        default=None,
        help="default: fit when FILE ends in .fit, else toml",
    )
    e.set_defaults(func=run_export)


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _is_exercise_file(path: Path, doc: Document) -> bool:
    if path.parent.name == "exercises":
        return True
    return "kind" in doc.data and "exercises" not in doc.data


def run_validate(args: argparse.Namespace) -> int:
    exercises = load_builtin_exercises()
    builtin_routines = {r.id: r for r in load_builtin_routines(exercises).values()}
    failed = False
    for path in args.files:
        try:
            doc = _read(path)
            if _is_exercise_file(path, doc):
                exercise_from_document(doc, path)
            else:
                routine = routine_from_document(doc, path, exercises)
                _note_builtin_id(routine, path, builtin_routines)
        except ValidationError as exc:
            failed = True
            _report(exc.problems)
            continue
        print(f"{path}: ok")
    return 1 if failed else 0


def _read(path: Path) -> Document:
    return parse_text(decode_text(read_bytes(path, str(path)), str(path)), str(path))


def _note_builtin_id(routine: Routine, path: Path, builtins: dict[str, Routine]) -> None:
    """A copy of a built-in (as `export` writes it) is valid: `import` gives it a free id."""
    clash = builtins.get(routine.id)
    if clash is not None and Path(clash.path).resolve() != path.resolve():
        print(
            f"{path}: note: {routine.id!r} is a built-in routine's id; `ptcoach import` adds "
            "it under a free id",
            file=sys.stderr,
        )


def free_id(wanted: str, taken: set[str]) -> str:
    """`wanted-2`, `wanted-3`, ... the first not taken (ids stay at most 64 characters)."""
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = wanted[: 64 - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        n += 1


_TOP_ID = re.compile(rb"""^(\s*id\s*=\s*)(["'])([a-z0-9-]+)\2""", re.MULTILINE)


def _renamed(raw: bytes, routine: Routine, new_id: str) -> bytes:
    """The file's bytes with its top-level id replaced (comments and layout kept), or the
    routine written afresh if the id line is not a plain one."""
    first_table = re.search(rb"^\s*\[", raw, re.MULTILINE)
    head_end = first_table.start() if first_table else len(raw)
    match = _TOP_ID.search(raw, 0, head_end)
    if match is not None and match.group(3).decode() == routine.id:
        return raw[: match.start(3)] + new_id.encode() + raw[match.end(3) :]
    from dataclasses import replace

    return routine_to_toml(replace(routine, id=new_id)).encode("utf-8")


def run_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    catalog = Catalog.load(args.data_dir)
    builtins = {r.id: r for r in catalog.builtin_routines()}
    try:
        raw = read_bytes(path, str(path))
        doc = parse_text(decode_text(raw, str(path)), str(path))
        routine = routine_from_document(doc, path, catalog.exercises)
    except ValidationError as exc:
        _report(exc.problems)
        print(f"ptcoach import: {path} was not imported", file=sys.stderr)
        return 1
    if routine.id in builtins:
        folder = paths.user_routines_dir(paths.data_dir(args.data_dir))
        taken = set(catalog.routines) | {p.stem for p in _toml_files(folder)}
        new_id = free_id(routine.id, taken)
        print(
            f"ptcoach import: {routine.id!r} is a built-in routine's id; importing this copy "
            f"as {new_id!r}",
            file=sys.stderr,
        )
        raw = _renamed(raw, routine, new_id)
        routine = routine_from_document(
            parse_text(decode_text(raw, str(path)), str(path)), path, catalog.exercises
        )
    try:
        folder = paths.user_routines_dir(paths.ensure_data_dir(paths.data_dir(args.data_dir)))
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError as exc:
        print(
            f"ptcoach import: cannot create your routines folder {exc.filename or ''}: "
            f"{exc.strerror or exc}. Check that the data folder is a writable folder, or "
            "choose another with --data-dir. Nothing was imported.",
            file=sys.stderr,
        )
        return 1
    dest = folder / f"{routine.id}.toml"
    existing = catalog.routines.get(routine.id)
    if existing is not None and Path(existing.path).resolve() != dest.resolve():
        print(
            f"ptcoach import: your routine {existing.path} already has the id "
            f"{routine.id!r}; remove or rename it first",
            file=sys.stderr,
        )
        return 1
    if dest.exists() and not args.force:
        print(
            f"ptcoach import: {dest} already exists (your routine {routine.id!r}); "
            "use --force to replace it",
            file=sys.stderr,
        )
        return 1
    # The file's own bytes, so its comments and layout are kept.
    try:
        write_atomic(dest, raw, mode=0o600)
    except OSError as exc:
        print(
            f"ptcoach import: cannot write {dest}: {exc.strerror or exc}. Nothing was imported.",
            file=sys.stderr,
        )
        return 1
    print(f"imported {routine.id!r} ({routine.name}) to {dest}")
    _tell_running_app(args.data_dir)
    return 0


def _tell_running_app(data_dir: Path) -> None:
    """The app running on this data dir reloads its routines (it shows the new one)."""
    from ptcoach.store.lock import running_app

    if running_app(data_dir) is None:
        return
    from ptcoach.ui.desktop.single_instance import RELOAD_MESSAGE, hand_over, server_name

    if hand_over(server_name(data_dir), RELOAD_MESSAGE, wait_s=3.0):
        print("the running ptcoach app now lists it")
    else:
        print("restart the running ptcoach app to see it", file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    catalog = Catalog.load(args.data_dir)
    try:
        routine = catalog.routine(args.id)
    except KeyError as exc:
        print(f"ptcoach export: {exc.args[0]}", file=sys.stderr)
        return 2
    fmt = args.format or ("fit" if args.output and args.output.suffix == ".fit" else "toml")
    if args.output is None:
        if fmt == "fit":
            print("ptcoach export: a FIT file is binary; name it with -o FILE.fit", file=sys.stderr)
            return 2
        sys.stdout.write(routine_to_toml(routine))
        return 0
    out: Path = args.output
    if out.is_dir():
        print(
            f"ptcoach export: {out} is a folder; give a file name such as "
            f"{out / (routine.id + '.toml')}",
            file=sys.stderr,
        )
        return 1
    try:
        if fmt == "fit":
            write_fit(routine, out)
        else:
            write_routine(routine, out)
    except OSError as exc:
        print(f"ptcoach export: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"exported {routine.id!r} to {out}", file=sys.stderr)
    return 0


def _toml_files(folder: Path) -> list[Path]:
    try:
        return list(folder.glob("*.toml"))
    except OSError:
        return []
