"""The routine builder: create, duplicate, edit, import, export and delete routines."""

from ptcoach.ui.builder.window import BuilderWindow

__all__ = ["BuilderWindow"]
