"""Test helper: walk a window by Tab alone, as a keyboard user does (issue 14).

`walk` presses Tab from the window's first focus stop until focus comes back round, and
checks every stop: it is on screen inside the window, a screen reader can name it, it is a
control (not an empty container a runner cannot see), and its focus is drawn visibly (the
pixels that change when it takes focus differ from before by at least 3:1, WCAG 1.4.11).
Then every visible, enabled control must have been a stop, or declare a key of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QLabel, QMenuBar, QWidget

from ptcoach.ui.look import a11y

MAX_STOPS = 300
FOCUS_CONTRAST = 3.0  # WCAG 1.4.11: the focus indicator against what it replaces
RING_MARGIN = 4  # pixels round the widget where a focus ring may be drawn
LINK_TABS = 120  # Tabs a widget may keep to walk its own links before it counts as a trap


@dataclass
class Walk:
    stops: list[QWidget] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        return [a11y.describe(w) for w in self.stops]


def walk(window: QWidget, *, check_focus_ring: bool = True) -> Walk:
    """Tab round `window` (shown and active) once; the stops and the problems found."""
    result = Walk()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window.activateWindow()
    start = app.focusWidget()
    if start is None or start.window() is not window:
        window.focusNextChild()
        start = app.focusWidget()
    if start is not None:
        _scroll_to(start, window)
    if start is None:
        result.problems.append(f"{a11y.describe(window)}: nothing takes focus")
        return result
    current = start
    for _ in range(MAX_STOPS):
        _check_stop(window, current, result, check_focus_ring)
        result.stops.append(current)
        nxt = _tab_away(app, current)
        if nxt is None or nxt.window() is not window:
            result.problems.append(f"{a11y.describe(current)}: Tab leaves the window")
            break
        if nxt is current:
            result.problems.append(f"{a11y.describe(current)}: Tab stays on it (a trap)")
            break
        if nxt is start:
            break
        if nxt in result.stops:
            result.problems.append(
                f"{a11y.describe(nxt)}: Tab cycles without reaching "
                f"{a11y.describe(start)} again (a trap)"
            )
            break
        current = nxt
    _check_reach(window, result)
    return result


def _tab_away(app: QApplication, widget: QWidget) -> QWidget | None:
    """Press Tab until focus leaves `widget`: a label or text view with links takes one Tab
    per link first. The widget still focused after LINK_TABS presses traps the keyboard."""
    for _ in range(LINK_TABS):
        QTest.keyClick(widget, Qt.Key.Key_Tab)
        app.processEvents()
        if app.focusWidget() is not widget:
            break
    return app.focusWidget()


def _scroll_to(widget: QWidget, window: QWidget) -> None:
    """As Tab does on its way into a scroll area: bring the stop into view."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def _check_stop(window: QWidget, widget: QWidget, result: Walk, ring: bool) -> None:
    who = a11y.describe(widget)
    if not widget.isVisible():
        result.problems.append(f"{who}: a Tab stop that is not visible")
        return
    shown = visible_rect(window, widget)
    if shown.isEmpty():
        result.problems.append(f"{who}: a Tab stop outside the window's visible area")
        return
    named = bool(a11y.accessible_name(widget))
    if not named and not isinstance(widget, a11y.CONTROL_TYPES) and not _is_link_label(widget):
        # A custom control names itself; an unnamed container is a stop nobody sees.
        result.problems.append(f"{who}: a Tab stop that is no control ({type(widget).__name__})")
    elif not named:
        result.problems.append(f"{who}: a Tab stop a screen reader cannot name")
    if ring and not focus_is_drawn(window, widget):
        result.problems.append(f"{who}: its focus is not drawn visibly (under 3:1)")


def _is_link_label(widget: QWidget) -> bool:
    return isinstance(widget, QLabel) and bool(
        widget.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )


