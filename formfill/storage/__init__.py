"""formfill.storage: drafts, kiosk submissions and the office figures in one SQLite file (durable after
every write, really gone when deleted, schema migrated in place)."""

from formfill.storage.codes import CodeError, is_valid, new_code, normalize
from formfill.storage.db import SCHEMA_VERSION, default_db_path
from formfill.storage.drafts import Draft, DraftStore, DraftSummary, JSONValue
from formfill.storage.failures import DraftNotFoundError, StorageError
from formfill.storage.submissions import Submission, SubmissionStore

__all__ = [
    "SCHEMA_VERSION",
    "CodeError",
    "Draft",
    "DraftNotFoundError",
    "DraftStore",
    "DraftSummary",
    "JSONValue",
    "StorageError",
    "Submission",
    "SubmissionStore",
    "default_db_path",
    "is_valid",
    "new_code",
    "normalize",
]
