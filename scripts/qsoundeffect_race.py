"""Shows the Qt 6.10+ QSoundEffect race that froze sessions with sound on (issue 11).

Plays short clips from an idle event loop for 15 s into PulseAudio. With plain QSoundEffects a
voice that ends by itself can be destroyed on the PulseAudio thread: Qt prints "QSocketNotifier:
Socket notifiers cannot be enabled or disabled from another thread" and then spins on "Invalid
socket N" for good (the script never prints its count). With ptcoach's QtPlayer (voices stopped
from the GUI thread) it prints how many clips it played.

    python scripts/qsoundeffect_race.py plain   # the bug (needs a display or offscreen)
    python scripts/qsoundeffect_race.py player  # ptcoach's player
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication

from ptcoach.audio import clips

CLIPS = ("tick", "start", "end", "rep_1", "rep_2")


def main() -> int:
    app = QApplication(sys.argv[:1])
    known = clips.available()
    count = [0]
    if sys.argv[1:2] == ["plain"]:
        from PySide6.QtMultimedia import QSoundEffect

        effects = []
        for clip in CLIPS:
            effect = QSoundEffect()
            effect.setSource(QUrl.fromLocalFile(str(known[clip])))
            effects.append(effect)

        def play() -> None:
            effects[count[0] % len(effects)].play()
            count[0] += 1
    else:
        from ptcoach.audio.qt_player import QtPlayer

        player = QtPlayer()
        player.load({c: known[c] for c in CLIPS})

        def play() -> None:
            player.play(CLIPS[count[0] % len(CLIPS)])
            count[0] += 1

    timer = QTimer()
    timer.timeout.connect(play)
    timer.start(50)
    QTimer.singleShot(15000, app.quit)
    start = time.monotonic()
    app.exec()
    print(f"played {count[0]} clips in {time.monotonic() - start:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
