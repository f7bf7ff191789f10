"""ptcoach: a desktop coach for runners' physical-therapy exercises."""

import sys

__version__ = "0.1.0"

if "shibokensupport.feature" in sys.modules:  # PySide6 is loaded already (a host, the tests)
    from ptcoach import pyside_scan  # noqa: F401  (else ptcoach.ui.main installs it)
