"""``formfill template import`` on blanks made by LibreOffice and Chromium (tests/fixtures/blanks/,
made by scripts/make_blank_fixtures.py): coverage, box geometry, filling and reading back, the scan."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pdfplumber
import pytest
from typer.testing import CliRunner

from formfill.catalog import get_form, template_of
from formfill.cli import app
from formfill.importer import NoTextLayer, draft_from_pdf, read_pages
from formfill.importer.reading import BOX_GLYPHS, LEADERS
from formfill.layout.loader import bound_paths, load_template_file
from tests.conftest import EXAMPLES

BLANKS = Path(__file__).resolve().parent.parent / "fixtures" / "blanks"
FIXTURES = ["khai-sinh-office", "khai-sinh-browser", "ct01-office", "ct01-browser"]
runner = CliRunner()


def _form(name: str) -> str:
    return name.rsplit("-", 1)[0]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each fixture imported once through the command (template next to a copy of its blank)."""
    out = {}
    for name in FIXTURES:
        d = tmp_path_factory.mktemp(name)
        shutil.copy(BLANKS / f"{name}.pdf", d / "blank.pdf")
        r = runner.invoke(
            app,
            [
                "template",
                "import",
                str(d / "blank.pdf"),
                "--form",
                _form(name),
                "-o",
                str(d / "t.yaml"),
                "--preview",
                str(d / "preview.pdf"),
            ],
        )
        assert r.exit_code == 0, r.output
        out[name] = d
    return out


@pytest.mark.parametrize("name", FIXTURES)
def test_coverage_of_the_flow_templates_fields(name: str, imported: dict[str, Path]) -> None:
    spec = get_form(_form(name))
    want = bound_paths(template_of(spec))
    drafted = load_template_file(imported[name] / "t.yaml", spec.model, spec.id)
    got = want & bound_paths(drafted)
    rate = len(got) / len(want)
    print(f"{name}: {len(got)}/{len(want)} = {rate:.0%}")
    assert rate >= 0.9, sorted(want - got)
    assert (imported[name] / "preview.pdf").stat().st_size > 1000


@pytest.mark.parametrize("name", FIXTURES)
def test_boxes_sit_on_their_labels_baseline_clear_of_print(name: str) -> None:
    spec = get_form(_form(name))
    draft = draft_from_pdf(BLANKS / f"{name}.pdf", spec, template_of(spec))
    page = draft.pages[0]
    for p in draft.placed:
        if p.slot is None:
            continue
        seg, s = p.slot.seg, p.slot
        assert 0 <= seg.x0 < seg.x1 <= page.width and 0 < s.baseline < page.height
        label_line = [
            ln
            for ln in page.lines
            if ln.baseline <= s.baseline + 0.5 and any(x.text == s.label for x in ln.segs)
        ][-1:]
        assert label_line, s.label
        same = label_line[0].baseline == s.baseline
        label = next(x for x in label_line[0].segs if x.text == s.label)
        if same:  # right of its label
            assert seg.x0 >= label.x1 - 1.5, s.label
        else:  # the line below a label that ends its line
            assert 0 < s.baseline - label_line[0].baseline < 2 * s.pitch
        for x0, top, x1, bottom in page.printed:  # no printed glyph inside the box
            inside = (
                x0 > seg.x0 + 1
                and x1 < seg.x1 - 1
                and top > s.baseline - s.size * 0.7
                and bottom < s.baseline + 1
            )
            assert not inside, (s.label, x0, top)


def _values(path: Path) -> list[tuple[str, float, float, float]]:
    """Words of the filled PDF that are not the blank's leaders: (text, x0, x1, baseline from top)."""
    out = []
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        chars = [c for c in page.chars if c["text"] not in LEADERS and c["text"] not in BOX_GLYPHS]
        for w in (
            page.within_bbox((0, 0, page.width, page.height)).filter(lambda o: o in chars).extract_words()
        ):
            out.append((w["text"], w["x0"], w["x1"], w["bottom"]))
    return out


@pytest.mark.parametrize("name", FIXTURES)
def test_filled_values_read_back_right_of_their_label(name: str, imported: dict[str, Path]) -> None:
    d, form = imported[name], _form(name)
    data = EXAMPLES / form / "valid-1.json"
    r = runner.invoke(
        app, ["fill", form, str(data), "--template", str(d / "t.yaml"), "-o", str(d / "filled.pdf")]
    )
    assert r.exit_code == 0, r.output
    spec = get_form(form)
    draft = draft_from_pdf(BLANKS / f"{name}.pdf", spec, template_of(spec))
    record = json.loads(data.read_text(encoding="utf-8"))
    words = _values(d / "filled.pdf")
    checked = 0
    for p in draft.placed:
        if (
            p.slot is None
            or p.slot.seg.kind != "blank"
            or p.cand.binding is None
            or p.cand.binding.format != "text"
        ):
            continue
        value = _lookup(record, p.cand.path)
        if not isinstance(value, str) or p.cand.binding.prefix:
            continue
        first = value.split()[0].split(".")[0]  # the blank's "." leaders are dropped from the read-back
        hits = [
            w
            for w in words
            if w[0].startswith(first)
            and p.slot.seg.x0 - 1 <= w[1] < p.slot.seg.x1
            and abs(w[3] - p.slot.baseline) < 4.5
        ]
        assert hits, (p.cand.path, first)
        checked += 1
    assert checked >= 8


