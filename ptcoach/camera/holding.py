"""The hold clock: runs only while the position is held.

Each frame says held, not held, or unknown (nobody seen: not held). The position counts as
lost after `lose_after_s` out of it (a frame's misjudgement does not stop the clock) and as
regained after `regain_after_s` in it. Held stretches run from the first frame of a run of
"held" frames to the first frame of the run that lost it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class HoldChange(StrEnum):
    REGAINED = "regained"  # (the first time: the hold began)
    LOST = "lost"


@dataclass
class HoldTimer:
    lose_after_s: float = 0.6
    regain_after_s: float = 0.4
    stretches: list[tuple[float, float]] = field(default_factory=list)  # (start, end), closed

    def __post_init__(self) -> None:
        self.held = False
        self._run_start: float | None = None  # first frame of the current opposite run
        self._since = 0.0  # when the current held stretch began
        self._t = 0.0

    def assume_held(self, t: float) -> None:
        """Start as held at `t` (a session's hold begins after its get-ready put the runner in
        position): only a loss is reported from here."""
        self.held = True
        self._since = t
        self._t = t
        self._run_start = None

    def feed(self, t: float, held: bool | None) -> HoldChange | None:
        self._t = t
        now_in = bool(held)
        if now_in == self.held:
            self._run_start = None
            return None
        if self._run_start is None:
            self._run_start = t
        wait = self.regain_after_s if now_in else self.lose_after_s
        if t - self._run_start < wait:
            return None
        at, self._run_start = self._run_start, None
        self.held = now_in
        if now_in:
            self._since = at
            return HoldChange.REGAINED
        self.stretches.append((self._since, at))
        return HoldChange.LOST

    def held_s(self, t: float | None = None) -> float:
        """Seconds held so far (the open stretch up to `t`, default the last frame)."""
        total = sum(b - a for a, b in self.stretches)
        if self.held:
            total += (self._t if t is None else t) - self._since
        return total

    def stretches_until(self, t: float) -> list[tuple[float, float]]:
        """The held stretches, the open one (if any) up to `t`; nothing changes."""
        return [*self.stretches, *([(self._since, t)] if self.held else [])]

    def close(self, t: float) -> list[tuple[float, float]]:
        """End of input at `t`: the held stretches, the open one closed there."""
        if self.held:
            self.stretches.append((self._since, t))
            self.held = False
        return self.stretches
