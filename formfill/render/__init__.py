"""formfill.render."""
