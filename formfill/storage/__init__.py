"""formfill.storage: drafts in SQLite (durable after every field, really gone when deleted)."""

from formfill.storage.db import SCHEMA_VERSION, default_db_path
from formfill.storage.drafts import Draft, DraftStore, DraftSummary, JSONValue
from formfill.storage.failures import DraftNotFoundError, StorageError

__all__ = [
    "SCHEMA_VERSION",
    "Draft",
    "DraftNotFoundError",
    "DraftStore",
    "DraftSummary",
    "JSONValue",
    "StorageError",
    "default_db_path",
]
