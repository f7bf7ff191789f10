"""PySide6 reads the source of every module imported after it.

Its `__feature__` support (`from __feature__ import snake_case`) decides per module whether the
module uses PySide by reading the module's whole source file (`inspect.getsource`) at import
time: about 0.1 ms a module, ~10 ms of the imports before `ptcoach run`'s first paint and more
after it. Two kinds of module are answered without the read:
- ptcoach's own, as "uses PySide": ptcoach never selects a feature, so each gets no feature,
  which is what every module gets when none is selected;
- the standard library's, as "does not use PySide": what the read finds in each of them (its
  source never names PySide), so nothing changes for them.

Importing this module installs it. It reaches into PySide's support package; if that is not
there (another PySide version), nothing changes.
"""

from __future__ import annotations

import sys
from types import ModuleType


def skip_source_scan(prefix: str = "ptcoach.") -> bool:
    """Answer PySide's per-module question for modules named `prefix*` and for the standard
    library's without reading their source; True when installed."""
    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or scan is None or getattr(scan, "ptcoach_skip", False):
        return False

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name.startswith(prefix):
            return True
        if name.partition(".")[0] in sys.stdlib_module_names:
            return False
        return bool(scan(module))

    uses_pyside.ptcoach_skip = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[union-attr]
    return True


skip_source_scan()
