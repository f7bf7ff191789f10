"""argparse types shared by the sub-commands."""

from __future__ import annotations

import argparse
from datetime import date


def iso_date(text: str) -> date:
    """A YYYY-MM-DD date; anything else is a usage error that shows the form to write."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01") from None
