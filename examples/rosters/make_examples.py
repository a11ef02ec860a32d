"""Make the example rosters of this folder (run: python examples/rosters/make_examples.py).

- khai-sinh.csv            UTF-8 with BOM, Vietnamese labels as headers, all rows valid
- khai-sinh-loi.csv        the same with deliberate mistakes (row by row, see BAD below)
- khai-sinh-utf16.tsv      Excel "Unicode Text" (UTF-16 LE with BOM, tab-separated; Excel names it .txt)
- khai-sinh-tcvn3.csv      legacy TCVN3 (TCVN 5712:1993) bytes, as old commune files are
- ct01.csv                 household members as numbered columns (thanh_vien.1.ho_ten, ...)
- ct01.jsonl               one declaration per line, members as a list
- ct01.xlsx                the ct01 rows as an Excel workbook (IDs typed as text)

The TCVN3 file is encoded with this script's own table (the reverse of formfill's decoder), not iconv.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

KS_HEADER = [
    "Kính gửi",
    "Họ, chữ đệm, tên người yêu cầu",
    "nguoi_yeu_cau.so_dinh_danh_ca_nhan",
    "Quan hệ với người được khai sinh",
    "nguoi_duoc_khai_sinh.ho_ten",
    "nguoi_duoc_khai_sinh.ngay_sinh",
    "nguoi_duoc_khai_sinh.gioi_tinh",
    "nguoi_duoc_khai_sinh.dan_toc",
    "nguoi_duoc_khai_sinh.quoc_tich",
    "Nơi sinh",
    "Quê quán",
    "Họ, chữ đệm, tên người mẹ",
    "me.ngay_sinh",
    "me.so_dinh_danh_ca_nhan",
    "Họ, chữ đệm, tên người cha",
    "cha.ngay_sinh",
    "cha.so_dinh_danh_ca_nhan",
    "Làm tại",
    "Ngày làm tờ khai",
    "Đề nghị cấp bản sao",
    "Số lượng bản sao",
]

_UB = "Ủy ban nhân dân phường Sa Đéc, tỉnh Đồng Tháp"
_BV = "Bệnh viện Đa khoa Sa Đéc, phường Sa Đéc, tỉnh Đồng Tháp"
KS_ROWS = [
    [
        _UB,
        "Trần Thị Hường",
        "087195012345",
        "Mẹ",
        "Nguyễn Trần Bảo Ngọc",
        "02/10/2026",
        "Nữ",
        "Kinh",
        "Việt Nam",
        _BV,
        "xã Tân Khánh Trung, tỉnh Đồng Tháp",
        "Trần Thị Hường",
        "14/04/1995",
        "087195012345",
        "Nguyễn Văn Đức",
        "1992",
        "087092004321",
        "phường Sa Đéc, tỉnh Đồng Tháp",
        "20/11/2026",
        "Có",
        "2",
    ],
    [
        _UB,
        "Lê Văn Hải",
        "087090003456",
        "Cha",
        "Lê Minh Khang",
        "15/09/2026",
        "Nam",
        "Kinh",
        "Việt Nam",
        _BV,
        "phường Sa Đéc, tỉnh Đồng Tháp",
        "Phạm Thị Hằng",
        "1996",
        "087196007788",
        "Lê Văn Hải",
        "03/03/1990",
        "087090003456",
        "phường Sa Đéc, tỉnh Đồng Tháp",
        "20/11/2026",
        "Không",
        "",
    ],
    [
        _UB,
        "Võ Thị Mỹ Duyên",
        "087301009900",
        "Mẹ",
        "Huỳnh Võ Gia Hân",
        "01/11/2026",
        "Nữ",
        "Kinh",
        "Việt Nam",
        "Trạm Y tế phường Sa Đéc, tỉnh Đồng Tháp",
        "phường Cao Lãnh, tỉnh Đồng Tháp",
        "Võ Thị Mỹ Duyên",
        "02/02/2001",
        "087301009900",
        "",
        "",
        "",
        "phường Sa Đéc, tỉnh Đồng Tháp",
        "20/11/2026",
        "x",
        "1",
    ],
]
# Deliberate mistakes, one kind per row (the rest of each row is valid):
BAD = [
    ("nguoi_yeu_cau.so_dinh_danh_ca_nhan", "8.71951E+10"),  # Excel turned the ID into a number
    ("nguoi_duoc_khai_sinh.ngay_sinh", "31/02/2026"),  # no such day
    ("Họ, chữ đệm, tên người mẹ", ""),  # mother's block given without her name
    ("Số lượng bản sao", ""),  # copies requested, no count
    ("nguoi_duoc_khai_sinh.gioi_tinh", "Khác"),  # not Nam/Nữ
]

CT_HEADER = [
    "Kính gửi",
    "nguoi_ke_khai.ho_ten",
    "nguoi_ke_khai.ngay_sinh",
    "nguoi_ke_khai.gioi_tinh",
    "nguoi_ke_khai.so_dinh_danh_ca_nhan",
    "nguoi_ke_khai.so_dien_thoai",
    "chu_ho.ho_ten",
    "chu_ho.moi_quan_he_voi_chu_ho",
    "chu_ho.so_dinh_danh_ca_nhan",
    "Nội dung đề nghị",
    "thanh_vien.1.ho_ten",
    "thanh_vien.1.ngay_sinh",
    "thanh_vien.1.gioi_tinh",
    "thanh_vien.1.so_dinh_danh_ca_nhan",
    "thanh_vien.1.moi_quan_he_voi_chu_ho",
    "thanh_vien.2.ho_ten",
    "thanh_vien.2.ngay_sinh",
    "thanh_vien.2.gioi_tinh",
    "thanh_vien.2.so_dinh_danh_ca_nhan",
    "thanh_vien.2.moi_quan_he_voi_chu_ho",
    "Làm tại",
    "Ngày làm tờ khai",
]
_CA = "Công an phường Sa Đéc, tỉnh Đồng Tháp"
CT_ROWS = [
    [
        _CA,
        "Nguyễn Văn Đức",
        "10/05/1992",
        "Nam",
        "087092004321",
        "0912345678",
        "Nguyễn Văn Đức",
        "Chủ hộ",
        "087092004321",
        "Đăng ký thường trú tại số 12 đường Hùng Vương, phường Sa Đéc, tỉnh Đồng Tháp",
        "Trần Thị Hường",
        "14/04/1995",
        "Nữ",
        "087195012345",
        "Vợ",
        "Nguyễn Trần Bảo Ngọc",
        "02/10/2020",
        "Nữ",
        "087320001122",
        "Con",
        "phường Sa Đéc, tỉnh Đồng Tháp",
        "03/11/2026",
    ],
    [
        _CA,
        "Võ Thị Mỹ Duyên",
        "02/02/2001",
        "Nữ",
        "087301009900",
        "",
        "Võ Văn Tâm",
        "Con",
        "087065002211",
        "Đăng ký tạm trú tại tổ dân phố 3, phường Sa Đéc, tỉnh Đồng Tháp",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "phường Sa Đéc, tỉnh Đồng Tháp",
        "03/11/2026",
    ],
]


def _csv(header: list[str], rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows([header, *rows])
    return buf.getvalue()


def _tcvn3(text: str) -> bytes:
    from formfill.batch.legacy import TCVN3_TABLE

    reverse = {ch: bytes([i]) for i, ch in enumerate(TCVN3_TABLE) if i >= 0x80 and len(ch) == 1}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out += ch.encode("ascii")
        else:
            out += reverse[ch]
    return bytes(out)


def _bad_rows() -> list[list[str]]:
    rows = []
    for i, (column, value) in enumerate(BAD):
        r = list(KS_ROWS[i % len(KS_ROWS)])
        r[KS_HEADER.index(column)] = value
        if column == "Số lượng bản sao":
            r[KS_HEADER.index("Đề nghị cấp bản sao")] = "Có"
        rows.append(r)
    return [KS_ROWS[0], *rows, KS_ROWS[1]]


def _ct01_json(r: list[str]) -> dict:
    d = dict(zip(CT_HEADER, r, strict=True))
    out: dict = {
        "kinh_gui": d["Kính gửi"],
        "noi_dung_de_nghi": d["Nội dung đề nghị"],
        "lam_tai": d["Làm tại"],
        "ngay_lam": d["Ngày làm tờ khai"],
        "nguoi_ke_khai": {},
        "chu_ho": {},
        "thanh_vien": [],
    }
    members: dict[int, dict] = {}
    for key, value in d.items():
        if not value or "." not in key:
            continue
        parts = key.split(".")
        if parts[0] == "thanh_vien":
            members.setdefault(int(parts[1]), {})[parts[2]] = value
        else:
            out[parts[0]][parts[1]] = value
    out["thanh_vien"] = [members[k] for k in sorted(members)]
    return out


def main() -> None:
    (HERE / "khai-sinh.csv").write_bytes(codecs.BOM_UTF8 + _csv(KS_HEADER, KS_ROWS).encode("utf-8"))
    (HERE / "khai-sinh-loi.csv").write_bytes(_csv(KS_HEADER, _bad_rows()).encode("utf-8"))
    (HERE / "khai-sinh-utf16.tsv").write_bytes(
        codecs.BOM_UTF16_LE + _csv(KS_HEADER, KS_ROWS, "\t").encode("utf-16-le")
    )
    (HERE / "khai-sinh-tcvn3.csv").write_bytes(_tcvn3(_csv(KS_HEADER, KS_ROWS)))
    (HERE / "ct01.csv").write_bytes(_csv(CT_HEADER, CT_ROWS).encode("utf-8"))
    with open(HERE / "ct01.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for r in CT_ROWS:
            fh.write(json.dumps(_ct01_json(r), ensure_ascii=False) + "\n")
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "CT01"
    ws.append(CT_HEADER)
    for r in CT_ROWS:
        ws.append(r)  # every cell a string: IDs keep their leading zero
    wb.properties.creator = "formfill"
    buf = io.BytesIO()
    wb.save(buf)
    (HERE / "ct01.xlsx").write_bytes(_fixed_zip(buf.getvalue()))


def _fixed_zip(data: bytes) -> bytes:
    """The same bytes on every run: fixed timestamps in the zip and in docProps/core.xml."""
    import re
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb">\d{4}-\d\d-\d\dT[\d:]+Z<", b">2026-01-01T00:00:00Z<", body)
            zout.writestr(
                zipfile.ZipInfo(info.filename, date_time=(2026, 1, 1, 0, 0, 0)), body, zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


if __name__ == "__main__":
    main()
