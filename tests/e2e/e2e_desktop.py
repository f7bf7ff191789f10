"""The end-to-end harness: a real X server (Xvfb on a free display) with a window manager
(openbox) and, on request, a system tray host (trayer); the installed app run as its own
process with sound into a private PulseAudio null sink; real keys and clicks with xdotool.

Nothing here reaches into the app: what it showed comes from its windows (titles, geometry,
pixels) and from the opt-in event log (`ptcoach/ui/session/event_log.py`), what it stored from
`ptcoach history --format json`, what it played from the sink's monitor.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from ptcoach.audio.monitor import MonitorRecorder, Recording

BIN = Path(sys.executable).parent  # the venv the app is installed in
PTCOACH = BIN / "ptcoach"
TOOLS = ("Xvfb", "openbox", "trayer", "xdotool", "xprop", "import", "dbus-daemon", "gdbus")

# What the app must never print (stderr): Qt objects touched from the wrong thread, and
# Python tracebacks.
BAD_OUTPUT = re.compile(
    r"another thread|QSocketNotifier|Cannot create children for a parent that is in a "
    r"different thread|Timers cannot be|Traceback \(most recent call last\)"
)


class E2EFailure(AssertionError):
    pass


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


def _run(
    *args: str, env: dict[str, str], timeout: float = 10, check: bool = True
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(args), env=env, capture_output=True, text=True, timeout=timeout, check=check
    )


def wait_for(
    what: str,
    probe: Callable[[], Any],
    timeout: float,
    every: float = 0.1,
    tick: Callable[[], None] | None = None,
) -> Any:
    """Poll `probe` until it returns something truthy; `tick` runs between polls (checks)."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise E2EFailure(f"timed out after {timeout:.0f} s waiting for {what}")
        if tick is not None:
            tick()
        time.sleep(every)


