"""Storage errors: one bilingual message per failure kind, built from SQLite's error code.

The message never contains a stored value (SQLite's own text can quote SQL, so it is not shown);
it says what did not happen ("not saved") and what the user can do about it.
"""

from __future__ import annotations

import sqlite3

from formfill.base.errors import FormfillError

# SQLite primary result codes (the low byte of the extended code).
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26

# Why it failed: primary code -> (Vietnamese, English).
_REASONS: dict[int, tuple[str, str]] = {
    SQLITE_FULL: (
        "ổ đĩa đã đầy; hãy giải phóng dung lượng rồi thử lại",
        "the disk is full; free some space and try again",
    ),
    SQLITE_READONLY: (
        "thư mục dữ liệu chỉ cho phép đọc (không có quyền ghi)",
        "the data folder is read-only (no permission to write)",
    ),
    SQLITE_PERM: (
        "không có quyền ghi vào thư mục dữ liệu",
        "no permission to write to the data folder",
    ),
    SQLITE_CANTOPEN: (
        "không mở được tệp dữ liệu (thư mục không tồn tại hoặc không có quyền ghi)",
        "the data file cannot be opened (missing folder or no permission to write)",
    ),
    SQLITE_BUSY: (
        "cơ sở dữ liệu đang bận (một chương trình khác đang dùng); hãy thử lại",
        "the database is busy (another program is using it); try again",
    ),
    SQLITE_LOCKED: (
        "cơ sở dữ liệu đang bị khóa; hãy thử lại",
        "the database is locked; try again",
    ),
    SQLITE_IOERR: (
        "lỗi đọc/ghi đĩa",
        "a disk read/write error occurred",
    ),
    SQLITE_CORRUPT: (
        "tệp dữ liệu bị hỏng",
        "the data file is damaged",
    ),
    SQLITE_NOTADB: (
        "tệp dữ liệu không phải cơ sở dữ liệu của formfill",
        "the data file is not a formfill database",
    ),
}
_UNKNOWN = ("lỗi cơ sở dữ liệu", "a database error occurred")

# What did not happen, per operation -> (Vietnamese, English).
ACTIONS: dict[str, tuple[str, str]] = {
    "open": ("Không mở được kho bản nháp", "Could not open the draft store"),
    "save": ("Chưa lưu được câu trả lời", "The answer was not saved"),
    "load": ("Không đọc được bản nháp", "Could not read the draft"),
    "list": ("Không đọc được danh sách bản nháp", "Could not list the drafts"),
    "delete": ("Chưa xóa được bản nháp", "The draft was not deleted"),
    "create": ("Chưa tạo được bản nháp", "The draft was not created"),
    "submit": ("Chưa lưu được hồ sơ", "The submission was not stored"),
    "find": ("Không đọc được kho hồ sơ", "Could not read the submission store"),
    "remove": ("Chưa xóa được hồ sơ", "The submission was not deleted"),
    "record": ("Chưa ghi được đánh giá", "The rating was not recorded"),
    "account": ("Chưa lưu được tài khoản", "The account was not saved"),
    "login": ("Chưa đăng nhập được", "Could not log in"),
    "audit": ("Không đọc được nhật ký", "Could not read the audit log"),
    "backup": ("Chưa sao lưu được", "The backup was not made"),
    "restore": ("Chưa khôi phục được", "The backup was not restored"),
    "desk": ("Chưa lưu được thao tác tiếp nhận", "The desk action was not stored"),
}

# PostgreSQL SQLSTATE class (first two characters) or code -> why it failed.
_PG_REASONS: dict[str, tuple[str, str]] = {
    "08": (
        "không kết nối được máy chủ PostgreSQL (store.url); kiểm tra mạng và máy chủ",
        "cannot reach the PostgreSQL server (store.url); check the network and the server",
    ),
    "28": (
        "máy chủ PostgreSQL từ chối đăng nhập (store.url)",
        "the PostgreSQL server refused the login (store.url)",
    ),
    "3D": (
        "không có cơ sở dữ liệu này trên máy chủ (store.url)",
        "no such database on the server (store.url)",
    ),
    "42501": ("tài khoản PostgreSQL không đủ quyền", "the PostgreSQL role lacks a privilege"),
    "53": (
        "máy chủ PostgreSQL thiếu tài nguyên (đĩa đầy?)",
        "the PostgreSQL server is out of resources (disk full?)",
    ),
    "40": ("xung đột với một máy khác đang ghi; hãy thử lại", "a conflict with another writer; try again"),
    "57": (
        "máy chủ PostgreSQL đang dừng hoặc đã ngắt kết nối",
        "the PostgreSQL server is shutting down or hung up",
    ),
}


class StorageError(FormfillError):
    """A draft could not be opened, saved, read or deleted. Nothing was changed by the failed call.

    ``vi`` and ``en`` hold the two wordings so a UI can show one (``tr(err.vi, err.en)``);
    ``str(err)`` shows both.
    """

    def __init__(self, vi: str, en: str, *, code: int | None = None) -> None:
        super().__init__(f"{vi} / {en}")
        self.vi = vi
        self.en = en
        self.code = code  # SQLite extended result code, when the cause was SQLite


class DraftNotFoundError(StorageError):
    """The draft id is unknown (never created, deleted, or purged)."""

    def __init__(self, draft_id: str) -> None:
        super().__init__(
            f"Không tìm thấy bản nháp {draft_id} (có thể đã bị xóa).",
            f"Draft {draft_id} not found (it may have been deleted).",
        )
        self.draft_id = draft_id


def from_sqlite(exc: sqlite3.Error, action: str) -> StorageError:
    """Translate a SQLite failure during ``action`` into a :class:`StorageError` (no SQL, no values)."""
    code = getattr(exc, "sqlite_errorcode", None)
    reason = _REASONS.get(code & 0xFF, _UNKNOWN) if isinstance(code, int) else _UNKNOWN
    what_vi, what_en = ACTIONS[action]
    return StorageError(f"{what_vi}: {reason[0]}.", f"{what_en}: {reason[1]}.", code=code)


def from_pg(exc: Exception, action: str) -> StorageError:
    """Translate a psycopg failure into a :class:`StorageError` by its SQLSTATE (no server text)."""
    state = getattr(exc, "sqlstate", None) or ""
    reason = _PG_REASONS.get(state) or _PG_REASONS.get(state[:2])
    if reason is None:
        reason = _PG_REASONS["08"] if not state and type(exc).__name__ == "OperationalError" else _UNKNOWN
    what_vi, what_en = ACTIONS[action]
    return StorageError(f"{what_vi}: {reason[0]}.", f"{what_en}: {reason[1]}.")


def from_os(exc: OSError, action: str) -> StorageError:
    """Translate a file-system failure (creating the data folder) into a :class:`StorageError`."""
    what_vi, what_en = ACTIONS[action]
    where = exc.filename if exc.filename is not None else ""
    return StorageError(
        f"{what_vi}: không tạo được thư mục dữ liệu {where} ({exc.strerror}).",
        f"{what_en}: cannot create the data folder {where} ({exc.strerror}).",
    )
