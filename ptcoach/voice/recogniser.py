"""The recogniser: 16 kHz samples in, commands (with the time each word ended) out.

Each short utterance the segmenter cuts is decoded by pocketsphinx against a small grammar: the
command words, "yes"/"no", and the app's own cue phrases (so a cue is explained as itself). A
word is taken only when the utterance is short enough to be that word alone, is not a pure tone
(the app's beeps), and the decoder's posterior for it reaches the word's threshold. Audio that
overlaps an ignored interval (a cue playing, and its tail) is never decoded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from ptcoach.voice import vocabulary as vocab
from ptcoach.voice.segmenter import RATE, Segmenter, Utterance

MIN_SPEECH_S = 0.10
MAX_SPEECH_S = 1.10  # a command word alone; longer is a sentence
TONAL_SHARE = 0.9  # a beep puts this much of a frame's energy around one frequency
DITHER = 12.0  # int16 units of noise: digital silence (a null sink) confuses the features


class VoiceUnavailable(RuntimeError):
    """The voice extra is not installed (or its model cannot be loaded)."""


@dataclass(frozen=True)
class Detection:
    word: str  # what was said ("go", "yes"...)
    action: str  # what it does ("resume", "yes"...)
    t: float  # when the word ended, on the caller's clock
    prob: float  # the decoder's posterior


def load_decoder() -> object:
    """A pocketsphinx decoder with the command grammar; VoiceUnavailable when it cannot be."""
    try:
        from pocketsphinx import Decoder
    except ImportError as exc:
        raise VoiceUnavailable(
            "voice commands need the voice extra: pip install 'ptcoach[voice]' (or make voice)"
        ) from exc
    try:
        decoder = Decoder(samprate=RATE, loglevel="FATAL")
        known = [
            p
            for p in dict.fromkeys([*vocab.REJECT_PHRASES, *vocab.cue_phrases()])
            if all(decoder.lookup_word(w) is not None for w in p.split())
        ]
        words = [*vocab.COMMAND_WORDS, *vocab.CONFIRM_WORDS, *known]
        decoder.add_jsgf_string("commands", vocab.grammar(words))
        decoder.activate_search("commands")
    except (RuntimeError, ValueError, OSError) as exc:
        raise VoiceUnavailable(f"the speech model could not be loaded: {exc}") from exc
    return decoder


class Recogniser:
    def __init__(self, decoder: object | None = None) -> None:
        self._decoder = decoder if decoder is not None else load_decoder()
        self._segmenter = Segmenter()
        self._ignored: list[tuple[float, float]] = []
        self._rng = np.random.default_rng(17)
        self.rejected: list[tuple[float, str, str]] = []  # (t, word or "", why): for tuning

    def ignore(self, start: float, end: float) -> None:
        """Never take a word heard (in part) from `start` to `end` (a cue playing)."""
        self._ignored.append((start, end))

    def feed(self, samples: npt.NDArray[Any], t_end: float) -> list[Detection]:
        """Samples (int16, 16 kHz, mono) whose last one was heard at `t_end`."""
        noisy = samples.astype(np.float32) + self._rng.normal(0, DITHER, len(samples))
        pcm = np.clip(noisy, -32768, 32767).astype(np.int16)
        out = []
        for utt in self._segmenter.feed(pcm, t_end):
            found = self._decide(utt)
            if found is not None:
                out.append(found)
        # Forget what can no longer overlap an utterance (the longest is MAX_UTTERANCE_S).
        self._ignored = [(a, b) for a, b in self._ignored if b > t_end - 10.0]
        return out

    def flush(self, t_end: float) -> list[Detection]:
        """End of input: a second of silence lets an utterance in progress finish."""
        return self.feed(np.zeros(RATE, dtype=np.int16), t_end + 1.0)

    def _decide(self, utt: Utterance) -> Detection | None:
        if not MIN_SPEECH_S <= utt.speech_s <= MAX_SPEECH_S:
            self._reject(utt, "", "length")
            return None
        if any(a < utt.end + 0.05 and utt.start - 0.05 < b for a, b in self._ignored):
            self._reject(utt, "", "cue playing")
            return None
        if _tonal(utt.samples):
            self._reject(utt, "", "tone")
            return None
        word, prob = self._decode(utt.samples)
        action = vocab.COMMAND_WORDS.get(word) or vocab.CONFIRM_WORDS.get(word)
        if action is None:
            self._reject(utt, word, "not a command")
            return None
        if prob < vocab.threshold(word):
            self._reject(utt, word, f"unsure ({prob:.2f})")
            return None
        return Detection(word, action, utt.end, prob)

    def _decode(self, samples: npt.NDArray[Any]) -> tuple[str, float]:
        d: object = self._decoder
        d.start_utt()  # type: ignore[attr-defined]
        d.process_raw(samples.tobytes(), full_utt=True)  # type: ignore[attr-defined]
        d.end_utt()  # type: ignore[attr-defined]
        hyp = d.hyp()  # type: ignore[attr-defined]
        if hyp is None:
            return "", 0.0
        return hyp.hypstr.strip(), float(d.get_prob())  # type: ignore[attr-defined]

    def _reject(self, utt: Utterance, word: str, why: str) -> None:
        self.rejected.append((utt.end, word, why))
        del self.rejected[:-200]
        return None


def _tonal(samples: npt.NDArray[Any]) -> bool:
    """A beep: in most loud 32 ms frames nearly all the energy sits at one frequency (speech
    spreads it over harmonics and formants)."""
    x = samples.astype(np.float32)
    n = 512
    frames = [x[i : i + n] for i in range(0, len(x) - n, n // 2)]
    window = np.hanning(n)
    spectra = [np.abs(np.fft.rfft(f * window)) ** 2 for f in frames]
    if not spectra:
        return False
    totals = np.array([float(p.sum()) for p in spectra])
    shares = []
    for power, total in zip(spectra, totals, strict=True):
        if total < 0.1 * totals.max():  # the quiet frames around the sound
            continue
        k = int(np.argmax(power))
        shares.append(float(power[max(0, k - 2) : k + 3].sum()) / total)
    return bool(shares) and float(np.median(shares)) > TONAL_SHARE


def recognise(
    chunks: Iterable[tuple[npt.NDArray[Any], float]], recogniser: Recogniser | None = None
) -> list[Detection]:
    """Run over (samples, t_end) chunks to the end: every detection, in order."""
    rec = recogniser or Recogniser()
    out: list[Detection] = []
    t = 0.0
    for samples, t in chunks:
        out.extend(rec.feed(samples, t))
    out.extend(rec.flush(t))
    return out