class Desktop:
    """Xvfb (a free display chosen by the server), openbox, optionally trayer."""

    def __init__(self, workdir: Path, size: str = "1280x800") -> None:
        self.workdir = workdir
        self.size = size
        self.procs: list[subprocess.Popen[bytes]] = []
        self.env = dict(os.environ)
        self.display = ""
        self.shots = 0

    # ------------------------------------------------------------------ life
    def start(self) -> Desktop:
        read_fd, write_fd = os.pipe()
        log = open(self.workdir / "xvfb.log", "wb")  # noqa: SIM115 (kept with the process)
        xvfb = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{self.size}x24",
                "-nolisten",
                "tcp",
                "-noreset",
            ],
            pass_fds=(write_fd,),
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        self.procs.append(xvfb)
        os.close(write_fd)
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            chunk = os.read(read_fd, 16)
            if not chunk:
                break
            number += chunk
        os.close(read_fd)
        if not number.strip():
            raise E2EFailure(f"Xvfb gave no display: {(self.workdir / 'xvfb.log').read_text()}")
        self.display = f":{int(number)}"
        self.env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb")
        self.env.pop("WAYLAND_DISPLAY", None)
        self._spawn(["openbox", "--sm-disable"], "openbox")
        wait_for(
            "openbox",
            lambda: (
                "_NET_SUPPORTING_WM_CHECK(WINDOW)"
                in _run(
                    "xprop", "-root", "_NET_SUPPORTING_WM_CHECK", env=self.env, check=False
                ).stdout
            ),
            timeout=15,
        )
        return self

    def start_tray(self) -> int:
        """A system tray host (trayer, an XEmbed tray) at the top right; its window id."""
        self._spawn(
            [
                "trayer",
                "--edge",
                "top",
                "--align",
                "right",
                "--widthtype",
                "request",
                "--height",
                "32",
                "--SetDockType",
                "true",
                "--transparent",
                "false",
                "--expand",
                "true",
            ],
            "trayer",
        )
        # Its panel is 0-2 pixels wide until an icon docks: not always "visible" to xdotool.
        return wait_for("the tray host", lambda: self.find(cls="trayer", visible=False), timeout=15)

    def _spawn(self, argv: list[str], name: str) -> subprocess.Popen[bytes]:
        log = open(self.workdir / f"{name}.log", "wb")  # noqa: SIM115
        proc = subprocess.Popen(argv, env=self.env, stdout=log, stderr=log, start_new_session=True)
        self.procs.append(proc)
        return proc

    def stop(self) -> None:
        for proc in reversed(self.procs):
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            with suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=5)

    # ------------------------------------------------------------------ windows
    def xdotool(self, *args: str, check: bool = True) -> str:
        return _run("xdotool", *args, env=self.env, check=check).stdout

    def find(
        self, name: str | None = None, cls: str | None = None, visible: bool = True
    ) -> int | None:
        """The newest (visible) window whose title (or class) matches the regex."""
        args = ["search", "--onlyvisible"] if visible else ["search"]
        args += ["--name", name] if name is not None else ["--class", cls or ""]
        out = self.xdotool(*args, check=False).split()
        return int(out[-1]) if out else None

    def find_all(self, name: str) -> list[int]:
        return [
            int(w)
            for w in self.xdotool("search", "--onlyvisible", "--name", name, check=False).split()
        ]

    def wait_window(
        self, name: str, timeout: float = 20, tick: Callable[[], None] | None = None
    ) -> int:
        return wait_for(f"a window titled {name!r}", lambda: self.find(name), timeout, tick=tick)

    def geometry(self, wid: int) -> tuple[int, int, int, int]:
        out = self.xdotool("getwindowgeometry", "--shell", str(wid))
        g = dict(line.split("=", 1) for line in out.split())
        return int(g["X"]), int(g["Y"]), int(g["WIDTH"]), int(g["HEIGHT"])

    def activate(self, wid: int) -> None:
        """Raise and focus `wid` as a click on it would; fails naming what has the focus
        instead (a modal dialog, say)."""

        def focused() -> bool:
            # The X input focus, where XTEST keys go: the window manager's "active window"
            # property alone may name the window before the focus has moved to it.
            return self.xdotool("getwindowfocus", check=False).strip() == str(wid)

        self.xdotool("windowactivate", str(wid), check=False)
        try:
            wait_for("the window to take the focus", focused, timeout=3)
        except E2EFailure:
            self.xdotool("windowfocus", str(wid), check=False)
            if not focused():
                other = self.xdotool("getwindowfocus", check=False).strip()
                mine = self.xdotool("getwindowname", str(wid), check=False).strip()
                theirs = self.xdotool("getwindowname", other, check=False).strip()
                raise E2EFailure(
                    f"window {mine!r} cannot take the focus; {theirs!r} has it"
                ) from None

    def key(self, wid: int | None, *keys: str) -> None:
        """Real key presses (XTEST) into window `wid`, activated first."""
        if wid is not None:
            self.activate(wid)
        self.xdotool("key", "--delay", "60", *keys)

    def click(self, x: int, y: int, button: int = 1) -> None:
        self.xdotool("mousemove", "--sync", str(x), str(y))
        time.sleep(0.05)
        self.xdotool("click", str(button))

    def click_in(self, wid: int, fx: float, fy: float, button: int = 1) -> None:
        """Click at a fraction (fx, fy) of window `wid`'s width and height."""
        x, y, w, h = self.geometry(wid)
        self.click(x + int(w * fx), y + int(h * fy), button)

    def fits_on_screen(self, wid: int) -> None:
        """All of the window's contents are on the screen (no control out of reach)."""
        x, y, w, h = self.geometry(wid)
        sw, sh = (int(v) for v in self.size.split("x"))
        assert x >= 0 and y >= 0 and x + w <= sw and y + h <= sh, (
            f"window {self.xdotool('getwindowname', str(wid), check=False).strip()!r} at "
            f"{x},{y} size {w}x{h} runs off the {self.size} screen"
        )

    def pixels(self, wid: int) -> str | None:
        """A digest of the window's pixels (None when it cannot be read just now)."""
        out = subprocess.run(
            ["import", "-window", str(wid), "-depth", "8", "rgb:-"],
            env=self.env,
            capture_output=True,
            timeout=10,
        )
        return hashlib.sha1(out.stdout).hexdigest() if out.returncode == 0 else None

    def screenshot(self, path: Path) -> Path:
        self.shots += 1
        _run("import", "-window", "root", str(path), env=self.env, timeout=20)
        return path


