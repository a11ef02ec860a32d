"""formfill.batch."""
