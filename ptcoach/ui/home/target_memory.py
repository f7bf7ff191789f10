"""The targets a runner last chose for each exercise, remembered in QSettings.

Values are read back clamped into the routine's ranges, so a narrowed routine or an edited
settings file can never produce a target outside what the exercise allows.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from ptcoach.catalog.model import Range, RoutineItem, Targets


def _read(
    settings: QSettings, key: str, default: float | None, rng: Range | None, *, whole: bool
) -> float | None:
    if rng is None:
        return None
    raw = settings.value(key, default)
    try:
        value = (
            None if raw is None else float(raw) if isinstance(raw, int | float | str) else default
        )
    except ValueError:
        value = default
    if value is None:
        return None
    value = rng.clamp(value)
    return round(value) if whole else value


def load_targets(settings: QSettings, item: RoutineItem) -> Targets:
    """The remembered targets for this item's exercise, or the routine's defaults."""
    d = item.default
    base = f"targets/{item.exercise.id}/"
    sets = _read(settings, base + "sets", d.sets, item.sets, whole=True)
    reps = _read(settings, base + "reps", d.reps, item.reps, whole=True)
    hold = _read(settings, base + "hold_s", d.hold_s, item.hold_s, whole=False)
    cold = _read(settings, base + "cold_s", d.cold_s, item.cold_s, whole=False)
    return Targets(
        sets=int(sets or d.sets),
        reps=None if reps is None else int(reps),
        hold_s=hold,
        cold_s=cold,
        rest_s=d.rest_s,
    )


def save_targets(settings: QSettings, exercise_id: str, targets: Targets) -> None:
    base = f"targets/{exercise_id}/"
    settings.setValue(base + "sets", targets.sets)
    for key, value in (
        ("reps", targets.reps),
        ("hold_s", targets.hold_s),
        ("cold_s", targets.cold_s),
    ):
        if value is not None:
            settings.setValue(base + key, value)
