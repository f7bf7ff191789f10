"""A private Xvfb display for the screenshots, started and stopped around one child run."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO

SCREEN = "1280x800x24"
START_TIMEOUT_S = 10.0


def have_xvfb() -> bool:
    return shutil.which("Xvfb") is not None


@contextmanager
def xvfb() -> Iterator[str]:
    """Start `Xvfb -screen 0 1280x800x24` on a free display; yield ":N"; stop it afterwards.

    Xvfb picks the display number itself (-displayfd) and writes it once it accepts clients,
    so there is no guessing of free numbers and no sleeping until it is up.
    """
    read_fd, write_fd = os.pipe()
    # The log is a file, not a pipe: a chatty server never blocks on a full pipe.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        os.close(write_fd)
        try:
            yield f":{_read_display(read_fd, proc, log)}"
        finally:
            os.close(read_fd)
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _read_display(fd: int, proc: subprocess.Popen[bytes], log: IO[bytes]) -> int:
    deadline = time.monotonic() + START_TIMEOUT_S
    text = b""
    while not text.endswith(b"\n"):
        left = deadline - time.monotonic()
        ready = select.select([fd], [], [], max(0.0, left))[0] if left > 0 else []
        chunk = os.read(fd, 16) if ready else b""
        if not chunk:  # timed out, or Xvfb exited and closed its end
            code = proc.poll()
            why = (
                f"exited with code {code}"
                if code is not None
                else f"named no display within {START_TIMEOUT_S:.0f} s"
            )
            proc.terminate()
            proc.wait()
            log.seek(0)
            raise RuntimeError(f"Xvfb {why}: {log.read().decode(errors='replace').strip()}")
        text += chunk
    return int(text.strip())
