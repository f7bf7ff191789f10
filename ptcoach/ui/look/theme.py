"""Light and dark palettes, the text-size scale, and the session's phase colours, in one place.

Every text/background pair here meets WCAG AA (4.5:1; 3:1 for large text) in both themes;
tests/test_ui_theme.py computes the ratios.
"""

from __future__ import annotations

import weakref

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ptcoach.paths import asset
from ptcoach.ui.look.focus_ring import focus_style
from ptcoach.ui.settings import AppSettings, Theme

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

# Role -> colour for the active/inactive groups; DISABLED_* for the disabled group's text.
LIGHT: dict[QPalette.ColorRole, str] = {
    Role.Window: "#f5f5f5",
    Role.WindowText: "#1a1a1a",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#eef0f2",
    Role.Text: "#1a1a1a",
    Role.Button: "#e8e8e8",
    Role.ButtonText: "#1a1a1a",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#1f5fae",
    Role.HighlightedText: "#ffffff",
    Role.ToolTipBase: "#fdfdf0",
    Role.ToolTipText: "#1a1a1a",
    Role.PlaceholderText: "#5f6368",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#6a1b9a",
    Role.Light: "#ffffff",
    Role.Midlight: "#f0f0f0",
    Role.Mid: "#b0b0b0",
    Role.Dark: "#8a8a8a",
    Role.Shadow: "#5a5a5a",
}
DARK: dict[QPalette.ColorRole, str] = {
    Role.Window: "#202124",
    Role.WindowText: "#e8eaed",
    Role.Base: "#303236",  # lighter than the window, so fields and check boxes stand out
    Role.AlternateBase: "#3a3c40",
    Role.Text: "#e8eaed",
    Role.Button: "#3a3c40",
    Role.ButtonText: "#e8eaed",
    Role.BrightText: "#ffffff",
    Role.Highlight: "#8ab4f8",
    Role.HighlightedText: "#111111",
    Role.ToolTipBase: "#3a3c40",
    Role.ToolTipText: "#e8eaed",
    Role.PlaceholderText: "#9aa0a6",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c58af9",
    Role.Light: "#55585d",
    Role.Midlight: "#45474c",
    Role.Mid: "#6b6e73",
    Role.Dark: "#121314",
    Role.Shadow: "#000000",
}
DISABLED_TEXT = {False: "#5c5c5c", True: "#aeb1b6"}  # WCAG exempts it; we keep 4.5:1 anyway

# Text/background pairs a reader meets: (text role, background role). Checked by the tests.
TEXT_PAIRS: tuple[tuple[QPalette.ColorRole, QPalette.ColorRole], ...] = (
    (Role.WindowText, Role.Window),
    (Role.WindowText, Role.Button),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.PlaceholderText, Role.Base),
    (Role.Link, Role.Base),
    (Role.Link, Role.Window),
    (Role.LinkVisited, Role.Base),
)

# The session's phases: the banner's background (its text is `phase_text_color`) and the colour
# of the big number on the window. Light: dark hues under white text; dark: bright hues under
# near-black text, which also stand out on the dark window.
_PHASES = {
    False: {
        "get_ready": "#9c5a00",
        "work": "#1e7d3a",
        "hold": "#1f5fae",
        "rest": "#6a4aa8",
        "switch": "#a8431f",
        "idle": "#4a4f57",
    },
    True: {
        "get_ready": "#f0a030",
        "work": "#5cc878",
        "hold": "#7cb0f2",
        "rest": "#b9a3e3",
        "switch": "#f29066",
        "idle": "#a9aeb4",
    },
}
_PHASE_TEXT = {False: "#ffffff", True: "#121212"}
_EDGE = {False: "#6b6e73", True: "#9aa0a6"}  # check box outlines: 3:1 on window and base
_WARNING = {False: "#a8431f", True: "#f28b6b"}


def phase_colors(dark: bool) -> dict[str, QColor]:
    """get_ready, work, hold, rest, switch, idle -> the phase's colour in this theme."""
    return {name: QColor(hex_) for name, hex_ in _PHASES[dark].items()}


def phase_text_color(dark: bool) -> QColor:
    """The text colour on a phase-coloured banner."""
    return QColor(_PHASE_TEXT[dark])


def warning_color(dark: bool) -> QColor:
    """Text that warns (unreadable files, impossible settings) on the window background."""
    return QColor(_WARNING[dark])


