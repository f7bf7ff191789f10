"""Plans: setting one from a date, listing them, and finding the one in force."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_adherence_support import History, day

from ptcoach.store.plans import PlanError, current_plan, end_plan, list_plans, plan_on, set_plan


@pytest.fixture
def history(tmp_path: Path) -> History:
    h = History(tmp_path / "history.sqlite3")
    yield h
    h.close()


def test_the_latest_plan_on_or_before_a_day_applies(history: History) -> None:
    conn = history.conn
    first = set_plan(conn, "knee", day("2026-01-05"), sessions_per_week=3, remind_at="07:30")
    second = set_plan(conn, "knee", day("2026-02-02"), weekdays=[4, 0, 2, 0])
    end_plan(conn, "knee", day("2026-03-02"))

    assert plan_on(conn, "knee", day("2026-01-04")) is None
    assert plan_on(conn, "knee", day("2026-01-31")) == first
    assert plan_on(conn, "knee", day("2026-02-02")) == second
    assert second.weekdays == (0, 2, 4) and second.per_week == 3
    assert plan_on(conn, "knee", day("2026-03-02")) is None
    assert current_plan(conn, "knee", today=day("2026-02-10")) == second
    assert [p.start_date.isoformat() for p in list_plans(conn, "knee")] == [
        "2026-01-05",
        "2026-02-02",
        "2026-03-02",
    ]
    assert first.describe() == "3 per week from 2026-01-05, reminder at 07:30"
    assert second.describe() == "Mon, Wed, Fri from 2026-02-02"


def test_plans_of_other_routines_are_kept_apart(history: History) -> None:
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=2)
    set_plan(history.conn, "shin", day("2026-01-05"), sessions_per_week=5)

    knee = current_plan(history.conn, "knee", today=day("2026-01-06"))
    assert knee is not None and knee.sessions_per_week == 2
    assert [p.routine_id for p in list_plans(history.conn)] == ["knee", "shin"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"sessions_per_week": 3, "weekdays": [0]}, "not both"),
        ({"sessions_per_week": 0}, "1 to 14, not 0"),
        ({"sessions_per_week": 15}, "1 to 14, not 15"),
        ({"weekdays": [7]}, "0 (Monday) to 6 (Sunday)"),
        ({"weekdays": []}, "at least one"),
        ({"sessions_per_week": 2, "remind_at": "7:30"}, "'7:30' is not HH:MM"),
        ({"sessions_per_week": 2, "remind_at": "24:00"}, "'24:00' is not HH:MM"),
    ],
)
def test_bad_plans_are_refused_with_a_specific_message_and_nothing_stored(
    history: History, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(PlanError, match=message.replace("(", r"\(").replace(")", r"\)")):
        set_plan(history.conn, "knee", day("2026-01-05"), **kwargs)  # type: ignore[arg-type]

    assert list_plans(history.conn) == []
