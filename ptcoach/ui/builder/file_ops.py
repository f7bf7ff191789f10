"""What the builder does with files: save, delete to the trash, import and export (TOML and
Garmin FIT), with the questions and warnings around them. Each takes the builder window."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from ptcoach.catalog.catalog import Catalog
from ptcoach.catalog.editing import RoutineDraft
from ptcoach.catalog.editing_files import (
    move_to_trash,
    read_routine_file,
    save_draft,
    taken_routine_ids,
)
from ptcoach.catalog.fit_export import write_fit
from ptcoach.catalog.model import Routine
from ptcoach.catalog.validate import ValidationError
from ptcoach.catalog.writer import write_routine
from ptcoach.translate import translator
from ptcoach.ui import plain

if TYPE_CHECKING:
    from ptcoach.ui.builder.window import BuilderWindow

Button = QMessageBox.StandardButton


tr = translator("Builder")


def taken_ids(win: BuilderWindow) -> set[str]:
    return taken_routine_ids(win.catalog, win.data_dir)


def _warn(win: BuilderWindow, title: str, text: str) -> None:
    plain.message_box(win, QMessageBox.Icon.Warning, title, text, Button.Ok, Button.Ok).exec()


def _reload(win: BuilderWindow, routine_id: str) -> None:
    win.catalog = Catalog.load(win.data_dir)
    win.routines_changed.emit(routine_id)


def confirm_discard(win: BuilderWindow) -> bool:
    """True when the current draft may be replaced: unchanged, saved now, or discarded."""
    draft = win.draft
    if draft.read_only or not draft.dirty:
        return True
    answer = plain.message_box(
        win,
        QMessageBox.Icon.Question,
        tr("Unsaved changes"),
        tr("Save the changes to “{name}” first?").format(name=draft.get(("name",), "")),
        Button.Save | Button.Discard | Button.Cancel,
        Button.Save,
    ).exec()
    if answer == Button.Save:
        return save(win) is not None
    return answer == Button.Discard


def save(win: BuilderWindow) -> Path | None:
    draft = win.draft
    if draft.read_only:
        return None
    try:
        path = save_draft(draft, win.data_dir)
    except ValidationError as exc:
        _warn(win, tr("Not saved"), "\n".join(p.message for p in exc.problems))
        return None
    except OSError as exc:
        _warn(
            win,
            tr("Not saved"),
            tr("Cannot write the routine file: {error}").format(error=exc.strerror or exc),
        )
        return None
    _reload(win, path.stem)
    win.state.changed.emit()
    win.statusBar().showMessage(tr("Saved to {path}").format(path=path), 8000)
    return path


def delete(win: BuilderWindow, *, confirm: bool = True) -> Path | None:
    """Move the routine's file to <data dir>/routines/.trash/ after asking."""
    draft = win.draft
    origin = draft.origin
    if draft.read_only or origin is None or not origin.exists():
        return None
    if confirm:
        answer = plain.message_box(
            win,
            QMessageBox.Icon.Question,
            tr("Delete routine"),
            tr(
                "Delete “{name}”? Its file is moved to {trash}, from where you can bring it back."
            ).format(name=draft.get(("name",), ""), trash=origin.parent / ".trash"),
            Button.Yes | Button.No,
            Button.No,
        ).exec()
        if answer != Button.Yes:
            return None
    try:
        dest = move_to_trash(origin)
    except OSError as exc:
        _warn(
            win,
            tr("Not deleted"),
            tr("Cannot move {path} to the trash: {error}").format(
                path=origin, error=exc.strerror or exc
            ),
        )
        return None
    _reload(win, origin.stem)
    win.state.replace(win.blank_draft())
    win.statusBar().showMessage(tr("Moved to {path}").format(path=dest), 8000)
    return dest


def import_file(win: BuilderWindow, path: Path) -> bool:
    """Open a routine file: saved straight away when it is valid (like `ptcoach import`),
    otherwise left open with its problems shown, to fix and save."""
    try:
        data = read_routine_file(path)
    except ValidationError as exc:
        _warn(win, tr("Cannot import"), "\n".join(str(p) for p in exc.problems))
        return False
    draft = RoutineDraft(data, win.catalog.exercises, taken_ids=taken_ids(win))
    draft.mark_unsaved()
    if not win.open_draft(draft):
        return False
    if not draft.problems():
        return save(win) is not None
    win.statusBar().showMessage(
        tr("Imported {path}: fix the problems listed, then save").format(path=path), 8000
    )
    return True


def export_file(win: BuilderWindow, path: Path) -> Path | None:
    return _export(win, path, lambda routine: write_routine(routine, path))


def export_fit(win: BuilderWindow, path: Path) -> Path | None:
    return _export(win, path, lambda routine: write_fit(routine, path))


def _export(win: BuilderWindow, path: Path, write: Callable[[Routine], object]) -> Path | None:
    try:
        routine = win.draft.routine()
        if path.is_dir():
            raise IsADirectoryError(21, tr("is a folder; give a file name"))
        write(routine)
    except ValidationError as exc:
        _warn(win, tr("Not exported"), "\n".join(p.message for p in exc.problems))
        return None
    except OSError as exc:
        _warn(
            win,
            tr("Not exported"),
            tr("Cannot write {path}: {error}").format(path=path, error=exc.strerror or exc),
        )
        return None
    win.statusBar().showMessage(tr("Exported to {path}").format(path=path), 8000)
    return path


def _suggested(win: BuilderWindow, suffix: str) -> str:
    return str(Path.home() / f"{win.draft.get(('id',), 'routine')}{suffix}")


def ask_import(win: BuilderWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(
        win, tr("Import a routine file"), str(Path.home()), tr("Routine files (*.toml)")
    )
    if name:
        import_file(win, Path(name))


def ask_export(win: BuilderWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(
        win, tr("Export the routine file"), _suggested(win, ".toml"), tr("Routine files (*.toml)")
    )
    if name:
        export_file(win, Path(name))


def ask_export_fit(win: BuilderWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(
        win, tr("Export a Garmin FIT workout"), _suggested(win, ".fit"), tr("FIT workouts (*.fit)")
    )
    if name:
        export_fit(win, Path(name))
