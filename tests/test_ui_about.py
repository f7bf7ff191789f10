"""Help > About ptcoach: version, licence, where the data, settings, log and crash reports are,
and the credits list that features append to."""

from __future__ import annotations

import pytest
from helpers.app_shell import App, build_app
from PySide6.QtWidgets import QLabel

from ptcoach import __version__, credits, paths
from ptcoach.ui.desktop.about import AboutDialog

pytestmark = pytest.mark.usefixtures("silent")


@pytest.fixture
def app(qtbot, data_dir):
    built = build_app(data_dir, speed=2000.0)
    qtbot.addWidget(built.shell.home)
    built.shell.home.show()
    qtbot.waitExposed(built.shell.home)
    yield built
    built.close()


def label_text(dialog: AboutDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_help_about_shows_version_licence_and_where_everything_is(qtbot, app: App):
    help_menu = app.shell.actions.learn.associatedObjects()[0]
    assert app.shell.actions.about in help_menu.actions()
    app.shell.actions.about.trigger()
    dialog = app.shell.windows["about"]
    qtbot.waitExposed(dialog)
    assert isinstance(dialog, AboutDialog)
    title = label_text(dialog, "aboutTitle")
    assert f"ptcoach {__version__}" in title and "MIT" in title
    assert label_text(dialog, "about_data_path") == str(app.data_dir)
    assert label_text(dialog, "about_settings_path") == app.services.settings.fileName()
    assert label_text(dialog, "about_log_path") == str(paths.log_file())
    assert label_text(dialog, "about_crash_path") == str(paths.crash_dir())
    assert "Physical Therapy for Runners" in label_text(dialog, "aboutCredits")
    app.shell.actions.about.trigger()  # again: the same dialog comes forward
    assert app.shell.windows["about"] is dialog


def test_the_licence_tab_shows_the_full_mit_text_when_opened(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert dialog.licence_view.toPlainText() == ""  # not read before it is shown
    dialog.tabs.setCurrentWidget(dialog.licence_view)
    text = dialog.licence_view.toPlainText()
    assert text.startswith("MIT License") and "WITHOUT WARRANTY OF ANY KIND" in text


def test_a_feature_appends_its_model_weights_credit_and_the_dialog_lists_it(qtbot, monkeypatch):
    empty = AboutDialog()
    qtbot.addWidget(empty)
    assert "Model weights" in label_text(empty, "aboutCredits")
    assert "None in use" in label_text(empty, "aboutCredits")
    monkeypatch.setattr(credits, "CREDITS", list(credits.CREDITS))
    credits.CREDITS.append(
        credits.Credit(
            credits.MODEL_WEIGHTS,
            "Pose landmark model",
            "Example Lab",
            "Apache-2.0",
            url="https://example.org/pose",
        )
    )
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = label_text(dialog, "aboutCredits")
    assert "Pose landmark model" in text and "Example Lab" in text and "Apache-2.0" in text
    assert "None in use" not in text
    assert text.index("Exercise content") < text.index("Pose landmark model")


def test_open_folder_opens_the_nearest_folder_that_exists(qtbot, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(
        "ptcoach.ui.desktop.about.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()),
    )
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.open_folder(tmp_path / "not" / "made" / "yet")
    assert opened == [str(tmp_path)]