class App:
    """The installed app (`.venv/bin/ptcoach ARGS`) as its own process on the desktop."""

    def __init__(
        self,
        desktop: Desktop,
        workdir: Path,
        *args: str,
        sink: str,
        name: str = "app",
        env: dict[str, str] | None = None,
    ) -> None:
        self.desktop = desktop
        self.workdir = workdir
        self.name = name
        self.events_path = workdir / "events.jsonl"  # shared by every run of the test
        self.stdout_path = workdir / f"{name}.stdout"
        self.stderr_path = workdir / f"{name}.stderr"
        extra = env or {}
        env = dict(desktop.env)
        env.update(PULSE_SINK=sink, PTCOACH_EVENT_LOG=str(self.events_path), PYTHONFAULTHANDLER="1")
        for var in ("PTCOACH_AUDIO", "DBUS_SESSION_BUS_ADDRESS", "SESSION_MANAGER"):
            env.pop(var, None)
        env.update(extra)
        argv = [str(PTCOACH), *args]
        self.env = env
        self.proc = subprocess.Popen(
            argv,
            env=env,
            stdout=open(self.stdout_path, "wb"),  # noqa: SIM115
            stderr=open(self.stderr_path, "wb"),  # noqa: SIM115
            start_new_session=True,
        )
        self._scanned = 0
        self._reported = False
        self._last_pixels: str | None = None
        self._last_change = time.monotonic()
        self.watched: int | None = None  # the session window whose pixels must keep changing

    # ------------------------------------------------------------------ what it shows
    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        if not self.events_path.exists():
            return []
        lines = self.events_path.read_text(encoding="utf-8").splitlines()
        out = [json.loads(x) for x in lines if x.strip()]
        return [e for e in out if kind is None or e["event"] == kind]

    def sets_shown(self) -> list[dict[str, Any]]:
        return self.events("set")

    def check(self) -> None:
        """Fail now on bad output, or when the process died."""
        self.check_output()
        code = self.proc.poll()
        if code is not None and code != 0:
            raise E2EFailure(f"{self.name} exited with {code}:\n{self.stderr_tail()}")

    def check_output(self) -> None:
        # Read on from where the last look stopped (a frozen app can print 60 MB/s).
        with open(self.stderr_path, "rb") as f:
            f.seek(self._scanned)
            chunk = f.read(8 << 20)
        text = chunk.decode("utf-8", "replace")
        found = BAD_OUTPUT.search(text)
        if found and not self._reported:
            self._reported = True  # once: teardown does not report it a second time
            start = max(0, found.start() - 600)
            raise E2EFailure(
                f"{self.name} printed {found.group(0)!r}:\n{text[start : found.end() + 600]}"
            )
        self._scanned += max(0, len(chunk) - 200)  # a line cut in two is read again

    def stderr_tail(self, n: int = 3000) -> str:
        with open(self.stderr_path, "rb") as f:
            f.seek(max(0, f.seek(0, os.SEEK_END) - n))
            return f.read().decode("utf-8", "replace")

    def watch(self, wid: int | None) -> None:
        """From now on, waits also check that window `wid` keeps repainting (a running
        session's countdown changes every second); None stops it."""
        self.watched = wid
        self._last_pixels = None
        self._last_change = time.monotonic()

    def tick(self, frozen_after_s: float = 4.0) -> None:
        self.check()
        if self.watched is None:
            return
        now = time.monotonic()
        if now - getattr(self, "_last_look", 0.0) < 0.5:
            return
        self._last_look = now
        pixels = self.desktop.pixels(self.watched)
        if pixels is None:
            return
        if pixels != self._last_pixels:
            self._last_pixels, self._last_change = pixels, now
        elif now - self._last_change > frozen_after_s:
            shot = self.desktop.screenshot(self.workdir / f"{self.name}-frozen.png")
            raise E2EFailure(
                f"the session window has not changed for {frozen_after_s} s "
                f"(not responding?); screen: {shot}\n{self.stderr_tail()}"
            )

    def wait(self, what: str, probe: Callable[[], Any], timeout: float = 30) -> Any:
        return wait_for(what, probe, timeout, every=0.1, tick=self.tick)

    def wait_sets(self, n: int, timeout: float = 60) -> list[dict[str, Any]]:
        return self.wait(
            f"{n} sets shown as done",
            lambda: len(self.sets_shown()) >= n and self.sets_shown(),
            timeout,
        )

    def wait_exit(self, timeout: float = 20) -> int:
        self.watch(None)
        self.wait(f"{self.name} to exit", lambda: self.proc.poll() is not None, timeout)
        self.check_output()
        return int(self.proc.returncode)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        with suppress(ProcessLookupError):
            os.killpg(self.proc.pid, sig)
        with suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=10)


