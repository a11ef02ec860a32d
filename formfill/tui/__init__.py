"""formfill.tui."""
