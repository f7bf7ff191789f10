"""The home window: routine list, menus, targets and their memory, schedules.

Modules are imported by their full path (no re-exports here), so importing one
never loads the others.
"""
