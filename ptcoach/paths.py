"""Where ptcoach finds its shipped files and keeps the user's data.

Shipped files (`resources/`, `assets/`) sit at the top of the source tree during development
and inside the package (`ptcoach/_data/`) once installed from a wheel; lookups fail loudly
with the list of what does exist.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ptcoach"
DATA_DIR_ENV = "PTCOACH_DATA_DIR"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _shipped_root(name: str) -> Path:
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    source_tree = _PACKAGE_DIR.parent / name
    if source_tree.is_dir():
        return source_tree
    raise FileNotFoundError(
        f"ptcoach cannot find its {name!r} folder (looked in {installed} and {source_tree}); "
        "reinstall the package"
    )


def resources_dir() -> Path:
    """The folder of shipped data: exercises, routines, Learn pages, desktop files."""
    return _shipped_root("resources")


def assets_dir() -> Path:
    """The folder of shipped media: sounds, images, icons."""
    return _shipped_root("assets")


def resource(*parts: str) -> Path:
    """A shipped resource file; raises FileNotFoundError naming the files that do exist."""
    return _lookup(resources_dir(), parts)


def asset(*parts: str) -> Path:
    """A shipped asset file; raises FileNotFoundError naming the files that do exist."""
    return _lookup(assets_dir(), parts)


def _lookup(root: Path, parts: tuple[str, ...]) -> Path:
    path = root.joinpath(*parts)
    if path.exists():
        return path
    folder = path.parent
    known = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
    raise FileNotFoundError(f"no {'/'.join(parts)!r} in {root}; known here: {', '.join(known)}")


def formats_doc() -> Path:
    """The routine and exercise file format guide (docs/formats.md, shipped in the wheel), which
    validation messages point to."""
    return _shipped_root("docs") / "formats.md"


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The user's data dir: `--data-dir`, else $PTCOACH_DATA_DIR, else the platform default."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def ensure_data_dir(path: Path) -> Path:
    """Create the data dir private to the user (0700) if it is missing."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def user_routines_dir(data: Path) -> Path:
    return data / "routines"


STATE_DIR_ENV = "PTCOACH_STATE_DIR"


def state_dir() -> Path:
    """Where the app keeps its log and crash reports: $PTCOACH_STATE_DIR, else the platform's
    user state folder (~/.local/state/ptcoach on Linux). Not created here."""
    env = os.environ.get(STATE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))


def log_file() -> Path:
    """The rotating log (`ptcoach.log`, older ones `ptcoach.log.1`...)."""
    return state_dir() / "log" / "ptcoach.log"


def crash_dir() -> Path:
    """One text file per crash report."""
    return state_dir() / "crash"