def visible_rect(window: QWidget, widget: QWidget) -> QRect:
    """The part of `widget` a runner sees: clipped by every parent (scroll areas) and the window."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        rect = rect.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect.intersected(window.rect())


def focus_is_drawn(window: QWidget, widget: QWidget) -> bool:
    """Whether taking focus changes `widget`'s pixels (and a margin round it) by 3:1 or more."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    area = visible_rect(window, widget).adjusted(
        -RING_MARGIN, -RING_MARGIN, RING_MARGIN, RING_MARGIN
    )
    area = area.intersected(window.rect())
    focused = window.grab(area).toImage()
    widget.clearFocus()
    app.processEvents()
    plain = window.grab(area).toImage()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    return best_change(focused, plain) >= FOCUS_CONTRAST


def best_change(a: QImage, b: QImage) -> float:
    """The highest contrast ratio between a pixel of `a` and the same pixel of `b`."""
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    if a.size() != b.size():
        return 21.0
    best = 1.0
    step = 1 if a.width() * a.height() < 200_000 else 2
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if pa != pb:
                best = max(best, contrast(QColor(pa), QColor(pb)))
    return best


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _check_reach(window: QWidget, result: Walk) -> None:
    """Every visible, enabled control is a stop, or has a key of its own."""
    reached = set(map(id, result.stops))
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, a11y.CONTROL_TYPES) or isinstance(widget, QMenuBar | QHeaderView):
            continue  # a table's header is part of the table (sorting is by mouse or menu)
        if a11y._inside_control(widget, window) or not widget.isVisible():
            continue
        if not widget.isEnabled() or (
            visible_rect(window, widget).isEmpty() and not _scrolled(widget, window)
        ):
            continue
        if id(widget) in reached:
            continue
        if widget.focusProxy() is not None and id(widget.focusProxy()) in reached:
            continue
        if not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and a11y.keyboard_reachable(widget):
            continue  # no Tab stop on purpose: its key (Space, Esc...) is declared
        if _in_group_with_a_stop(widget, reached) or _menu_action(widget, window):
            continue
        result.problems.append(f"{a11y.describe(widget)}: a control Tab never reaches")


def _scrolled(widget: QWidget, window: QWidget) -> bool:
    """Out of view only because a scroll area has not scrolled to it."""
    from PySide6.QtWidgets import QAbstractScrollArea

    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _in_group_with_a_stop(widget: QWidget, reached: set[int]) -> bool:
    """Exclusive buttons (a range picker): Tab reaches the checked one, the arrows the rest."""
    from PySide6.QtWidgets import QAbstractButton

    group = widget.group() if isinstance(widget, QAbstractButton) else None
    return (
        group is not None and group.exclusive() and any(id(b) in reached for b in group.buttons())
    )


def _menu_action(widget: QWidget, window: QWidget) -> bool:
    """A tool button for an action that the window's menu bar (Alt, F10) also offers."""
    from PySide6.QtWidgets import QMainWindow, QToolButton

    action = widget.defaultAction() if isinstance(widget, QToolButton) else None
    if action is None or not isinstance(window, QMainWindow):
        return False
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    return any(action in m.actions() for m in menus)


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Alt+letter keys that more than one visible thing in `window` answers to (a button, a
    form label's field, a menu title), e.g. Alt+N for both "&Name" and "&New exercise"."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QMainWindow

    owners: dict[str, list[str]] = {}

    def add(text: str, who: str) -> None:
        found = re.search(r"&([^&\s])", text.replace("&&", ""))
        if found:
            owners.setdefault(found.group(1).lower(), []).append(who)

    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        labelled = isinstance(widget, QLabel) and widget.buddy() is not None
        if isinstance(widget, QAbstractButton) or labelled:
            add(widget.text(), a11y.describe(widget))
    if isinstance(window, QMainWindow):
        for action in window.menuBar().actions():
            add(action.text(), f"menu {action.text()!r}")
    return [
        f"Alt+{key.upper()}: {', '.join(who)}"
        for key, who in sorted(owners.items())
        if len(who) > 1
    ]
