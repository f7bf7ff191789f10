"""The user's own routine files as the editor sees them: which ids are taken, saving a draft
atomically into <data dir>/routines/, reading a file to import, and deleting to a trash folder
(a file is moved, never destroyed).
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from ptcoach import paths
from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.editing import RoutineDraft
from ptcoach.catalog.validate import Problem, ValidationError, read_document
from ptcoach.catalog.writer import write_routine

TRASH = ".trash"


def routines_folder(data_dir: Path) -> Path:
    """<data dir>/routines, created private to the user if missing."""
    folder = paths.user_routines_dir(paths.ensure_data_dir(Path(data_dir)))
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def taken_routine_ids(catalog: Catalog, data_dir: Path) -> set[str]:
    """Ids a new routine cannot have: every loaded routine's, and every own routine file's
    name (a file that failed to load still owns its name; saving must not overwrite it)."""
    taken = set(catalog.routines)
    folder = paths.user_routines_dir(Path(data_dir))
    if folder.is_dir():
        taken |= {p.stem for p in folder.glob("*.toml")}
    return taken


def save_draft(draft: RoutineDraft, data_dir: Path) -> Path:
    """Write the draft to <data dir>/routines/<id>.toml (atomic, private to the user).

    Raises ValidationError while the draft has problems or its file name is taken. When the
    id changed, the old file is moved to the trash once the new one is safely written.
    """
    routine = draft.routine()
    folder = routines_folder(data_dir)
    dest = folder / f"{routine.id}.toml"
    origin = draft.origin
    if dest.exists() and (origin is None or origin.resolve() != dest.resolve()):
        raise ValidationError(
            [
                Problem(
                    str(dest),
                    "id",
                    f"the file {dest.name} already "
                    "exists (another routine); give this routine its own id",
                )
            ]
        )
    write_routine(routine, dest, mode=0o600)
    if (
        origin is not None
        and origin.resolve() != dest.resolve()
        and origin.exists()
        and origin.parent.resolve() == folder.resolve()
    ):
        move_to_trash(origin)
    draft.mark_saved(dest)
    return dest


def move_to_trash(path: Path) -> Path:
    """Move a routine file into the `.trash` folder beside it; returns where it went."""
    path = Path(path)
    trash = path.parent / TRASH
    trash.mkdir(mode=0o700, exist_ok=True)
    dest = trash / path.name
    if dest.exists():  # an earlier deletion of the same name: keep both
        stamp = time.strftime("%Y%m%d-%H%M%S")
        n = 1
        while dest.exists():
            dest = trash / f"{path.stem}.{stamp}{f'-{n}' if n > 1 else ''}{path.suffix}"
            n += 1
    os.replace(path, dest)
    return dest


def read_routine_file(path: Path) -> dict[str, Any]:
    """A routine file's document, to open in the editor; ValidationError when it cannot be
    read or parsed (problems inside the routine are the editor's to show)."""
    return read_document(Path(path)).data
