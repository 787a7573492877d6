"""Shared state in SQL (SQLite by default, Postgres by URL): conversations, turns, feedback, escalations."""
