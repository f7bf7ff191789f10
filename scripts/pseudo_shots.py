#!/usr/bin/env python3
"""Every window in a pseudo-locale, saved as PNGs, and any text of ours left untranslated
listed: the proof that a translation reaches every window (issue 15).

    scripts/pseudo_shots.py [--out DIR]

The pseudo-locale (`scripts/translations.py pseudo`) alters every letter of every string the
catalogue holds, so untranslated text stands out. Windows render offscreen and are grabbed
with QWidget.grab() (no display needed), on a temporary data dir with a generated history.
With no --out the PNGs go to a new temporary folder. Exits 1 when a window shows text of ours
that the translation did not alter.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
SIZES = {"home": (1100, 720), "session": (1280, 800), "progress": (1100, 720)}  # as the README's


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--out", type=Path, help="where the PNGs go (default: a new temporary folder)")
    args = p.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="ptcoach-pseudo-shots-"))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ptcoach-pseudo-") as tmp:
        return take(out.resolve(), Path(tmp))


def take(out: Path, tmp: Path) -> int:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["PTCOACH_AUDIO"] = "none"  # cues shown on screen: nothing is played
    for var, sub in (  # nothing of the user's is read or written
        ("PTCOACH_CACHE_DIR", "cache"),
        ("PTCOACH_STATE_DIR", "state"),
        ("XDG_CONFIG_HOME", "xdg-config"),
        ("XDG_STATE_HOME", "xdg-state"),
        ("XDG_DATA_HOME", "xdg-data"),
    ):
        os.environ[var] = str(tmp / sub)
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(SCRIPTS))
    import translations
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication
    from shots.every_window import data_texts, every_window, untranslated
    from shots.stage import make_stage

    from ptcoach.ui.look import i18n

    app = QApplication([sys.argv[0]])
    pseudo = tmp / "pseudo"
    translations.main(["pseudo", str(pseudo)])
    # Before any window is built: windows translate their texts as they are made.
    i18n.install_translators(app, QLocale(translations.PSEUDO_LANG), pseudo)
    (tmp / "stage").mkdir()
    stage = make_stage(tmp / "stage")
    data = data_texts(stage.catalog)
    missed: list[str] = []
    for name, window in every_window(stage.shell, stage.data):
        size = SIZES.get(name.split("-")[0]) if name != "summary" else SIZES["session"]
        if size is not None and window.isWindow():
            window.resize(*size)
        window.show()
        app.processEvents()
        path = out / f"{name}.png"
        if not window.grab().save(str(path)):
            raise RuntimeError(f"could not write {path}")
        print(path, flush=True)
        missed += [f"{name}: {m}" for m in untranslated(window, data)]
    stage.conn.close()
    if missed:
        print("Not translated:", *missed, sep="\n  ", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except RuntimeError as exc:
        print(f"pseudo_shots: {exc}", file=sys.stderr)
        sys.exit(1)
