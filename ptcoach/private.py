"""Files that hold the runner's data are private by default: 0600 files in 0700 folders.

`make_dir` is for the app's own folders (data, config, cache, state): created 0700, and an
existing one the user owns is narrowed to 0700. `open_new` creates a file 0600 (an existing
file keeps the mode its owner gave it). `reserve` makes an empty 0600 file for a library that
writes by path (QPdfWriter, QSettings, the FIT encoder): they truncate it and keep its mode.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path
from typing import IO, Any

FILE_MODE = 0o600
DIR_MODE = 0o700


def make_dir(path: Path) -> Path:
    """Create `path` (and its parents) with the leaf 0700; narrow an existing leaf to 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    narrow(path, DIR_MODE)
    return path


def narrow(path: Path, mode: int) -> None:
    """Drop group and other permissions from a file or folder this user owns (best effort)."""
    with contextlib.suppress(OSError):
        st = path.stat()
        if st.st_uid == os.getuid() and stat.S_IMODE(st.st_mode) & 0o077:
            os.chmod(path, stat.S_IMODE(st.st_mode) & ~0o077 & (mode | 0o700))


def open_new(path: Path, mode: str = "w", **kwargs: Any) -> IO[Any]:
    """open(path, mode) for writing, creating the file 0600 if it does not exist."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_TRUNC)
    fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    try:
        if "b" not in mode and "encoding" not in kwargs:
            kwargs["encoding"] = "utf-8"
        return open(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def reserve(path: Path) -> Path:
    """Make sure `path` exists, created 0600 if it is new, for a library that writes by name."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), FILE_MODE)
    os.close(fd)
    return path
