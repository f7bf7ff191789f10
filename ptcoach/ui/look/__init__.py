"""How the app looks and reads: theme, focus ring, accessibility, translation, fitted labels.

Modules are imported by their full path (no re-exports here), so importing one
never loads the others.
"""
