"""Sub-commands of the `ptcoach` command line (no Qt)."""
