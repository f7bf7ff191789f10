"""The session's Qt side. Modules are imported by their full path (no re-exports here), so
importing one never loads the others."""
