"""The one error the store raises: a message written for the runner, never a traceback."""

from __future__ import annotations


class StoreError(RuntimeError):
    """The history cannot be opened or written; `str()` says what happened and what to do."""
