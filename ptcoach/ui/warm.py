"""Import, in a background thread once start-up is idle, the modules the runner's next clicks
need (the session window, the cue director, the progress charts with pyqtgraph and numpy), so
the first Start and the first Progress do not pay for them on the GUI thread (issue 11: the
pyqtgraph import alone froze the home window 450-630 ms at the first Progress).

Only imports run there (no QObject is made), one module at a time with a short sleep between,
so the GUI thread gets the GIL back often; a module the GUI thread needs while the thread is
importing it simply waits for that import to end. Failures are left for the real import to
report where it happens.

PySide builds a class's enum types on first use, in Python, and not safely across threads:
while one thread builds them, another finds them missing (AttributeError) or crashes. The `Qt`
namespace, which every module and key handler uses, is therefore built on the GUI thread before
any import thread starts (`_build_shared_enums`): a Space pressed while `ptcoach run` attached
its session raised "Qt has no attribute 'Key'" and was lost (about 1 start in 50).
"""

from __future__ import annotations

import contextlib
import importlib
import sys
import threading
import time
from collections.abc import Callable, Sequence

from ptcoach.ui.background import in_background

MODULES = (
    "ptcoach.engine.session",
    "ptcoach.ui.session.driver",
    "ptcoach.ui.session.view",
    "ptcoach.ui.session.window",
    # what the window imports once its session is attached (`ptcoach run` paints it before)
    "ptcoach.ui.session.summary",
    "ptcoach.ui.session.sleep_guard",
    "ptcoach.ui.session.event_log",
    "ptcoach.ui.voice.session_voice",
    "ptcoach.ui.camera.camera_settings",
    "ptcoach.audio.director",
    "ptcoach.store.recorder",
    "ptcoach.ui.session.rating_dialog",
    "numpy",
    "pyqtgraph",
    "ptcoach.ui.progress.charts",
    "ptcoach.ui.progress.trends",
    "ptcoach.ui.progress.view",
    "ptcoach.ui.builder.window",
    "ptcoach.ui.learn_view",
    "ptcoach.ui.preferences",
)
PAUSE_S = 0.01  # between modules: the GUI thread's turn


def _build_shared_enums() -> None:
    """On the calling (GUI) thread: the `Qt` namespace's ~90 enum types, once (~12 ms)."""
    from PySide6.QtCore import Qt

    Qt.Key  # noqa: B018  (the first use builds them all)


def warm(modules: tuple[str, ...] = MODULES, *, pause_s: float = PAUSE_S) -> threading.Thread:
    """Start importing `modules` in a daemon thread; returns the thread (tests join it)."""
    _build_shared_enums()

    def run() -> None:
        for name in modules:
            if name in sys.modules:
                continue
            try:
                importlib.import_module(name)
            except Exception:  # the real import, where it is needed, reports it
                continue
            time.sleep(pause_s)

    thread = threading.Thread(target=run, name="ptcoach-warm-imports", daemon=True)
    thread.start()
    return thread


def import_then(modules: Sequence[str], then: Callable[[], None]) -> threading.Thread:
    """Import `modules` in a worker thread, then run `then` on the GUI thread: the work after
    the first paint needs them, and importing them there froze the new window 80 ms and more."""
    _build_shared_enums()

    def run() -> None:
        for name in modules:
            if name not in sys.modules:
                with contextlib.suppress(Exception):  # the real import, where needed, says it
                    importlib.import_module(name)

    return in_background(run, lambda _result: then())
