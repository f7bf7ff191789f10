"""Sound cues: which cue each engine event needs (pure), and the players that make them heard."""
