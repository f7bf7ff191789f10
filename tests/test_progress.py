"""The progress view: lazy pyqtgraph import, the data each chart holds, range, export."""

from __future__ import annotations

import csv
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from test_adherence_support import History, SetRow, day

from ptcoach.store.plans import set_plan

TODAY = day("2026-01-21")  # a Wednesday


@pytest.fixture
def history(tmp_path: Path) -> History:
    h = History(tmp_path / "history.sqlite3")
    set_plan(h.conn, "knee", day("2026-01-05"), sessions_per_week=2)
    wall = "wall-sit"
    h.session(
        "2026-01-05",
        planned_sets=2,
        pain=4,
        effort=6,
        sets=[SetRow(wall, None, 30), SetRow(wall, None, 35)],
    )
    h.session(
        "2026-01-07",
        planned_sets=2,
        pain=2,
        effort=5,
        sets=[SetRow(wall, None, 45), SetRow(wall, None, 60, skipped=True)],
    )
    h.session(
        "2026-01-13", planned_sets=2, pain=1, sets=[SetRow(wall, None, 60), SetRow("clamshell", 15)]
    )
    yield h
    h.close()


@pytest.fixture
def view(qtbot, history: History):
    from ptcoach.ui.progress import ProgressView

    v = ProgressView(history.conn, today=TODAY)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    return v


