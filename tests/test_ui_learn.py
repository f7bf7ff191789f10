"""The Learn view on the shipped pages: sections, search, links, back and forward."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from ptcoach.catalog.learn import Learn
from ptcoach.ui.learn_view import LearnView


@pytest.fixture(scope="module")
def learn() -> Learn:
    return Learn.load()


@pytest.fixture
def view(qtbot, learn):
    v = LearnView(learn)
    qtbot.addWidget(v)
    v.resize(1040, 700)
    v.show()
    qtbot.waitExposed(v)
    return v


def test_every_section_and_every_page_is_listed_in_order(view, learn):
    sections = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert sections == list(learn.sections())
    assert view.listed_pages() == [p.id for p in learn.pages]
    assert view.count_label.text() == f"{len(learn.pages)} pages"


def test_the_first_page_shows_on_opening(view, learn):
    assert view.current == learn.pages[0].id
    assert learn.pages[0].title in view.browser.toPlainText()


def test_search_narrows_the_list_and_clearing_it_brings_every_page_back(view, learn):
    view.search_edit.setText("kneecap")
    listed = view.listed_pages()
    assert listed == [h.page.id for h in learn.search("kneecap")]
    assert "runners-knee" in listed
    assert 0 < len(listed) < len(learn.pages)
    assert view.count_label.text() == f"{len(listed)} pages match"
    view.search_edit.setText("zzzz-no-such-word")
    assert view.listed_pages() == []
    assert view.count_label.text() == "No page matches"
    view.search_edit.clear()
    assert view.listed_pages() == [p.id for p in learn.pages]


def test_clicking_a_page_in_the_tree_shows_it(qtbot, view, learn):
    item = view.tree.topLevelItem(1).child(0)  # "Conditions", first page
    rect = view.tree.visualItemRect(item)
    with qtbot.waitSignal(view.page_shown) as blocker:
        qtbot.mouseClick(view.tree.viewport(), _left(), pos=rect.center())
    assert blocker.args == [item.data(0, _user_role())]
    assert learn.page(blocker.args[0]).title in view.browser.toPlainText()


def test_a_learn_link_shows_that_page_and_back_and_forward_return(qtbot, view):
    view.show_page("runners-knee")
    with qtbot.waitSignal(view.page_shown) as blocker:
        view.browser.anchorClicked.emit(QUrl("learn:foam-rolling"))
    assert blocker.args == ["foam-rolling"]
    assert view.section_label.text() == "On your own"
    assert view.back_button.isEnabled() and not view.forward_button.isEnabled()
    view.back_button.click()
    assert view.current == "runners-knee"
    assert view.forward_button.isEnabled()
    view.forward_button.click()
    assert view.current == "foam-rolling"


def test_clicking_a_rendered_learn_link_with_the_mouse_navigates(qtbot, view):
    view.show_page("runners-knee")
    cursor = view.browser.document().find("foam rolling")
    assert not cursor.isNull()
    rect = view.browser.cursorRect(cursor)
    pos = rect.center()
    pos.setX(rect.left() - 8)  # inside the link text, just before the cursor
    with qtbot.waitSignal(view.page_shown) as blocker:
        qtbot.mouseClick(view.browser.viewport(), _left(), pos=pos)
    assert blocker.args == ["foam-rolling"]


def test_exercise_and_routine_links_emit_their_signals_and_stay_on_the_page(qtbot, view):
    view.show_page("runners-knee")
    with qtbot.waitSignal(view.exercise_requested) as blocker:
        view.browser.anchorClicked.emit(QUrl("exercise:clamshell"))
    assert blocker.args == ["clamshell"]
    with qtbot.waitSignal(view.routine_requested) as blocker:
        view.browser.anchorClicked.emit(QUrl("routine:runners-knee"))
    assert blocker.args == ["runners-knee"]
    assert view.current == "runners-knee"


def test_every_link_on_every_page_is_a_link_the_view_handles(view, learn):
    for page in learn.pages:
        view.show_page(page.id)
        doc_links = _anchors(view)
        assert sorted(doc_links) == sorted(page.links()), page.id


def test_every_page_renders_without_warnings_or_leftover_markdown(qtlog, view, learn):
    before = len(qtlog.records)  # showing the window offscreen warns about size hints
    for page in learn.pages:
        assert view.show_page(page.id)
        text = view.browser.toPlainText()
        assert text.startswith(page.title), page.id
        assert "](" not in text and "**" not in text and "\n# " not in text, page.id
    noisy = [r.message for r in qtlog.records[before:] if r.type.name != "QtDebugMsg"]
    assert noisy == []


def test_an_unknown_page_says_so_instead_of_failing(view):
    assert not view.show_page("no-such-page")
    assert "no-such-page" in view.browser.toPlainText()


def _anchors(view) -> list[str]:
    out = []
    block = view.browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() and fmt.anchorHref():
                out.append(fmt.anchorHref())
            it += 1
        block = block.next()
    return out


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def _user_role():
    from PySide6.QtCore import Qt

    return Qt.ItemDataRole.UserRole
