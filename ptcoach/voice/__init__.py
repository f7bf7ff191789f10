"""Offline voice commands: the recogniser, its vocabulary and the microphone, all Qt-free.

Needs the optional extra `voice` (pocketsphinx, whose wheel ships the US English model); the
rest of the app never imports this package unless the runner turns voice commands on.
"""
