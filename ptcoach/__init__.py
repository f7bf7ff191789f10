"""ptcoach: a desktop coach for runners' physical-therapy exercises."""

__version__ = "0.1.0"
