"""Every way into a session, as a runner uses it: the installed app as its own process under
Xvfb + openbox, real keys and clicks (xdotool), sound into a private null sink. Each test
starts a session, sees at least two sets done, stops or finishes, then checks that
`ptcoach history --format json` holds every set the window showed as done, and that the sink
heard the cues of those sets.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from typing import Any

from e2e_desktop import E2E, App, Desktop, NotificationServer, shown_sets, stored_sets

from ptcoach.audio.monitor import Recording

QUICK_TITLE = "^Quick check — ptcoach$"
TEMPO_TITLE = "^Tempo check — ptcoach$"
HOME_TITLE = "^ptcoach$"


# ---------------------------------------------------------------------- checks
def check_stored(e2e: E2E, app: App, *, sessions: int = 1) -> list[dict[str, Any]]:
    """Every set the window showed as done is in the history, in the session it showed."""
    shown = list(shown_sets(app.sets_shown()))
    stored = e2e.history()
    assert len(stored) == sessions, f"{len(stored)} sessions stored: {stored}"
    missing = [s for s in shown if s not in stored_sets(stored)]
    assert not missing, (
        f"sets shown as done but not in `ptcoach history`: {missing}\nstored: {stored}"
    )
    assert len(stored_sets(stored)) == len(shown), (shown, stored)
    return stored


def check_heard(rec: Recording, sets: list[dict[str, Any]], slack_s: float = 0.7) -> None:
    """Sound plays around each done set's start and end (its start and end tones), the
    get-ready is heard before the first set, and something at the last set's end.

    "Around": a sound overlaps t +- slack_s. Not "starts near t": at --speed 10 the tempo
    tones overlap into one continuous sound with no silence to start from."""
    sounds = [(rec.time_of(a), rec.time_of(b)) for a, b in rec.segments()]
    assert sounds, "the sink heard nothing"
    done = [s for s in sets if not s["skipped"]]
    assert done, sets
    for s in done:
        for what in ("started_at", "ended_at"):
            t = s[what]
            assert any(a <= t + slack_s and b >= t - slack_s for a, b in sounds), (
                f"nothing heard within {slack_s} s of set {s['set']} {what}; sounds "
                f"{[(round(a - t, 2), round(b - t, 2)) for a, b in sounds if abs(a - t) < 5]}"
            )
    # During the get-ready: at --speed 10 the configured 2 s get-ready lasts only 0.2 s, so
    # "before" can be no more than that; 0.05 s is well above the recording's clock error.
    assert min(a for a, _ in sounds) < done[0]["started_at"] - 0.05, (
        "nothing heard before the first set"
    )
    assert max(b for _, b in sounds) >= done[-1]["ended_at"] - slack_s, (
        "nothing heard at the last set's end"
    )


def start_in_session_window(d: Desktop, app: App, title: str) -> int:
    """The one session window is up; Space starts it; its pixels must keep changing."""
    win = d.wait_window(title, tick=app.tick)
    assert len(d.find_all(title)) == 1, "two session windows"
    d.key(win, "space")
    app.wait("the session to start", lambda: app.events("started"), timeout=15)
    app.watch(win)
    return win


def end_after_rating(d: Desktop, app: App, win: int) -> None:
    """The rating dialog comes after a session with sets; Esc skips it; the summary shows."""
    app.watch(None)
    dialog = d.wait_window("^How did it feel", tick=app.tick)
    d.key(dialog, "Escape")
    app.wait("the rating dialog to close", lambda: d.find("^How did it feel") is None, 10)


def stop_with_esc(d: Desktop, app: App, win: int) -> None:
    """Esc asks "Stop the session?"; Y answers yes."""
    app.watch(None)
    d.key(win, "Escape")
    box = d.wait_window("^Stop the session", tick=app.tick)
    d.key(box, "y")
    app.wait("the session to stop", lambda: app.events("stopped"), timeout=10)


def select_routine(d: Desktop, home: int, name: str) -> None:
    """Click the routine list, then type the name (the list's type-ahead selects it)."""
    d.click_in(home, 0.2, 0.12)
    d.xdotool("type", "--delay", "80", name)


def back_to_routines(d: Desktop, app: App, win: int) -> None:
    """The summary's full-width "Back to routines" button, at the bottom of the window."""
    x, y, w, h = d.geometry(win)
    d.click(x + w // 2, y + h - 60)


# ---------------------------------------------------------------------- entry points
def plan_reminder(e2e: E2E, routine_id: str) -> datetime:
    """Plan `routine_id` every day with a reminder at the next whole minute (the one after if
    that is too close to catch); the time it is due."""
    from ptcoach.store.db import open_history
    from ptcoach.store.plans import set_plan

    now = datetime.now()
    due = (now + timedelta(minutes=1 if now.second < 55 else 2)).replace(second=0, microsecond=0)
    conn, _ = open_history(e2e.data_dir)
    set_plan(
        conn,
        routine_id,
        (now - timedelta(days=1)).date(),
        weekdays=range(7),
        remind_at=due.strftime("%H:%M"),
    )
    conn.close()
    return due


def test_home_start_then_notification_start_now(e2e: E2E) -> None:
    """Home window: pick the routine, click Start, Space, finish, back to routines. Then the
    reminder planned for the next whole minute comes as a desktop notification (a stand-in
    server on a private session bus); its Start now button starts a session: two sets, stop.
    One app for both, so the first session fills the wait for the minute."""
    d = e2e.start_desktop(tray=True)
    server = NotificationServer(d)
    due = plan_reminder(e2e, "e2e-quick")
    app = e2e.launch(env={"DBUS_SESSION_BUS_ADDRESS": server.address})
    home = d.wait_window(HOME_TITLE, tick=app.tick)
    time.sleep(0.5)  # the history opens just after the first paint
    select_routine(d, home, "Quick")
    e2e.shot("home-selected")
    x, y, w, h = d.geometry(home)
    d.click(x + int(w * 0.78), y + h - 40)  # Start, bottom right
    win = start_in_session_window(d, app, QUICK_TITLE)
    app.wait_sets(2, timeout=40)
    e2e.shot("home-two-sets")
    app.wait("the session to finish", lambda: app.events("finished"), timeout=30)
    end_after_rating(d, app, win)
    e2e.shot("home-summary")
    back_to_routines(d, app, win)
    d.wait_window(HOME_TITLE, tick=app.tick)
    home_sets = app.sets_shown()
    assert len(home_sets) == 3
    check_stored(e2e, app)

    wait_s = (due - datetime.now()).total_seconds() + 15
    note = app.wait(
        "the reminder's notification", lambda: server.notifications, timeout=max(wait_s, 15)
    )[0]
    assert note["actions"] == ["start", "Start now", "snooze", "Snooze 30 min"], note
    assert "Quick check" in note["body"], note
    server.press(note["id"], "start")
    win = start_in_session_window(d, app, QUICK_TITLE)
    app.wait(
        "two sets of the notification's session",
        lambda: len(app.sets_shown()) >= len(home_sets) + 2,
        timeout=40,
    )
    stop_with_esc(d, app, win)
    end_after_rating(d, app, win)
    assert d.find("^ptcoach reminder$") is None, "a reminder window as well as the notification"
    stored = check_stored(e2e, app, sessions=2)
    assert stored[0]["id"] != stored[1]["id"]
    check_heard(e2e.stop_recording(), app.sets_shown())
    app.check()


def test_run_command(e2e: E2E) -> None:
    """`ptcoach run runners-knee --speed 10`: Space, two sets, Esc to stop, quit."""
    d = e2e.start_desktop()
    app = e2e.launch("run", "runners-knee", "--speed", "10")
    win = start_in_session_window(d, app, "^Runner's knee — ptcoach$")
    app.wait_sets(2, timeout=40)
    stop_with_esc(d, app, win)
    end_after_rating(d, app, win)
    e2e.shot("run-summary")
    back_to_routines(d, app, win)
    assert app.wait_exit() == 0  # `run` quits with its session window
    stored = check_stored(e2e, app)
    assert stored[0]["routine"] == "runners-knee"
    check_heard(e2e.stop_recording(), app.sets_shown())


def test_tray_then_reminder_start_now(e2e: E2E) -> None:
    """`ptcoach --tray`: the tray icon's menu, Start > Quick check, two sets, stop; then the
    reminder planned for the next whole minute: its window's Start now, two sets, stop.

    One app for both: a reminder is due at a whole minute of the wall clock, so the tray's
    session fills the wait. With no notification server (no session bus here) the reminder is
    the app's own window (`ptcoach/ui/desktop/reminder_popup.py`).
    """
    d = e2e.start_desktop(tray=True)
    tray = d.find(cls="trayer", visible=False)
    assert tray is not None
    due = plan_reminder(e2e, "e2e-quick")
    app = e2e.launch("--tray")
    # The icon docks into the tray host: the host grows from its empty width.
    app.wait("the tray icon", lambda: d.geometry(tray)[2] >= 16, timeout=20)
    assert d.find(HOME_TITLE) is None, "--tray opened the home window"
    time.sleep(0.3)
    x, y, w, h = d.geometry(tray)
    d.click(x + w - h // 2, y + h // 2, button=3)  # right-click: the icon's menu
    time.sleep(0.4)
    e2e.shot("tray-menu")
    # Open ptcoach, Start >, Reminders, Quit: down to Start, into it; the routines are listed
    # as at home: ours last, "Quick check" then "Tempo check" (Up from the first wraps).
    d.xdotool("key", "--delay", "120", "Down", "Down", "Right", "Up", "Up", "Return")
    win = start_in_session_window(d, app, QUICK_TITLE)
    app.wait_sets(2, timeout=40)
    e2e.shot("tray-two-sets")
    stop_with_esc(d, app, win)
    end_after_rating(d, app, win)
    back_to_routines(d, app, win)
    app.wait("the session window to close", lambda: d.find(QUICK_TITLE) is None, 10)
    tray_sets = app.sets_shown()
    assert len(tray_sets) >= 2
    check_stored(e2e, app)

    wait_s = (due - datetime.now()).total_seconds() + 15
    popup = d.wait_window("^ptcoach reminder$", timeout=max(wait_s, 15), tick=app.tick)
    e2e.shot("reminder-popup")
    # Start now has the focus (the window may reach below the screen's edge: no click).
    d.key(popup, "space")
    win = start_in_session_window(d, app, QUICK_TITLE)
    app.wait(
        "two sets of the reminder's session",
        lambda: len(app.sets_shown()) >= len(tray_sets) + 2,
        timeout=40,
    )
    stop_with_esc(d, app, win)
    end_after_rating(d, app, win)
    stored = check_stored(e2e, app, sessions=2)
    assert stored[0]["id"] != stored[1]["id"]
    check_heard(e2e.stop_recording(), app.sets_shown())
    app.check()


def test_resume_after_sigkill(e2e: E2E) -> None:
    """`ptcoach run` killed with SIGKILL after a set; the next start offers to resume; Resume
    (Return: the default button) and Space carry on in the same session row to the end."""
    d = e2e.start_desktop()
    first = e2e.launch("run", "e2e-quick", "--speed", "2")
    start_in_session_window(d, first, QUICK_TITLE)
    first.wait_sets(1, timeout=30)
    first.check()
    first.kill()  # SIGKILL, mid-session
    before = first.sets_shown()
    assert len(before) == 1
    second = e2e.launch()
    dialog = d.wait_window("^Unfinished session$", tick=second.tick)
    e2e.shot("resume-offer")
    d.key(dialog, "Return")
    win = start_in_session_window(d, second, QUICK_TITLE)
    second.wait("the session to finish", lambda: second.events("finished"), timeout=40)
    end_after_rating(d, second, win)
    after = [e for e in second.sets_shown() if e["pid"] == second.proc.pid]
    assert len(after) == 2, after
    assert {e["session_id"] for e in before + after} == {before[0]["session_id"]}
    stored = check_stored(e2e, second)  # the events file holds both runs' sets
    assert [x["set"] for x in stored[0]["sets"]] == [1, 2, 3]
    check_heard(e2e.stop_recording(), after)
    second.check()


# ---------------------------------------------------------------------- the freeze
def test_run_speed_1_at_1366x768(e2e: E2E) -> None:
    """`ptcoach run` on a 1366x768 screen at the real clock: a 12 s Work phase with a tone
    every second; the window keeps repainting, and nothing Qt-thread-wrong is printed."""
    d = e2e.start_desktop("1366x768")
    app = e2e.launch("run", "e2e-tempo")
    win = start_in_session_window(d, app, TEMPO_TITLE)
    app.wait_sets(1, timeout=30)
    e2e.shot("run-1366-set-done")
    stop_with_esc(d, app, win)
    end_after_rating(d, app, win)
    check_stored(e2e, app)
    check_heard(e2e.stop_recording(), app.sets_shown())
    app.check()


def test_home_speed_1_at_1366x768(e2e: E2E) -> None:
    """The same from the home window's Start, with Space pressed a second after the click:
    it must start the session (the window is up by then), never open a second one."""
    d = e2e.start_desktop("1366x768")
    app = e2e.launch()
    home = d.wait_window(HOME_TITLE, tick=app.tick)
    time.sleep(0.5)
    select_routine(d, home, "Tempo")
    x, y, w, h = d.geometry(home)
    d.click(x + int(w * 0.78), y + h - 40)
    time.sleep(1.0)  # the runner presses Space a second after Start, wherever the focus is
    d.key(None, "space")
    win = d.wait_window(TEMPO_TITLE, tick=app.tick)
    app.wait("the session to start", lambda: app.events("started"), timeout=15)
    app.watch(win)
    assert len(d.find_all(TEMPO_TITLE)) == 1, "two session windows"
    app.wait_sets(1, timeout=30)
    e2e.shot("home-1366-set-done")
    assert len(app.events("window")) == 1, "a second session window was opened"
    stop_with_esc(d, app, win)
    end_after_rating(d, app, win)
    check_stored(e2e, app)
    check_heard(e2e.stop_recording(), app.sets_shown())
    app.check()


def test_windows_fit_a_1366x768_screen(e2e: E2E) -> None:
    """On a common laptop screen the home window and `ptcoach run`'s session window are
    wholly on the screen: Start, Stop and the other controls within reach."""
    d = e2e.start_desktop("1366x768")
    problems = []
    for args, title in (((), HOME_TITLE), (("run", "e2e-quick"), QUICK_TITLE)):
        app = e2e.launch(*args)
        wid = d.wait_window(title, tick=app.tick)
        time.sleep(0.5)  # placed and sized by now
        e2e.shot(f"fit-{app.name}")
        try:
            d.fits_on_screen(wid)
        except AssertionError as exc:
            problems.append(str(exc))
        app.check()
        app.kill()
    assert not problems, problems
