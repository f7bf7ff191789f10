"""Counting reps from one number per frame (a joint angle, a distance in torso lengths).

The thresholds are relative to the runner's own range of motion as the counter sees it: the
lowest and highest (smoothed) values of the last `window_s` seconds. A rep starts when the value
climbs above `UP` of that range and is counted when it falls back below `DOWN` (hysteresis: a
wobble around one threshold is not a rep). Nothing counts until the range is at least
`min_range` (the exercise's smallest real movement), so a runner keeping still, whose values
only jitter, counts no reps. A tracking baseline that drifts moves the window's range with it.
"""

from __future__ import annotations

import statistics
from collections import deque
from dataclasses import dataclass

UP = 0.6  # share of the range above the low end where a rep is under way
DOWN = 0.35  # ... and below which it has ended
SMOOTH = 5  # frames in the median filter (removes single-frame glitches)
MAX_GAP_S = 2.0  # longer without the value (nobody seen): smoothing restarts


@dataclass
class RepCounter:
    min_range: float
    window_s: float = 12.0
    min_rep_s: float = 0.3  # faster than this is not a rep (a glitch)

    def __post_init__(self) -> None:
        self.count = 0
        self.up = False  # a rep is under way
        self._recent: deque[float] = deque(maxlen=SMOOTH)
        self._window: deque[tuple[float, float]] = deque()
        self._last_t: float | None = None
        self._up_since = 0.0
        self.last_rep_t: float | None = None
        self.peak_range = 0.0  # the largest range seen (to choose a side)
        self.value: float | None = None  # the last smoothed value

    @property
    def low(self) -> float:
        return min(v for _, v in self._window) if self._window else 0.0

    @property
    def high(self) -> float:
        return max(v for _, v in self._window) if self._window else 0.0

    def progress(self) -> float | None:
        """Where the last value sits in the current range, 0 (rest) .. 1 (top), or None."""
        span = self.high - self.low
        if self.value is None or span < self.min_range:
            return None
        return (self.value - self.low) / span

    def cancel(self) -> None:
        """Drop the rep under way (the picture now shows someone else): it will not count."""
        self.up = False
        self._recent.clear()

    def feed(self, t: float, raw: float | None) -> bool:
        """One frame at `t` (seconds); `raw` None when the value could not be measured.
        True when this frame ends a rep."""
        if raw is None:
            return False
        if self._last_t is not None and t - self._last_t > MAX_GAP_S:
            self._recent.clear()
        self._last_t = t
        self._recent.append(raw)
        v = statistics.median(self._recent)
        self.value = v
        self._window.append((t, v))
        while self._window and self._window[0][0] < t - self.window_s:
            self._window.popleft()
        lo, hi = self.low, self.high
        span = hi - lo
        self.peak_range = max(self.peak_range, span)
        if span < self.min_range:
            return False
        if not self.up:
            if v >= lo + UP * span:
                self.up = True
                self._up_since = t
            return False
        if v <= lo + DOWN * span:
            self.up = False
            if t - self._up_since >= self.min_rep_s:
                self.count += 1
                self.last_rep_t = t
                return True
        return False
