"""The visible-focus style fragment the theme applies: a ring round the focused control.

Apart from `a11y` (which re-exports it) so applying the theme at start-up does not load the
accessibility checks and the widget classes they inspect.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QColor


def focus_style(color: QColor) -> str:
    """A style sheet fragment drawing a clear 2 px ring round the focused control."""
    c = color.name()
    return (
        "QPushButton:focus, QToolButton:focus, QComboBox:focus, QAbstractSpinBox:focus, "
        f"QLineEdit:focus, QSlider:focus {{ outline: none; border: 2px solid {c}; "
        "border-radius: 4px; }\n"
        # Check boxes keep a transparent ring when unfocused, so focus never shifts the text.
        "QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 4px; "
        "padding: 2px; }\n"
        f"QCheckBox:focus, QRadioButton:focus {{ outline: none; border-color: {c}; }}\n"
        # Lists, trees, tables and text views: a ring too (the current row alone looks the
        # same focused or not, so Tab seemed to vanish into them).
        f"QAbstractItemView:focus, QTextEdit:focus, QPlainTextEdit:focus {{ "
        f"border: 2px solid {c}; }}\n"
        # Labels holding links (setProperty("linkLabel", True)): a ring when Tab reaches them.
        'QLabel[linkLabel="true"] { border: 2px solid transparent; border-radius: 4px; }\n'
        f'QLabel[linkLabel="true"]:focus {{ border-color: {c}; }}\n'
    )
