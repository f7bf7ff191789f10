"""The Qt shell: the session driver, the home and session windows, and their widgets.

Importing the package first loads the Qt-free modules the home window needs: PySide6 reads the
source of every module imported after it (its `__feature__` import hook), about 0.1 ms each.
"""

import datetime  # noqa: F401
import html  # noqa: F401

import ptcoach.audio.settings
import ptcoach.catalog.builtin_cache
import ptcoach.catalog.catalog
import ptcoach.engine.plan  # noqa: F401
