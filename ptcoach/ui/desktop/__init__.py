"""Desktop integration windows: the About dialog."""
