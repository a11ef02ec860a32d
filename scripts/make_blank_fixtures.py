"""Make the blank-form fixtures of ``formfill template import`` (tests/fixtures/blanks/).

The importer must work on blanks an office really holds, so the fixtures come from producers other
than formfill's own reportlab: the same form text is written once below, then

* as an OpenDocument text (flat XML, ``.fodt``) converted by LibreOffice: dotted tab leaders
  (text glyphs ".") for the blanks, "□" glyphs for tick and digit boxes, a bordered table;
* as an HTML page printed by headless Chromium: dotted or solid CSS underlines (drawn lines, no
  text) for the blanks, bordered squares for tick boxes and the 12-box ID grid, a bordered table;
* one page of the LibreOffice khai-sinh rasterised (pdftoppm -> PNG -> a PDF with no text layer).

Needs, on the machine that makes them (not CI, which uses the committed PDFs): LibreOffice
(``soffice``, e.g. Debian ``libreoffice-writer-nogui``), ``chromium``, ``pdftoppm`` (poppler-utils),
the Liberation fonts (Times New Roman metric-compatible), and Pillow (a reportlab dependency).
Run: ``python scripts/make_blank_fixtures.py``.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "blanks"
TEXT_WIDTH_MM = 165.0  # A4 less 30 mm left and 15 mm right margins (NĐ 30/2020)


@dataclass(frozen=True)
class Pair:
    """A label and what follows it on the line: a blank to fill, a tick box, ID boxes or nothing."""

    label: str
    kind: str = "blank"  # blank | check | digits | text
    share: float = 0.0  # fraction of the line the pair takes (0: the rest of the line)


@dataclass(frozen=True)
class Line:
    pairs: tuple[Pair, ...]
    bold: bool = False
    center: bool = False


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    widths: tuple[float, ...]  # mm
    rows: int


@dataclass(frozen=True)
class Signatures:
    """Side-by-side columns: a title and then lines of pairs (ct01's four opinion columns)."""

    columns: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass
class Blank:
    name: str
    items: list[Line | Table | Signatures] = field(default_factory=list)


def line(*pairs: Pair | str, bold: bool = False, center: bool = False) -> Line:
    return Line(tuple(Pair(p, "text") if isinstance(p, str) else p for p in pairs), bold, center)


def heading(text: str) -> Line:
    return line(text, bold=True, center=True)


def _khai_sinh(drift: bool) -> Blank:
    """TT 04/2024 khai-sinh; ``drift``: older wording and footnote marks as the ministry's .doc has."""
    name = "Họ, chữ đệm và tên" if drift else "Họ, chữ đệm, tên"
    mark = "⁽²⁾" if drift else "(2)"
    return Blank(
        "khai-sinh",
        [
            heading("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            heading("Độc lập - Tự do - Hạnh phúc"),
            heading("TỜ KHAI ĐĂNG KÝ KHAI SINH"),
            line(Pair("Kính gửi: (1)")),
            line(Pair(f"{name} người yêu cầu:")),
            line(Pair("Ngày, tháng, năm sinh:")),
            line(Pair(f"Nơi cư trú: {mark}")),
            line(Pair("")),
            line(Pair("Giấy tờ tùy thân: (3)")),
            line(Pair("Quan hệ với người được khai sinh:")),
            line("Đề nghị cơ quan đăng ký khai sinh cho người dưới đây:", bold=True),
            line(Pair(f"{name}:")),
            line(Pair("Ngày, tháng, năm sinh:", share=0.52), Pair("ghi bằng chữ:")),
            line(Pair("")),
            line(Pair("Giới tính:", share=0.3), Pair("Dân tộc:", share=0.34), Pair("Quốc tịch:")),
            line(Pair("Nơi sinh: (4)")),
            line(Pair("")),
            line(Pair("Quê quán:")),
            line(Pair(f"{name} người mẹ:")),
            line(
                Pair("Năm sinh: (5)", share=0.4),
                Pair(f"Dân tộc: {mark}", share=0.3),
                Pair(f"Quốc tịch: {mark}"),
            ),
            line(Pair(f"Nơi cư trú: {mark}")),
            line(Pair("Giấy tờ tùy thân: (3)")),
            line(Pair(f"{name} người cha:")),
            line(
                Pair("Năm sinh: (5)", share=0.4),
                Pair(f"Dân tộc: {mark}", share=0.3),
                Pair(f"Quốc tịch: {mark}"),
            ),
            line(Pair(f"Nơi cư trú: {mark}")),
            line(Pair("Giấy tờ tùy thân: (3)")),
            line("Thông tin về Giấy chứng nhận kết hôn của cha, mẹ trẻ (nếu đã đăng ký kết hôn):"),
            line(Pair("Số:", share=0.3), Pair("Quyển số:", share=0.3), Pair("đăng ký ngày")),
            line(Pair("tại")),
            line("Tôi cam đoan nội dung đề nghị đăng ký khai sinh trên đây là đúng sự thật."),
            line(
                Pair("Làm tại:", share=0.45),
                Pair(", ngày", share=0.18),
                Pair("tháng", share=0.17),
                Pair("năm"),
            ),
            line(Pair("Đề nghị cấp bản sao: (6) Có", "check", 0.3), Pair("Không", "check", 0.2)),
            line(Pair("Số lượng:", share=0.3), "bản"),
            line("Người yêu cầu", center=True, bold=True),
            line("(Ký, ghi rõ họ, chữ đệm, tên)", center=True),
        ],
    )


def _ct01(drift: bool) -> Blank:
    members = ("TT", "Họ, chữ đệm và tên", "Ngày, tháng, năm sinh", "Giới tính", "Số định danh cá nhân")
    return Blank(
        "ct01",
        [
            heading("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            heading("Độc lập - Tự do - Hạnh phúc"),
            heading("TỜ KHAI THAY ĐỔI THÔNG TIN CƯ TRÚ"),
            line(Pair("Kính gửi (1):")),
            line(Pair("1. Họ, chữ đệm và tên:" if not drift else "1. Họ và tên:")),
            line(Pair("2. Ngày, tháng, năm sinh:", share=0.6), Pair("3. Giới tính:")),
            line(Pair("4. Số định danh cá nhân:", "digits")),
            line(Pair("5. Số điện thoại liên hệ:", share=0.55), Pair("6. Email:")),
            line(Pair("7. Họ, chữ đệm và tên chủ hộ:")),
            line(Pair("8. Mối quan hệ với chủ hộ:")),
            line(Pair("9. Số định danh cá nhân của chủ hộ:", "digits")),
            line(Pair("10. Nội dung đề nghị (2):")),
            line(Pair("")),
            line("11. Những thành viên trong hộ gia đình cùng thay đổi:"),
            Table((*members, "Mối quan hệ với chủ hộ"), (9, 52, 26, 17, 33, 28), 4),
            line(
                Pair("Làm tại:", share=0.45),
                Pair(", ngày", share=0.18),
                Pair("tháng", share=0.17),
                Pair("năm"),
            ),
            Signatures(
                (
                    ("Ý KIẾN CỦA CHỦ HỘ (3)", ()),
                    ("Ý KIẾN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP (4)", ("Họ và tên:", "Số định danh:")),
                    ("Ý KIẾN CỦA CHA, MẸ HOẶC NGƯỜI GIÁM HỘ (5)", ("Họ và tên:", "Số định danh:")),
                    ("NGƯỜI KÊ KHAI (6)", ()),
                )
            ),
        ],
    )


# --- OpenDocument (LibreOffice) --------------------------------------------------------------
_FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph">
<style:paragraph-properties fo:margin-top="0mm" fo:margin-bottom="1.6mm"/>
<style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="vi"/>
</style:default-style></office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm"
 fo:margin-top="15mm" fo:margin-bottom="10mm" fo:margin-left="30mm" fo:margin-right="15mm"/></style:page-layout>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Box" style:family="text"><style:text-properties fo:font-size="15pt"/></style:style>
<style:style style:name="C" style:family="paragraph"><style:paragraph-properties fo:text-align="center"
 fo:margin-bottom="1mm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"
 fo:padding="0.5mm"/></style:style>
<style:style style:name="Free" style:family="table-cell"><style:table-cell-properties fo:border="none"
 fo:padding="0.5mm"/></style:style>
<style:style style:name="Row" style:family="table-row"><style:table-row-properties style:min-row-height="7mm"/></style:style>
<style:style style:name="Small" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/>
<style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="SmallL" style:family="paragraph"><style:paragraph-properties>
<style:tab-stops><style:tab-stop style:position="38mm" style:type="right" style:leader-style="dotted"
 style:leader-text="."/></style:tab-stops></style:paragraph-properties>
<style:text-properties fo:font-size="9pt"/></style:style>
{styles}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm"/></office:master-styles>
<office:body><office:text>
"""


def _fodt(blank: Blank) -> str:
    styles: dict[tuple[float, ...], str] = {}
    body: list[str] = []
    for item in blank.items:
        if isinstance(item, Line):
            body.append(_fodt_line(item, styles))
        elif isinstance(item, Table):
            body.append(_fodt_table(item))
        else:
            body.append(_fodt_signatures(item))
    defs = []
    for stops, name in styles.items():
        tabs = "".join(
            f'<style:tab-stop style:position="{pos:.1f}mm" style:type="right" style:leader-style="dotted" '
            'style:leader-text="."/>'
            for pos in stops
        )
        defs.append(
            f'<style:style style:name="{name}" style:family="paragraph"><style:paragraph-properties>'
            f"<style:tab-stops>{tabs}</style:tab-stops></style:paragraph-properties></style:style>"
        )
    head = _FODT_HEAD.replace("{styles}", "\n".join(defs))
    return head + "\n".join(body) + "\n</office:text></office:body></office:document>\n"


def _fodt_line(item: Line, styles: dict[tuple[float, ...], str]) -> str:
    stops: list[float] = []
    parts: list[str] = []
    at = 0.0
    for pair in item.pairs:
        label = html.escape(pair.label)
        if pair.kind == "text":
            parts.append(f"{label} ")
            continue
        if pair.kind == "check":
            parts.append(f'{label} <text:span text:style-name="Box">□</text:span>')
            parts.append("<text:s/>" * 4)
            continue
        if pair.kind == "digits":
            parts.append(f'{label} <text:span text:style-name="Box">{"□" * 12}</text:span>')
            continue
        at = at + pair.share * TEXT_WIDTH_MM if pair.share else TEXT_WIDTH_MM - 0.5
        stops.append(at)
        parts.append(f"{label}<text:tab/>" + (" " if pair.share else ""))
    text = "".join(parts)
    if item.bold:
        text = f'<text:span text:style-name="B">{text}</text:span>'
    if item.center:
        return f'<text:p text:style-name="C">{text}</text:p>'
    if not stops:
        return f"<text:p>{text}</text:p>"
    name = styles.setdefault(tuple(stops), f"T{len(styles)}")
    return f'<text:p text:style-name="{name}">{text}</text:p>'


def _fodt_table(item: Table) -> str:
    cols = "<table:table-column/>" * len(item.widths)  # equal widths: the browser copy has the real ones

    def row(cells: list[str]) -> str:
        inner = "".join(
            f'<table:table-cell table:style-name="Cell"><text:p text:style-name="Small">{html.escape(c)}</text:p>'
            "</table:table-cell>"
            for c in cells
        )
        return f'<table:table-row table:style-name="Row">{inner}</table:table-row>'

    rows = [row(list(item.headers))] + [row([""] * len(item.headers)) for _ in range(item.rows)]
    return f'<table:table table:name="T">{cols}{"".join(rows)}</table:table><text:p/>'


def _fodt_signatures(item: Signatures) -> str:
    cells = []
    for title, lines in item.columns:
        paras = [
            f'<text:p text:style-name="Small"><text:span text:style-name="B">{html.escape(title)}</text:span></text:p>'
        ]
        paras.append('<text:p text:style-name="Small">(Ký, ghi rõ họ tên)</text:p>')
        paras += ["<text:p/>"] * 3
        paras += [f'<text:p text:style-name="SmallL">{html.escape(t)}<text:tab/></text:p>' for t in lines]
        cells.append(f'<table:table-cell table:style-name="Free">{"".join(paras)}</table:table-cell>')
    cols = "<table:table-column/>" * len(item.columns)
    return (
        f'<table:table table:name="S">{cols}<table:table-row>{"".join(cells)}</table:table-row></table:table>'
    )


# --- HTML (Chromium) ---------------------------------------------------------------------------
_CSS = """
@page { size: A4; margin: 15mm 15mm 10mm 30mm; }
body { font-family: 'Liberation Serif', serif; font-size: 12pt; margin: 0; }
.l { display: flex; align-items: baseline; margin: 0 0 1.9mm 0; white-space: nowrap; }
.c { text-align: center; margin: 0 0 1.5mm 0; }
.b { font-weight: bold; }
.p { display: flex; align-items: baseline; }
.u { flex: 1; border-bottom: 0.8pt dotted #000; margin: 0 1.5mm; min-width: 8mm; }
.s { flex: 1; border-bottom: 0.5pt solid #000; margin: 0 1.5mm; min-width: 8mm; }
.x { display: inline-block; width: 3.5mm; height: 3.5mm; border: 0.6pt solid #000; margin: 0 6mm 0 1.5mm; }
.d { display: inline-block; width: 5mm; height: 5mm; border: 0.6pt solid #000; border-right: none; }
.d:last-child { border-right: 0.6pt solid #000; }
.ds { display: inline-flex; margin-left: 1.5mm; }
table.t { border-collapse: collapse; margin: 1mm 0 2mm 0; font-size: 9pt; }
table.t td { border: 0.6pt solid #000; height: 7mm; text-align: center; padding: 0 0.5mm; }
table.sg { width: 100%; font-size: 9pt; text-align: center; }
table.sg td { vertical-align: top; width: 25%; }
"""


def _html(blank: Blank) -> str:
    body: list[str] = []
    for item in blank.items:
        if isinstance(item, Line):
            body.append(_html_line(item))
        elif isinstance(item, Table):
            head = "".join(
                f"<td style='width:{w}mm'>{html.escape(h)}</td>"
                for h, w in zip(item.headers, item.widths, strict=True)
            )
            empty = "".join("<td></td>" for _ in item.headers)
            rows = f"<tr>{head}</tr>" + f"<tr>{empty}</tr>" * item.rows
            body.append(f"<table class='t'>{rows}</table>")
        else:
            cols = []
            for title, lines in item.columns:
                inner = "".join(
                    f"<div class='p'>{html.escape(t)}<span class='u'></span></div>" for t in lines
                )
                cols.append(f"<td><b>{html.escape(title)}</b><br>(Ký, ghi rõ họ tên)<br><br><br>{inner}</td>")
            body.append(f"<table class='sg'><tr>{''.join(cols)}</tr></table>")
    return (
        f"<!doctype html><html lang='vi'><head><meta charset='utf-8'><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>"
    )


def _html_line(item: Line) -> str:
    if item.center:
        text = " ".join(html.escape(p.label) for p in item.pairs)
        return f"<div class='c{' b' if item.bold else ''}'>{text}</div>"
    parts = []
    for k, pair in enumerate(item.pairs):
        label = html.escape(pair.label) or "&nbsp;"  # an empty line keeps a line's height
        style = f"style='width:{pair.share * 100:.1f}%'" if pair.share else "style='flex:1'"
        if pair.kind == "text":
            parts.append(f"<span>{label}</span>")
        elif pair.kind == "check":
            parts.append(f"<span>{label}</span><span class='x'></span>")
        elif pair.kind == "digits":
            boxes = "".join("<span class='d'></span>" for _ in range(12))
            parts.append(f"<span>{label}</span><span class='ds'>{boxes}</span>")
        else:
            rule = "s" if k % 2 else "u"  # solid and dotted underlines, both drawn as lines
            parts.append(f"<span class='p' {style}><span>{label}</span><span class='{rule}'></span></span>")
    return f"<div class='l{' b' if item.bold else ''}'>{''.join(parts)}</div>"


# --- making the PDFs ---------------------------------------------------------------------------
def _run(cmd: list[str]) -> None:
    subprocess.run(cmd, check=True, capture_output=True, timeout=180)


def _office(blank: Blank, tmp: Path) -> Path:
    src = tmp / f"{blank.name}-office.fodt"
    src.write_text(_fodt(blank), encoding="utf-8")
    _run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp), str(src)])
    return src.with_suffix(".pdf")


def _browser(blank: Blank, tmp: Path) -> Path:
    src = tmp / f"{blank.name}-browser.html"
    src.write_text(_html(blank), encoding="utf-8")
    out = src.with_suffix(".pdf")
    _run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            src.as_uri(),
        ]
    )
    return out


def _scan(pdf: Path, out: Path) -> None:
    """First page as a 100 dpi greyscale image inside a PDF: what a scanner gives (no text layer)."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as tmp:
        _run(["pdftoppm", "-gray", "-png", "-r", "100", "-f", "1", "-l", "1", str(pdf), f"{tmp}/p"])
        (png,) = Path(tmp).glob("p*.png")
        Image.open(png).save(out, "PDF", resolution=100.0)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        for make, drift in ((_khai_sinh, True), (_ct01, False)):
            blank = make(drift)
            shutil.copy(_office(blank, tmp), OUT / f"{blank.name}-office.pdf")
        for make, drift in ((_khai_sinh, False), (_ct01, True)):
            blank = make(drift)
            shutil.copy(_browser(blank, tmp), OUT / f"{blank.name}-browser.pdf")
        _scan(OUT / "khai-sinh-office.pdf", OUT / "khai-sinh-scan.pdf")
    for pdf in sorted(OUT.glob("*.pdf")):
        print(f"{pdf.name}: {pdf.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
