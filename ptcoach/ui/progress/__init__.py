"""The progress view: weekly adherence, a calendar heat map, pain and effort, and per-exercise
trends, drawn with pyqtgraph. Import this package only when the view first opens."""

from ptcoach.ui.progress.view import ProgressView, open_progress_window

__all__ = ["ProgressView", "open_progress_window"]
