"""The bounds on a PDF read back by ``check`` (formfill.render.pdf_limits): measured without inflating
past them, whatever the filters; real forms pass; loops and unknown filters are refused, not followed."""

from __future__ import annotations

import base64
import binascii
import io
import zlib
from collections.abc import Callable

import pikepdf
import pytest

from formfill.forms import get_form
from formfill.render import render_pdf
from formfill.render.pdf_limits import (
    MAX_PAGE_DRAWN,
    MAX_TOTAL_DRAWN,
    PdfNotScannable,
    PdfTooLarge,
    bounded_copy,
)
from formfill.render.verify import UnreadablePDF, read_pdf

from .conftest import load_example


def _pdf(contents: list[bytes | Callable[[pikepdf.Pdf], pikepdf.Stream]], **xobjects: bytes) -> bytes:
    """One page per content (raw bytes, or a stream built on the same Pdf by the caller)."""
    pdf = pikepdf.new()
    forms = {}
    for name, raw in xobjects.items():
        x = pdf.make_stream(raw)
        x.Type, x.Subtype, x.BBox = pikepdf.Name.XObject, pikepdf.Name.Form, [0, 0, 10, 10]
        forms[name] = x
    for x in forms.values():  # each form may paint any other (loops included)
        x.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary({f"/{k}": v for k, v in forms.items()}))
    for content in contents:
        pdf.add_blank_page()
        page = pdf.pages[-1].obj
        page.Resources = pikepdf.Dictionary(
            XObject=pikepdf.Dictionary({f"/{k}": v for k, v in forms.items()})
        )
        page.Contents = pdf.make_stream(content) if isinstance(content, bytes) else content(pdf)
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _encoded(raw: bytes, *filters: str) -> Callable[[pikepdf.Pdf], pikepdf.Stream]:
    """A stream whose data is ``raw`` encoded by ``filters`` (the first listed is undone first)."""

    def make(pdf: pikepdf.Pdf) -> pikepdf.Stream:
        data = raw
        for name in reversed(filters):
            if name == "/FlateDecode":
                data = zlib.compress(data)
            elif name == "/ASCIIHexDecode":
                data = binascii.hexlify(data) + b">"
            elif name == "/ASCII85Decode":
                data = base64.a85encode(data) + b"~>"
        stream = pikepdf.Stream(pdf, data)
        stream.Filter = pikepdf.Array([pikepdf.Name(n) for n in filters])
        return stream

    return make


@pytest.mark.parametrize("form_id", ["khai-sinh", "ct01"])
def test_a_real_form_passes_and_reads_back_the_same(form_id: str) -> None:
    spec = get_form(form_id)
    data = render_pdf(spec, spec.validate(load_example(form_id)))
    copy = bounded_copy(data)
    with pikepdf.open(io.BytesIO(copy)) as pdf:
        assert len(pdf.pages) >= 1
    assert "".join(c["text"] for c in read_pdf(data)[0].chars)  # the text is there


@pytest.mark.parametrize(
    "filters", [("/FlateDecode",), ("/ASCIIHexDecode", "/FlateDecode"), ("/ASCII85Decode", "/FlateDecode")]
)
def test_encoded_content_is_measured_decoded(filters: tuple[str, ...]) -> None:
    text = b"BT /F1 9 Tf 10 10 Td (x) Tj ET\n"
    small = text * 100
    assert bounded_copy(_pdf([_encoded(small, *filters)]))
    big = text * (MAX_PAGE_DRAWN // len(text) + 1)  # over the page bound once decoded, small encoded
    with pytest.raises(PdfTooLarge, match="quá lớn"):
        bounded_copy(_pdf([_encoded(big, *filters)]))


def test_the_whole_file_has_a_bound_too() -> None:
    page = b"q Q\n" * (MAX_PAGE_DRAWN // 4 - 10)  # just under one page's bound
    pages = MAX_TOTAL_DRAWN // len(page) + 1
    assert bounded_copy(_pdf([page] * (pages - 1)))
    with pytest.raises(PdfTooLarge, match="cả tệp"):
        bounded_copy(_pdf([page] * pages))


def test_an_xobject_counts_each_time_it_is_painted() -> None:
    form = b"q Q\n" * 1000  # 4 KB
    once = b"/X Do\n"
    assert bounded_copy(_pdf([once], X=form))
    with pytest.raises(PdfTooLarge):
        bounded_copy(_pdf([once * (MAX_PAGE_DRAWN // len(form) + 1)], X=form))


def test_an_xobject_painting_itself_is_refused() -> None:
    with pytest.raises(PdfNotScannable, match="lồng nhau"):
        bounded_copy(_pdf([b"/X Do"], X=b"/Y Do", Y=b"/X Do"))


def test_an_image_filter_in_a_content_stream_is_refused() -> None:
    def dct(pdf: pikepdf.Pdf) -> pikepdf.Stream:
        stream = pikepdf.Stream(pdf, b"\xff\xd8\xff")
        stream.Filter = pikepdf.Name.DCTDecode
        return stream

    with pytest.raises(PdfNotScannable, match="DCTDecode"):
        bounded_copy(_pdf([dct]))


def test_read_pdf_reports_a_bound_as_unreadable_in_vietnamese() -> None:
    bomb = _pdf([_encoded(b"(A) Tj\n" * 200_000, "/FlateDecode")])
    assert len(bomb) < 10_000
    with pytest.raises(UnreadablePDF, match="tệp quá lớn để kiểm tra"):
        read_pdf(bomb)
    # a broken file says so in Vietnamese, without qpdf's English reason or a stream address
    with pytest.raises(UnreadablePDF) as broken:
        read_pdf(b"%PDF-1.4 garbage")
    assert str(broken.value) == "tệp không phải PDF hoặc đã hỏng."
    assert "trailer" not in str(broken.value) and "0x" not in str(broken.value)
