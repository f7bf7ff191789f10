"""Desktop integration: signals from the terminal, crash dialogs, D-Bus calls, the tray."""
