"""What the runner can say, what each word does, and what the recogniser must never take for
a command.

Each command word maps to a hands-free action name (`ptcoach.ui.session.handsfree.Command`
values; kept as strings so the core stays Qt-free). "yes" and "no" only answer the question
"say yes to stop". The app's own spoken cues are listed as rejection phrases: the grammar can
explain them without choosing a command word (and no cue phrase contains a command word, which
tests/test_voice_core.py checks against ptcoach/audio/clips.py and the exercise names).
"""

from __future__ import annotations

import re

# word -> action
COMMAND_WORDS: dict[str, str] = {
    "pause": "pause",
    "go": "resume",
    "resume": "resume",
    "next": "next",
    "back": "back",
    "repeat": "repeat",
    "done": "done",
    "stop": "stop",
    "mute": "mute",
}
CONFIRM_WORDS: dict[str, str] = {"yes": "yes", "no": "no"}

# The lowest posterior (0..1, from the decoder's lattice) at which a word is taken. Tuned with
# benchmarks/bench_voice.py. Most of the rejection comes before this: only an utterance short
# enough to be one word alone is decoded, tones never are, nor anything heard while a cue
# plays. Here the posterior sifts what is left: "next" and "done" come out lower than the
# others when really said (0.2-0.3), and lowering them added no false trigger in the bench.
DEFAULT_THRESHOLD = 0.3
THRESHOLDS: dict[str, float] = {"next": 0.2, "done": 0.22}

# The numbers the app says (rep counts up to 30 are said as "twenty one" and so on).
NUMBER_WORDS: tuple[str, ...] = (
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
)
# Phrases the grammar may choose instead of a command: the app's own cues, so a cue that leaks
# past the time gate is explained as itself, not taken as a command.
REJECT_PHRASES: tuple[str, ...] = (
    "get ready",
    "left side",
    "right side",
    "switch sides",
    "rest",
    "last set",
    "halfway",
    "ten seconds",
    "session complete",
    *NUMBER_WORDS,
)


def cue_phrases() -> list[str]:
    """Everything the app says in words, bar the exercise names: the cue phrases and the rep
    numbers, in lower case. (Exercise names in the grammar cost more detections than they
    save: the decoder ends inside them, "back" becoming "bent" of "bent-knee".)"""
    from ptcoach.audio.clips import PHRASES

    texts = [*PHRASES.values(), *NUMBER_WORDS, *(f"twenty {n}" for n in NUMBER_WORDS[:9])]
    phrases = [" ".join(re.findall(r"[a-z']+", t.lower().replace("-", " "))) for t in texts]
    return list(dict.fromkeys(p for p in phrases if p))


def threshold(word: str) -> float:
    return THRESHOLDS.get(word, DEFAULT_THRESHOLD)


def grammar(words: list[str] | tuple[str, ...]) -> str:
    """A JSGF grammar: exactly one of `words` (a phrase of several words is one choice)."""
    return "#JSGF V1.0;\ngrammar ptcoach;\npublic <say> = " + " | ".join(words) + ";\n"
