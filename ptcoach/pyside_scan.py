"""PySide6 reads the source of every module imported after it.

Its `__feature__` support (`from __feature__ import snake_case`) decides per module whether the
module uses PySide by reading the module's whole source file (`inspect.getsource`) at import
time: about 0.1 ms a module, ~5 ms of the imports before `ptcoach run`'s first paint and more
after it. ptcoach never selects a feature, so its own modules are answered without the read
(as "uses PySide": no feature, which is what every module gets when none is selected).

Importing this module installs it. It reaches into PySide's support package; if that is not
there (another PySide version), nothing changes.
"""

from __future__ import annotations

import sys
from types import ModuleType


def skip_source_scan(prefix: str = "ptcoach.") -> bool:
    """Answer PySide's per-module question for modules named `prefix*` without reading their
    source; True when installed."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or scan is None or getattr(scan, "ptcoach_skip", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        if getattr(module, "__name__", "").startswith(prefix):
            return True
        return bool(scan(module))

    uses_pyside.ptcoach_skip = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True


skip_source_scan()
