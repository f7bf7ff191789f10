"""Responsiveness around a session (issue 11), each in a fresh app process with sound on (a
private PulseAudio null sink when a server runs) and a generated long history:

1. `ptcoach run ID` to its session window's first paint, against a bare PySide6 window in the
   same run (interleaved runs, medians; target: 1.5x the bare window), both watched the same
   way (see WINDOW_ONLY). That first paint shows the routine's name while the session is
   attached on the next turns: the time to the first paint with the session attached is shown
   too (watched application-wide, as the attached view's widgets paint: that probe's own ~20 ms
   before the first paint is in this figure).
2. Start click in the home window to the session window's first paint: clicked 2 s after the
   home window showed (sound set up by then), and clicked at once (target: 150 ms).
3. A stall watchdog: the longest gap between event-loop turns (a 1 ms precise timer) during
   start-up and the home window's first paint (shown for reference: bench_startup times them),
   then from the turn after that paint to 2 s later, while opening progress (first open,
   pyqtgraph import included), Learn, the builder, preferences, while starting a session,
   through the whole session (runners-knee at 40x speed: every set recorded) and its ratings
   dialog (target: 50 ms), and the time from the progress click to its charts drawn with the
   history on them (read in the background). The paints are watched by an application-wide
   event filter only during start-up and the progress view's opening: everywhere else it
   would add its own Python call per event to the stalls it measures.

Figures from one machine (this VM is noisy and shared).
Run: python benchmarks/bench_responsiveness.py
"""

from __future__ import annotations

import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = int(os.environ.get("BENCH_RUNS", "7"))
WATCH_RUNS = int(os.environ.get("BENCH_WATCH_RUNS", "3"))  # the stall watchdog's whole sequence

# The probe, in both the bare window's runs and the app's: an application-wide event filter
# until the window shows, then a filter on that window alone. An application-wide filter makes
# PySide wrap every object that gets an event; a QMainWindow's private animation timer is one
# (PySide has no class for it), and finding it a class built ~170 enum types, ~20 ms that the
# app never pays without a Python filter on all of Qt. Runs that watch more than the window's
# own first paint (the attached session, the click) keep the application-wide filter.
WINDOW_ONLY = """
class Once(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and type(obj).__name__ == WINDOW:
            app.removeEventFilter(self)
            obj.installEventFilter(hook)
        return False
"""

BARE = (
    """
import os, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel
WINDOW = "Hello"
class Hello(QLabel):
    pass
app = QApplication([])
class Hook(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() \\
                and type(obj.window()).__name__ == "Hello":
            print(f"painted {time.monotonic():.6f}", flush=True)
            os._exit(0)
        return False
hook = Hook()
"""
    + WINDOW_ONLY
    + """
once = Once()
app.installEventFilter(once)
w = Hello("hello"); w.resize(1280, 800); w.show()
app.exec()
"""
)

# Prints when the first SessionWindow paints, then leaves at once; with BENCH_UNTIL_READY, also
# when it first paints with its session attached (`ptcoach run` paints it before that).
PAINT_HOOK = """
import os, sys, time, json
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
class Hook(QObject):
    clicked = None
    painted = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() \\
                and type(obj.window()).__name__ == "SessionWindow":
            now = time.monotonic()
            if not self.painted:
                self.painted = True
                if os.environ.get("BENCH_UNTIL_READY"):  # the turns while it is attached
                    beat.last = now
                    heart.start(1)
                if self.clicked is not None:
                    print(f"click-to-paint {1000 * (now - self.clicked):.1f}", flush=True)
                print(f"painted {now:.6f}", flush=True)
            shell = app.property("ptcoach_shell")
            ready = obj.window().ready and not shell.sessions.opening
            if not os.environ.get("BENCH_UNTIL_READY") or ready:
                if ready:
                    if os.environ.get("BENCH_UNTIL_READY"):
                        beat()
                    print(f"ready {now:.6f} stall {1000 * beat.worst:.1f}", flush=True)
                os._exit(0)
        return False
def beat():
    now = time.monotonic()
    beat.worst = max(beat.worst, now - beat.last)
    beat.last = now
beat.worst = 0.0
beat.last = time.monotonic()
if os.environ.get("BENCH_UNTIL_READY"):  # (its Qt namespace would slow the other runs)
    from PySide6.QtCore import Qt
    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.timeout.connect(beat)
hook = Hook()
"""

