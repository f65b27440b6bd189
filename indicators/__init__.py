"""Per-document indicator extraction: numbers, statuses, table and prose readings, catalog matching."""
