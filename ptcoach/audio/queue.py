"""The spoken-cue queue: one voice at a time, most important first, stale cues dropped.

Pure and clock-free: every call takes `now` (monotonic) so tests need no sound and no sleep.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ptcoach.audio.cues import Cue


@dataclass
class VoiceQueue:
    lead_s: float = 0.0  # output latency: a clip started at `now` is heard at now + lead_s
    busy_until: float = float("-inf")  # when the clip now playing ends (audibly)
    _items: list[tuple[int, int, Cue]] = field(default_factory=list)
    _seq: int = 0
    dropped: list[Cue] = field(default_factory=list)  # stale cues, kept for tests and logs

    def push(self, cue: Cue) -> None:
        self._seq += 1
        self._items.append((-cue.priority, self._seq, cue))
        self._items.sort(key=lambda item: (item[0], item[1]))

    def __len__(self) -> int:
        return len(self._items)

    def pop_due(self, now: float) -> Cue | None:
        """The cue to start now, or None (a clip still plays, or nothing fresh is waiting).
        Cues that would be heard later than their `max_late_s` are dropped on the way."""
        if now + self.lead_s < self.busy_until:
            return None
        while self._items:
            _, _, cue = self._items.pop(0)
            if now + self.lead_s <= cue.at + cue.max_late_s:
                return cue
            self.dropped.append(cue)
        return None

    def started(self, now: float, duration_s: float) -> None:
        """Record that a clip of `duration_s` started at `now`."""
        self.busy_until = now + self.lead_s + duration_s

    def clear(self) -> None:
        self._items.clear()
        self.busy_until = float("-inf")
