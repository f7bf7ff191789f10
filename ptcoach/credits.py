"""Who and what ptcoach builds on, shown in the About dialog (Help > About ptcoach).

A plain data list, Qt-free: a feature that ships or downloads third-party content appends its
entry here at import time (the camera and voice features add their model weights with
`kind=MODEL_WEIGHTS`), and the About dialog lists whatever is here when it opens.
"""

from __future__ import annotations

from dataclasses import dataclass

HOMEPAGE = "https://github.com/ptcoach/ptcoach"

EXERCISE_CONTENT = "Exercise content"
MODEL_WEIGHTS = "Model weights"
MEDIA = "Sounds and images"
LIBRARIES = "Libraries"
KINDS = (EXERCISE_CONTENT, MODEL_WEIGHTS, MEDIA, LIBRARIES)  # the dialog's order


@dataclass(frozen=True)
class Credit:
    kind: str  # one of KINDS
    name: str  # what is credited
    by: str  # its authors or publisher
    licence: str  # SPDX id or a short phrase
    url: str = ""
    note: str = ""  # what ptcoach takes from it


CREDITS: list[Credit] = [
    Credit(
        EXERCISE_CONTENT,
        "“Understand the Top Benefits of Physical Therapy for Runners”",
        "the article's authors",
        "facts and numbers only",
        note="The exercises, conditions and their sets, reps and hold times follow this "
        "article. Every text in the app is written for ptcoach; where the article "
        "gives no number, the exercise says it uses standard guidance instead.",
    ),
    Credit(
        MEDIA,
        "Spoken cues and tones",
        "generated with eSpeak NG and SoX",
        "GPL (the programs; the clips are their output)",
        url="https://github.com/espeak-ng/espeak-ng",
    ),
    Credit(MEDIA, "Icon and illustrations", "ptcoach developers", "MIT"),
    Credit(
        LIBRARIES,
        "Qt and Qt for Python (PySide6)",
        "The Qt Company",
        "LGPL-3.0-only",
        url="https://www.qt.io/qt-for-python",
    ),
    Credit(
        LIBRARIES, "pyqtgraph", "the pyqtgraph developers", "MIT", url="https://www.pyqtgraph.org"
    ),
    Credit(LIBRARIES, "NumPy", "the NumPy developers", "BSD-3-Clause", url="https://numpy.org"),
    Credit(LIBRARIES, "platformdirs, playsound3, tomli-w", "their authors", "MIT"),
    Credit(LIBRARIES, "fit-tool", "Matt Tucker (Stages Cycling), Fei Duan", "BSD-3-Clause"),
]


def register(credit: Credit) -> None:
    """Add a feature's credit once (a module imported twice, or reloaded, adds nothing)."""
    if credit not in CREDITS:
        CREDITS.append(credit)


def by_kind(kind: str) -> list[Credit]:
    return [c for c in CREDITS if c.kind == kind]
