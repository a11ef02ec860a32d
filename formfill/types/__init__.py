"""Reusable Vietnamese data types with their own error types (messages in formfill.types.messages)."""
