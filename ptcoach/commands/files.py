"""`ptcoach validate FILE...`, `ptcoach import FILE` and `ptcoach export ID`: routine (and
exercise) files in and out, each problem reported as `FILE: location: message`.
"""

from __future__ import annotations

import argparse
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
        "validate", help="check routine or exercise files and list every problem",
        description="Check routine (or exercise) files. Prints FILE: ok for each good file; "
                    "otherwise one line per problem on stderr and exit status 1.")
    v.add_argument("files", nargs="+", metavar="FILE", type=Path)
    v.set_defaults(func=run_validate)

    i = subparsers.add_parser(
        "import", help="add a routine file to your own routines",
        description="Validate a routine file, then copy it into your own routines.")
    i.add_argument("file", metavar="FILE", type=Path)
    i.add_argument("--force", action="store_true",
                   help="replace your own routine with the same id")
    i.set_defaults(func=run_import)

    e = subparsers.add_parser(
        "export", help="write a routine as a TOML file or a Garmin FIT workout",
        description="Write a routine (built-in or your own) as a routine file, or as a FIT "
                    "workout file to follow from a Garmin watch.")
    e.add_argument("id", metavar="ID")
    e.add_argument("-o", "--output", metavar="FILE", type=Path,
                   help="the file to write (default: standard output; required for fit)")
    e.add_argument("--format", choices=("toml", "fit"), default=None,
                   help="default: fit when FILE ends in .fit, else toml")
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
                _check_not_builtin_id(routine, path, builtin_routines)
        except ValidationError as exc:
            failed = True
            _report(exc.problems)
            continue
        print(f"{path}: ok")
    return 1 if failed else 0


def _read(path: Path) -> Document:
    return parse_text(decode_text(read_bytes(path, str(path)), str(path)), str(path))


def _check_not_builtin_id(routine: Routine, path: Path, builtins: dict[str, Routine], *,
                          allow_itself: bool = True) -> None:
    """A routine may not take a built-in's id (the built-in file itself validates fine)."""
    clash = builtins.get(routine.id)
    if clash is None:
        return
    if not allow_itself or Path(clash.path).resolve() != path.resolve():
        raise ValidationError([Problem(
            str(path), "id", f"{routine.id!r} is a built-in routine's id; give your routine "
                             "another id so it can sit beside the built-in one")])


def run_import(args: argparse.Namespace) -> int:
    path: Path = args.file
    catalog = Catalog.load(args.data_dir)
    builtins = {r.id: r for r in catalog.builtin_routines()}
    try:
        raw = read_bytes(path, str(path))
        doc = parse_text(decode_text(raw, str(path)), str(path))
        routine = routine_from_document(doc, path, catalog.exercises)
        _check_not_builtin_id(routine, path, builtins, allow_itself=False)
    except ValidationError as exc:
        _report(exc.problems)
        print(f"ptcoach import: {path} was not imported", file=sys.stderr)
        return 1
    folder = paths.user_routines_dir(paths.ensure_data_dir(args.data_dir))
    folder.mkdir(mode=0o700, exist_ok=True)
    dest = folder / f"{routine.id}.toml"
    existing = catalog.routines.get(routine.id)
    if existing is not None and Path(existing.path).resolve() != dest.resolve():
        print(f"ptcoach import: your routine {existing.path} already has the id "
              f"{routine.id!r}; remove or rename it first", file=sys.stderr)
        return 1
    if dest.exists() and not args.force:
        print(f"ptcoach import: {dest} already exists (your routine {routine.id!r}); "
              "use --force to replace it", file=sys.stderr)
        return 1
    # The file's own bytes, so its comments and layout are kept.
    write_atomic(dest, raw, mode=0o600)
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
        return 1
    fmt = args.format or ("fit" if args.output and args.output.suffix == ".fit" else "toml")
    if args.output is None:
        if fmt == "fit":
            print("ptcoach export: a FIT file is binary; name it with -o FILE.fit",
                  file=sys.stderr)
            return 2
        sys.stdout.write(routine_to_toml(routine))
        return 0
    out: Path = args.output
    if out.is_dir():
        print(f"ptcoach export: {out} is a folder; give a file name such as "
              f"{out / (routine.id + '.toml')}", file=sys.stderr)
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