RUN = (
    PAINT_HOOK
    + WINDOW_ONLY
    + """
WINDOW = "SessionWindow"
if os.environ.get("BENCH_UNTIL_READY"):
    app.installEventFilter(hook)  # the attached session's widgets paint too
else:
    once = Once()
    app.installEventFilter(once)
import ptcoach.app
sys.exit(ptcoach.app.main(["run", "runners-knee"]))
"""
)

CLICK = (
    PAINT_HOOK
    + """
app.installEventFilter(hook)
def click():
    shell = app.property("ptcoach_shell")
    hook.clicked = time.monotonic()
    shell.home.start_button.click()
QTimer.singleShot(int(os.environ["BENCH_CLICK_MS"]), click)
import ptcoach.app
sys.exit(ptcoach.app.main([]))
"""
)

WATCH = """
import os, sys, time, json
from PySide6.QtCore import QEvent, QObject, QTimer, Qt
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
phase = ["start-up"]
worst = {}
last = [time.monotonic()]
def beat():
    now = time.monotonic()
    gap = now - last[0]
    last[0] = now
    if gap > worst.get(phase[0], 0.0):
        worst[phase[0]] = gap
heart = QTimer()
heart.setTimerType(Qt.TimerType.PreciseTimer)
heart.timeout.connect(beat)
heart.start(1)
marks = {}
class Hook(QObject):
    def eventFilter(self, obj, event):
        # Drawn: a paint in the progress window once its history is read and on the charts
        # (it reads in the background: the window itself shows before that).
        if event.type() == QEvent.Type.Paint and phase[0] == "start-up" \\
                and obj.isWidgetType() and type(obj.window()).__name__ == "HomeWindow":
            # start-up ends with the home window's first paint (bench_startup's figure);
            # from the turn after it, the window is the runner's and no stall is allowed
            phase[0] = "home window's first paint"
            QTimer.singleShot(0, lambda: enter("home window (first paint to +2 s)"))
            QTimer.singleShot(0, lambda: app.removeEventFilter(hook))  # see watch_paints
        if event.type() == QEvent.Type.Paint and obj.isWidgetType() \\
                and obj.window().objectName() == "progressView" \\
                and "progress-click" in marks and "progress-drawn" not in marks:
            view = obj.window()
            if view.data is not None and not view.loading:
                marks["progress-drawn"] = time.monotonic()
        return False
hook = Hook()
app.installEventFilter(hook)
# The application-wide filter (a Python call for every event of every object) watches only
# where a paint is looked for: start-up and the progress view. Elsewhere it would add its own
# cost to the stalls it measures (~2500 events while the builder opens).
def watch_paints(on):
    (app.installEventFilter if on else app.removeEventFilter)(hook)
def enter(name):
    phase[0] = name
    last[0] = time.monotonic()
steps = []
def then(delay_ms, fn):
    steps.append((delay_ms, fn))
def run_steps():
    if not steps:
        return
    delay, fn = steps.pop(0)
    def go():
        fn()
        run_steps()
    QTimer.singleShot(delay, go)
shell = None
def home():
    global shell
    shell = app.property("ptcoach_shell")
def progress():
    watch_paints(True)
    enter("progress, first open")
    marks["progress-click"] = time.monotonic()
    shell.actions.progress.trigger()
def close(key):
    def do():
        w = shell.windows.get(key)
        if w is not None:
            w.close()
        watch_paints(False)
        enter("idle")
    return do
def learn():
    enter("Learn")
    shell.open_learn()
def builder():
    enter("builder")
    shell.open_builder(None)
def prefs():
    enter("preferences")
    shell.open_preferences()
def start():
    enter("session start (click to +1 s)")
    shell.speed = float(os.environ.get("BENCH_SPEED", "40"))
    shell.home.select_routine("runners-knee")
    shell.home.start_button.click()
def go():
    from ptcoach.ui.session.handsfree import Command, perform
    enter("whole session (every set recorded)")
    window = shell.session_window
    def ended(*_):
        enter("end of session, ratings")
        QTimer.singleShot(600, answer)
    window.driver.session_finished.connect(ended)
    perform(window, Command.TOGGLE)
def answer():
    w = QApplication.activeModalWidget()
    if w is None:
        QTimer.singleShot(100, answer)
        return
    w.reject()
    QTimer.singleShot(800, finish)
def finish():
    out = {k: round(v * 1000, 1) for k, v in worst.items()}
    if "progress-drawn" in marks:
        out["progress click to drawn"] = round(
            1000 * (marks["progress-drawn"] - marks["progress-click"]), 1)
    print("RESULT " + json.dumps(out), flush=True)
    os._exit(0)
then(0, home)
then(2200, progress)
then(1500, close("progress"))
then(500, learn)
then(1500, close("learn"))
then(500, builder)
then(1500, close("builder"))
then(500, prefs)
then(1500, close("preferences"))
then(500, start)
then(1000, go)
QTimer.singleShot(0, run_steps)
import ptcoach.app
sys.exit(ptcoach.app.main([]))
"""


