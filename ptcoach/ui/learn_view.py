"""The Learn pages: a section tree with a search box, and the page rendered from Markdown.

`learn:` links open the page here (with back and forward); `exercise:` and `routine:` links
are handed to the main window through `exercise_requested` and `routine_requested`.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptcoach.catalog.learn import Learn
from ptcoach.ui.look import theme

_ID = Qt.ItemDataRole.UserRole


class LearnView(QWidget):
    exercise_requested = Signal(str)
    routine_requested = Signal(str)
    page_shown = Signal(str)

    def __init__(self, learn: Learn, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        theme.follow_theme(self)  # theme_changed() on a live switch
        self.setObjectName("learnView")
        self.setWindowTitle(self.tr("Learn"))
        self.learn = learn
        self.current: str | None = None
        self._back: list[str] = []
        self._forward: list[str] = []
        self._link_colour = ""  # the link colour the page on show was parsed with

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.search_edit = QLineEdit(left)
        self.search_edit.setObjectName("learnSearchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search the Learn pages"))
        self.search_edit.setAccessibleName(self.tr("Search the Learn pages"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.tree = QTreeWidget(left)
        self.tree.setObjectName("learnTree")
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Learn pages"))
        self.tree.itemClicked.connect(self._on_tree_item_clicked)
        self.tree.itemActivated.connect(self._on_tree_item_clicked)
        self.count_label = QLabel(left)
        self.count_label.setObjectName("learnCountLabel")
        theme.mark(self.count_label, theme.SECONDARY)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.count_label)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        nav = QHBoxLayout()
        self.back_button = QToolButton(right)
        self.back_button.setObjectName("learnBackButton")
        self.back_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.back_button.setToolTip(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.back_button.clicked.connect(self.back)
        self.forward_button = QToolButton(right)
        self.forward_button.setObjectName("learnForwardButton")
        self.forward_button.setArrowType(Qt.ArrowType.RightArrow)
        self.forward_button.setToolTip(self.tr("Forward"))
        self.forward_button.setAccessibleName(self.tr("Forward"))
        self.forward_button.clicked.connect(self.forward)
        self.section_label = QLabel(right)
        self.section_label.setObjectName("learnSectionLabel")
        theme.mark(self.section_label, theme.SECONDARY)
        nav.addWidget(self.back_button)
        nav.addWidget(self.forward_button)
        nav.addWidget(self.section_label, 1)
        self.browser = QTextBrowser(right)
        self.browser.setObjectName("learnBrowser")
        self.browser.setOpenLinks(False)  # we route every link ourselves
        self.browser.setAccessibleName(self.tr("Learn page"))
        self.browser.document().setDocumentMargin(16)
        self.browser.anchorClicked.connect(self._on_anchor_clicked)
        right_layout.addLayout(nav)
        right_layout.addWidget(self.browser, 1)

        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        outer = QHBoxLayout(self)
        outer.addWidget(split)

        self._fill_sections()
        self.tree.expandAll()
        # The list at least as wide as its longest title (in the list's 11 pt font).
        font = QFont(self.font())
        font.setPointSize(11)
        longest = max(
            (QFontMetrics(font).horizontalAdvance(p.title) for p in learn.pages), default=200
        )
        left.setMinimumWidth(longest + 2 * self.tree.indentation() + 40)
        self._update_nav()
        if learn.pages:
            self.show_page(learn.pages[0].id)

    # ---------------------------------------------------------------- public
    def show_page(self, page_id: str, *, remember: bool = True) -> bool:
        """Show a page (e.g. an exercise's "why this helps"); False for an unknown id."""
        if page_id not in self.learn:
            self.browser.setPlainText(self.tr("There is no Learn page “{0}”.").format(page_id))
            return False
        if remember and self.current is not None and self.current != page_id:
            self._back.append(self.current)
            self._forward.clear()
        page = self.learn.page(page_id)
        self.current = page_id
        self.browser.setMarkdown(page.markdown)
        self._link_colour = self.palette().color(QPalette.ColorRole.Link).name()
        self.section_label.setText(page.section)
        self._select_in_tree(page_id)
        self._update_nav()
        self.page_shown.emit(page_id)
        return True

    def theme_changed(self) -> None:
        """A live theme switch (the theme calls it): a page's links keep the colour the palette
        had when it was parsed, so parse the page again when the link colour changed. Not a
        changeEvent override: one ran on a view Qt was deleting, and crashed."""
        if self.current:
            link = self.palette().color(QPalette.ColorRole.Link).name()
            if link != self._link_colour:
                self.show_page(self.current, remember=False)

    def back(self) -> None:
        if self._back and self.current is not None:
            self._forward.append(self.current)
            self.show_page(self._back.pop(), remember=False)

    def forward(self) -> None:
        if self._forward and self.current is not None:
            self._back.append(self.current)
            self.show_page(self._forward.pop(), remember=False)

    def listed_pages(self) -> list[str]:
        """The page ids the tree lists now (all of them, or the search hits)."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            if top.data(0, _ID):
                out.append(str(top.data(0, _ID)))
            children = (top.child(j) for j in range(top.childCount()))
            out.extend(str(c.data(0, _ID)) for c in children if c is not None)
        return out

    # ----------------------------------------------------------------- slots
    def _fill_sections(self) -> None:
        self.tree.clear()
        for section, pages in self.learn.sections().items():
            top = QTreeWidgetItem(self.tree, [section])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            for page in pages:
                child = QTreeWidgetItem(top, [page.title])
                child.setData(0, _ID, page.id)
                child.setToolTip(0, page.title)
        self.tree.expandAll()
        self.count_label.setText(self.tr("{0} pages").format(len(self.learn.pages)))

    def _on_search_text_changed(self, text: str) -> None:
        self.tree.setRootIsDecorated(not text.strip())  # hits are a flat list
        if not text.strip():
            self._fill_sections()
        else:
            hits = self.learn.search(text)
            self.tree.clear()
            for hit in hits:
                item = QTreeWidgetItem(self.tree, [hit.page.title])
                item.setData(0, _ID, hit.page.id)
                item.setToolTip(0, hit.snippet)
            if hits:
                self.count_label.setText(
                    self.tr("1 page matches")
                    if len(hits) == 1
                    else self.tr("{0} pages match").format(len(hits))
                )
            else:
                self.count_label.setText(self.tr("No page matches"))
        if self.current is not None:
            self._select_in_tree(self.current)

    def _on_tree_item_clicked(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        page_id = item.data(0, _ID)
        if page_id:
            self.show_page(str(page_id))

    def _on_anchor_clicked(self, url: QUrl) -> None:
        scheme, target = url.scheme(), url.path()
        if scheme == "learn":
            self.show_page(target)
        elif scheme == "exercise":
            self.exercise_requested.emit(target)
        elif scheme == "routine":
            self.routine_requested.emit(target)
        elif scheme in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)

    def _select_in_tree(self, page_id: str) -> None:
        with QSignalBlocker(self.tree):  # unblocked even if the body raises
            self.tree.clearSelection()
            for i in range(self.tree.topLevelItemCount()):
                top = self.tree.topLevelItem(i)
                if top is None:
                    continue
                items = [top] + [top.child(j) for j in range(top.childCount())]
                for item in items:
                    if item is not None and item.data(0, _ID) == page_id:
                        self.tree.setCurrentItem(item)

    def _update_nav(self) -> None:
        self.back_button.setEnabled(bool(self._back))
        self.forward_button.setEnabled(bool(self._forward))