def _lookup(record: dict, path: str) -> object:
    cur: object = record
    for part in path.split("."):
        cur = cur.get(part) if isinstance(cur, dict) else None
    return cur


@pytest.mark.parametrize("name", ["khai-sinh-browser", "ct01-browser"])
def test_batch_and_check_with_the_imported_template(
    name: str, imported: dict[str, Path], tmp_path: Path
) -> None:
    d, form = imported[name], _form(name)
    roster = EXAMPLES / "rosters" / f"{form}.csv"
    r = runner.invoke(
        app,
        ["batch", form, str(roster), "-o", str(tmp_path / "out"), "--template", str(d / "t.yaml"), "-j", "1"],
    )
    assert r.exit_code == 0, r.output
    pdfs = sorted((tmp_path / "out").rglob("*.pdf"))
    assert pdfs
    with pdfplumber.open(pdfs[0]) as pdf:
        text = pdf.pages[0].extract_text()
    assert "TỜ KHAI" in text  # the blank merged underneath the values


def test_values_only_check_passes(imported: dict[str, Path]) -> None:
    d = imported["ct01-browser"]
    data = EXAMPLES / "ct01" / "valid-1.json"
    out = d / "values.pdf"
    args = ["--template", str(d / "t.yaml"), "--values-only"]
    assert runner.invoke(app, ["fill", "ct01", str(data), "-o", str(out), *args]).exit_code == 0
    with pdfplumber.open(out) as pdf:
        assert "TỜ KHAI" not in (pdf.pages[0].extract_text() or "")
    r = runner.invoke(app, ["check", str(out), "ct01", str(data), *args])
    assert r.exit_code == 0, r.output


def test_a_template_of_another_form_is_refused(imported: dict[str, Path], tmp_path: Path) -> None:
    data = EXAMPLES / "khai-sinh" / "valid-1.json"
    r = runner.invoke(
        app,
        [
            "fill",
            "khai-sinh",
            str(data),
            "--template",
            str(imported["ct01-office"] / "t.yaml"),
            "-o",
            str(tmp_path / "x.pdf"),
        ],
    )
    assert r.exit_code == 2
    assert "không phải 'khai-sinh'" in r.output
    assert not (tmp_path / "x.pdf").exists()


def test_a_scan_gives_the_clear_message_and_exit_2(tmp_path: Path) -> None:
    with pytest.raises(NoTextLayer):
        read_pages(BLANKS / "khai-sinh-scan.pdf")
    out = tmp_path / "t.yaml"
    r = runner.invoke(
        app, ["template", "import", str(BLANKS / "khai-sinh-scan.pdf"), "--form", "khai-sinh", "-o", str(out)]
    )
    assert r.exit_code == 2
    assert "không có lớp chữ" in r.output and "formfill calibrate" in r.output
    assert not out.exists()


def test_members_become_a_rows_element_with_a_continuation_sheet(
    imported: dict[str, Path], tmp_path: Path
) -> None:
    from formfill.layout import model as m

    d = imported["ct01-office"]
    spec = get_form("ct01")
    t = load_template_file(d / "t.yaml", spec.model, "ct01")
    (rows,) = [b for b in t.boxes if isinstance(b, m.RowsBox)]
    assert rows.rows == "thanh_vien" and rows.count == 4 and 15 < rows.pitch < 25
    record = json.loads((EXAMPLES / "ct01" / "valid-1.json").read_text(encoding="utf-8"))
    member = record["thanh_vien"][0]
    record["thanh_vien"] = [
        {
            **member,
            "ho_ten": f"Nguyễn Văn An {chr(65 + i)}",
            "ngay_sinh": "01/02/2003",
            "gioi_tinh": "Nam",
            "so_dinh_danh_ca_nhan": f"0872030{i:05d}",
        }
        for i in range(6)
    ]
    (tmp_path / "six.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "six.pdf"
    r = runner.invoke(
        app, ["fill", "ct01", str(tmp_path / "six.json"), "--template", str(d / "t.yaml"), "-o", str(out)]
    )
    assert r.exit_code == 0, r.output
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == 2
        assert "Phụ lục" in (pdf.pages[0].extract_text() or "")


@pytest.mark.parametrize("name", FIXTURES)
def test_check_passes_on_a_complete_print_over_the_blank(name: str, imported: dict[str, Path]) -> None:
    # The office's blank stays underneath, its dotted leaders (text dots in a LibreOffice export) running
    # through every value's box: `check` reads only what formfill drew.
    d, form = imported[name], _form(name)
    data = EXAMPLES / form / "valid-1.json"
    out = d / "complete.pdf"
    args = ["--template", str(d / "t.yaml")]
    assert runner.invoke(app, ["fill", form, str(data), "-o", str(out), *args]).exit_code == 0
    r = runner.invoke(app, ["check", str(out), form, str(data), *args])
    assert r.exit_code == 0, r.output
