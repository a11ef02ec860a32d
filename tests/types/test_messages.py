"""The message table covers every error the types raise, in both languages, with no stray placeholder."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import formfill.types as types_pkg
from formfill.base.messages import MESSAGES, format_message, vn_error
from formfill.types import ERROR_TYPES

SOURCE = Path(types_pkg.__file__).parent
LEFTOVER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")  # a placeholder nobody filled
RAISED = re.compile(r"""vn_error\(\s*["']([a-z0-9_]+)["']""")


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_raised_type_is_declared_and_has_messages() -> None:
    raised: set[str] = set()
    for path in SOURCE.glob("*.py"):
        raised |= set(RAISED.findall(path.read_text(encoding="utf-8")))
    assert raised, "the scan found no vn_error calls"
    assert raised <= ERROR_TYPES, sorted(raised - ERROR_TYPES)
    for type_ in ERROR_TYPES:
        vi, en = MESSAGES[type_]
        assert vi.strip() and en.strip(), type_
        assert vi != en, type_


@pytest.mark.parametrize("type_", sorted(ERROR_TYPES))
def test_our_entries_use_the_same_context_in_both_languages(type_: str) -> None:
    vi, en = MESSAGES[type_]
    assert _placeholders(vi) == _placeholders(en), type_


@pytest.mark.parametrize("type_", sorted(MESSAGES))
def test_entry_formats_without_leftovers(type_: str) -> None:
    vi, en = MESSAGES[type_]
    ctx = {name: f"<{name}>" for name in _placeholders(vi) | _placeholders(en)}
    for lang, template in (("vi", vi), ("en", en)):
        text = format_message(type_, ctx, lang)
        assert not LEFTOVER.search(text), (type_, lang, text)
        for name in _placeholders(template):
            assert ctx[name] in text


def test_custom_error_message_is_vietnamese_and_typed() -> None:
    err = vn_error("vn_personal_id_format", length=11)
    assert err.type == "vn_personal_id_format"
    assert (
        str(err)
        == "Số định danh cá nhân phải gồm đúng 12 chữ số, không có chữ hay ký hiệu (bạn nhập 11 ký tự)."
    )
    assert format_message("vn_personal_id_format", {"length": 11}, "en").startswith("The personal ID number")
    with pytest.raises(KeyError):
        vn_error("vn_no_such_error")
