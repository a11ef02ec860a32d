"""The office figures name things as people read them: one short name per form (its metadata's
``short_title``) in every chart of the dashboard and the report, and a failing field by its label and
form — a raw path only for a field the form no longer has. Charts never cut a name, and the per-day
chart says what a column is (its days and its largest figure)."""

from __future__ import annotations

import re
from datetime import date

from formfill.catalog import list_forms
from formfill.desk.names import field_label, field_name, form_name
from formfill.session.desk_view import bar_chart, dashboard_charts, day_columns, per_day_totals
from tests.desk.month import FIELDS, generate, stats_of

START, END = date(2026, 11, 1), date(2026, 11, 30)
SHORT = {
    "khai-sinh": "Khai sinh",
    "ket-hon": "Kết hôn",
    "khai-tu": "Khai tử",
    "xac-nhan-tinh-trang-hon-nhan": "Xác nhận TTHN",
    "nhan-cha-me-con": "Nhận cha, mẹ, con",
    "trich-luc-ho-tich": "Trích lục hộ tịch",
    "thay-doi-cai-chinh-ho-tich": "Thay đổi, cải chính",
    "ct01": "CT01 – cư trú",
}
RAW_PATH = re.compile(r"\b[a-z]+_[a-z_]+\b")  # a field path's key, never a label


def test_every_form_has_its_short_name() -> None:
    forms = {spec.meta.id: spec.meta for spec in list_forms()}
    assert set(SHORT) <= set(forms)
    for form_id, meta in forms.items():
        assert meta.short_title and len(meta.short_title) <= 20, form_id
        assert form_name(form_id) == meta.short_title
        assert meta.title.startswith("Tờ khai")  # the title itself stays the form's own
    assert all(form_name(k) == v for k, v in SHORT.items())
    assert form_name("mau-da-bo") == "mau-da-bo"  # a form no longer in the pack: its id


def test_field_labels_nested_repeated_shared_and_gone() -> None:
    assert field_name("khai-sinh", "me.noi_cu_tru.xa") == "Người mẹ › Xã, phường, đặc khu — Khai sinh"
    assert (
        field_name("khai-sinh", "cha.so_dinh_danh_ca_nhan") == "Người cha › Số định danh cá nhân — Khai sinh"
    )
    # a row of a repeating group keeps its number; its block tells it from the declarant's own field
    assert field_label("ct01", "thanh_vien.2.ngay_sinh").endswith("› Ngày, tháng, năm sinh (dòng 2)")
    assert field_label("ct01", "thanh_vien.2.ngay_sinh").startswith("Những thành viên")
    assert field_label("khai-tu", "ngay_chet") == "Đã chết vào ngày"  # unique: the label alone
    # a bare "Số" always with its block
    assert field_label("ket-hon", "ben_nam.giay_to_tuy_than.so") == "Bên nam › Giấy tờ tùy thân › Số"
    assert field_name("ct01", "ngay_sinh") == "ngay_sinh — CT01 – cư trú"  # no such field any more
    assert field_name("mau-da-bo", "a.b") == "a.b — mau-da-bo"


def test_every_field_of_every_form_has_a_label_of_its_own() -> None:
    from formfill.forms.field_docs import walk

    for spec in list_forms():
        paths = [d.path.replace(".N.", ".1.") for d in walk(spec.model, groups=True)]
        labels = [field_label(spec.meta.id, p) for p in paths]
        assert len(set(labels)) == len(labels), spec.meta.id  # no two fields read the same
        assert not [x for x in labels if RAW_PATH.search(x)], spec.meta.id


def test_dashboard_uses_short_names_and_labels() -> None:
    stats = stats_of(generate(START), START, END)
    for width in (56, 76, 116):
        charts = dashboard_charts(stats, width=width)
        text = "\n".join(charts)
        for form_id in {f["form"] for f in stats["forms"]}:
            assert SHORT[form_id] in text
            assert form_id not in text.replace(SHORT[form_id], "")
        fields = charts[2]
        assert not RAW_PATH.search(fields), fields
        assert "Người yêu cầu › Số định danh cá nhân — Xác nhận TTHN" in " ".join(fields.split())
        assert len(fields.splitlines()) > len(stats["failed_fields"]) or width >= 116  # long ones wrap
        assert max(len(line) for line in text.splitlines()) <= width
    assert set(FIELDS) == {f["form"] for f in stats["forms"]}


def test_bar_chart_wraps_and_never_cuts() -> None:
    label = (
        "Những thành viên trong hộ gia đình cùng thay đổi › Ngày, tháng, năm sinh (dòng 1) — CT01 – cư trú"
    )
    chart = bar_chart("T", [(label, 9), ("Khai tử", 3)], width=60)
    lines = chart.splitlines()
    assert " ".join(" ".join(lines[1:]).split()).startswith(label)  # every word, in order
    assert any("— CT01 – cư trú" in line for line in lines)  # the form's name on one line
    assert lines[-1].rstrip().endswith("3") and "█" in lines[-1]
    assert "…" not in chart and max(len(x) for x in lines) <= 60


def test_day_columns_axes() -> None:
    stats = stats_of(generate(START), START, END)
    days = per_day_totals(stats, START, END)
    assert len(days) == 30 and days[0] == ("2026-11-01", 0)  # a Sunday: a day without any still counts
    top = max(n for _, n in days)
    lines = day_columns(days, 76)
    assert lines[0].lstrip().startswith(f"{top} │")  # the value axis: the largest figure at the top
    assert lines[4].lstrip().startswith("0 └")
    assert lines[5].split() == ["01/11", "30/11"]  # the first and last day under the day axis
    assert lines[5].rstrip().endswith("30/11") and len(lines[5].rstrip()) == len(lines[4])
    assert "Mỗi cột là một ngày" in lines[6] and f"{top} tờ khai" in lines[6]
    assert max(len(x) for x in lines[:6]) <= 76
    long = per_day_totals(stats, date(2026, 1, 1), END)  # 334 days in 76 cells: several per column
    assert "Mỗi cột là 5 ngày" in day_columns(long, 76)[-1]
    assert day_columns([], 76) == ["Chưa có số liệu."]