def palette(dark: bool) -> QPalette:
    pal = QPalette()
    for role, hex_ in (DARK if dark else LIGHT).items():
        pal.setColor(Group.Active, role, QColor(hex_))
        pal.setColor(Group.Inactive, role, QColor(hex_))
        pal.setColor(Group.Disabled, role, QColor(hex_))
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        pal.setColor(Group.Disabled, role, QColor(DISABLED_TEXT[dark]))
    if hasattr(Role, "Accent"):  # Qt 6.6+: some styles draw focus and checks with it
        for group in (Group.Active, Group.Inactive):
            pal.setColor(group, Role.Accent, pal.color(Role.Highlight))
    return pal


def is_dark(pal: QPalette | None = None) -> bool:
    """Whether a palette (the application's by default) is a dark one."""
    if pal is None:
        pal = QApplication.palette()
    return pal.color(Role.Window).lightness() < 128


def apply(app: QApplication, prefs: AppSettings, *, sheet: bool = True) -> None:
    """Apply the theme and the text size; calling it again with other settings switches back.

    `sheet` False: the palette and the app font only, `apply_sheet` later (`ptcoach run`
    paints its first window, a label, before the style sheet is parsed and applied)."""
    _apply_text_size(app, prefs.text_size.scale)
    hints = app.styleHints()
    if prefs.theme is Theme.SYSTEM:
        if hasattr(hints, "unsetColorScheme"):
            hints.unsetColorScheme()
        app.setPalette(QPalette())  # an empty palette: the platform's own colours return
    else:
        dark = prefs.theme is Theme.DARK
        # Fusion: the one style that honours a palette on every platform. Set only when it is
        # not the style already: each setStyle() deletes the style every widget (and the style
        # sheet's wrapper) refers to, and repeated switches under a style sheet crashed.
        if app.style().name().lower() != "fusion":
            app.setStyle("Fusion")
        if hasattr(hints, "setColorScheme"):  # Qt 6.8+: dialogs and icons follow too
            from PySide6.QtCore import Qt  # here: the Qt namespace costs ~15 ms to build

            hints.setColorScheme(Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)
        app.setPalette(palette(dark))
    if sheet:
        apply_sheet(app, prefs.text_size.scale)


def apply_sheet(app: QApplication, scale: float) -> None:
    """The style sheet for the application's palette and text size `scale`, and the links
    recoloured to it."""
    app.setStyleSheet(style_sheet(app.palette(), scale))
    refresh_links(app)


def style_sheet(pal: QPalette, scale: float = 1.0) -> str:
    """The application's one style sheet for this palette and text size `scale`: every
    widget's look is here (none sets its own), so a live switch restyles them all."""
    return (
        focus_style(pal.color(Role.Highlight))
        + indicator_style(pal)
        + role_style(pal)
        + text_role_style(scale)
        + phase_style(is_dark(pal))
        + widget_style(scale)
    )


# Widgets mark what they are with a property; the theme colours them (and again on a live
# switch: colours written into a widget's own style sheet stayed the old theme's).
SECONDARY = "secondaryText"  # quieter text: hints, counts, section names
WARNING = "warningText"  # unreadable files, impossible settings
LINK_BUTTON = "linkButton"  # a flat button that reads as a link


def role_style(pal: QPalette) -> str:
    """Colours for the marked widgets, from this palette: each pair meets 4.5:1."""
    dark = is_dark(pal)
    secondary = pal.color(Role.PlaceholderText).name()
    link = pal.color(Role.Link).name()
    return (
        f'QLabel[{SECONDARY}="true"] {{ color: {secondary}; }}\n'
        f'QLabel[{WARNING}="true"] {{ color: {_WARNING[dark]}; }}\n'
        f'QPushButton[{LINK_BUTTON}="true"] {{ color: {link}; text-decoration: underline; '
        "border: none; padding: 2px 6px; background: transparent; }\n"
        f'QPushButton[{LINK_BUTTON}="true"]:focus {{ border: 2px solid '
        f"{pal.color(Role.Highlight).name()}; border-radius: 4px; }}\n"
        # Builder fields with a problem: a dashed warning-coloured border; focus turns it into
        # the solid ring (a colour change alone, red to blue, is under 3:1).
        f'*[problem="true"] {{ border: 2px dashed {_WARNING[dark]}; border-radius: 3px; }}\n'
        f'QWidget[problem="true"]:focus {{ border: 2px solid '
        f"{pal.color(Role.Highlight).name()}; }}\n"
    )


