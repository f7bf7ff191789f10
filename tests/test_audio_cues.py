"""The event -> cue mapping, the voice queue and the look-ahead: pure, no sound, no Qt."""

from __future__ import annotations

from dataclasses import replace

import factories

from ptcoach.audio.clips import available
from ptcoach.audio.cues import Cue, CueKind, cues_for
from ptcoach.audio.lookahead import upcoming_events
from ptcoach.audio.queue import VoiceQueue
from ptcoach.audio.settings import AudioSettings
from ptcoach.catalog.model import Kind, Targets
from ptcoach.engine.clock import FakeClock
from ptcoach.engine.events import Countdown, Event, RepStarted, SessionStarted
from ptcoach.engine.plan import expand
from ptcoach.engine.session import Session

ON = AudioSettings()


def run_session(*pairs, lead_in_s: float = 5.0) -> tuple[Session, list[Event]]:
    clock = FakeClock()
    session = Session(expand(factories.routine(*pairs, lead_in_s=lead_in_s)), clock=clock)
    events = session.start()
    while (due := session.next_deadline()) is not None:
        clock.now = due
        events += session.advance()
    return session, events


def all_cues(events: list[Event], settings: AudioSettings = ON) -> list[Cue]:
    plan = next(e.plan for e in events if isinstance(e, SessionStarted))
    return [c for e in events for c in cues_for(e, settings, plan)]


def test_a_hold_ticks_on_each_of_its_last_three_seconds_and_not_before():
    hold = factories.exercise("wall-sit", Kind.HOLD)
    _, events = run_session((hold, Targets(sets=1, hold_s=8)), lead_in_s=0)
    ticks = [c for c in all_cues(events) if c.clip == "tick"]
    countdown_at = {e.remaining: e.at for e in events if isinstance(e, Countdown)}
    assert [c.at for c in ticks] == [countdown_at[3], countdown_at[2], countdown_at[1]]


def test_get_ready_names_the_exercise_and_the_first_side_in_that_order():
    ex = factories.exercise("clamshell", per_side=True)
    _, events = run_session((ex, Targets(sets=1, reps=2)))
    voices = [c.clip for c in all_cues(events) if c.kind is CueKind.VOICE]
    assert voices[:3] == ["get_ready", "ex_clamshell", "left_side"]
    assert voices.count("switch_sides") == 1
    assert voices[voices.index("switch_sides") + 1] == "right_side"
    assert voices[-1] == "session_complete"


def test_last_set_is_said_once_per_exercise_even_when_done_per_side():
    ex = factories.exercise("step-up", per_side=True)
    _, events = run_session((ex, Targets(sets=3, reps=2, rest_s=5)))
    voices = [c.clip for c in all_cues(events) if c.kind is CueKind.VOICE]
    assert voices.count("last_set") == 1
    assert voices.count("rest") == 2


def test_each_rep_number_is_spoken_as_that_rep_starts_with_lift_and_lower_clicks():
    ex = factories.exercise("clamshell", tempo=(("lift", 1.0), ("lower", 2.0)))
    _, events = run_session((ex, Targets(sets=1, reps=4)))
    cues = all_cues(events)
    reps = [e for e in events if isinstance(e, RepStarted)]
    spoken = [c for c in cues if c.clip.startswith("rep_")]
    assert [c.clip for c in spoken] == ["rep_1", "rep_2", "rep_3", "rep_4"]
    assert [c.at for c in spoken] == [e.at for e in reps]
    assert [c.clip for c in cues if c.clip.startswith("tempo_")] == (
        ["tempo_lower"] + ["tempo_lift", "tempo_lower"] * 3
    )


def test_halfway_and_ten_seconds_are_called_in_a_long_hold():
    hold = factories.exercise("wall-sit", Kind.HOLD)
    _, events = run_session((hold, Targets(sets=1, hold_s=30)), lead_in_s=0)
    by_clip = {c.clip: c for c in all_cues(events)}
    remaining = {e.at: e.remaining for e in events if isinstance(e, Countdown)}
    assert remaining[by_clip["halfway"].at] == 15
    assert remaining[by_clip["ten_seconds"].at] == 10


def test_settings_turn_off_voice_tones_rep_counting_and_everything_when_muted():
    ex = factories.exercise("clamshell")
    _, events = run_session((ex, Targets(sets=2, reps=3, rest_s=20)))
    assert all(c.kind is CueKind.TONE for c in all_cues(events, replace(ON, voice=False)))
    assert all(c.kind is CueKind.VOICE for c in all_cues(events, replace(ON, tones=False)))
    assert not [
        c for c in all_cues(events, replace(ON, count_reps=False)) if c.clip.startswith("rep_")
    ]
    assert all_cues(events, replace(ON, muted=True)) == []


def test_every_cue_of_the_builtin_exercises_has_a_shipped_clip():
    shipped = available()
    ex = factories.exercise("clamshell", per_side=True)
    hold = factories.exercise("wall-sit", Kind.HOLD)
    _, events = run_session(
        (ex, Targets(sets=2, reps=30, rest_s=30)), (hold, Targets(sets=1, hold_s=40))
    )
    missing = {c.clip for c in all_cues(events)} - set(shipped)
    assert missing == set()


def test_the_queue_speaks_the_most_important_cue_first_and_drops_stale_ones():
    q = VoiceQueue(lead_s=0.05)
    q.push(Cue("rep_3", CueKind.VOICE, at=10.0, priority=50, max_late_s=0.4))
    q.push(Cue("rest", CueKind.VOICE, at=10.0, priority=60, max_late_s=1.5))
    first = q.pop_due(9.95)
    assert first is not None and first.clip == "rest"
    q.started(9.95, duration_s=0.5)
    assert q.pop_due(10.2) is None  # "rest" is still being heard
    assert q.pop_due(10.5) is None  # rep 3 would be heard 0.55 s late: dropped
    assert [c.clip for c in q.dropped] == ["rep_3"]


def test_looking_ahead_yields_exactly_the_events_the_session_then_emits():
    hold = factories.exercise("wall-sit", Kind.HOLD)
    clock = FakeClock()
    session = Session(
        expand(factories.routine((hold, Targets(sets=2, hold_s=6, rest_s=5)))), clock=clock
    )
    session.start()
    for _ in range(10):
        horizon = clock.now + 2.5
        ahead = upcoming_events(session, horizon)
        clock.now = horizon
        assert session.advance() == ahead
