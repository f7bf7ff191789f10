"""The camera coach's Qt side: frames from QtMultimedia, pose on a worker thread, the session's
camera counts, the calibration view, the indicator and the Preferences row."""
