"""formfill.storage."""
