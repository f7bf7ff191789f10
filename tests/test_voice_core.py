"""The voice recogniser on recordings: espeak-ng speech rendered at test time, `ptcoach listen`
as its own process, the cue-time gate, the app's tones, and that no cue says a command word."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import numpy as np
import pytest
from helpers import voice_render as vr

from ptcoach.audio.clips import PHRASES
from ptcoach.voice import vocabulary as vocab
from ptcoach.voice.audiofile import chunks
from ptcoach.voice.recogniser import Recogniser, recognise

ROOT = Path(__file__).resolve().parent.parent


def cue_words() -> set[str]:
    """Every word the app speaks: its phrases, the rep numbers (1-30) and the exercise names;
    bar the question "say yes to end the session", which must say "yes" (and is ignored while
    it plays, like every cue)."""
    texts = [t for cid, t in PHRASES.items() if cid != "confirm_stop"]
    for path in (ROOT / "resources" / "exercises").glob("*.toml"):
        texts.append(tomllib.loads(path.read_text(encoding="utf-8"))["name"])
    words = {w for t in texts for w in re.findall(r"[a-z']+", t.lower())}
    return words | set(vocab.NUMBER_WORDS)


def test_no_cue_word_is_a_command_word() -> None:
    said = cue_words()
    assert {"rest", "halfway", "plank", "thirty"} <= said  # the list is really the cues
    commands = set(vocab.COMMAND_WORDS) | set(vocab.CONFIRM_WORDS)
    assert not said & commands
    assert not set(PHRASES["confirm_stop"].lower().split()) & set(vocab.COMMAND_WORDS)


def test_every_command_word_said_alone_is_taken(tmp_path: Path) -> None:
    said = vr.commands(voices=vr.VOICES[:2])
    audio, ends = vr.sequence([s[3] for s in said])
    found = recognise(chunks(audio))
    taken = [(d.word, d.t) for d in found]
    hits = 0
    for (word, voice, speed, _), end in zip(said, ends, strict=True):
        near = [w for w, t in taken if abs(t - end) < 0.3]
        assert len(near) <= 1
        assert near in ([], [word]), f"{word!r} ({voice}, {speed}) heard as {near}"
        hits += near == [word]
    assert hits >= 0.9 * len(said), f"only {hits} of {len(said)} commands taken"


def test_sentences_trigger_nothing() -> None:
    audio, _ = vr.sequence(vr.distractors(), gap_s=0.8)
    assert recognise(chunks(audio)) == []


def test_the_apps_tones_trigger_nothing() -> None:
    tones = [
        x
        for cid, x in vr.cue_clips().items()
        if cid in ("tick", "start", "end", "tempo_lift", "tempo_lower", "notice")
    ]
    audio, _ = vr.sequence(tones * 3, gap_s=0.5)
    assert recognise(chunks(audio)) == []


def test_words_heard_while_a_cue_plays_are_ignored() -> None:
    words = vr.commands(voices=vr.VOICES[:1], speeds=(150,), words=("pause", "next", "stop"))
    audio, ends = vr.sequence([w[3] for w in words])
    rec = Recogniser()
    rec.ignore(ends[1] - 0.5, ends[1] + 0.2)  # "next" falls inside a cue and its tail
    found = recognise(chunks(audio), rec)
    assert [d.word for d in found] == ["pause", "stop"]


def run_listen(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptcoach", "listen", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_listen_prints_commands_and_times_as_json(tmp_path: Path) -> None:
    words = vr.commands(voices=("en-us+f5",), speeds=(150,), words=("pause", "go", "next", "done"))
    audio, ends = vr.sequence([w[3] for w in words], gap_s=1.2)
    wav = vr.write_wav(tmp_path / "said.wav", audio)
    out = run_listen(str(wav), "--format", "json")
    assert out.returncode == 0, out.stderr
    heard = json.loads(out.stdout)
    assert [h["command"] for h in heard] == ["pause", "resume", "next", "done"]
    for h, end in zip(heard, ends, strict=True):
        assert abs(h["t"] - end) < 0.15


def test_listen_reads_other_rates_and_stereo(tmp_path: Path) -> None:
    words = vr.commands(voices=("en-us+f5",), speeds=(150,), words=("stop",))
    audio, _ = vr.sequence([words[0][3]])
    mono = vr.write_wav(tmp_path / "mono.wav", audio)
    stereo = tmp_path / "stereo44k.wav"
    subprocess.run(["sox", str(mono), "-r", "44100", "-c", "2", str(stereo)], check=True)
    out = run_listen(str(stereo))
    assert out.returncode == 0, out.stderr
    assert "stop" in out.stdout


@pytest.mark.parametrize("content", [b"", b"hello, not audio\n" * 20, b"RIFF\x00\x00"])
def test_listen_refuses_a_file_that_is_not_audio(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "notes.wav"
    bad.write_bytes(content)
    out = run_listen(str(bad))
    assert out.returncode != 0
    assert "notes.wav" in out.stderr and "not a WAV recording" in out.stderr
    assert "Traceback" not in out.stderr


def test_listen_on_a_missing_file(tmp_path: Path) -> None:
    out = run_listen(str(tmp_path / "nope.wav"))
    assert out.returncode != 0 and "no such file" in out.stderr


def test_silence_and_noise_trigger_nothing() -> None:
    rng = np.random.default_rng(3)
    noise = (rng.normal(0, 300, vr.RATE * 10)).astype(np.int16)
    assert recognise(chunks(np.concatenate([vr.silence(5), noise]))) == []
