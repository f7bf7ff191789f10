"""The camera coach's core, Qt-free: pose landmarks in, reps, holds, form cues and gestures out.

The pose model comes from the optional extra `camera` (mediapipe) behind `backend.PoseBackend`;
the rest of the app never imports this package unless the runner turns the camera on or runs
`ptcoach count`.
"""