def child(code: str, env: dict[str, str], timeout: float = 60) -> tuple[float, str]:
    start = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if "painted" not in out.stdout and "RESULT" not in out.stdout:
        raise RuntimeError(f"child failed:\n{out.stdout}\n{out.stderr[-3000:]}")
    return start, out.stdout


def painted_after(start: float, out: str) -> float:
    line = next(x for x in out.splitlines() if x.startswith("painted "))
    return (float(line.split()[1]) - start) * 1000.0


def ready_after(start: float, out: str) -> float:
    line = next(x for x in out.splitlines() if x.startswith("ready "))
    return (float(line.split()[1]) - start) * 1000.0


def click_to_paint(out: str) -> float:
    line = next(x for x in out.splitlines() if x.startswith("click-to-paint "))
    return float(line.split()[1])


@contextlib.contextmanager
def sound_env(env: dict[str, str]):
    try:
        from ptcoach.audio.monitor import null_sink, pulse_available

        available = pulse_available()
    except Exception:  # no numpy, no pactl: no sound, still measured
        available = False
    if not available:
        env["PTCOACH_AUDIO"] = "none"
        yield "off (no PulseAudio server)"
        return
    with null_sink() as sink:
        env["PULSE_SINK"] = sink
        yield f"on (null sink {sink})"


