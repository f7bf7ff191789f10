"""The Preferences dialog: appearance, sound, session timing, the data folder, start at login.

OK saves everything to QSettings, switches start-at-login and applies the theme; Cancel leaves
everything as it was.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ptcoach import autostart
from ptcoach.audio.settings import AudioSettings
from ptcoach.paths import data_dir, ensure_data_dir
from ptcoach.ui import settings as app_settings
from ptcoach.ui.camera.preferences_box import CameraBox
from ptcoach.ui.look import theme
from ptcoach.ui.settings import LEAD_IN_RANGE, REST_RANGE, AppSettings, TextSize, Theme
from ptcoach.ui.voice.preferences_box import VoiceBox


class PreferencesDialog(QDialog):
    """Edits a copy of the settings; nothing is written before OK."""

    applied = Signal(object, object)  # AppSettings, AudioSettings, after OK saved them

    def __init__(
        self, settings: QSettings, *, data_path: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.data_path = data_path if data_path is not None else data_dir()
        loaded = app_settings.load(settings)
        self.problems = loaded.problems
        root = QVBoxLayout(self)
        body = QWidget(self)
        body.setObjectName("preferencesBody")
        from ptcoach.ui.look.screen_fit import scrolling

        # Scrolls on a short screen, OK stays in view. In its scroll area before it has
        # children: moving a filled tree into one re-polishes every widget in it.
        root.addWidget(scrolling(body, self), 1)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        if loaded.problems:
            column.addWidget(self._problems_label(loaded.problems))
        column.addWidget(self._appearance_box())
        column.addWidget(self._sound_box())
        column.addWidget(self._timing_box())
        column.addWidget(self._data_box())
        self.voice_box = VoiceBox(settings, self)  # voice commands: on/off, which microphone
        self.sound_form.addRow(self.voice_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("preferencesButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        root.addWidget(self.buttons)
        self.show_settings(loaded.app, loaded.audio)

    # ------------------------------------------------------------------ build
    def _problems_label(self, problems: tuple[str, ...]) -> QLabel:
        label = QLabel(
            self.tr("Some saved preferences were impossible and have been reset:")
            + "\n"
            + "\n".join(problems),
            self,
        )
        label.setObjectName("preferencesProblemsLabel")
        label.setWordWrap(True)
        theme.mark(label, theme.WARNING)  # the theme colours it, again on a live switch
        return label

    def _appearance_box(self) -> QGroupBox:
        box, form = self._box("appearanceBox", self.tr("Appearance"))
        self.theme_combo = self._combo(
            "themeCombo",
            [
                (Theme.SYSTEM, self.tr("Follow the system")),
                (Theme.LIGHT, self.tr("Light")),
                (Theme.DARK, self.tr("Dark")),
            ],
        )
        self.text_size_combo = self._combo(
            "textSizeCombo",
            [
                (TextSize.NORMAL, self.tr("Normal")),
                (TextSize.LARGE, self.tr("Large")),
                (TextSize.EXTRA_LARGE, self.tr("Extra large")),
            ],
        )
        form.addRow(self.tr("&Theme:"), self.theme_combo)
        form.addRow(self.tr("Te&xt size:"), self.text_size_combo)
        return box

    def _sound_box(self) -> QGroupBox:
        box, form = self._box("soundBox", self.tr("Sound"))
        self.volume_slider = QSlider(Qt.Orientation.Horizontal, self)
        self.volume_slider.setObjectName("volumeSlider")
        self.volume_slider.setRange(0, 100)
        self.volume_slider.setPageStep(10)
        self.volume_value = QLabel(self)
        self.volume_value.setObjectName("volumeValueLabel")
        self.volume_value.setMinimumWidth(self.fontMetrics().horizontalAdvance("100 %") + 4)
        self.volume_slider.valueChanged.connect(self._on_volume_changed)
        row = QHBoxLayout()
        row.addWidget(self.volume_slider, 1)
        row.addWidget(self.volume_value)
        form.addRow(self.tr("&Volume:"), row)
        _buddy(form, row, self.volume_slider)
        self.mute_check = self._check("muteCheck", self.tr("&Mute all cues"))
        self.voice_check = self._check("voiceCheck", self.tr("S&poken cues"))
        self.tones_check = self._check("tonesCheck", self.tr("T&ones and tempo clicks"))
        self.count_reps_check = self._check("countRepsCheck", self.tr("&Count reps aloud"))
        self.flash_check = self._check("flashCheck", self.tr("&Flash the screen with each cue"))
        for check in (
            self.mute_check,
            self.voice_check,
            self.tones_check,
            self.count_reps_check,
            self.flash_check,
        ):
            form.addRow(check)
        self.sound_form = form
        return box

    def _timing_box(self) -> QGroupBox:
        box, form = self._box("timingBox", self.tr("Session timing"))
        self.lead_in_spin = self._seconds("leadInSpin", LEAD_IN_RANGE)
        self.rest_spin = self._seconds("restSpin", REST_RANGE)
        form.addRow(self.tr("&Get ready before each exercise:"), self.lead_in_spin)
        form.addRow(self.tr("&Rest between sets:"), self.rest_spin)
        self.camera_box = CameraBox(self.settings, self)  # the camera coach: on/off
        form.addRow(self.camera_box)
        return box

    def _data_box(self) -> QGroupBox:
        box, form = self._box("dataBox", self.tr("Data and start-up"))
        self.data_dir_edit = QLineEdit(str(self.data_path), self)
        self.data_dir_edit.setObjectName("dataDirEdit")
        self.data_dir_edit.setReadOnly(True)
        self.data_dir_edit.setCursorPosition(0)
        self.data_dir_edit.setToolTip(str(self.data_path))
        # Wide enough for a usual path; a very long one scrolls (and shows in the tooltip).
        self.data_dir_edit.setMinimumWidth(
            min(520, self.fontMetrics().horizontalAdvance(str(self.data_path)) + 16)
        )
        self.open_data_button = QPushButton(self.tr("Open fo&lder"), self)
        self.open_data_button.setObjectName("openDataDirButton")
        self.open_data_button.setToolTip(
            self.tr("Show your routines and history in the file manager")
        )
        self.open_data_button.clicked.connect(self._on_open_data_clicked)
        row = QHBoxLayout()
        row.addWidget(self.data_dir_edit, 1)
        row.addWidget(self.open_data_button)
        form.addRow(self.tr("&Data folder:"), row)
        _buddy(form, row, self.data_dir_edit)
        self.autostart_check = self._check(
            "autostartCheck", self.tr("&Start at login (in the tray, to remind you)")
        )
        form.addRow(self.autostart_check)
        return box

    def _box(self, name: str, title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title, self)
        box.setObjectName(name)
        form = QFormLayout(box)
        # Labels wrap instead of being cut when the text is large or a translation is long.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, form

    def _combo(self, name: str, items: list[tuple[object, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for value, text in items:
            combo.addItem(text, value)
        return combo

    def _check(self, name: str, text: str) -> QCheckBox:
        check = QCheckBox(text, self)
        check.setObjectName(name)
        return check

    def _seconds(self, name: str, bounds: tuple[float, float]) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(*bounds)
        spin.setDecimals(0)
        spin.setSingleStep(5)
        spin.setSuffix(self.tr(" s"))
        return spin

    # ------------------------------------------------------------- values
    def show_settings(self, app: AppSettings, audio: AudioSettings) -> None:
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(app.theme))
        self.text_size_combo.setCurrentIndex(self.text_size_combo.findData(app.text_size))
        self.volume_slider.setValue(round(audio.volume * 100))
        self._on_volume_changed(self.volume_slider.value())
        self.mute_check.setChecked(audio.muted)
        self.voice_check.setChecked(audio.voice)
        self.tones_check.setChecked(audio.tones)
        self.count_reps_check.setChecked(audio.count_reps)
        self.flash_check.setChecked(audio.flash)
        self.lead_in_spin.setValue(app.lead_in_s)
        self.rest_spin.setValue(app.rest_s)
        self.autostart_check.setChecked(autostart.is_enabled())

    def app_settings(self) -> AppSettings:
        return AppSettings(
            theme=Theme(self.theme_combo.currentData()),
            text_size=TextSize(self.text_size_combo.currentData()),
            lead_in_s=self.lead_in_spin.value(),
            rest_s=self.rest_spin.value(),
        )

    def audio_settings(self) -> AudioSettings:
        return AudioSettings(
            volume=self.volume_slider.value() / 100,
            muted=self.mute_check.isChecked(),
            voice=self.voice_check.isChecked(),
            tones=self.tones_check.isChecked(),
            count_reps=self.count_reps_check.isChecked(),
            flash=self.flash_check.isChecked(),
        )

    def accept(self) -> None:
        app, audio = self.app_settings(), self.audio_settings()
        app_settings.save(self.settings, app, audio)
        self.voice_box.save()
        self.camera_box.save()
        if self.autostart_check.isChecked() != autostart.is_enabled():
            if self.autostart_check.isChecked():
                autostart.enable()
            else:
                autostart.disable()
        qapp = QApplication.instance()
        if isinstance(qapp, QApplication):
            theme.apply(qapp, app)
        super().accept()
        self.applied.emit(app, audio)

    # -------------------------------------------------------------- slots
    def _on_volume_changed(self, value: int) -> None:
        text = self.tr("{0} %").format(value)
        self.volume_value.setText(text)
        self.volume_slider.setAccessibleDescription(text)  # screen readers hear the level

    def _on_open_data_clicked(self) -> None:
        ensure_data_dir(self.data_path)  # a fresh install has no folder yet to show
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_path)))


def _buddy(form: QFormLayout, row: QLayout, widget: QWidget) -> None:
    """The label `form.addRow(text, row)` made for a row layout gives its mnemonic to `widget`."""
    label = form.labelForField(row)
    if isinstance(label, QLabel):
        label.setBuddy(widget)
