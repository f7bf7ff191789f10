"""After a session: what to change next time, per exercise, to accept or dismiss.

`suggest_for_session` applies the progression rules to what the session's set records say;
`ProgressionDialog` shows the suggestions and returns the accepted targets per exercise id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ptcoach.catalog.model import Routine, Targets
from ptcoach.catalog.progression import Advice, SetOutcome, Suggestion, suggest
from ptcoach.translate import translator
from ptcoach.ui import plain
from ptcoach.ui.look import theme


class SetResult(Protocol):
    """What a set record offers (the store's SetRow and the engine's SetRecord both do).
    Read-only properties: both are frozen dataclasses."""

    @property
    def exercise_id(self) -> str: ...
    @property
    def skipped(self) -> bool: ...
    @property
    def reps(self) -> int | None: ...
    @property
    def target_reps(self) -> int | None: ...
    @property
    def hold_s(self) -> float | None: ...
    @property
    def target_hold_s(self) -> float | None: ...


def suggest_for_session(
    routine: Routine,
    targets: Sequence[Targets],
    sets: Sequence[SetResult],
    *,
    pain: int | None,
    effort: int | None,
    pain_before: int | None = None,
) -> list[Suggestion]:
    """One suggestion per exercise of the routine, from the session's set records."""
    out = []
    for item, current in zip(routine.items, targets, strict=True):
        outcomes = [
            SetOutcome(s.skipped, s.reps, s.target_reps, s.hold_s, s.target_hold_s)
            for s in sets
            if s.exercise_id == item.exercise.id
        ]
        out.append(
            suggest(item, current, outcomes, pain=pain, effort=effort, pain_before=pain_before)
        )
    return out


_tr = translator("ProgressionDialog")


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def targets_text(t: Targets) -> str:
    """`3 × 10 reps`, `2 × 30 s`, `3 × 60 s heat / 30 s cold`."""
    if t.reps is not None:
        what = _tr("{0} reps").format(t.reps)
    elif t.hold_s is not None and t.cold_s is not None:
        what = _tr("{0} s heat / {1} s cold").format(_num(t.hold_s), _num(t.cold_s))
    elif t.hold_s is not None:
        what = _tr("{0} s").format(_num(t.hold_s))
    else:
        return _tr("{0} sets").format(t.sets)
    return f"{t.sets} × {what}"


# The suggested targets' colour, for a light and a dark window (each 4.5:1 on its own): the
# dialog is modal after a session, so it is chosen once, when it opens.
_ADVICE_COLOUR = {
    False: {Advice.MORE: "#2e7d32", Advice.KEEP: "#555555", Advice.EASE: "#a8431f"},
    True: {Advice.MORE: "#81c784", Advice.KEEP: "#bdbdbd", Advice.EASE: "#f28b6b"},
}


