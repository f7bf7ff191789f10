"""The exercise figure: pose geometry (skeleton, poses, timing: no Qt) and the widget that paints
it, its props, style and SVG export.

Modules are imported by their full path (no re-exports here), so importing one
never loads the others.
"""
