"""The Qt shell: the session driver, the home and session windows, and their widgets.

Importing the package first loads the Qt-free modules the home window needs: PySide6 reads the
source of every module imported after it (its `__feature__` import hook), about 0.1 ms each.
"""

import ptcoach.audio.settings
import ptcoach.catalog.builtin_cache
import ptcoach.catalog.catalog
import ptcoach.engine.plan
import ptcoach.ui.look.focus_ring  # noqa: F401  (Qt-free: its Qt import is for type checks)
