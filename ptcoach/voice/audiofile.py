"""Read a recording for the recogniser: a WAV file (any rate, 8/16/32-bit PCM, mono or not) as
16 kHz mono int16, or a clear error saying why it cannot be read."""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ptcoach.voice.segmenter import RATE


class NotAudio(ValueError):
    """The file is missing, unreadable or not a PCM WAV recording."""


def read_wav(path: Path) -> npt.NDArray[Any]:
    try:
        with wave.open(str(path), "rb") as w:
            channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
            raw = w.readframes(w.getnframes())
    except FileNotFoundError:
        raise NotAudio(f"{path}: no such file") from None
    except IsADirectoryError:
        raise NotAudio(f"{path}: is a folder, not a recording") from None
    except (wave.Error, EOFError) as exc:
        raise NotAudio(
            f"{path}: not a WAV recording ({exc}); convert it first, for example "
            f"with: sox '{path.name}' -r 16000 -c 1 out.wav"
        ) from None
    except OSError as exc:
        raise NotAudio(f"{path}: cannot be read: {exc.strerror or exc}") from None
    dtypes: dict[int, np.dtype[np.generic]] = {
        1: np.dtype(np.uint8),
        2: np.dtype("<i2"),
        4: np.dtype("<i4"),
    }
    dtype = dtypes.get(width)
    if dtype is None or rate <= 0 or channels <= 0:
        raise NotAudio(f"{path}: {8 * width}-bit WAV at {rate} Hz is not supported; use 16-bit PCM")
    raw_x = np.frombuffer(raw[: len(raw) // (width * channels) * width * channels], dtype=dtype)
    x: npt.NDArray[Any] = raw_x.astype(np.float32)
    if width == 1:
        x = (x - 128.0) * 256.0
    elif width == 4:
        x = x / 65536.0
    x = x.reshape(-1, channels).mean(axis=1)
    return to_int16(resample(x, rate))


def resample(x: npt.NDArray[Any], rate: int) -> npt.NDArray[Any]:
    """To RATE, after a moving-average low-pass when going down (enough for speech)."""
    if rate == RATE or len(x) == 0:
        return x
    if rate > RATE:
        k = max(1, round(rate / RATE))
        if k > 1:
            x = np.convolve(x, np.ones(k) / k, mode="same")
    n = round(len(x) * RATE / rate)
    out: npt.NDArray[Any] = np.interp(np.arange(n) * (rate / RATE), np.arange(len(x)), x)
    return out


def to_int16(x: npt.NDArray[Any]) -> npt.NDArray[Any]:
    out: npt.NDArray[Any] = np.clip(np.round(x), -32768, 32767).astype(np.int16)
    return out


def chunks(samples: npt.NDArray[Any], size: int = 1600) -> list[tuple[npt.NDArray[Any], float]]:
    """(chunk, time of its last sample) pairs, as a microphone would deliver them."""
    return [
        (samples[i : i + size], (i + len(samples[i : i + size])) / RATE)
        for i in range(0, len(samples), size)
    ]
