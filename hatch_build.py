"""Hatchling build hook: generate the shell completions and the man page from the argparse
parser at build time (shtab, argparse-manpage) and put them into the wheel under
`ptcoach/_data/share/`, where `ptcoach install-desktop` finds them. Nothing runs at start-up.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class ShellFilesHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install generates them in `install-desktop` instead
        sys.path.insert(0, self.root)
        try:
            from ptcoach.shell_files import generate
        finally:
            sys.path.remove(self.root)
        self._tmp = Path(tempfile.mkdtemp(prefix="ptcoach-share-"))
        for path in generate(self._tmp):
            rel = path.relative_to(self._tmp).as_posix()
            build_data["force_include"][str(path)] = f"ptcoach/_data/share/{rel}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
