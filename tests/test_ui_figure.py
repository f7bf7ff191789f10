"""The exercise figure: every exercise has a pose, it moves, mirrors, scales, and exports."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer

from ptcoach.catalog.model import Side
from ptcoach.paths import assets_dir, resources_dir
from ptcoach.ui.figure.export import ICON_SIZES, export_svgs
from ptcoach.ui.figure.poses import POSES, has_pose
from ptcoach.ui.figure.widget import FigureWidget


def _exercise_files() -> list[Path]:
    return sorted((resources_dir() / "exercises").glob("*.toml"))


def _exercises() -> dict[str, dict[str, object]]:
    return {p.stem: tomllib.loads(p.read_text(encoding="utf-8")) for p in _exercise_files()}


def _render(
    qtbot,
    exercise_id: str,
    t: float = 0.0,
    side: Side | None = None,
    size: tuple[int, int] = (160, 120),
) -> QImage:
    widget = FigureWidget(exercise_id)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.set_pose(t)
    widget.set_side(side)
    return widget.grab().toImage()


def _ink_box(image: QImage) -> tuple[int, int, int, int] | None:
    """Bounding box (left, top, right, bottom) of pixels unlike the corner (background) pixel."""
    small = image.scaled(image.width() // 4 or 1, image.height() // 4 or 1)
    bg = small.pixelColor(0, 0)
    xs, ys = [], []
    for y in range(small.height()):
        for x in range(small.width()):
            c = small.pixelColor(x, y)
            diff = abs(c.red() - bg.red()) + abs(c.green() - bg.green())
            if diff + abs(c.blue() - bg.blue()) > 60:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return min(xs) * 4, min(ys) * 4, max(xs) * 4, max(ys) * 4


def test_the_exercise_folder_is_not_empty() -> None:
    assert len(_exercise_files()) >= 10


@pytest.mark.parametrize("path", _exercise_files(), ids=lambda p: p.stem)
def test_every_exercise_file_has_a_pose_for_its_id_and_illustration(path: Path) -> None:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert has_pose(path.stem), f"no pose for exercise {path.stem!r}"
    illustration = str(data.get("illustration") or path.stem)
    assert has_pose(illustration), f"no pose for illustration {illustration!r}"


def test_every_pose_renders_from_start_to_end_without_error(qtbot) -> None:
    widget = FigureWidget("clamshell")
    qtbot.addWidget(widget)
    widget.resize(120, 90)
    for exercise_id in POSES:
        widget.set_exercise(exercise_id)
        for t in (0.0, 0.3, 0.5, 1.0):
            widget.set_pose(t)
            assert _ink_box(widget.grab().toImage()) is not None, (exercise_id, t)


@pytest.mark.parametrize(
    "exercise_id",
    sorted(i for i, d in _exercises().items() if d.get("kind") == "reps") or ["clamshell"],
)
def test_start_and_end_positions_differ_for_rep_exercises(qtbot, exercise_id: str) -> None:
    assert _render(qtbot, exercise_id, 0.0) != _render(qtbot, exercise_id, 1.0)


def test_an_eased_pose_lies_between_start_and_end(qtbot) -> None:
    start, middle, end = (_render(qtbot, "straight-leg-raise", t) for t in (0.0, 0.5, 1.0))
    assert middle != start
    assert middle != end


def test_the_right_side_is_the_left_side_mirrored(qtbot) -> None:
    left = _render(qtbot, "step-up", 1.0, Side.LEFT)
    right = _render(qtbot, "step-up", 1.0, Side.RIGHT)
    assert left != right
    # The drawing is symmetric about the centre: the mirrored left image matches the right one
    # except for antialiasing at the edges, so their ink boxes mirror each other.
    lbox, rbox = _ink_box(left), _ink_box(right)
    assert lbox is not None and rbox is not None
    width = left.width()
    assert abs((width - lbox[2]) - rbox[0]) <= 8


def test_an_unknown_exercise_gets_a_generic_figure(qtbot) -> None:
    widget = FigureWidget("no-such-exercise")
    qtbot.addWidget(widget)
    assert widget.is_generic()
    assert "no such exercise" in widget.accessibleDescription()
    image = _render(qtbot, "no-such-exercise")
    assert _ink_box(image) is not None
    assert image == _render(qtbot, "another-unknown-id")
    assert not FigureWidget("clamshell").is_generic()


def test_an_empty_id_gets_the_generic_figure_too(qtbot) -> None:
    assert _ink_box(_render(qtbot, "")) is not None


@pytest.mark.parametrize("size", [(100, 100), (800, 600)])
def test_the_figure_scales_to_fit_and_stays_centred(qtbot, size: tuple[int, int]) -> None:
    image = _render(qtbot, "wall-sit", 1.0, size=size)
    box = _ink_box(image)
    assert box is not None
    left, top, right, bottom = box
    width, height = size
    assert right - left > width * 0.3 or bottom - top > height * 0.6  # fills the space
    assert abs((left + right) / 2 - width / 2) < width * 0.1  # centred across
    assert abs((top + bottom) / 2 - height / 2) < height * 0.12  # and down


def test_pose_fraction_is_clamped_to_the_motion(qtbot) -> None:
    widget = FigureWidget("glute-bridge")
    qtbot.addWidget(widget)
    widget.set_pose(1.7)
    assert widget.pose_fraction == 1.0
    widget.set_pose(-3)
    assert widget.pose_fraction == 0.0


def test_the_figure_has_an_accessible_name_and_description(qtbot) -> None:
    widget = FigureWidget("wall-sit")
    qtbot.addWidget(widget)
    assert "wall sit" in widget.accessibleName()
    widget.set_side(Side.RIGHT)
    assert "right" in widget.accessibleDescription()


def test_highlighting_a_muscle_group_changes_the_drawing(qtbot) -> None:
    widget = FigureWidget("clamshell")
    qtbot.addWidget(widget)
    widget.resize(200, 120)
    plain = widget.grab().toImage()
    widget.set_highlight("gluteus medius")
    assert widget.grab().toImage() != plain
    widget.set_highlight(None)
    assert widget.grab().toImage() == plain


def test_svg_exports_are_valid_and_small(qtbot, tmp_path: Path) -> None:
    written = export_svgs(tmp_path)
    assert {p.stem for p in written} == set(POSES)
    for path in written:
        assert QSvgRenderer(str(path)).isValid(), path
        assert path.stat().st_size < 40_000, path


def test_shipped_svgs_and_icons_exist() -> None:
    images = assets_dir() / "images"
    for exercise_id in POSES:
        assert (images / f"{exercise_id}.svg").is_file(), exercise_id
    icons = assets_dir() / "icons"
    assert QSvgRenderer(str(icons / "ptcoach.svg")).isValid()
    for n in ICON_SIZES:
        image = QImage(str(icons / "hicolor" / f"{n}x{n}" / "apps" / "ptcoach.png"))
        assert (image.width(), image.height()) == (n, n)