class SuggestionRow(QFrame):
    """One exercise: current -> suggested, the reason, and Accept / Dismiss if it changes."""

    def __init__(self, name: str, suggestion: Suggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        self.setObjectName(f"suggestion-{suggestion.exercise_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self)
        title = QLabel(f"<b>{plain.esc(name)}</b>", self)
        theme.text_role(title, "note")
        grid.addWidget(title, 0, 0)
        colour = _ADVICE_COLOUR[theme.is_dark(self.palette())][suggestion.advice]
        if suggestion.changes:
            change = (
                f"{targets_text(suggestion.current)} &nbsp;→&nbsp; "
                f"<b style='color:{colour}'>{targets_text(suggestion.suggested)}</b>"
            )
        else:
            change = _tr("Keep {0}").format(targets_text(suggestion.current))
        self.change_label = QLabel(change, self)
        self.change_label.setObjectName("changeLabel")
        theme.text_role(self.change_label, "note")
        grid.addWidget(self.change_label, 1, 0)
        reason = QLabel(suggestion.reason, self)
        reason.setObjectName("reasonLabel")
        reason.setWordWrap(True)
        theme.mark(reason, theme.SECONDARY)  # #555 was unreadable on the dark theme
        grid.addWidget(reason, 2, 0)
        self.warning_label: QLabel | None = None
        if suggestion.see_therapist:
            self.warning_label = QLabel(
                _tr(
                    "⚠ Pain like this is worth showing to a physical therapist before you carry on."
                ),
                self,
            )
            self.warning_label.setObjectName("therapistWarningLabel")
            self.warning_label.setWordWrap(True)
            grid.addWidget(self.warning_label, 3, 0)
        grid.setColumnStretch(0, 1)

        self.accept_button = QPushButton(_tr("Accept"), self)
        self.accept_button.setObjectName("acceptButton")
        self.dismiss_button = QPushButton(_tr("Dismiss"), self)
        self.dismiss_button.setObjectName("dismissButton")
        group = QButtonGroup(self)  # exclusive: a row is accepted or dismissed, not both
        for b in (self.accept_button, self.dismiss_button):
            b.setCheckable(True)
            group.addButton(b)
        buttons = QVBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addStretch(1)
        grid.addLayout(buttons, 0, 1, 4, 1, Qt.AlignmentFlag.AlignTop)
        self.accept_button.setVisible(suggestion.changes)
        self.dismiss_button.setVisible(suggestion.changes)
        # A checked button is obvious at a glance, in any style: theme.widget_style.
        group.buttonToggled.connect(self._on_choice_toggled)

    def _on_choice_toggled(self, _button: object, _checked: bool) -> None:
        # A dismissed row fades so the accepted ones stand out.
        self.change_label.setEnabled(not self.dismissed)

    @property
    def accepted(self) -> bool:
        return self.suggestion.changes and self.accept_button.isChecked()

    @property
    def dismissed(self) -> bool:
        return self.dismiss_button.isChecked()


class ProgressionDialog(QDialog):
    """Per-exercise suggestions; `accepted_targets()` maps exercise id -> accepted Targets."""

    def __init__(
        self,
        suggestions: Sequence[Suggestion],
        names: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("progressionDialog")
        self.setWindowTitle(self.tr("Next time"))
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Suggestions for next time"), self)
        theme.text_role(heading, "title")
        layout.addWidget(heading)
        body = QWidget(self)
        rows_layout = QVBoxLayout(body)
        self.rows: list[SuggestionRow] = []
        for s in suggestions:
            row = SuggestionRow(names.get(s.exercise_id, s.exercise_id), s, body)
            rows_layout.addWidget(row)
            self.rows.append(row)
        rows_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)

        bottom = QHBoxLayout()
        self.accept_all_button = QPushButton(self.tr("Accept all"), self)
        self.accept_all_button.setObjectName("acceptAllButton")
        self.accept_all_button.setEnabled(any(s.changes for s in suggestions))
        self.accept_all_button.clicked.connect(self._on_accept_all_clicked)
        self.done_button = QPushButton(self.tr("Done"), self)
        self.done_button.setObjectName("doneButton")
        self.done_button.setDefault(True)
        self.done_button.clicked.connect(self.accept)
        bottom.addStretch(1)
        bottom.addWidget(self.accept_all_button)
        bottom.addWidget(self.done_button)
        layout.addLayout(bottom)
        self.resize(640, min(760, body.sizeHint().height() + 110))

    def row(self, exercise_id: str) -> SuggestionRow:
        return next(r for r in self.rows if r.suggestion.exercise_id == exercise_id)

    def accepted_targets(self) -> dict[str, Targets]:
        return {r.suggestion.exercise_id: r.suggestion.suggested for r in self.rows if r.accepted}

    def _on_accept_all_clicked(self) -> None:
        for r in self.rows:  # a row just dismissed stays dismissed: "all the others"
            if r.suggestion.changes and not r.dismissed:
                r.accept_button.setChecked(True)
        self.accept()