def mark(widget: QWidget, role: str) -> None:
    """Give `widget` one of the theme's roles (SECONDARY, WARNING, LINK_BUTTON)."""
    widget.setProperty(role, True)


# What a widget's text is, by role: its size and weight come from here. Sizes are in pixels,
# as designed for reading from the mat at the normal text size; the Preferences' text size
# scales them (`text_role_style`), as it scales the application font.
TEXT_ROLE = "textRole"
# Role -> (its font size in px at the normal text size, the rest of its declaration).
TEXT_ROLES: dict[str, tuple[int, str]] = {
    "note": (15, ""),  # a suggestion's exercise and change
    "message": (16, ""),  # a reminder, pain now, the time estimate, "why this helps"
    "heading": (16, "font-weight: bold;"),  # a dialog's question
    "title": (18, "font-weight: bold;"),  # a dialog's title
    "table": (18, ""),  # the session summary
    "bigButton": (18, "font-weight: bold;"),  # the session's and summary's buttons
    "reading": (20, ""),  # the session's instructions, the voice and camera lines
    # the voice line saying a command, the camera line a form cue
    "readingBold": (20, "font-weight: bold;"),
    "startButton": (20, "font-weight: bold;"),  # Start on the home window
    # `ptcoach run`'s session window while its session is attached (aligned here: the Qt
    # namespace's enums cost ~11 ms to build, more than that window's whole paint)
    "opening": (28, "font-weight: bold; qproperty-alignment: AlignCenter;"),
}


def text_role(widget: QWidget, role: str) -> None:
    """Give `widget` (and what it holds: a table's header, a text view's page) a text role."""
    if role not in TEXT_ROLES:
        raise ValueError(f"unknown text role {role!r}; known: {', '.join(TEXT_ROLES)}")
    widget.setProperty(TEXT_ROLE, role)


def text_role_style(scale: float = 1.0) -> str:
    """The text roles' fonts at text size `scale` (1.0: normal)."""
    # `X, X *`: the widget and everything inside it, as a declaration in its own sheet was.
    return "".join(
        f'*[{TEXT_ROLE}="{role}"], *[{TEXT_ROLE}="{role}"] * '
        f"{{ font-size: {round(px * scale)}px; {rest} }}\n"
        for role, (px, rest) in TEXT_ROLES.items()
    )


def restyle(widget: QWidget, **properties: object) -> None:
    """Set the properties the style sheet matches on (a phase, a flash...) and restyle
    `widget` and its children at once; nothing happens when none of them changed."""
    changed = False
    for name, value in properties.items():
        if widget.property(name) != value:
            widget.setProperty(name, value)
            changed = True
    if not changed:
        return
    for w in (widget, *widget.findChildren(QWidget)):
        style = w.style()
        style.unpolish(w)
        style.polish(w)
    widget.update()


def phase_style(dark: bool) -> str:
    """The session's banner and big number in the colour of the phase (their `phase`
    property); `flash` inverts them for a cue: the number for any, the banner for spoken ones."""
    text = _PHASE_TEXT[dark]
    rules = []
    for name, colour in _PHASES[dark].items():
        banner = f'QFrame#phaseBanner[phase="{name}"]'
        number = f'QLabel#bigNumberLabel[phase="{name}"]'
        rules += [
            f"{banner} {{ background: {colour}; border-radius: 8px; }}",
            f"{banner} QLabel {{ color: {text}; }}",
            f'{banner}[flash="true"] {{ background: {text}; }}',
            f'{banner}[flash="true"] QLabel {{ color: {colour}; }}',
            f"{number} {{ color: {colour}; }}",
            f'{number}[flash="true"] {{ color: {text}; background: {colour}; '
            "border-radius: 12px; }",
        ]
    return "\n".join(rules) + "\n"


# A suggestion accepted or dismissed, and the advice to see a therapist: the same in both
# themes (white on green and grey, dark red on pale red: each pair over 4.5:1).
_ACCEPTED, _DISMISSED = "#2e7d32", "#757575"
_THERAPIST_TEXT, _THERAPIST_BACK = "#8a1c1c", "#fdecea"


