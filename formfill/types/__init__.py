"""formfill.types."""
