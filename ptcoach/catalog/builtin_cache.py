"""The parsed built-in exercises and routines, cached as JSON in the user's cache dir, so
start-up does not re-parse and re-validate 37 shipped files that have not changed.

The key is the package and Python versions plus the name, mtime and size of every shipped file
and of the catalogue's own code: any change means a miss, and a miss (or an unreadable cache)
parses the files as before. Only built-ins are cached; the user's routines are always validated.

The cache is plain JSON (`plain_data`), never pickle: a file planted at the cache path cannot
run code, it can only fail to decode and be replaced. It is written 0600 in a 0700 folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ptcoach import __version__, paths, private

if TYPE_CHECKING:
    from ptcoach.catalog.model import Exercise, Routine

CACHE_DIR_ENV = "PTCOACH_CACHE_DIR"
FILE_NAME = "builtin-catalog.json"
FORMAT = "ptcoach-builtin-catalog-2"

Builtins = tuple[dict[str, "Exercise"], dict[str, "Routine"]]

_memo: tuple[str, Builtins] | None = None  # this process's last result, under its key


def cache_dir() -> Path:
    """$PTCOACH_CACHE_DIR if set, else the platform's cache folder for ptcoach."""
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(paths.APP_NAME, appauthor=False))


def cache_path() -> Path:
    return cache_dir() / FILE_NAME


def cache_key(exercises_dir: Path, routines_dir: Path) -> str:
    """Everything the parsed result depends on; one stat per file, no file is read."""
    parts = [FORMAT, __version__, sys.version]
    folders = (
        (exercises_dir, ".toml"),
        (routines_dir, ".toml"),
        (Path(__file__).resolve().parent, ".py"),
    )
    for folder, suffix in folders:
        parts.append(str(folder))
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                if entry.name.endswith(suffix):
                    st = entry.stat()
                    parts.append(f"{entry.name} {st.st_mtime_ns} {st.st_size}")
    return "\n".join(parts)


def load_builtins(exercises_dir: Path | None = None, routines_dir: Path | None = None) -> Builtins:
    """The shipped exercises and routines by id (fresh dicts: callers may add to them).

    The folders default to the shipped ones (the only ones the app caches; tests pass copies).
    """
    global _memo
    exercises_dir = exercises_dir or paths.resource("exercises")
    routines_dir = routines_dir or paths.resource("routines")
    key = cache_key(exercises_dir, routines_dir)
    if _memo is not None and _memo[0] == key:
        found: Builtins | None = _memo[1]
    else:
        found = _read(cache_path(), key)
    if found is None:
        found = _parse(exercises_dir, routines_dir)
        _write(cache_path(), key, found)
    _memo = (key, found)
    exercises, routines = found
    return dict(exercises), dict(routines)


def _parse(exercises_dir: Path, routines_dir: Path) -> Builtins:
    from ptcoach.catalog.loader import load_builtin_exercises, load_builtin_routines

    exercises = load_builtin_exercises(exercises_dir)
    return exercises, load_builtin_routines(exercises, routines_dir)


def _read(path: Path, key: str) -> Builtins | None:
    try:
        with open(path, "rb") as f:
            data = json.loads(f.read())
        if not (isinstance(data, dict) and data.get("key") == key):
            return None
        return _decode(data["exercises"], data["routines"])
    except FileNotFoundError:
        return None
    # A truncated, corrupt, foreign or outdated cache can fail in many ways (ValueError,
    # KeyError, TypeError, ...): each one only means "parse the files instead".
    except Exception:
        return None


def _decode(exercises_data: object, routines_data: object) -> Builtins:
    from ptcoach.catalog.model import Exercise, Routine
    from ptcoach.catalog.plain_data import decode

    if not (isinstance(exercises_data, list) and isinstance(routines_data, list)):
        raise ValueError("not a catalogue")
    exercises: dict[str, Exercise] = {}
    for item in exercises_data:
        exercise = decode(Exercise, item, {})
        exercises[exercise.id] = exercise
    routines: dict[str, Routine] = {}
    for item in routines_data:
        routine = decode(Routine, item, exercises)
        routines[routine.id] = routine
    return exercises, routines


def _write(path: Path, key: str, builtins: Builtins) -> None:
    """Atomically (write, then rename), 0600 in a 0700 folder; a cache that cannot be written
    is simply not kept."""
    from ptcoach.catalog.plain_data import encode

    exercises, routines = builtins
    data = {
        "key": key,
        "exercises": [encode(e, {}) for e in exercises.values()],
        "routines": [encode(r, exercises) for r in routines.values()],
    }
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        private.make_dir(path.parent)
        with private.open_new(tmp, "w") as f:
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
