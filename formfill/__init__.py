"""formfill — Vietnamese administrative declarations, filled right the first time."""

__version__ = "0.1.0"
