"""`ptcoach listen AUDIO.wav [--format json]`: the voice commands a recording holds, with the
time each word ended, found by the same recogniser a session listens with."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "listen",
        help="print the voice commands heard in a recording",
        description="Run the voice-command recogniser over a WAV recording and print each "
        "command it would have taken, with the time (seconds from the start) its word ended.",
    )
    parser.add_argument("audio", metavar="AUDIO.wav", type=Path, help="a WAV recording")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help='json: [{"command": "pause", "t": 1.23}, ...]',
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ptcoach.voice.audiofile import NotAudio, chunks, read_wav
    from ptcoach.voice.recogniser import Recogniser, VoiceUnavailable, recognise

    try:
        samples = read_wav(args.audio)
    except NotAudio as exc:
        print(f"ptcoach listen: {exc}", file=sys.stderr)
        return 2
    try:
        recogniser = Recogniser()
    except VoiceUnavailable as exc:
        print(f"ptcoach listen: {exc}", file=sys.stderr)
        return 3
    found = [d for d in recognise(chunks(samples), recogniser) if d.action not in ("yes", "no")]
    if args.format == "json":
        print(json.dumps([{"command": d.action, "t": round(d.t, 2)} for d in found]))
    else:
        for d in found:
            print(f"{d.t:8.2f}  {d.action}  (said {d.word!r})")
        if not found:
            print("no commands heard")
    return 0
