"""formfill.layout."""
