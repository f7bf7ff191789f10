"""Cut a stream of 16 kHz mono samples into utterances: stretches of sound between pauses.

Energy based, 10 ms frames, against a noise floor that follows the room. A command is said on
its own, so an utterance is handed on with its speech length: the recogniser only decodes
short ones, and a sentence (one long utterance) can never hold a command.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

RATE = 16000
FRAME = RATE // 100  # 10 ms
START_FRAMES = 3  # loud frames in a row that start an utterance
END_SILENCE_S = 0.30  # quiet this long ends it
PRE_ROLL_S = 0.20  # audio kept before the start (and after the end), for the decoder
MIN_DB = -52.0  # never count anything quieter than this as sound
ABOVE_FLOOR_DB = 12.0  # sound is this far above the noise floor
MAX_UTTERANCE_S = 4.0  # longer: cut (it is speech, not a command) and start over


@dataclass(frozen=True)
class Utterance:
    start: float  # time of the first loud frame (seconds, on the caller's clock)
    end: float  # time just after the last loud frame: the end of the word
    samples: npt.NDArray[Any]  # int16, with PRE_ROLL_S of context both sides

    @property
    def speech_s(self) -> float:
        return self.end - self.start


class Segmenter:
    def __init__(self) -> None:
        self._pending = np.zeros(0, dtype=np.int16)
        self._pending_t0 = 0.0  # time of the first pending sample
        self._history: deque[npt.NDArray[Any]] = deque(maxlen=int(PRE_ROLL_S * 100))
        self._floor_db = -60.0
        self._loud_run = 0
        self._quiet_run = 0
        self._frames: list[npt.NDArray[Any]] = []  # of the utterance in progress
        self._start: float | None = None
        self._last_loud_end = 0.0
        self._too_long = False

    def feed(self, samples: npt.NDArray[Any], t_end: float) -> list[Utterance]:
        """`samples` (int16) end at time `t_end`; returns the utterances they completed."""
        t0 = t_end - len(samples) / RATE
        if len(self._pending) == 0:
            self._pending_t0 = t0
        self._pending = np.concatenate([self._pending, samples.astype(np.int16, copy=False)])
        out: list[Utterance] = []
        n = len(self._pending) // FRAME
        for i in range(n):
            frame = self._pending[i * FRAME : (i + 1) * FRAME]
            t = self._pending_t0 + i * FRAME / RATE
            done = self._frame(frame, t)
            if done is not None:
                out.append(done)
        self._pending = self._pending[n * FRAME :]
        self._pending_t0 += n * FRAME / RATE
        return out

    def _frame(self, frame: npt.NDArray[Any], t: float) -> Utterance | None:
        x = frame.astype(np.float32) / 32768.0
        db = 10 * np.log10(float(np.mean(x * x)) + 1e-12)
        loud = db > max(MIN_DB, self._floor_db + ABOVE_FLOOR_DB)
        if not loud:  # the floor follows quiet frames quickly, loud ones never
            self._floor_db += (
                0.05 * (db - self._floor_db) if db > self._floor_db else 0.3 * (db - self._floor_db)
            )
        if self._start is None:
            self._history.append(frame)
            self._loud_run = self._loud_run + 1 if loud else 0
            if self._loud_run >= START_FRAMES:
                self._start = t - (START_FRAMES - 1) * FRAME / RATE
                self._frames = list(self._history)
                self._quiet_run = 0
                self._last_loud_end = t + FRAME / RATE
                self._too_long = False
            return None
        self._frames.append(frame)
        if loud:
            self._quiet_run = 0
            self._last_loud_end = t + FRAME / RATE
        else:
            self._quiet_run += 1
        if t + FRAME / RATE - self._start > MAX_UTTERANCE_S:
            self._too_long = True
        if self._quiet_run * FRAME / RATE >= END_SILENCE_S:
            keep = len(self._frames) - self._quiet_run + int(PRE_ROLL_S * 100)
            utt = Utterance(self._start, self._last_loud_end, np.concatenate(self._frames[:keep]))
            self._start = None
            self._frames = []
            self._loud_run = 0
            self._history.clear()
            if self._too_long:
                return Utterance(utt.start, utt.end, np.zeros(0, dtype=np.int16))
            return utt
        if self._too_long and len(self._frames) > MAX_UTTERANCE_S * 100 * 2:
            self._frames = self._frames[-int(PRE_ROLL_S * 100) :]  # bound memory in a monologue
        return None