def history(env: dict[str, str]) -> list[dict[str, Any]]:
    """What the app stored, as the runner would read it."""
    out = _run(str(PTCOACH), "history", "--format", "json", env=env, timeout=30)
    return list(json.loads(out.stdout))


def stored_sets(sessions: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (s["id"], x["exercise"], x["set"], x["side"], bool(x["skipped"]))
        for s in sessions
        for x in s["sets"]
    ]


def shown_sets(events: list[dict[str, Any]]) -> Iterator[tuple[Any, ...]]:
    for e in events:
        yield (e["session_id"], e["exercise"], e["set"], e["side"], bool(e["skipped"]))


class E2E:
    """One test's world: its desktop, its sink and recording, its app runs."""

    def __init__(self, workdir: Path, data_dir: Path, sink: str) -> None:
        self.workdir = workdir
        self.data_dir = data_dir
        self.sink = sink
        self.desktop: Desktop | None = None
        self.apps: list[App] = []
        self.recorder = MonitorRecorder(sink)
        self.recording: Recording | None = None

    def start_desktop(self, size: str = "1280x800", *, tray: bool = False) -> Desktop:
        self.desktop = Desktop(self.workdir, size).start()
        if tray:
            self.desktop.start_tray()
        self.recorder.start()
        return self.desktop

    def launch(self, *args: str, env: dict[str, str] | None = None) -> App:
        assert self.desktop is not None, "start_desktop() first"
        app = App(
            self.desktop,
            self.workdir,
            *args,
            sink=self.sink,
            name=f"app{len(self.apps) + 1}",
            env=env,
        )
        self.apps.append(app)
        return app

    def shot(self, name: str) -> Path:
        assert self.desktop is not None
        return self.desktop.screenshot(self.workdir / f"{name}.png")

    def history(self) -> list[dict[str, Any]]:
        return history(dict(os.environ))

    def stop_recording(self) -> Recording:
        if self.recording is None:
            self.recording = self.recorder.stop()
            save_recording(self.recording, self.workdir / "sink")
        return self.recording

    def close(self) -> None:
        for app in self.apps:
            app.kill()
        self.stop_recording()
        if self.desktop is not None:
            self.desktop.stop()


def save_recording(rec: Recording, stem: Path) -> None:
    """The sink's sound (<stem>.wav) and its onsets in monotonic time (<stem>-onsets.json),
    for whoever reads a failure."""
    import wave

    import numpy as np

    with wave.open(str(stem.with_suffix(".wav")), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(rec.rate)
        f.writeframes((np.clip(rec.samples, -1, 1) * 32767).astype("<i2").tobytes())
    onsets = [round(rec.time_of(i), 3) for i in rec.onsets()] if len(rec.chunk_ends) else []
    stem.with_name(stem.name + "-onsets.json").write_text(json.dumps(onsets), encoding="utf-8")


class NotificationServer:
    """A private session bus (dbus-daemon) with the stand-in notification server of
    tests/helpers/notification_server.py on it: `notifications` are the Notify calls it got,
    `press(id, key)` presses a notification's button."""

    SCRIPT = Path(__file__).resolve().parents[1] / "helpers" / "notification_server.py"

    def __init__(self, desktop: Desktop) -> None:
        bus = subprocess.Popen(
            ["dbus-daemon", "--session", "--nofork", "--print-address"],
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        desktop.procs.append(bus)  # type: ignore[arg-type]
        assert bus.stdout is not None
        self.address = bus.stdout.readline().decode().strip()
        if not self.address:
            raise E2EFailure("dbus-daemon gave no address")
        env = {
            **desktop.env,
            "DBUS_SESSION_BUS_ADDRESS": self.address,
            "QT_QPA_PLATFORM": "offscreen",
        }
        self.proc = subprocess.Popen(
            [sys.executable, str(self.SCRIPT)],
            env=env,
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            start_new_session=True,
        )
        desktop.procs.append(self.proc)  # type: ignore[arg-type]
        self.notifications: list[dict[str, Any]] = []
        assert self.proc.stdout is not None
        first = json.loads(self.proc.stdout.readline() or "{}")
        if not first.get("ready"):
            raise E2EFailure("the notification server did not start")
        import threading

        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            with suppress(ValueError):
                self.notifications.append(json.loads(line))

    def press(self, notification_id: int, key: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"invoke {notification_id} {key}\n")
        self.proc.stdin.flush()
