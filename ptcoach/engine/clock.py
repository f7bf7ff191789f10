"""Clocks to inject into the engine: the real monotonic one, and a fake for tests."""

from __future__ import annotations

import time


def monotonic() -> float:
    return time.monotonic()


class FakeClock:
    """A clock that only moves when told to: tests run a 30-minute session in milliseconds."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        self.now += seconds
        return self.now
