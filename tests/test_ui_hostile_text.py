"""Text from routine files is shown as text everywhere: names, descriptions and summaries made
of HTML (`<img src=...>`, `<a href=...>`, `<b>`) show as those characters, and no image is
loaded. Each widget that shows file text is checked with a hostile routine file loaded the way
the app loads it (from the runner's routines folder).

"Nothing is loaded" is checked by size: the planted image is 900 px tall, so a label that
loaded it would ask for at least that much height.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers.app_shell import build_app
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QLabel

IMAGE_PX = 900


def hostile(img: Path, what: str) -> str:
    return (
        f"<img src='{img}'><a href='https://example.org/{what}'>{what}</a><b>bold</b>"
        f"<script>x</script>"
    )


ROUTINE = """format = 1
id = "hostile"
name = {name}
description = {description}

[[exercises]]
id = "own-one"
reps = [5, 10]
target = {{ sets = 2, reps = 5 }}
note = {note}

[[exercises]]
id = "own-two"
target = {{ hold_s = 20 }}

[[own_exercises]]
id = "own-one"
name = {ex1}
summary = {summary}
kind = "reps"
per_side = false
sets = [1, 3]
reps = [5, 30]
rest_s = [20, 40]
pacing = "self"

[[own_exercises]]
id = "own-two"
name = {ex2}
kind = "hold"
per_side = false
sets = [1, 3]
hold_s = [20, 60]
rest_s = [10, 20]
"""


def toml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@pytest.fixture
def texts(data_dir: Path, tmp_path: Path) -> dict[str, str]:
    img = tmp_path / "planted.png"
    image = QImage(IMAGE_PX, IMAGE_PX, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.red)
    assert image.save(str(img))
    t = {k: hostile(img, k) for k in ("name", "description", "note", "ex1", "ex2", "summary")}
    folder = data_dir / "routines"
    folder.mkdir(parents=True)
    (folder / "hostile.toml").write_text(
        ROUTINE.format(**{k: toml_str(v) for k, v in t.items()}), encoding="utf-8"
    )
    return t


def shown(label: QLabel) -> str:
    """What the runner reads in `label`: its text as Qt will render it."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    if label.textFormat() == Qt.TextFormat.AutoText and not QtGui.Qt.mightBeRichText(label.text()):
        return label.text()
    doc = QTextDocument()
    doc.setHtml(label.text())
    return doc.toPlainText()


def tooltip_shown(text: str) -> str:
    if not QtGui.Qt.mightBeRichText(text):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def assert_literal(label: QLabel, expected: str) -> None:
    assert expected in shown(label), shown(label)
    label.adjustSize()
    assert label.sizeHint().height() < IMAGE_PX // 3  # the planted image was not loaded
    assert label.sizeHint().width() < IMAGE_PX * 3


def test_home_title_and_description_show_the_literal_text(qtbot, data_dir, texts):
    app = build_app(data_dir, history=False)
    home = app.shell.home
    qtbot.addWidget(home)
    ids = [
        home.routine_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(home.routine_list.count())
    ]
    row = next(
        i
        for i in range(home.routine_list.count())
        if "hostile" in str(ids[i]) or texts["name"] in home.routine_list.item(i).text()
    )
    home.routine_list.setCurrentRow(row)
    assert home.selected_routine().id == "hostile"
    assert_literal(home.title_label, texts["name"])
    assert_literal(home.description_label, texts["description"])
    names = [w for w in home.findChildren(QLabel) if w.objectName().startswith("exerciseName_")]
    assert names
    for label in names:
        assert "<img" in shown(label)
        assert_literal(label, texts["ex1"] if label.objectName().endswith("_0") else texts["ex2"])


def test_session_window_name_and_next_line_show_the_literal_text(qtbot, data_dir, texts):
    app = build_app(data_dir, history=False)
    window = app.shell.open_routine("hostile")
    view = window.view
    window.driver.start()
    assert_literal(view.name_label, texts["ex1"])
    assert (
        texts["ex1"] in shown(view.next_label)
        or texts["ex2"] in shown(view.next_label)
        or "Next" in shown(view.next_label)
    )
    # Step to the first exercise's last set: "next" names the second exercise.
    for _ in range(200):
        if texts["ex2"] in shown(view.next_label):
            break
        window.driver.skip()
    assert_literal(view.next_label, texts["ex2"])
    assert texts["name"] in window.windowTitle()  # window titles are always plain text
    window.driver.pause()  # stopping asks for a rating and closing asks first: just hide it
    window.hide()
    window.deleteLater()


def test_builder_item_title_and_tooltips_show_the_literal_text(qtbot, data_dir, texts):
    from ptcoach.catalog.catalog import Catalog
    from ptcoach.ui.builder.window import BuilderWindow

    win = BuilderWindow(Catalog.load(data_dir), data_dir, routine_id="hostile")
    qtbot.addWidget(win)
    win.show()
    win.routine_form.select(0)
    assert_literal(win.item_form.title, texts["ex1"])
    assert texts["summary"] in shown(win.item_form.title)
    catalog_list = win.picker.catalog_list
    tips = [
        catalog_list.item(i).toolTip()
        for i in range(catalog_list.count())
        if catalog_list.item(i).data(Qt.ItemDataRole.UserRole) == "own-one"
        or texts["ex1"] in catalog_list.item(i).text()
    ]
    assert tips and all(tooltip_shown(t) == texts["summary"] for t in tips)


def test_messages_resume_reminder_and_schedule_texts_show_routine_names_literally(qtbot, texts):
    from PySide6.QtWidgets import QMessageBox

    from ptcoach.ui.plain import message_box, tip

    button = QMessageBox.StandardButton.Yes
    box = message_box(
        None,
        QMessageBox.Icon.Question,
        "Delete routine",
        f"Delete “{texts['name']}”?",
        button,
        button,
    )
    qtbot.addWidget(box)
    assert box.textFormat() == Qt.TextFormat.PlainText and texts["name"] in box.text()
    assert tooltip_shown(tip(texts["note"])) == texts["note"]
    from datetime import datetime

    from ptcoach.schedule import Reminder
    from ptcoach.ui.desktop.reminder_popup import ReminderPopup
    from ptcoach.ui.home.schedule_editor import ScheduleEditor

    editor = ScheduleEditor(texts["name"])
    qtbot.addWidget(editor)
    popup = ReminderPopup(Reminder("hostile", datetime.now().astimezone()), texts["name"])
    qtbot.addWidget(popup)
    for widget in (editor, popup):
        labels = [w for w in widget.findChildren(QLabel) if texts["name"] in w.text()]
        assert labels
        for label in labels:
            assert_literal(label, texts["name"])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Runner's knee",
        "<img src='/x.png'> & \"quoted\" <b>bold</b>",
        "&amp; already escaped &lt;",
        "Ünïcödé — “quotes” ‘single’ <>&\"'",
    ],
)
def test_esc_escapes_exactly_as_the_standard_library(text: str) -> None:
    import html

    from ptcoach.ui import plain

    assert plain.esc(text) == html.escape(text, quote=True)
