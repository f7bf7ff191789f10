"""Voice commands in the app: the microphone indicator, the session's listening, Preferences."""
