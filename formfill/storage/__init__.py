"""formfill.storage: the office store — drafts, submissions, receipt codes, the office figures, the desk's
receptions, accounts and the audit log — on SQLite (one file, the embedded default) or PostgreSQL
(``store.url = "postgresql://…"``, several machines), one interface and one behaviour on both.

Durable after every write, really gone when deleted, schema migrated in place (see
:mod:`formfill.storage.engine` for what differs between the engines). The desk's contract is in
:mod:`formfill.storage.desk`, accounts and the audit log in :mod:`formfill.storage.accounts`.
"""

from formfill.storage.accounts import ROLES, Account, AccountError, LoginError
from formfill.storage.audit import AuditEntry, AuditProblem
from formfill.storage.codes import CodeError, is_valid, new_code, normalize
from formfill.storage.db import SCHEMA_VERSION, default_db_path
from formfill.storage.desk import (
    STATUS_LABELS,
    STATUSES,
    Reception,
    SubmissionNotFoundError,
    SubmissionVersion,
)
from formfill.storage.drafts import Draft, DraftStore, DraftSummary, JSONValue
from formfill.storage.engine import is_postgres
from formfill.storage.failures import DraftNotFoundError, StorageError
from formfill.storage.submissions import Submission, SubmissionStore

__all__ = [
    "ROLES",
    "SCHEMA_VERSION",
    "STATUSES",
    "STATUS_LABELS",
    "Account",
    "AccountError",
    "AuditEntry",
    "AuditProblem",
    "CodeError",
    "Draft",
    "DraftNotFoundError",
    "DraftStore",
    "DraftSummary",
    "JSONValue",
    "LoginError",
    "Reception",
    "StorageError",
    "Submission",
    "SubmissionNotFoundError",
    "SubmissionStore",
    "SubmissionVersion",
    "default_db_path",
    "is_postgres",
    "is_valid",
    "new_code",
    "normalize",
]
