"""Small shared pieces of the SQL-and-numpy queries: a date period as query parameters, and
result rows as one numpy array per column."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt


def period(since: date | None, until: date | None, routine_id: str | None) -> dict[str, Any]:
    """`:first`, `:last` (the whole history when open-ended) and `:routine` (None: all)."""
    return {
        "first": (since or date.min).isoformat(),
        "last": (until or date.max).isoformat(),
        "routine": routine_id,
    }


def columns(rows: Sequence[tuple[Any, ...]], kinds: Sequence[str]) -> list[npt.NDArray[Any]]:
    """Result rows to one numpy array per column: D dates, f floats (None → NaN), i ints."""
    dtypes: dict[str, npt.DTypeLike] = {"D": "datetime64[D]", "f": np.float64, "i": np.int64}
    if not rows:
        return [np.array([], dtype=dtypes[k]) for k in kinds]
    columns = zip(*rows, strict=True)
    return [np.array(col, dtype=dtypes[k]) for col, k in zip(columns, kinds, strict=True)]