def make_history(data_dir: Path, days: int) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    script = ROOT / "scripts" / "gen_history.py"
    subprocess.run(
        [
            sys.executable,
            str(script),
            "--days",
            str(days),
            "--db",
            str(data_dir / "history.sqlite3"),
        ],
        check=True,
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            PYTHONPATH=str(ROOT),
            PTCOACH_DATA_DIR=str(Path(tmp) / "data"),
            PTCOACH_CONFIG_DIR=str(Path(tmp) / "config"),
            PTCOACH_CACHE_DIR=str(Path(tmp) / "cache"),
            PTCOACH_STATE_DIR=str(Path(tmp) / "state"),
            XDG_CONFIG_HOME=str(Path(tmp) / "xdg"),
        )
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        make_history(Path(tmp) / "data", int(os.environ.get("BENCH_HISTORY_DAYS", "3650")))
        with sound_env(env) as sound:
            child(BARE, env)  # warm-up: bytecode caches, disk cache
            child(RUN, env)
            bare, run = [], []
            for _ in range(RUNS):
                start, out = child(BARE, env)
                bare.append(painted_after(start, out))
                start, out = child(RUN, env)
                run.append(painted_after(start, out))
            ready, attach_stall = [], []
            for _ in range(RUNS):
                start, out = child(RUN, dict(env, BENCH_UNTIL_READY="1"))
                ready.append(ready_after(start, out))
                line = next(x for x in out.splitlines() if x.startswith("ready "))
                attach_stall.append(float(line.split()[3]))
            late, early = [], []
            for _ in range(RUNS):
                late.append(click_to_paint(child(CLICK, dict(env, BENCH_CLICK_MS="2500"))[1]))
                early.append(click_to_paint(child(CLICK, dict(env, BENCH_CLICK_MS="0"))[1]))
            watched: list[dict[str, float]] = []
            for _ in range(WATCH_RUNS):
                _, out = child(WATCH, env, timeout=300)
                line = next(x for x in out.splitlines() if x.startswith("RESULT "))
                watched.append(json.loads(line[7:]))
        result = {
            name: (statistics.median(r[name] for r in watched), max(r[name] for r in watched))
            for name in watched[0]
            if all(name in r for r in watched)
        }

    med_bare, med_run = statistics.median(bare), statistics.median(run)
    print(
        f"Sound: {sound}; history: generated, {os.environ.get('BENCH_HISTORY_DAYS', '3650')}"
        f" days; {RUNS} interleaved runs, medians (min-max)"
    )
    print()
    print(f"{'start-up':44s} {'median ms':>10s} {'range':>15s} {'target':>12s}")
    print(
        f"{'bare PySide6 window, first paint':44s} {med_bare:10.0f} "
        f"{min(bare):7.0f}-{max(bare):<7.0f}"
    )
    print(
        f"{'ptcoach run: session window, first paint':44s} {med_run:10.0f} "
        f"{min(run):7.0f}-{max(run):<7.0f} {'<= %.0f' % (1.5 * med_bare):>12s}"
        f"  ({med_run / med_bare:.2f}x bare)"
    )
    print(
        f"{'ptcoach run: session attached, painted':44s} {statistics.median(ready):10.0f} "
        f"{min(ready):7.0f}-{max(ready):<7.0f} {'':>12s}  (Space works before: it is kept)"
    )
    print(
        f"{'Start click (2.5 s after home) to painted':44s} {statistics.median(late):10.0f} "
        f"{min(late):7.0f}-{max(late):<7.0f} {'<= 150':>12s}"
    )
    print(
        f"{'Start click (at once) to painted':44s} {statistics.median(early):10.0f} "
        f"{min(early):7.0f}-{max(early):<7.0f} {'<= 150':>12s}"
    )
    print()
    print(
        f"{'stall watchdog (longest event-loop gap)':44s} {'median ms':>10s} {'max':>7s} "
        f"{'target':>12s}"
    )
    print(
        f"{'ptcoach run: first paint to session attached':44s} "
        f"{statistics.median(attach_stall):10.0f} {max(attach_stall):7.0f} {'<= 50':>12s}"
        f"  ({RUNS} runs)"
    )
    for name, (median, worst) in result.items():
        if name == "progress click to drawn":
            continue
        # Before the first paint there is no window to freeze: bench_startup times that part.
        target = "(start-up)" if name in ("start-up", "home window's first paint") else "<= 50"
        print(f"{name:44s} {median:10.0f} {worst:7.0f} {target:>12s}")
    if "progress click to drawn" in result:
        median, worst = result["progress click to drawn"]
        print(
            f"{'progress first open: click to charts drawn':44s} "
            f"{median:10.0f} {worst:7.0f} {'<= 300':>12s}"
        )
    print(f"(the watchdog rows: {WATCH_RUNS} runs of the whole sequence)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
