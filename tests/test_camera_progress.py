"""The progress view shows the reps the camera counted and the sets it flagged the form in, day
by day, only on the days it watched; the numbers come from the history in SQL."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from test_adherence_support import History, SetRow, day

from ptcoach.store.exercise_trends import exercise_series

TODAY = day("2026-01-21")


def camera_history(tmp_path: Path) -> History:
    h = History(tmp_path / "history.sqlite3")
    clam = "clamshell"
    h.session("2026-01-05", sets=[SetRow(clam, 10), SetRow(clam, 10)])  # camera off
    h.session("2026-01-07", sets=[SetRow(clam, 12), SetRow(clam, 12)])
    h.session("2026-01-12", sets=[SetRow(clam, 15), SetRow(clam, 15)])
    h.session("2026-01-14", sets=[SetRow("wall-sit", None, 40)])
    seen = {
        "2026-01-07": [(11, "pelvis-back"), (12, "")],
        "2026-01-12": [(15, ""), (14, "")],
        "2026-01-14": [(None, "too-low")],
    }
    for local_date, rows in seen.items():
        ids = [
            r[0]
            for r in h.conn.execute(
                "SELECT t.id FROM sets t JOIN sessions s ON s.id = t.session_id"
                " WHERE s.local_date = ? ORDER BY t.id",
                (local_date,),
            )
        ]
        for set_id, (reps, flags) in zip(ids, rows, strict=True):
            h.conn.execute(
                "UPDATE sets SET camera_reps = ?, form_flags = ? WHERE id = ?",
                (reps, flags, set_id),
            )
    return h


def test_the_series_has_camera_counts_and_flagged_sets_per_day(tmp_path) -> None:
    h = camera_history(tmp_path)
    s = exercise_series(h.conn, "clamshell", until=TODAY)
    assert [str(d) for d in s.day] == ["2026-01-05", "2026-01-07", "2026-01-12"]
    assert np.isnan(s.camera_reps[0]) and list(s.camera_reps[1:]) == [23, 29]
    assert np.isnan(s.form_flagged[0]) and list(s.form_flagged[1:]) == [1, 0]
    wall = exercise_series(h.conn, "wall-sit", until=TODAY)
    assert np.isnan(wall.camera_reps[0]) and list(wall.form_flagged) == [1]
    h.close()


def test_the_exercise_chart_draws_them_with_a_legend_readout_and_csv(qtbot, tmp_path) -> None:
    from ptcoach.ui.progress import ProgressView
    from ptcoach.ui.progress.data import DAY_S, day_seconds

    h = camera_history(tmp_path)
    view = ProgressView(h.conn, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.set_exercise("clamshell")
    chart = view.exercise_chart
    _, counted = chart.camera.getData()
    assert list(counted) == [23, 29]  # the days it counted, and no others
    assert chart.camera.opts["symbol"] == ["x", "o"]  # × on the day with a form cue
    legend = chart.legend_label.text()
    assert "camera-counted reps" in legend and "a day with a form cue" in legend
    readout = chart.readout_at(day_seconds(day("2026-01-07")) + DAY_S / 2, 0)
    assert readout.endswith("; camera counted 23; form cues in 1 sets")
    assert chart.csv_header()[-2:] == ["camera_reps", "form_flagged_sets"]
    rows = {r[0]: r for r in chart.csv_rows()}
    assert rows["2026-01-05"][-2:] == ["", ""]
    assert rows["2026-01-12"][-2:] == [29.0, 0.0]
    view.set_exercise("wall-sit")
    _, held = chart.camera.getData()
    assert list(held) == [40]  # holds: the best hold on the day the camera watched
    assert chart.camera.opts["symbol"] == ["x"]
    assert "camera: best hold" in chart.legend_label.text()
    view.close()
    h.close()