def test_pyqtgraph_is_imported_only_when_the_progress_view_opens() -> None:
    code = (
        "import sys\n"
        "import ptcoach.app, ptcoach.cli, ptcoach.commands.report, ptcoach.store.adherence\n"
        "import ptcoach.store.plans, ptcoach.report.figures\n"
        "ptcoach.cli.build_parser()\n"
        "assert 'pyqtgraph' not in sys.modules, 'imported too early'\n"
        "assert 'ptcoach.ui.progress' not in sys.modules\n"
        "import ptcoach.ui.progress\n"
        "assert 'pyqtgraph' in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.stdout.strip() == "ok", result.stderr


def test_weekly_bars_hold_sessions_done_and_the_plan_line_the_plan(view) -> None:
    chart = view.adherence_chart
    heights = chart.bars.opts["height"]
    assert list(heights) == [1.5, 1, 0]  # 2 sets + 1 of 2 sets; 1 session; nothing yet
    x, y = chart.plan_line.getData()
    assert list(y) == [2, 2, 2, 2, 2, 2]
    monday = (np.datetime64("2026-01-05") - np.datetime64("1970-01-01")).astype(int) * 86400
    assert x[0] == monday and x[1] == monday + 7 * 86400


def test_pain_and_effort_lines_hold_the_daily_ratings(view) -> None:
    _, pain = view.pain_chart.pain.getData()
    _, effort = view.pain_chart.effort.getData()
    assert list(pain) == [4, 2, 1]
    np.testing.assert_array_equal(effort, [6, 5, np.nan])


def test_weekly_mean_lines_sit_over_the_faint_daily_points(view) -> None:
    from ptcoach.ui.progress.data import day_seconds

    chart = view.pain_chart
    x, pain = chart.pain_week.getData()
    _, effort = chart.effort_week.getData()
    # Week of 5 Jan: pain 4 and 2, effort 6 and 5; week of 12 Jan: pain 1, effort unrated.
    assert list(pain) == [3, 1]
    assert list(effort) == [5.5]
    assert list(x) == [
        day_seconds(day("2026-01-08")) + 43200,
        day_seconds(day("2026-01-15")) + 43200,
    ]  # mid-week: Thursday noon
    assert chart.pain.opts["pen"] is None  # the daily points are not joined
    assert chart.pain.opts["symbolSize"] < 5
    assert chart.pain.opts["symbolBrush"].alpha() < 128


def test_lines_break_across_a_multi_week_gap_and_join_within_one(qtbot, tmp_path) -> None:
    from ptcoach.ui.progress import ProgressView

    h = History(tmp_path / "gappy.sqlite3")
    for when, pain in (
        ("2025-11-03", 6),
        ("2025-11-05", 4),
        ("2025-11-19", 5),
        ("2026-01-05", 2),
        ("2026-01-13", 1),
    ):
        h.session(when, pain=pain, sets=[SetRow("wall-sit", None, 30 + pain)])
    v = ProgressView(h.conn, today=TODAY)
    qtbot.addWidget(v)
    v.set_exercise("wall-sit")
    _, weekly = v.pain_chart.pain_week.getData()
    # Weeks of 3 Nov (5), 17 Nov (5): one missed week is bridged; then seven weeks apart.
    np.testing.assert_array_equal(weekly, [5, 5, np.nan, 2, 1])
    assert v.pain_chart.pain_week.opts["connect"] == "finite"
    _, best = v.exercise_chart.best.getData()
    np.testing.assert_array_equal(best, [36, 34, 35, np.nan, 32, 31])
    _, total = v.exercise_chart.total.getData()
    assert np.isnan(total[3]) and v.exercise_chart.total.opts["connect"] == "finite"
    v.close()
    h.close()


def test_the_chosen_exercise_shows_its_best_hold_each_day(view, qtbot) -> None:
    chart = view.exercise_chart
    assert chart.current_exercise() == "clamshell"  # by name: Clamshell before Wall sit
    view.set_exercise("wall-sit")
    _, best = chart.best.getData()
    _, total = chart.total.getData()
    assert list(best) == [35, 45, 60]
    assert list(total) == [65, 45, 60]
    assert chart.unit == "s"


def test_the_calendar_holds_each_days_share_done(view) -> None:
    chart = view.calendar_chart
    rows = {r[0]: r[1:] for r in chart.csv_rows()}
    assert rows["2026-01-05"] == [1, 1.0]
    assert rows["2026-01-07"] == [1, 0.5]
    assert rows["2026-01-06"] == [0, 0.0]
    assert "2026-01-22" not in rows  # tomorrow stays empty
    assert chart.grid.shape == (53, 7)


def test_changing_the_range_moves_every_linked_chart_and_the_headline(view) -> None:
    from ptcoach.ui.progress.data import Span, day_seconds

    view.set_span(Span.WEEKS_4)
    x_range = view.pain_chart.plot_item.vb.viewRange()[0]
    assert x_range[0] == pytest.approx(day_seconds(day("2025-12-29")))
    assert x_range[1] == pytest.approx(day_seconds(day("2026-01-26")))
    # Weeks of 29 Dec (no plan yet), 5 Jan (1.5 of 2), 12 Jan (1 of 2), 19 Jan (0 of 2).
    assert "42% of planned sessions" in view.summary_label.text()
    assert "0 of 3 weeks met" in view.summary_label.text()


def test_hovering_a_week_reads_out_its_figures(view) -> None:
    from ptcoach.ui.progress.data import day_seconds

    text = view.adherence_chart.readout_at(day_seconds(day("2026-01-08")), 1)
    assert text == "Week of 2026-01-05: 1.5 of 2 sessions, 3 of 4 sets"


def test_each_chart_exports_a_png_and_its_figures_as_csv(view, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    for chart in view.charts:
        png = chart.export_png(tmp_path / f"{chart.file_stem}.png", width=600)
        image = QImage(str(png))
        assert image.width() == 600 and image.height() > 100
    path = view.adherence_chart.export_csv(tmp_path / "weekly.csv")
    with open(path, newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0][:3] == ["week_start", "planned_sessions", "sessions_done"]
    assert rows[1][:3] == ["2026-01-05", "2.0", "1.5"]


def test_the_report_button_writes_a_pdf_for_the_range_on_screen(
    view, tmp_path: Path, qtbot
) -> None:
    with qtbot.waitSignal(view.report_written, timeout=10000):
        view.write_report(tmp_path / "report.pdf")
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


def test_a_view_opened_on_a_path_reads_the_same_history(qtbot, history: History) -> None:
    from ptcoach.ui.progress import ProgressView

    v = ProgressView(history.path, today=TODAY)
    qtbot.addWidget(v)
    assert list(v.adherence_chart.bars.opts["height"]) == [1.5, 1, 0]
    v.close()


def test_weekly_bars_are_painted_in_the_colour_of_their_week(qtbot, tmp_path) -> None:
    from PySide6.QtGui import QColor, QImage

    from ptcoach.ui.progress import ProgressView

    h = History(tmp_path / "colours.sqlite3")
    set_plan(h.conn, "knee", day("2026-01-05"), sessions_per_week=2)
    for when in ("2026-01-05", "2026-01-07", "2026-01-13"):  # met, then short
        h.session(when)
    v = ProgressView(h.conn, today=TODAY)
    qtbot.addWidget(v)
    v.resize(1100, 700)
    v.show()
    chart = v.adherence_chart
    image = chart.plot_widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint32).reshape(image.height(), -1)
    rgb = pixels[:, : image.width()] & 0xFFFFFF
    met, short = (QColor(c).rgb() & 0xFFFFFF for c in (chart.theme.met, chart.theme.short))
    # Both bars are tall enough to fill hundreds of pixels each.
    assert (rgb == met).sum() > 500
    assert (rgb == short).sum() > 500
    v.close()
    h.close()


def test_the_view_reads_the_connection_of_the_moment_and_waits_while_there_is_none(
    qtbot, history: History, tmp_path: Path
):
    """Built on the app's connection of the moment (a function, as the shell passes it): while
    the history is being re-opened there is none, and the charts stay as they are (a report
    says why it cannot be written); then it reads the new connection, not the closed one."""
    import sqlite3

    from ptcoach.store.db import open_database
    from ptcoach.store.errors import StoreError
    from ptcoach.ui.progress import ProgressView

    current: list[sqlite3.Connection | None] = [history.conn]
    v = ProgressView(lambda: current[0], today=TODAY)
    qtbot.addWidget(v)
    shown = v.data
    assert shown is not None and int(sum(shown.daily.sessions)) == 3
    history.session("2026-01-20", planned_sets=2)  # one more, then the history re-opens
    history.conn.close()
    current[0] = None
    v.reload()
    assert v.data is shown  # kept as it was: nothing read from a closed connection
    with pytest.raises(StoreError, match="being re-opened"):
        v.write_report(tmp_path / "report.pdf")
    current[0] = history.conn = open_database(history.path)
    v.reload()
    assert v.conn is current[0] and int(sum(v.data.daily.sessions)) == 4


def _charts(v) -> tuple:
    """What the four charts and the choosers hold, comparable between two views."""
    return (
        list(v.adherence_chart.bars.opts["height"]),
        int(v.data.daily.sessions.sum()),
        v.exercise_chart.current_exercise(),
        [v.routine_chooser.itemData(i) for i in range(v.routine_chooser.count())],
        v.summary_label.text(),
    )


def test_a_background_view_reads_off_the_gui_thread_and_shows_what_a_direct_read_shows(
    qtbot, history: History
) -> None:
    import threading

    from ptcoach.ui.progress import ProgressView, loader

    readers: list[str] = []
    real_load_all = loader.load_all

    def load_all_noting_the_thread(*args, **kwargs):
        readers.append(threading.current_thread().name)
        return real_load_all(*args, **kwargs)

    loader.load_all = load_all_noting_the_thread
    try:
        v = ProgressView(history.conn, today=TODAY, background=True)
        qtbot.addWidget(v)
        assert v.data is None and v.loading  # the window is up before the history is read
        assert not v.report_button.isEnabled()
        # The charts are built one per event-loop turn after this one, and wait hidden (no
        # empty axes) until the history is on them.
        assert v.charts == ()
        from PySide6.QtCore import QCoreApplication

        deadline = time.monotonic() + 10
        while len(v.charts) < 4 and time.monotonic() < deadline:
            QCoreApplication.processEvents()  # each turn builds one chart
            assert v.data is None and all(c.isHidden() for c in v.charts)
        assert len(v.charts) == 4 and v.loading  # the read starts once they are built
        qtbot.waitUntil(lambda: not v.loading, timeout=10_000)
    finally:
        loader.load_all = real_load_all
    assert readers == ["ptcoach-progress-load"]
    assert v.report_button.isEnabled()
    assert not any(c.isHidden() for c in v.charts)
    direct = ProgressView(history.conn, today=TODAY)
    qtbot.addWidget(direct)
    assert _charts(v) == _charts(direct)
    assert _charts(v)[0] == [1.5, 1, 0]


def test_a_newer_background_read_overtakes_an_older_one(qtbot, history: History) -> None:
    from ptcoach.ui.progress import ProgressView

    v = ProgressView(history.conn, today=TODAY, background=True)
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: not v.loading, timeout=10_000)
    knee = v.routine_chooser.findData("knee")
    assert knee > 0
    v.refresh()  # "all routines" again, then the runner picks knee before it is back
    v.routine_chooser.setCurrentIndex(knee)
    qtbot.waitUntil(lambda: not v.loading, timeout=10_000)
    assert v.data.routine_id == "knee" and v.routine_id() == "knee"


def test_a_history_that_cannot_be_read_is_said_in_the_view(qtbot, tmp_path: Path) -> None:
    from ptcoach.ui.progress import ProgressView

    h = History(tmp_path / "gone.sqlite3")
    h.session("2026-01-05")
    (tmp_path / "gone.sqlite3").unlink()  # the app's connection lives on; the file is gone
    v = ProgressView(h.conn, today=TODAY, background=True)
    qtbot.addWidget(v)
    qtbot.waitUntil(lambda: not v.loading, timeout=10_000)
    assert "could not be read" in v.summary_label.text()
    assert v.data is None and not v.report_button.isEnabled()
    h.close()
