"""The progress view does not reload its charts for every set while the runner cannot see it
(issue 11: 300-430 ms a set with a long history); it reloads once when it comes back."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ptcoach.ui.progress.when_seen import reload_when_seen


def test_requests_while_hidden_reload_once_when_shown(qtbot):
    view = QWidget()
    qtbot.addWidget(view)
    reloads: list[int] = []
    request = reload_when_seen(view, lambda: reloads.append(1))
    for _ in range(5):  # five sets recorded while the view is closed
        request()
    assert reloads == []
    view.show()
    qtbot.waitExposed(view)
    assert reloads == [1]
    view.hide()
    view.show()  # nothing new since: no reload
    assert reloads == [1]


def test_a_view_in_front_reloads_at_once(qtbot):
    view = QWidget()
    qtbot.addWidget(view)
    reloads: list[int] = []
    request = reload_when_seen(view, lambda: reloads.append(1))
    view.show()
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow, timeout=5000)
    request()
    assert reloads == [1]


def test_the_shells_progress_window_reloads_only_when_it_comes_back(qtbot, make_app):
    app = make_app(speed=50.0)
    view = app.shell.open_progress()
    qtbot.waitUntil(lambda: view.data is not None and not view.loading)  # read in the background
    view.hide()  # closed, as during a session
    before = view.data
    for _ in range(3):  # three sets recorded
        app.shell.history_changed.emit()
    qtbot.wait(50)  # time for a (wrong) background read to come back
    assert not view.loading and view.data is before  # nothing queried or drawn while hidden
    app.shell.open_progress()
    assert view.loading  # reloading on show, off the GUI thread...
    qtbot.waitUntil(lambda: view.data is not before and not view.loading)  # ...with every set
