"""Static renders of the figures and the app icon: SVGs for the README and Learn pages,
PNG icon sizes for desktop themes, and a contact sheet of every figure.

Regenerate with `python -m ptcoach.ui.figure.export` (run from the source tree).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator, QSvgRenderer

from ptcoach.ui.figure.paint import FigureColors, paint_figure, scene_bounds
from ptcoach.ui.figure.poses import POSES, illustration_for

ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
SVG_WIDTH = 320

# Mid tones that read on both a white and a near-black page (the SVGs have no background).
EXPORT_COLORS = FigureColors.from_pair(QColor("#4b5563"), QColor("#e5e7eb"), QColor("#e8762c"))


def _ensure_app() -> None:
    """QPainter on images needs a GUI application object; a bare script may not have one."""
    if QGuiApplication.instance() is None:
        _ensure_app.app = QGuiApplication(sys.argv[:1])  # type: ignore[attr-defined]


def export_svg(exercise_id: str, path: Path, t: float = 1.0) -> Path:
    """Write one exercise's figure at pose fraction t (default: the end position) as SVG."""
    _ensure_app()
    ill = illustration_for(exercise_id)
    scene = scene_bounds(ill)
    height = round(SVG_WIDTH * scene.height() / scene.width())
    gen = QSvgGenerator()
    gen.setFileName(str(path))
    gen.setSize(QSize(SVG_WIDTH, height))
    gen.setViewBox(QRectF(0, 0, SVG_WIDTH, height))
    gen.setTitle(exercise_id)
    gen.setDescription(f"ptcoach illustration: {exercise_id}")
    painter = QPainter(gen)
    try:
        paint_figure(painter, QRectF(0, 0, SVG_WIDTH, height), ill, t, EXPORT_COLORS)
    finally:
        painter.end()
    return path


def export_svgs(folder: Path | str) -> list[Path]:
    """Write <id>.svg for every illustrated exercise into folder; returns the files written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [export_svg(ex_id, folder / f"{ex_id}.svg") for ex_id in sorted(POSES)]


def render_svg_png(svg: Path, size: int, path: Path) -> Path:
    """Render an SVG file to a square transparent PNG of size x size pixels."""
    _ensure_app()
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        renderer.render(painter, QRectF(0, 0, size, size))
    finally:
        painter.end()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(path)):
        raise OSError(f"could not write {path}")
    return path


def export_icon_pngs(svg: Path | str, hicolor: Path | str) -> list[Path]:
    """hicolor/<N>x<N>/apps/ptcoach.png for every size in ICON_SIZES."""
    return [
        render_svg_png(Path(svg), n, Path(hicolor) / f"{n}x{n}" / "apps" / "ptcoach.png")
        for n in ICON_SIZES
    ]


def render_contact_sheet(
    path: Path | str, cell: int = 220, columns: int = 4, dark: bool = False
) -> Path:
    """One PNG of every figure at its start and end positions, labelled, for a quick review."""
    _ensure_app()
    ids = sorted(POSES)
    rows = (len(ids) + columns - 1) // columns
    label_h = 18
    width, height = columns * cell * 2, rows * (cell + label_h)
    bg, fg = (QColor("#1e1f22"), QColor("#e6e6e6")) if dark else (QColor("white"), QColor("#222"))
    colors = FigureColors.from_pair(fg, bg, QColor("#3d8bd9"))
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(bg)
    painter = QPainter(image)
    try:
        painter.setFont(QFont("DejaVu Sans", 10))
        for i, ex_id in enumerate(ids):
            x, y = (i % columns) * cell * 2, (i // columns) * (cell + label_h)
            painter.setPen(fg)
            painter.drawText(QRectF(x, y, cell * 2, label_h), Qt.AlignmentFlag.AlignCenter, ex_id)
            for k, t in enumerate((0.0, 1.0)):
                box = QRectF(x + k * cell + 6, y + label_h, cell - 12, cell - 8)
                paint_figure(painter, box, POSES[ex_id], t, colors)
    finally:
        painter.end()
    image.save(str(path))
    return Path(path)


def main() -> int:
    from ptcoach.paths import assets_dir

    assets = assets_dir()
    written = export_svgs(assets / "images")
    written += export_icon_pngs(assets / "icons" / "ptcoach.svg", assets / "icons" / "hicolor")
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
