"""The SQLite history: schema and migrations, opening and recovery, sessions and sets,
the recorder that follows the engine's events, and backups. Stdlib sqlite3 only, no Qt."""
