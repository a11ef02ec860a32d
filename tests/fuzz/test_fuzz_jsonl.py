"""Fuzz target: JSONL rosters and JSON declarations: objects shaped like the form with values of every
JSON type, nesting around the depth limit and far past it, duplicate keys, NaN/Infinity, huge
numbers, BOMs, CR-only line endings, bytes that are not UTF-8.

Property: the batch roster reader, the ``validate`` reader of .jsonl files and the ``fill``/``validate``
reader of .json files end normally or with a ``FormfillError``. Settings and the ``FUZZ_EXAMPLES`` /
``FUZZ_SEED`` variables for longer runs by hand: :mod:`tests.fuzz.support`.
"""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from formfill.base.json_input import MAX_DEPTH, iter_json_records, read_json_file
from tests.fuzz.support import fuzz_settings, only_own_errors, read_roster
from tests.fuzz.test_fuzz_delimited import SAMPLES

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(SAMPLES),
    st.text(max_size=12),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=12,
)
KEYS = [
    "kinh_gui",
    "nguoi_yeu_cau",
    "tre",
    "me",
    "thanh_vien",
    "de_nghi_cap_ban_sao",
    "so_luong_ban_sao",
    "ngay_lam",
]
LEAVES = ["ho_ten", "so_dinh_danh_ca_nhan", "so_dien_thoai", "ngay_sinh", "gioi_tinh"]
blocks = st.one_of(values, st.dictionaries(st.sampled_from(LEAVES), values, max_size=5))
declarations = st.dictionaries(
    st.sampled_from(KEYS), st.one_of(blocks, st.lists(blocks, max_size=3)), max_size=8
)
RAW = [
    '{"a": NaN}',
    '{"a": Infinity}',
    '{"a": 1, "a": 2}',
    '{"so_luong_ban_sao": 1e400}',
    '{"so_luong_ban_sao": ' + "9" * 5000 + "}",
    "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
    "[" * MAX_DEPTH + "]" * MAX_DEPTH,
    '{"kinh_gui": "' + "[" * 200 + '"}',  # brackets inside a string do not count
    "[" * 1500,
    '{"kinh_gui": "\\ud800"}',
    "\ufeff{}",
    "",
    "   ",
]


@st.composite
def lines(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        text = json.dumps(draw(declarations), ensure_ascii=draw(st.booleans()))
    elif kind == 1:
        text = draw(st.sampled_from(RAW))
    elif kind == 2:
        depth = draw(st.integers(MAX_DEPTH - 2, MAX_DEPTH + 2))
        text = '{"thanh_vien": ' + "[" * depth + "]" * depth + "}"
    else:
        return draw(st.binary(max_size=40))
    return text.encode("utf-8", "surrogatepass")


@st.composite
def jsonl_bytes(draw: st.DrawFn) -> bytes:
    newline = draw(st.sampled_from([b"\n", b"\r\n", b"\r"]))
    body = newline.join(draw(st.lists(lines(), max_size=5)))
    return draw(st.sampled_from([b"", b"\xef\xbb\xbf"])) + body + draw(st.sampled_from([b"", newline]))


@fuzz_settings(150)
@given(data=jsonl_bytes())
def test_jsonl_rosters_fail_only_with_formfill_errors(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("jsonl") / "r.jsonl"
    path.write_bytes(data)
    read_roster(path)
    only_own_errors(lambda: list(iter_json_records(str(path))))


@fuzz_settings(100)
@given(data=lines())
def test_json_declarations_fail_only_with_formfill_errors(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("json") / "d.json"
    path.write_bytes(data)
    only_own_errors(lambda: read_json_file(str(path)))