def widget_style(scale: float = 1.0) -> str:
    """Looks that belong to one kind of widget, found by class or object name (palette()
    stands for the widget's own palette, which follows the theme); font sizes at text size
    `scale`."""
    highlight, highlighted = "palette(highlight)", "palette(highlighted-text)"
    return (
        # Rating and pain pickers: the chosen number stands out, the focused picker shows it.
        "ScalePicker { border: 2px solid transparent; border-radius: 6px; }\n"
        f"ScalePicker:focus {{ border-color: {highlight}; }}\n"
        f"ScalePicker QPushButton:checked {{ background: {highlight}; color: {highlighted}; "
        "font-weight: bold; }\n"
        # After-session suggestions: a checked choice is obvious at a glance, in any style.
        f"SuggestionRow QPushButton#acceptButton:checked {{ background: {_ACCEPTED}; "
        "color: white; font-weight: bold; }\n"
        f"SuggestionRow QPushButton#dismissButton:checked {{ background: {_DISMISSED}; "
        "color: white; }\n"
        f"SuggestionRow QLabel#therapistWarningLabel {{ color: {_THERAPIST_TEXT}; "
        f"background: {_THERAPIST_BACK}; padding: 6px; border-radius: 4px; }}\n"
        # The session window's bar saying what happens to the history.
        "QLabel#historyMessageLabel { font-weight: bold; padding: 4px; }\n"
        # Home: routines with room round each; Learn: the list and the page a little larger.
        "QListWidget#routineList::item { padding: 6px; }\n"
        f"QTreeWidget#learnTree {{ font-size: {round(11 * scale)}pt; }}\n"
        "QTreeWidget#learnTree::item { padding: 2px; }\n"
        f"QTextBrowser#learnBrowser {{ font-size: {round(12 * scale)}pt; }}\n"
    )


# Labels whose rich text holds links: the theme parses them again on a live switch. A
# registry, not app.allWidgets(): that list holds Qt's own widgets too (a message box's
# labels), and a wrapper left from one deleted at the same address crashed the app.
_LINK_LABELS: weakref.WeakSet[QLabel] = weakref.WeakSet()


def links_follow_theme(label: QLabel) -> QLabel:
    """Recolour this label's links when the theme switches."""
    _LINK_LABELS.add(label)
    return label


# Views that redo something on a live switch define theme_changed(); a registry rather than a
# changeEvent override (one ran on a view Qt was deleting, and crashed).
_FOLLOWERS: weakref.WeakSet[QWidget] = weakref.WeakSet()


def follow_theme(widget: QWidget) -> None:
    """Call `widget.theme_changed()` after each live theme switch."""
    _FOLLOWERS.add(widget)


def refresh_links(app: QApplication | None = None) -> None:
    """Rich text takes its link colour from the palette when it is parsed: parse the marked
    labels again, so a live theme switch recolours their links too."""
    import shiboken6

    for label in list(_LINK_LABELS):
        if not shiboken6.isValid(label):
            continue
        text = label.text()
        label.clear()
        label.setText(text)
    for follower in list(_FOLLOWERS):
        if shiboken6.isValid(follower):
            follower.theme_changed()  # type: ignore[attr-defined]


def indicator_style(pal: QPalette) -> str:
    """Check boxes with a 3:1 outline: Fusion's own outline vanishes on a dark window."""
    dark = is_dark(pal)
    check = asset("theme", f"check-{'dark' if dark else 'light'}.svg").as_posix()
    edge, base, accent = _EDGE[dark], pal.color(Role.Base).name(), pal.color(Role.Highlight).name()
    return (
        f"QCheckBox::indicator {{ width: 1em; height: 1em; border: 2px solid {edge}; "
        f"border-radius: 3px; background: {base}; }}\n"
        f"QCheckBox::indicator:checked {{ background: {accent}; border-color: {accent}; "
        f"image: url({check}); }}\n"
        f"QCheckBox::indicator:disabled {{ border-color: {DISABLED_TEXT[dark]}; }}\n"
    )


def _apply_text_size(app: QApplication, scale: float) -> None:
    base = app.property("ptcoach_base_font")
    if not isinstance(base, QFont):
        base = QFont(app.font())
        app.setProperty("ptcoach_base_font", base)  # scale from the original, never compound
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    else:
        font.setPixelSize(round(base.pixelSize() * scale))
    app.setFont(font)
