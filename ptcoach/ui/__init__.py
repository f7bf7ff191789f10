"""The Qt shell: the session driver, the home and session windows, and their widgets."""
