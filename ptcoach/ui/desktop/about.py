"""Help > About ptcoach: the version, the licence, where the data, settings, log and crash
reports are, and the credits (`ptcoach.credits`, which features append to)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ptcoach import __version__, credits, paths
from ptcoach.credits import HOMEPAGE
from ptcoach.translate import translator
from ptcoach.ui.look import theme

LICENCE = "MIT"


_tr = translator("AboutDialog")


def _kind_title(kind: str) -> str:
    """A kind of credit's heading, translated: each written out, so the catalogue has them."""
    titles = {
        credits.EXERCISE_CONTENT: _tr("Exercise content"),
        credits.MODEL_WEIGHTS: _tr("Model weights"),
        credits.MEDIA: _tr("Sounds and images"),
        credits.LIBRARIES: _tr("Libraries"),
    }
    return titles.get(kind, kind)


def licence_text() -> str:
    """The full licence: the source tree's LICENSE, else the one in the wheel's metadata."""
    source = Path(__file__).resolve().parents[3] / "LICENSE"
    if source.is_file():
        return source.read_text(encoding="utf-8")
    from importlib import metadata

    try:
        text = metadata.distribution("ptcoach").read_text("licenses/LICENSE")
    except metadata.PackageNotFoundError:
        text = None
    return text or f"{LICENCE} licence; see {HOMEPAGE}"


def credits_html() -> str:
    parts = []
    for kind in credits.KINDS:
        entries = credits.by_kind(kind)
        if not entries and kind != credits.MODEL_WEIGHTS:
            continue
        parts.append(f"<p><b>{html.escape(_kind_title(kind))}</b></p><ul>")
        for c in entries:
            name = html.escape(c.name)
            if c.url:
                name = f'<a href="{html.escape(c.url)}">{name}</a>'
            line = f"{name}, {html.escape(c.by)} ({html.escape(c.licence)})"
            if c.note:
                line += f"<br>{html.escape(c.note)}"
            parts.append(f"<li>{line}</li>")
        if not entries:
            parts.append(
                "<li>"
                + html.escape(
                    _tr(
                        "None in use: the optional camera and voice features list theirs here "
                        "when they are turned on."
                    )
                )
                + "</li>"
            )
        parts.append("</ul>")
    return "".join(parts)


class AboutDialog(QDialog):
    def __init__(
        self,
        data_dir: Path | None = None,
        settings_file: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_tr("About ptcoach"))
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        icon = QLabel()
        icon.setPixmap(QIcon(str(paths.asset("icons", "ptcoach.svg"))).pixmap(64, 64))
        head.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            f"<h2>ptcoach {html.escape(__version__)}</h2>"
            f"<p>{html.escape(_tr('Coaches runners through their physical-therapy exercises.'))}"
            f"</p><p>{html.escape(_tr('Licence:'))} {LICENCE} · © 2026 ptcoach developers<br>"
            f'<a href="{HOMEPAGE}">{html.escape(_tr("Website"))}</a> · '
            f'<a href="{HOMEPAGE}/issues">{html.escape(_tr("Report a problem"))}</a></p>'
        )
        title.setObjectName("aboutTitle")
        title.setOpenExternalLinks(True)
        theme.links_follow_theme(title)
        title.setWordWrap(True)
        head.addWidget(title, 1)
        layout.addLayout(head)

        self.locations: dict[str, Path] = {
            "data": data_dir or paths.data_dir(),
            "settings": Path(settings_file) if settings_file else Path(),
            "log": paths.log_file(),
            "crash": paths.crash_dir(),
        }
        self.tabs = QTabWidget()
        self.tabs.setObjectName("aboutTabs")
        layout.addWidget(self.tabs, 1)
        general = QWidget()
        general_box = QVBoxLayout(general)
        where = QGroupBox(_tr("Where things are"))
        form = QFormLayout(where)
        labels = {
            "data": _tr("Your data:"),
            "settings": _tr("Settings:"),
            "log": _tr("Log:"),
            "crash": _tr("Crash reports:"),
        }
        for key, label in labels.items():
            if key == "settings" and not settings_file:
                continue
            path = self.locations[key]
            row = QHBoxLayout()
            text = QLabel(str(path))
            text.setObjectName(f"about_{key}_path")
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(label.rstrip(":"))
            row.addWidget(text, 1)
            folder = path if key in ("data", "crash") else path.parent
            button = QPushButton(_tr("Open"))
            button.setObjectName(f"about_{key}_open")
            button.setAccessibleName(_tr("Open the folder of: {0}").format(label.rstrip(":")))
            button.clicked.connect(lambda _=False, f=folder: self.open_folder(f))
            row.addWidget(button)
            form.addRow(label, row)
        general_box.addWidget(where)
        general_box.addStretch(1)
        self.tabs.addTab(general, _tr("&General"))

        self.credits_label = QLabel(credits_html())
        self.credits_label.setObjectName("aboutCredits")
        self.credits_label.setWordWrap(True)
        self.credits_label.setOpenExternalLinks(True)
        theme.links_follow_theme(self.credits_label)
        self.credits_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.credits_label.setMargin(8)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.credits_label)
        self.tabs.addTab(scroll, _tr("&Credits"))

        self.licence_view = QPlainTextEdit()
        self.licence_view.setObjectName("aboutLicence")
        self.licence_view.setReadOnly(True)
        self.tabs.addTab(self.licence_view, _tr("&Licence"))
        self.tabs.currentChanged.connect(self._on_tab)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 520)

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self.licence_view and not self.licence_view.toPlainText():
            self.licence_view.setPlainText(licence_text())  # read when first shown

    def open_folder(self, folder: Path) -> None:
        """Open the folder in the file manager; one not made yet opens its nearest parent."""
        while not folder.is_dir() and folder != folder.parent:
            folder = folder.parent
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
