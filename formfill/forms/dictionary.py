"""The data dictionary: every field of every form (key, official label, type, required when), as Markdown.

The README embeds this text between markers; a test fails when the two drift apart. Regenerate with
``python -m formfill.forms.dictionary --write README.md`` (also the table of forms).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from formfill.forms.field_docs import FieldDoc, walk
from formfill.forms.pack import FormSpec, list_forms

MARKERS = {
    "data-dictionary": "the data dictionary",
    "forms-table": "the table of forms",
}

_FORMAT_NAMES = {
    "vn-personal-id": "số định danh cá nhân (12 chữ số)",
    "vn-cmnd": "số CMND (9 chữ số)",
    "vn-phone": "số điện thoại (lưu dạng +84…)",
    "email": "email",
    "vn-email": "email",
    "vn-person-name": "họ tên (≤ 100 ký tự)",
    "vn-date": "ngày dd/mm/yyyy",
    "vn-birth-date": "ngày sinh dd/mm/yyyy (không ở tương lai)",
    "vn-past-date": "ngày dd/mm/yyyy (không ở tương lai)",
    "vn-partial-date": "năm, tháng/năm hoặc ngày/tháng/năm",
    "vn-ethnicity": "dân tộc (54 dân tộc, mã hoặc tên)",
    "vn-nationality": "quốc tịch",
    "vn-gender": "Nam / Nữ",
    "vn-commune": "xã/phường/đặc khu (mã hoặc tên, bản đồ 2025)",
    "vn-commune-code": "xã/phường/đặc khu (mã hoặc tên, bản đồ 2025)",
    "vn-province": "tỉnh/thành phố (mã hoặc tên, 34 đơn vị)",
    "vn-province-code": "tỉnh/thành phố (mã hoặc tên, 34 đơn vị)",
    "vn-past-place": "địa danh (chữ, ≤ 250, có thể là tên trước 2025)",
    "vn-free-text": "chữ (≤ 500)",
    "vn-text": "chữ",
    "vn-time": "giờ hh:mm",
    "vn-place-text": "địa chỉ, địa danh (chữ)",
    "vn-short-text": "chữ (≤ 100)",
}
_KIND_NAMES = {
    "bool": "Có / Không",
    "int": "số nguyên",
    "text": "chữ",
    "date": "ngày dd/mm/yyyy",
    "choice": "lựa chọn",
}


def type_name(doc: FieldDoc) -> str:
    """A short Vietnamese description of what a field accepts."""
    if doc.format:
        return _FORMAT_NAMES.get(doc.format, doc.format)
    if doc.enum:
        return " / ".join(doc.enum)
    name = _KIND_NAMES.get(doc.kind, doc.kind)
    return name


def _with_length(doc: FieldDoc, name: str) -> str:
    if doc.max_length and "≤" not in name:
        name += f" (≤ {doc.max_length})"
    return name


def required_text(doc: FieldDoc, parent_optional: bool) -> str:
    if doc.required_without:
        text = f"khi không có `{doc.required_without}`"
        return f"{text}; {doc.required_when}" if doc.required_when else text
    if doc.required_when:
        return doc.required_when
    if doc.required:
        return "khi có khối này" if parent_optional else "luôn luôn"
    if doc.default is not None and doc.default is not False:
        return f"không bắt buộc (mặc định: {doc.default})"
    return "không bắt buộc"


def form_markdown(spec: FormSpec) -> str:
    lines = [
        f"#### `{spec.id}` — {spec.meta.title}",
        "",
        f"{spec.meta.basis}. Phiên bản {spec.meta.version}.",
        "",
        "| Khóa (cột) | Nhãn trên tờ khai | Kiểu | Bắt buộc |",
        "|---|---|---|---|",
    ]
    docs = walk(spec.model, groups=True)
    optional_groups: set[str] = set()
    for doc in docs:
        parent = doc.path.rsplit(".", 1)[0] if "." in doc.path else ""
        parent_optional = (
            any(parent == g or parent.startswith(g + ".") for g in optional_groups) or doc.repeated
        )
        if doc.kind in ("group", "list"):
            if not doc.required or doc.kind == "list":
                optional_groups.add(doc.path)
            what = "nhóm (danh sách, hàng đếm từ 1)" if doc.kind == "list" else "nhóm"
            lines.append(
                f"| `{doc.path}` | **{doc.label}** | {what} | {required_text(doc, parent_optional)} |"
            )
            continue
        kind = _with_length(doc, type_name(doc))
        lines.append(f"| `{doc.path}` | {doc.label} | {kind} | {required_text(doc, parent_optional)} |")
    return "\n".join(lines) + "\n"


def dictionary_markdown() -> str:
    """The whole data dictionary (all forms of the pack)."""
    return "\n".join(form_markdown(spec) for spec in list_forms())


def forms_table_markdown() -> str:
    """Every form with its legal basis, version and open doubts."""
    lines = [
        "| Mã | Tờ khai | Căn cứ | Phiên bản | Điều chưa chắc chắn |",
        "|---|---|---|---|---|",
    ]
    for spec in list_forms():
        doubts = "<br>".join(f"• {d}" for d in spec.meta.doubts) or "—"
        lines.append(
            f"| `{spec.id}` | {spec.meta.title} | {spec.meta.basis} | {spec.meta.version} | {doubts} |"
        )
    return "\n".join(lines) + "\n"


def generated_sections() -> dict[str, str]:
    return {"data-dictionary": dictionary_markdown(), "forms-table": forms_table_markdown()}


def splice(readme: str, name: str, body: str) -> str:
    """Replace the text between ``<!-- name:begin -->`` and ``<!-- name:end -->``."""
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.S)
    if not pattern.search(readme):
        raise ValueError(f"README has no {name} markers")
    return pattern.sub(lambda _m: f"{begin}\n{body}{end}", readme)


def splice_all(readme: str) -> str:
    for name, body in generated_sections().items():
        readme = splice(readme, name, body)
    return readme


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", type=Path, help="README to update in place")
    args = parser.parse_args(argv)
    if args.write:
        text = args.write.read_text(encoding="utf-8")
        args.write.write_text(splice_all(text), encoding="utf-8")
    else:
        sys.stdout.write(forms_table_markdown() + "\n" + dictionary_markdown())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
