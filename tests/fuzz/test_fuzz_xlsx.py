"""Fuzz target: .xlsx rosters built part by part: row numbers and cell references of every shape
(missing, out of order, non-ASCII digits, past XFD), every cell type with odd values (shared-string
indexes out of range, NaN, huge serials, formulas without a cached value), shared strings, styles with
date formats, the 1904 epoch, broken relationships, and bytes flipped in the zip itself.

Property: opening and reading every row ends normally or with a ``FormfillError``. Settings and the
``FUZZ_EXAMPLES`` / ``FUZZ_SEED`` variables for longer runs by hand: :mod:`tests.fuzz.support`.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.support import fuzz_settings, read_roster
from tests.fuzz.test_fuzz_delimited import HEADERS, SAMPLES
from tests.fuzz.xlsx_build import MAIN, letter, package, text_row, xlsx_bytes

NUMBERS = ["0", "1", "-1", "60", "61", "2", "45000", "45000.5", "87195012345", "1e999", "NaN", "-0", "9" * 30]
text = st.one_of(st.sampled_from(SAMPLES + NUMBERS), st.text(max_size=12))
attr = st.one_of(
    st.none(), st.sampled_from(["1", "²", "-1", "0", "١", "", "  3", "99999999", "1048577"]), text
)


@st.composite
def cell_xml(draw: st.DrawFn, row: int) -> str:
    col = draw(st.integers(0, 20))
    ref = draw(
        st.one_of(
            st.just(f"{letter(col)}{row}"),
            st.none(),
            st.sampled_from(["XFD1", "XFE1", "ZZZZZZZZZZZZ1", "A", "1A", "a1", "A²", "$A$1", ""]),
            text,
        )
    )
    kind = draw(st.sampled_from(["n", "s", "str", "inlineStr", "b", "e", "d", "x", None]))
    style = draw(st.one_of(st.none(), st.sampled_from(["0", "1", "2", "-1", "x", "99"])))
    attrs = "" if ref is None else f" r={quoteattr(ref)}"
    attrs += "" if kind is None else f' t="{kind}"'
    attrs += "" if style is None else f' s="{style}"'
    value = escape(draw(text))
    body = draw(
        st.sampled_from(
            [
                f"<v>{value}</v>",
                f"<is><t>{value}</t></is>",
                f"<is><r><t>{value}</t></r><rPh><t>x</t></rPh></is>",
                f"<f>SUM(A1)</f><v>{value}</v>",
                "<f>NOW()</f>",
                "<f>A1</f><v></v>",
                "",
                "<v/>",
            ]
        )
    )
    return f"<c{attrs}>{body}</c>"


@st.composite
def sheet_xml(draw: st.DrawFn) -> bytes:
    rows = []
    if draw(st.booleans()):
        rows.append(text_row(1, HEADERS[:8]))
    for number in range(2, 2 + draw(st.integers(0, 4))):
        r = draw(st.one_of(st.just(str(number)), attr))
        cells = "".join(draw(st.lists(cell_xml(number), max_size=6)))
        rows.append(f"<row{'' if r is None else ' r=' + quoteattr(r)}>{cells}</row>")
    body = "".join(rows)
    if draw(st.integers(0, 9)) == 0:  # broken XML now and then
        body = body[: draw(st.integers(0, len(body)))]
    return f'<worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData></worksheet>'.encode()


@st.composite
def parts(draw: st.DrawFn) -> dict[str, bytes]:
    strings = draw(st.lists(text, max_size=5))
    shared = f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>{escape(s)}</t></si>" for s in strings) + "</sst>"
    extra: dict[str, bytes] = {}
    if draw(st.booleans()):
        fmt = draw(st.sampled_from(["dd/mm/yyyy", "General", '"d"0', "[Red]0", "0.00", "mmm-yy", "x"]))
        ids = draw(st.lists(st.sampled_from(["0", "14", "164", "22", "-5", "x", ""]), max_size=4))
        xfs = "".join(f'<xf numFmtId="{i}"/>' for i in ids)
        extra["xl/styles.xml"] = (
            f'<styleSheet xmlns="{MAIN}"><numFmts><numFmt numFmtId="164" formatCode={quoteattr(fmt)}/>'
            f"</numFmts><cellXfs>{xfs}</cellXfs></styleSheet>"
        ).encode()
    if draw(st.booleans()):
        epoch = draw(st.sampled_from(["1", "true", "0", "x"]))
        extra["xl/workbook.xml"] = (
            f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships"><workbookPr date1904="{epoch}"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/>'
            "</sheets></workbook>"
        ).encode()
    if draw(st.integers(0, 5)) == 0:
        target = draw(st.sampled_from(["/xl/worksheets/sheet1.xml", "../../etc/passwd", "sheet9.xml", ""]))
        extra["xl/_rels/workbook.xml.rels"] = (
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Target="{target}"/></Relationships>'
        ).encode()
    return package(draw(sheet_xml()), shared.encode() if draw(st.booleans()) else None, extra)


@fuzz_settings(150)
@given(pieces=parts(), flips=st.lists(st.tuples(st.integers(0, 1 << 16), st.integers(0, 255)), max_size=2))
def test_xlsx_rosters_fail_only_with_formfill_errors(tmp_path_factory, pieces, flips):
    data = bytearray(xlsx_bytes(pieces))
    for at, byte in flips:  # a damaged zip: local headers, compressed data, the central directory
        data[at % len(data)] = byte
    path = tmp_path_factory.mktemp("xlsx") / "r.xlsx"
    path.write_bytes(bytes(data))
    read_roster(path)
