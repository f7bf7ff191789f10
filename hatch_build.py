"""Hatchling build hook: what the wheel gets made at build time, so nothing runs at start-up.

- The shell completions and the man page, from the argparse parser (shtab, argparse-manpage),
  under `ptcoach/_data/share/`, where `ptcoach install-desktop` finds them.
- The translations: every `assets/translations/ptcoach_<lang>.ts` compiled by Qt's lrelease
  (PySide6-Essentials ships it) to `ptcoach/_data/assets/translations/ptcoach_<lang>.qm`,
  where `ptcoach.ui.look.i18n` loads them. A `.qm` left in the source tree by
  `make translations` is replaced by the fresh one.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

QT_TOOLS = "PySide6-Essentials>=6.8,!=6.12.0"  # lrelease; as in the project's dependencies


def _translations_script(root: str) -> ModuleType:
    """scripts/translations.py, loaded under its own name (it imports no Qt)."""
    path = Path(root) / "scripts" / "translations.py"
    spec = importlib.util.spec_from_file_location("ptcoach_build_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class ShellFilesHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        """An isolated build needs lrelease only when there is a catalogue to compile."""
        has_catalogues = any((Path(self.root) / "assets" / "translations").glob("ptcoach_*.ts"))
        return [QT_TOOLS] if has_catalogues else []

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return  # an editable install: `install-desktop` and `make translations` instead
        sys.path.insert(0, self.root)
        try:
            from ptcoach.shell_files import generate
        finally:
            sys.path.remove(self.root)
        self._tmp = Path(tempfile.mkdtemp(prefix="ptcoach-share-"))
        for path in generate(self._tmp / "share"):
            rel = path.relative_to(self._tmp / "share").as_posix()
            build_data["force_include"][str(path)] = f"ptcoach/_data/share/{rel}"
        translations = _translations_script(self.root)
        for qm in translations.build(self._tmp / "translations"):
            target = f"ptcoach/_data/assets/translations/{qm.name}"
            build_data["force_include"][str(qm)] = target

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        tmp = getattr(self, "_tmp", None)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
