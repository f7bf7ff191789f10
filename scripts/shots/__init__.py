"""The pieces of `scripts/screenshots.py`: the X display, the staged app, the scenes and the
capture of a window into a small palette PNG."""
