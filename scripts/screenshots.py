#!/usr/bin/env python3
"""Render the README's screenshots into docs/screenshots/ (`make screenshots`).

    scripts/screenshots.py [--only NAME ...] [--out DIR] [--offscreen]

Starts its own Xvfb display (1280x800x24) and runs the real app on it (QT_QPA_PLATFORM=xcb)
with a temporary data and config dir and a generated history; each picture is the X server's
own view of the window, cropped to it and saved as a small palette PNG. Without Xvfb, or with
--offscreen, the windows render offscreen and are grabbed with QWidget.grab() instead.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
OUT = ROOT / "docs" / "screenshots"
NAMES = ("home", "session", "session-hold", "progress", "builder", "learn", "preferences-dark")
CHILD_FLAG = "--on-display"  # internal: this process already runs on the display to use


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--only",
        nargs="+",
        choices=NAMES,
        metavar="NAME",
        help=f"take only these ({', '.join(NAMES)})",
    )
    p.add_argument("--out", type=Path, default=OUT, help="where the PNGs go (docs/screenshots)")
    p.add_argument(
        "--offscreen", action="store_true", help="render offscreen and use QWidget.grab() (no Xvfb)"
    )
    p.add_argument(CHILD_FLAG, action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    if args.on_display:
        return take(args)
    if not args.offscreen:
        sys.path.insert(0, str(SCRIPTS))
        from shots.display import have_xvfb, xvfb

        if have_xvfb():
            with xvfb() as display:
                print(f"screenshots: on Xvfb display {display}", flush=True)
                env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
                env.pop("WAYLAND_DISPLAY", None)
                return subprocess.run(
                    [sys.executable, __file__, *argv, CHILD_FLAG], env=env, check=False
                ).returncode
        print(
            "screenshots: Xvfb is missing (install the 'xvfb' package); falling back to "
            "offscreen rendering with QWidget.grab()",
            file=sys.stderr,
            flush=True,
        )
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return take(args)


def take(args: argparse.Namespace) -> int:
    """Stage the app and take the chosen shots in this process, on the display it was given."""
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(SCRIPTS))
    from shots.capture import png_size, shoot, uses_x_server
    from shots.scenes import SCENES
    from shots.stage import make_stage

    wanted = [n for n in NAMES if not args.only or n in args.only]
    out = args.out.resolve()
    with tempfile.TemporaryDirectory(prefix="ptcoach-shots-") as tmp:
        stage = make_stage(Path(tmp))
        how = "import -window root" if uses_x_server() else "QWidget.grab()"
        print(f"screenshots: {stage.app.platformName()} platform, captured with {how}")
        for name in wanted:
            widget = SCENES[name](stage)
            if widget.isWindow():
                widget.move(0, 0)  # wholly on the 1280x800 screen: nothing to crop away
            path = shoot(widget, out / f"{name}.png")
            widget.hide()
            width, height = png_size(path)
            shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
            print(f"{shown}: {width}x{height}, {path.stat().st_size // 1024} KiB", flush=True)
        stage.conn.close()
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"screenshots: {exc}", file=sys.stderr)
        sys.exit(1)
