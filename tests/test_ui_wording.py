"""Issue 14's smaller items, each on real widgets or a real PDF: the streak without a plan,
"1 page matches", the report period and its whole-number ticks, the targets a routine fixes,
and the chart readout that no longer moves the plot."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from test_adherence_support import History, SetRow, day

from ptcoach.store.plans import set_plan

TODAY = day("2026-01-21")  # a Wednesday


@pytest.fixture
def history(tmp_path: Path):
    h = History(tmp_path / "history.sqlite3")
    for d in ("2026-01-05", "2026-01-07", "2026-01-13"):
        h.session(d, planned_sets=1, pain=2, effort=5, sets=[SetRow("wall-sit", None, 30)])
    yield h
    h.close()


def progress(qtbot, history):
    from ptcoach.ui.progress import ProgressView

    v = ProgressView(history.conn, today=TODAY)
    qtbot.addWidget(v)
    v.resize(1000, 600)
    v.show()
    return v


def test_without_a_plan_the_headline_asks_for_one_instead_of_a_zero_streak(qtbot, history):
    view = progress(qtbot, history)
    text = view.summary_label.text()
    assert "streak 0 weeks" not in text
    assert "set a plan" in text


def test_with_a_plan_the_streak_is_counted(qtbot, history):
    set_plan(history.conn, "knee", day("2026-01-05"), sessions_per_week=1)
    view = progress(qtbot, history)
    text = view.summary_label.text()
    assert "streak" in text and "set a plan" not in text


def test_hovering_a_chart_never_moves_its_plot(qtbot, history):
    v = progress(qtbot, history)
    chart = v.adherence_chart
    before = chart.plot_widget.geometry()
    chart.readout.setText("week of 2026-01-12: 1 of 1 planned, and a long line of figures")
    qtbot.wait(20)
    assert chart.plot_widget.geometry() == before


def test_one_match_reads_as_one_page(qtbot):
    from ptcoach.catalog.learn import Learn
    from ptcoach.ui.learn_view import LearnView

    learn = Learn.load()
    view = LearnView(learn)
    qtbot.addWidget(view)
    title = learn.pages[0].title
    for n in range(len(title), 2, -1):  # the shortest prefix of a title that one page matches
        view.search_edit.setText(title[:n])
        if len(view.listed_pages()) == 1:
            break
    view.search_edit.setText(title)  # a whole title: very likely that page alone
    if len(view.listed_pages()) != 1:
        pytest.skip("no search matches exactly one page")
    assert view.count_label.text() == "1 page matches"


def test_the_report_period_never_ends_in_the_future():
    from ptcoach.report.figures import period

    start, end = period(None, None, TODAY)
    assert end == TODAY and start.weekday() == 0
    start, end = period(day("2026-01-05"), day("2026-01-11"), TODAY)  # a past week: whole
    assert (start, end) == (day("2026-01-05"), day("2026-01-11"))
    assert period(None, TODAY - timedelta(days=30), TODAY)[1].weekday() == 6


def test_session_counts_get_whole_number_ticks():
    from ptcoach.report.pdf import _ticks

    assert _ticks(5.0) == [0.0, 5.0]
    assert _ticks(4.0) == [0.0, 2.0, 4.0]
    assert all(t == int(t) for top in range(1, 12) for t in _ticks(float(top)))
    assert _ticks(10.0) == [0.0, 5.0, 10.0]  # pain, 0 to 10


def test_a_number_the_routine_fixes_says_why_and_is_not_greyed_out(qtbot):
    from factories import exercise, routine
    from PySide6.QtWidgets import QSpinBox

    from ptcoach.catalog.model import Range, Targets
    from ptcoach.ui.home.targets_editor import TargetsEditor

    r = routine((exercise("clam"), Targets(sets=2, reps=15, rest_s=30)))
    item = r.items[0]
    from dataclasses import replace

    r = replace(r, items=(replace(item, reps=Range(15, 15)),))
    editor = TargetsEditor(r, [Targets(sets=2, reps=15, rest_s=30)])
    qtbot.addWidget(editor)
    spin = editor.findChild(QSpinBox, "repsSpin_0")
    assert spin.isEnabled() and spin.isReadOnly()
    assert "fixed" in spin.text()
    assert "asks for exactly 15" in spin.toolTip()
    assert "asks for exactly 15" in spin.accessibleDescription()
    assert editor.targets()[0].reps == 15
