"""Fixtures for the batch tests: a small test form pack, a stub renderer, roster writers.

Commands run through ``launch.py`` (``formfill`` with the stub renderer installed): :func:`run_cli`,
:func:`formfill_cmd`.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PACK = HERE / "pack"
LAUNCH = HERE / "launch.py"
sys.path.insert(0, str(HERE))  # stub_render, for in-process runs and spawned workers

HEADER = [
    "Kính gửi",
    "Họ, chữ đệm, tên người yêu cầu",
    "nguoi_yeu_cau.so_dinh_danh_ca_nhan",
    "Số điện thoại",
    "tre / Họ, chữ đệm, tên",
    "tre.ngay_sinh",
    "Giới tính",
    "Họ, chữ đệm, tên người mẹ",
    "me.so_dinh_danh_ca_nhan",
    "thanh_vien.1.ho_ten",
    "thanh_vien.1.so_dinh_danh_ca_nhan",
    "Đề nghị cấp bản sao",
    "so_luong_ban_sao",
    "Ngày làm tờ khai",
]
GOOD = [
    "Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp",
    "Trần Thị Hường",
    "087195012345",
    "0912345678",
    "Nguyễn Trần Bảo Ngọc",
    "02/10/2024",
    "Nữ",
    "Trần Thị Hường",
    "087195012345",
    "Nguyễn Văn Đức",
    "087092004321",
    "Có",
    "2",
    "20/11/2024",
]
COL = {h: i for i, h in enumerate(HEADER)}


def row(**changes: str) -> list[str]:
    """GOOD with some cells changed, by header index name: row(so_luong_ban_sao="3")."""
    out = list(GOOD)
    for key, value in changes.items():
        out[_index(key)] = value
    return out


def _index(key: str) -> int:
    for i, h in enumerate(HEADER):
        if h == key or h.replace(".", "_").replace(" ", "_") == key:
            return i
    aliases = {
        "kinh_gui": 0,
        "name": 1,
        "id": 2,
        "phone": 3,
        "child": 4,
        "dob": 5,
        "mother": 7,
        "mother_id": 8,
        "member": 9,
        "member_id": 10,
        "copies": 11,
        "count": 12,
        "date": 13,
    }
    return aliases[key]


@pytest.fixture(scope="session")
def spec() -> Any:
    from formfill.forms.pack import load_form_file

    return load_form_file(PACK / "schemas" / "batch_demo.py")


def csv_text(header: Sequence[str], rows: Sequence[Sequence[str]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def write_roster(
    path: Path,
    rows: Sequence[Sequence[str]],
    header: Sequence[str] = HEADER,
    *,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    path.write_bytes(csv_text(header, rows, delimiter).encode(encoding))
    return path


def iconv(text: str, to: str) -> bytes:
    assert shutil.which("iconv"), "glibc iconv (libc-bin) makes the legacy-encoding fixtures"
    return subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", to], input=text.encode(), capture_output=True, check=True
    ).stdout


def cli_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        FORMFILL_PACKS=str(PACK),
        PYTHONPATH=os.pathsep.join([str(HERE), str(ROOT)]),
        FORMFILL_LANG="vi",
    )
    env.update(extra)
    return env


def formfill_cmd(*args: str, renderer: str | None = None) -> list[str]:
    """``formfill ARGS`` with a test renderer (default: the stub) installed by the launcher."""
    return [sys.executable, str(LAUNCH), *([f"--renderer={renderer}"] if renderer else []), *args]


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        formfill_cmd(*args),
        capture_output=True,
        text=True,
        env=cli_env(**env),
        cwd=ROOT,
        timeout=300,
    )
