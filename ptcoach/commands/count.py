"""`ptcoach count VIDEO --exercise ID [--format json]`: the camera coach run over a video file:
the reps counted, the holds timed and the form cues it would have given."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = sub.add_parser(
        "count",
        help="count the reps and time the holds in a video of an exercise",
        description="Run the camera coach (the on-device pose model of the camera extra) over "
        "a video file and print the reps it counted and the holds it timed.",
    )
    parser.add_argument("video", metavar="VIDEO", type=Path, help="a video file")
    parser.add_argument(
        "--exercise", required=True, metavar="ID", help="the exercise in the video, e.g. clamshell"
    )
    parser.add_argument(
        "--side",
        choices=("left", "right"),
        default=None,
        help="the working side of a per-side exercise (default: the side that moves)",
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help='json: {"exercise", "reps", "holds_s", "frames", "fps", "warnings"}',
    )
    parser.set_defaults(func=run)


@contextlib.contextmanager
def _native_stderr_quiet(quiet: bool) -> Iterator[None]:
    """The pose runtime and the video decoder log from C++ straight to file descriptor 2
    (model loading notes, "moov atom not found"); the command says what matters in one line.
    With -v their log is kept."""
    if not quiet:
        yield
        return
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def run(args: argparse.Namespace) -> int:
    from ptcoach.camera import exercises
    from ptcoach.camera.backend import CameraUnavailable
    from ptcoach.camera.coach import can_see

    exercise = str(args.exercise)
    if not can_see(exercise):
        why = exercises.UNSEEN.get(exercise)
        if why is not None:
            print(f"ptcoach count: the camera cannot follow {exercise}: {why}", file=sys.stderr)
        else:
            print(
                f"ptcoach count: no exercise {exercise!r} the camera can follow; choose from: "
                + ", ".join(exercises.supported()),
                file=sys.stderr,
            )
        return 2
    try:
        from ptcoach.camera.video import Nobody, NotAVideo, count_video
    except ImportError:  # OpenCV comes with the extra
        from ptcoach.camera.backend import MISSING_EXTRA

        print(f"ptcoach count: {MISSING_EXTRA}", file=sys.stderr)
        return 3
    try:
        with _native_stderr_quiet(not getattr(args, "verbose", False)):
            result = count_video(args.video, exercise, side=args.side)
    except (NotAVideo, Nobody) as exc:
        print(f"ptcoach count: {exc}", file=sys.stderr)
        return 1
    except CameraUnavailable as exc:
        print(f"ptcoach count: {exc}", file=sys.stderr)
        return 3
    if args.format == "json":
        print(json.dumps(result.as_json()))
        return 0
    print(f"{exercise}: {result.reps} reps" if exercise in exercises.REPS else exercise)
    for i, held in enumerate(result.holds_s, 1):
        print(f"  hold {i}: {held:.1f} s")
    print(f"  {result.frames} frames at {result.fps:.1f} fps")
    for w in result.warnings:
        print(f"  warning: {w}")
    return 0
