"""The therapist's report: a one-to-two page PDF of a period's adherence, pain trend and
exercises, drawn with Qt's PDF writer (needs a QGuiApplication; offscreen is fine)."""
