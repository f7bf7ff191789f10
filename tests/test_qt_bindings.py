"""The Qt bindings we run on must not leak references to None, True or False.

PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void method call (and to
True/False on Signal.emit), aborting the app after a few seconds of painting; pyproject.toml
pins below it. This test fails loudly if an upgrade brings such a build back.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor


class _Emitter(QObject):
    flag = Signal(bool)


def test_void_methods_and_signals_keep_the_refcounts_of_singletons(qapp: object) -> None:
    color = QColor(10, 20, 30)
    emitter = _Emitter()
    emitter.flag.connect(lambda value: None)
    before = [sys.getrefcount(x) for x in (None, True, False)]
    for _ in range(200):
        color.setAlphaF(0.5)
        emitter.flag.emit(True)
        emitter.flag.emit(False)
    after = [sys.getrefcount(x) for x in (None, True, False)]
    lost = [b - a for b, a in zip(before, after, strict=True)]
    assert all(n < 50 for n in lost), f"references lost by None/True/False: {lost}"  # 600 calls
