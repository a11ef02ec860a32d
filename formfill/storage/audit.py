"""The audit log: who did what, when, to which submission and which fields — never a value.

Each entry is ``(seq, at, actor, action, code, fields, prev_hash, hash)``: ``at`` UTC ISO 8601,
``actor`` an account name, ``kiosk:<name>`` or ``cli`` (before any account exists), ``code`` the
receipt code or NULL, ``fields`` a JSON list of field paths. ``hash`` is the SHA-256 of the canonical
JSON of the other seven values, so each entry seals the one before it (``prev_hash``; the first
entry's is 64 zeros). Appends run inside a serial write (SQLite ``BEGIN IMMEDIATE``, PostgreSQL an
advisory lock), so two writers can never both extend the same entry and fork the chain.

:func:`verify` walks the entries in ``seq`` order and names the first one whose own hash, link to
the one before, or sequence number does not match: a changed, removed or reordered entry is found.
Removing entries at the very end leaves a shorter chain that still verifies; ``audit verify`` prints
the last entry's number and hash so an office can note them (on paper, in a ticket) and compare.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
FIELDS_MAX = 200

# The actions written to the log (Vietnamese labels for ``audit list``).
ACTIONS: dict[str, str] = {
    "login": "đăng nhập",
    "login_failed": "đăng nhập sai",
    "view": "xem",
    "submit": "nộp hồ sơ",
    "correct": "sửa hồ sơ",
    "status": "đổi trạng thái",
    "receive": "tiếp nhận",
    "request_more": "yêu cầu bổ sung",
    "refuse": "từ chối",
    "return": "trả kết quả",
    "print": "in",
    "export": "xuất",
    "delete": "xóa",
    "purge": "dọn theo thời hạn",
    "user_add": "thêm tài khoản",
    "user_disable": "khóa tài khoản",
    "user_enable": "mở tài khoản",
    "user_reset": "đặt lại mật khẩu",
    "user_unlock": "mở khóa đăng nhập",
    "user_locked": "tạm khóa sau nhiều lần sai",
    "migrate": "nâng cấp lược đồ",
    "backup": "sao lưu",
    "restore": "khôi phục",
}


@dataclass(frozen=True)
class AuditEntry:
    """One entry as stored (``at`` stays the stored UTC text: it is what the hash covers)."""

    seq: int
    at: str
    actor: str
    action: str
    code: str | None
    fields: tuple[str, ...]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditProblem:
    """The first entry that does not match, and why (Vietnamese, English)."""

    seq: int
    vi: str
    en: str


def entry_hash(seq: int, at: str, actor: str, action: str, code: str | None, fields: str, prev: str) -> str:
    """SHA-256 over the canonical JSON of an entry's values (``fields`` as stored: JSON text)."""
    body = json.dumps([seq, at, actor, action, code, fields, prev], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def fields_json(fields: Iterable[str]) -> str:
    """Field paths as stored: unique, in the order given, each at most 200 characters."""
    seen = list(dict.fromkeys(str(f)[:200] for f in fields))[:FIELDS_MAX]
    return json.dumps(seen, ensure_ascii=False, separators=(",", ":"))


def append(tx: Any, at: str, actor: str, action: str, code: str | None, fields: Iterable[str] = ()) -> int:
    """Append one entry inside the caller's serial write transaction; returns its ``seq``."""
    row = tx.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev = (int(row[0]) + 1, row[1]) if row else (1, GENESIS)
    stored = fields_json(fields)
    digest = entry_hash(seq, at, actor, action, code, stored, prev)
    tx.execute(
        "INSERT INTO audit (seq, at, actor, action, code, fields, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (seq, at, actor, action, code, stored, prev, digest),
    )
    return seq


_COLUMNS = "seq, at, actor, action, code, fields, prev_hash, hash"


def _entry(row: Any) -> AuditEntry:
    seq, at, actor, action, code, fields, prev, digest = row
    return AuditEntry(int(seq), at, actor, action, code, tuple(json.loads(fields)), prev, digest)


def entries(tx: Any, low: str | None = None, high: str | None = None) -> list[AuditEntry]:
    """Entries with ``low <= at < high`` (UTC ISO text; None: open), in ``seq`` order."""
    rows = tx.execute(
        f"SELECT {_COLUMNS} FROM audit WHERE at >= ? AND at < ? ORDER BY seq",
        (low or "0000", high or "9999"),
    ).fetchall()
    return [_entry(r) for r in rows]


def verify(tx: Any) -> tuple[int, str, AuditProblem | None]:
    """(entries checked, last hash, the first problem or None), walking the whole log in ``seq`` order."""
    expected, prev, count = 1, GENESIS, 0
    cursor = tx.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq")
    for seq, at, actor, action, code, fields, prev_hash, digest in cursor:
        count += 1
        seq = int(seq)
        if entry_hash(seq, at, actor, action, code, fields, prev_hash) != digest:
            return count, prev, _problem(seq, "nội dung đã bị thay đổi", "its content was changed")
        if prev_hash != prev:
            return (
                count,
                prev,
                _problem(
                    seq,
                    "không nối với mục ngay trước (một mục đã bị xóa, sửa hoặc đổi chỗ)",
                    "it does not link to the entry before it (an entry was removed, changed or moved)",
                ),
            )
        if seq != expected:
            return (
                count,
                prev,
                _problem(
                    seq,
                    f"số thứ tự sai (phải là {expected})",
                    f"its sequence number is wrong (expected {expected})",
                ),
            )
        expected, prev = seq + 1, digest
    return count, prev, None


def _problem(seq: int, vi: str, en: str) -> AuditProblem:
    return AuditProblem(seq, f"Mục nhật ký số {seq}: {vi}.", f"Audit entry {seq}: {en}.")
