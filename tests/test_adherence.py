"""Adherence metrics on small histories whose expected figures are worked out by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pytest
from test_adherence_support import History, SetRow, day

from ptcoach.store import adherence, exercise_trends
from ptcoach.store.plans import end_plan, set_plan


@pytest.fixture
def history(tmp_path: Path) -> History:
    h = History(tmp_path / "history.sqlite3")
    yield h
    h.close()


def weeks(w: adherence.WeeklyAdherence) -> list[str]:
    return [str(x) for x in w.week]


def test_weeks_count_gaps_and_partial_sessions_in_part(history: History) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=3)
    history.session("2026-01-05")
    history.session("2026-01-07")
    history.session("2026-01-09", done=2, skipped=2)  # half done
    for d in ("2026-01-19", "2026-01-21", "2026-01-23"):
        history.session(d)

    w = adherence.weekly_adherence(history.conn, today=day("2026-01-25"))

    assert weeks(w) == ["2026-01-05", "2026-01-12", "2026-01-19"]
    assert w.planned.tolist() == [3, 3, 3]
    assert w.done.tolist() == [2.5, 0, 3]
    assert w.started.tolist() == [3, 0, 3]
    assert w.completed.tolist() == [2, 0, 3]
    assert w.sets_done.tolist() == [10, 0, 12]
    assert w.sets_prescribed.tolist() == [12, 0, 12]
    assert w.met.tolist() == [False, False, True]
    assert adherence.streaks(w, day("2026-01-25")) == adherence.Streaks(current=1, best=1)
    summary = adherence.summarize(w)
    assert summary.adherence == pytest.approx(5.5 / 9)
    assert summary.set_completion == pytest.approx(22 / 24)
    assert (summary.first_day, summary.last_day) == (day("2026-01-05"), day("2026-01-25"))


def test_session_credit_is_sets_done_over_prescribed_capped_at_one(history: History) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=4)
    history.session("2026-01-05", planned_sets=4, done=3, skipped=1)  # 0.75
    history.session("2026-01-06", planned_sets=6, done=2, status="abandoned")  # 1/3
    history.session("2026-01-07", planned_sets=2, done=3)  # more than planned: 1
    history.session("2026-01-08", planned_sets=5, done=0, status="abandoned")  # 0

    w = adherence.weekly_adherence(history.conn, today=day("2026-01-11"))

    assert w.done.tolist() == pytest.approx([0.75 + 1 / 3 + 1 + 0])
    assert w.started.tolist() == [4]
    assert w.sets_done.tolist() == [8]
    assert w.sets_prescribed.tolist() == [17]


def test_a_plan_change_mid_week_is_prorated_by_day_and_ending_it_leaves_no_plan(
    history: History,
) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=2)
    # From Wednesday 14 January: Mon, Wed, Fri. Mon 12 and Tue 13 still count 2/7 each.
    set_plan(history.conn, "knee", day("2026-01-14"), weekdays=[0, 2, 4])
    end_plan(history.conn, "knee", day("2026-01-26"))
    for d in (
        "2026-01-06",
        "2026-01-08",  # week 1: 2 of 2
        "2026-01-12",
        "2026-01-14",
        "2026-01-16",  # week 2: 3 of 2 + 4/7
        "2026-01-19",
        "2026-01-21",
        "2026-01-23",  # week 3: 3 of 3
        "2026-01-27",
    ):  # week 4: no plan
        history.session(d)

    w = adherence.weekly_adherence(history.conn, today=day("2026-02-04"))

    assert weeks(w) == ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02"]
    np.testing.assert_allclose(w.planned, [2, 2 + 4 / 7, 3, np.nan, np.nan])
    assert w.done.tolist() == [2, 3, 3, 1, 0]
    assert w.met.tolist() == [True, True, True, False, False]
    # Weeks without a plan neither break nor extend the run.
    assert adherence.streaks(w, day("2026-02-04")) == adherence.Streaks(current=3, best=3)
    assert adherence.summarize(w).planned == pytest.approx(7 + 4 / 7)


def test_a_plan_set_twice_on_one_day_uses_the_later_one(history: History) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=5)
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=1)

    w = adherence.weekly_adherence(history.conn, today=day("2026-01-05"))

    assert w.planned.tolist() == [1]


def test_the_week_under_way_extends_a_streak_only_once_met(history: History) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=1)
    for d in ("2026-01-05", "2026-01-12", "2026-01-26", "2026-02-02", "2026-02-09"):
        history.session(d)  # week of 19 January missed
    today = day("2026-02-18")  # Wednesday of a week with nothing done yet

    w = adherence.weekly_adherence(history.conn, today=today)
    assert adherence.streaks(w, today) == adherence.Streaks(current=3, best=3)

    history.session("2026-02-18")
    w = adherence.weekly_adherence(history.conn, today=today)
    assert adherence.streaks(w, today) == adherence.Streaks(current=4, best=4)


def test_a_missed_week_ends_the_current_streak(history: History) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), weekdays=[0])
    for d in ("2026-01-05", "2026-01-12", "2026-01-19"):
        history.session(d)
    today = day("2026-02-03")  # week of 26 January missed, 2 February under way

    w = adherence.weekly_adherence(history.conn, today=today)

    assert adherence.streaks(w, today) == adherence.Streaks(current=0, best=3)


def test_weeks_follow_local_dates_across_a_daylight_saving_change(history: History) -> None:
    # Berlin moves from UTC+1 to UTC+2 on Sunday 29 March 2026.
    set_plan(history.conn, "knee", day("2026-03-23"), weekdays=[5, 6])
    history.session("2026-03-28", local_time="23:30", offset_min=60)
    history.session("2026-03-29", local_time="23:30", offset_min=120)
    # 00:30 on Monday in Berlin is still Sunday in UTC: it belongs to the next week.
    history.session("2026-03-30", local_time="00:30", offset_min=120)

    w = adherence.weekly_adherence(history.conn, today=day("2026-04-05"))

    assert weeks(w) == ["2026-03-23", "2026-03-30"]
    assert w.planned.tolist() == [2, 2]
    assert w.done.tolist() == [2, 1]


def test_sessions_near_midnight_in_other_time_zones_count_in_their_local_week(
    history: History,
) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=2)
    # Sunday 22:00 in New York is Monday 03:00 UTC; Monday 01:00 in Tokyo is Sunday UTC.
    new_york = history.session("2026-01-11", local_time="22:00", offset_min=-300)
    tokyo = history.session("2026-01-12", local_time="01:00", offset_min=540)
    started = dict(history.conn.execute("SELECT id, started_at FROM sessions"))
    assert started[new_york].startswith("2026-01-12T03:00")
    assert started[tokyo].startswith("2026-01-11T16:00")

    w = adherence.weekly_adherence(history.conn, today=day("2026-01-14"))

    assert weeks(w) == ["2026-01-05", "2026-01-12"]
    assert w.done.tolist() == [1, 1]


def test_routines_are_counted_separately_or_together(history: History) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=2)
    set_plan(history.conn, "shin", day("2026-01-05"), sessions_per_week=1)
    history.session("2026-01-05", routine="knee")
    history.session("2026-01-06", routine="shin")
    history.session("2026-01-07", routine="shin")

    knee = adherence.weekly_adherence(history.conn, routine_id="knee", today=day("2026-01-11"))
    both = adherence.weekly_adherence(history.conn, today=day("2026-01-11"))

    assert (knee.planned.tolist(), knee.done.tolist()) == ([2], [1])
    assert (both.planned.tolist(), both.done.tolist()) == ([3], [3])


def test_an_empty_history_has_no_weeks_and_no_streak(history: History) -> None:
    w = adherence.weekly_adherence(history.conn, today=day("2026-01-11"))

    assert len(w.week) == 0
    assert adherence.streaks(w, day("2026-01-11")) == adherence.Streaks(0, 0)
    assert adherence.summarize(w).adherence is None


def test_a_period_keeps_the_weeks_it_touches(history: History) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=1)
    for d in ("2026-01-05", "2026-01-12", "2026-01-19"):
        history.session(d)

    w = adherence.weekly_adherence(
        history.conn, since=day("2026-01-14"), until=day("2026-01-20"), today=day("2026-02-01")
    )
    sliced = adherence.weekly_adherence(history.conn, today=day("2026-02-01")).between(
        day("2026-01-14"), day("2026-01-20")
    )

    assert weeks(w) == weeks(sliced) == ["2026-01-12", "2026-01-19"]
    assert w.done.tolist() == sliced.done.tolist() == [1, 1]


def test_wall_sit_holds_growing_from_30_to_60_seconds_show_per_day(history: History) -> None:
    wall = "wall-sit"
    history.session(
        "2026-01-05", planned_sets=2, sets=[SetRow(wall, None, 30), SetRow(wall, None, 30)]
    )
    history.session(
        "2026-01-07", planned_sets=2, sets=[SetRow(wall, None, 40), SetRow(wall, None, 45)]
    )
    history.session(
        "2026-01-09",
        planned_sets=3,
        sets=[SetRow(wall, None, 60), SetRow(wall, None, 55), SetRow(wall, None, 60, skipped=True)],
    )

    s = exercise_trends.exercise_series(history.conn, wall)

    assert [str(d) for d in s.day] == ["2026-01-05", "2026-01-07", "2026-01-09"]
    assert s.best_hold_s.tolist() == [30, 45, 60]
    assert s.hold_s.tolist() == [60, 85, 115]
    assert s.sets_done.tolist() == [2, 2, 2]
    assert np.isnan(s.reps).all()


def test_exercise_totals_give_first_and_last_best_sets_of_the_period(history: History) -> None:
    wall, clam = "wall-sit", "clamshell"
    history.session(
        "2026-01-05",
        planned_sets=3,
        sets=[
            SetRow(wall, None, 30),
            SetRow(clam, 10, side="left"),
            SetRow(clam, 10, side="right"),
        ],
    )
    history.session(
        "2026-01-12",
        planned_sets=3,
        sets=[
            SetRow(wall, None, 45),
            SetRow(clam, 12, side="left"),
            SetRow(clam, 15, side="right"),
        ],
    )
    history.session(
        "2026-01-19",
        planned_sets=3,
        sets=[SetRow(wall, None, 60, skipped=True), SetRow(clam, 15), SetRow(clam, 15)],
    )

    totals = {t.exercise_id: t for t in exercise_trends.exercise_totals(history.conn)}

    assert totals[wall] == exercise_trends.ExerciseTotals(
        wall,
        "Wall sit",
        days=2,
        sets_done=2,
        sets_skipped=1,
        reps=None,
        hold_s=75,
        first_best_reps=None,
        last_best_reps=None,
        first_best_hold_s=30,
        last_best_hold_s=45,
    )
    assert totals[clam] == exercise_trends.ExerciseTotals(
        clam,
        "Clamshell",
        days=3,
        sets_done=6,
        sets_skipped=0,
        reps=77,
        hold_s=None,
        first_best_reps=10,
        last_best_reps=15,
        first_best_hold_s=None,
        last_best_hold_s=None,
    )
    only_last = exercise_trends.exercise_totals(history.conn, since=day("2026-01-12"))
    assert [(t.exercise_id, t.days, t.first_best_reps) for t in only_last] == [
        (clam, 2, 15),
        (wall, 1, None),
    ]


def test_pain_and_effort_are_daily_means_of_what_was_rated(history: History) -> None:
    history.session("2026-01-05", pain=4, effort=6, pain_before=5)
    history.session("2026-01-05", pain=2, effort=None)
    history.session("2026-01-06")  # not rated
    history.session("2026-01-08", pain=1, effort=7, done=2)

    d = adherence.daily(history.conn)

    assert [str(x) for x in d.day] == ["2026-01-05", "2026-01-06", "2026-01-08"]
    np.testing.assert_allclose(d.pain, [3, np.nan, 1])
    np.testing.assert_allclose(d.effort, [6, np.nan, 7])
    np.testing.assert_allclose(d.pain_before, [5, np.nan, np.nan])
    assert d.sessions.tolist() == [2, 1, 1]
    assert d.done.tolist() == [2, 1, 0.5]
    assert d.sets_done.tolist() == [8, 4, 2]


def test_exercises_and_routines_done_are_listed_by_name(history: History) -> None:
    history.session("2026-01-05", routine="shin", sets=[SetRow("wall-sit", None, 30)])
    history.session("2026-01-06", routine="knee")
    set_plan(history.conn, "planned-only", date(2026, 1, 5), sessions_per_week=1)

    assert exercise_trends.exercises_done(history.conn) == [
        ("clamshell", "Clamshell"),
        ("wall-sit", "Wall sit"),
    ]
    assert exercise_trends.routines_done(history.conn) == [
        ("knee", "Knee"),
        ("planned-only", "planned-only"),
        ("shin", "Shin"),
    ]


@pytest.mark.parametrize("routine", [None, "knee", "shin"])
def test_weekly_and_daily_in_one_query_match_the_two_queries(
    history: History, routine: str | None
) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=3)
    set_plan(history.conn, "shin", day("2026-01-14"), weekdays=[0, 3])
    history.session("2025-12-30", routine="knee", pain=3)  # before any plan
    history.session("2026-01-05", pain=4, effort=6, pain_before=5)
    history.session("2026-01-05", routine="shin", done=1, skipped=3, pain=2)
    history.session("2026-01-09", done=2, skipped=2, status="abandoned")
    history.session("2026-01-22", routine="shin", effort=7)
    history.session("2026-01-24", pain=1)  # after today, in this week: weekly only
    today = day("2026-01-22")

    weekly, daily = adherence.weekly_and_daily(history.conn, routine_id=routine, today=today)

    expected_weekly = adherence.weekly_adherence(history.conn, routine_id=routine, today=today)
    expected_daily = adherence.daily(history.conn, routine_id=routine, until=today)
    for got, expected in ((weekly, expected_weekly), (daily, expected_daily)):
        for name, column in vars(expected).items():
            np.testing.assert_array_equal(getattr(got, name), column, err_msg=name)
            assert getattr(got, name).dtype == column.dtype
    assert str(weekly.week[-1]) == "2026-01-19" and weekly.started.sum() > 0
    assert str(daily.day[-1]) <= "2026-01-22"


def test_weekly_and_daily_of_an_empty_history_are_empty(history: History) -> None:
    weekly, daily = adherence.weekly_and_daily(history.conn, today=day("2026-01-11"))

    assert len(weekly.week) == 0 and len(daily.day) == 0
