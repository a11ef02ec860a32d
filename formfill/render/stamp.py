"""A record's PDF assembled from parts made once per layout: the fast path of ``render_pdf``.

Everything that is the same for every record of a layout is made once per process and kept as
finished PDF bytes: each face's font subset (the form's own static characters plus the Vietnamese
alphabet, ASCII and common punctuation for the faces values are printed in), its widths and
ToUnicode map, the info dictionary, and each page's static content stream (labels, lines, header,
footnotes), compressed. A record adds only what is its own: one small content stream per page with
its values and marks, the page objects, the cross-reference table. reportlab is used for what it
does well (reading the font, making the subset, number formatting); the objects are written here.

The text a reader extracts is what ``draw_pdf`` gives: same strings, fonts, sizes and positions
(``benchmarks/same_words.py`` compares them). A record holding a character outside a face's
prepared set returns ``None`` and is drawn the general way (``draw_pdf``): rare, and still exact.
"""

from __future__ import annotations

import hashlib
import threading
import zlib
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from formfill.render.compiled import Compiled, TableSlot, TextOp, ValueSlot
from formfill.render.draw import metadata, shapes_code
from formfill.render.fonts import FACES, REGULAR
from formfill.render.plan import Plan

# What a value may print without leaving the prepared subsets: ASCII, the Vietnamese letters
# (precomposed, both cases) and the punctuation people type. 229 + a few: one 256-code subset.
_VIETNAMESE = "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))
VALUE_CHARS = frozenset(chr(c) for c in range(32, 127)) | frozenset(_VIETNAMESE) | frozenset("–—‘’“”…°")

_HEADER = b"%PDF-1.4\n%\x93\x8c\x8b\x9e formfill\n"
_ESC = {40: "\\(", 41: "\\)", 92: "\\\\"}


def _escaped(code: int) -> str:
    if code in _ESC:
        return _ESC[code]
    return chr(code) if 32 <= code < 127 else f"\\{code:03o}"


def _subsets(chars: list[str]) -> list[list[int]]:
    """The code points of each 256-code subset (code -> character): code 0 is .notdef and 32 the
    space in every subset (word spacing applies to code 32 only); ASCII keeps its own codes in the
    first subset, as reportlab does, so the content streams stay readable."""
    out: list[list[int]] = []
    while chars or not out:
        subset = [0] * 256
        subset[32] = 32
        if not out:
            for c in chars:
                if 33 <= ord(c) < 127:
                    subset[ord(c)] = ord(c)
            chars = [c for c in chars if not 33 <= ord(c) < 127]
        free = [i for i in range(1, 256) if not subset[i]]
        for i, c in zip(free, chars, strict=False):
            subset[i] = ord(c)
        chars = chars[len(free) :]
        while len(subset) > 33 and not subset[-1]:
            subset.pop()
        out.append(subset)
    return out


def _pdf_string(text: str) -> bytes:
    """A text string for the info dictionary: UTF-16BE with its byte order mark, in hex."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


@dataclass
class _Face:
    """One face's prepared subsets: character -> (resource name, escaped code)."""

    codes: dict[str, tuple[str, str]]
    resources: list[str]  # resource names, one per subset
    first: frozenset[str] = frozenset()  # the characters of the first subset (and the space)
    table: dict[int, str] | None = None  # ``str.translate`` table of the first subset

    def __post_init__(self) -> None:
        first = {c for c, (res, _code) in self.codes.items() if res == self.resources[0]} | {" "}
        self.first = frozenset(first)
        self.table = {ord(c): self.codes[c][1] if c != " " else " " for c in first}


class _Layout:
    """The parts of one compiled layout's PDFs that every record shares (finished bytes)."""

    def __init__(self, compiled: Compiled) -> None:
        from reportlab.lib.rl_accel import fp_str

        self.fp = fp_str
        self.page_size = f"[0 0 {fp_str(*compiled.page_size)}]".encode()
        self.objects: list[bytes] = []  # object 3 onwards, in order
        self.faces: dict[str, _Face] = {}
        info = metadata(compiled)
        self._add(
            b"<< /Author %s /CreationDate (D:20000101000000+00'00') /Creator %s /Keywords %s "
            b"/ModDate (D:20000101000000+00'00') /Producer (formfill) /Subject %s /Title %s >>"
            % tuple(_pdf_string(info[k]) for k in ("author", "creator", "keywords", "subject", "title"))
        )
        self._fonts(compiled)
        self.static: list[int] = []  # object number of each static page's content stream
        for page in compiled.static:
            texts = self.text_code([o for o in page if isinstance(o, TextOp)])
            code = f"q\n{shapes_code(page)}\n{texts}\nQ"
            self.static.append(self._stream(code.encode("latin-1")))

    def _add(self, body: bytes) -> int:
        self.objects.append(body)
        return len(self.objects) + 2  # objects 1 and 2 (catalog, pages tree) are per record

    def _stream(self, raw: bytes, extra: bytes = b"", level: int = 9) -> int:
        data = zlib.compress(raw, level)
        return self._add(
            b"<< /Filter /FlateDecode /Length %d%s >>\nstream\n%s\nendstream" % (len(data), extra, data)
        )

    def _fonts(self, compiled: Compiled) -> None:
        from reportlab.pdfbase import pdfmetrics

        used: dict[str, set[str]] = defaultdict(set)
        for page in compiled.static:
            for o in page:
                if isinstance(o, TextOp):
                    used[o.font].update(o.text)
        used[REGULAR].update(VALUE_CHARS)  # faces values are printed in get the whole value alphabet
        for slot in compiled.slots:
            cells = [c for row in slot.rows for c in row] if isinstance(slot, TableSlot) else [slot]
            for cell in cells:
                if isinstance(cell, ValueSlot):
                    used[FACES[cell.style]].update(VALUE_CHARS)
        refs: list[bytes] = []
        for name in sorted(used):
            font = pdfmetrics.getFont(name)
            face = font.face
            chars = sorted(c for c in used[name] if ord(c) in face.charToGlyph and c != " ")
            codes: dict[str, tuple[str, str]] = {}
            resources: list[str] = []
            for n, subset in enumerate(_subsets(chars)):
                resource = f"F{len(self.faces) + 1}+{n}"
                resources.append(resource)
                for code, cp in enumerate(subset):
                    if cp and (cp != 32 or code == 32):
                        codes.setdefault(chr(cp), (resource, _escaped(code)))
                refs.append(b"/%s %d 0 R" % (resource.encode(), self._font(font, n, subset)))
            self.faces[name] = _Face(codes, resources)
        self.resources = self._add(b"<< /Font << %s >> /ProcSet [/PDF /Text] >>" % b" ".join(refs))

    def _font(self, font: Any, n: int, subset: list[int]) -> int:
        """One subset's font objects (file, descriptor, ToUnicode, font); returns the font's number."""
        from reportlab.pdfbase.ttfonts import FF_NONSYMBOLIC, FF_SYMBOLIC, SUBSETN, makeToUnicodeCMap

        face = font.face
        base = (SUBSETN(n) + b"+" + face.name + face.subfontNameX).decode("latin-1")
        data = face.makeSubset(subset)
        file_ref = self._stream(data, b" /Length1 %d" % len(data))
        fp = self.fp
        flags = (face.flags & ~FF_NONSYMBOLIC) | FF_SYMBOLIC
        descriptor = self._add(
            (
                f"<< /Type /FontDescriptor /Ascent {fp(face.ascent)} /CapHeight {fp(face.capHeight)} "
                f"/Descent {fp(face.descent)} /Flags {flags} /FontBBox [{fp(*face.bbox)}] /FontName /{base} "
                f"/ItalicAngle {fp(face.italicAngle)} /StemV {fp(face.stemV)} /FontFile2 {file_ref} 0 R "
                f"/MissingWidth {fp(face.defaultWidth)} >>"
            ).encode()
        )
        cmap = self._stream(makeToUnicodeCMap(base, subset).encode("latin-1"))
        widths = " ".join(fp(face.getCharWidth(cp)) for cp in subset)
        return self._add(
            (
                f"<< /Type /Font /Subtype /TrueType /BaseFont /{base} /FirstChar 0 /LastChar {len(subset) - 1} "
                f"/Widths [{widths}] /FontDescriptor {descriptor} 0 R /ToUnicode {cmap} 0 R >>"
            ).encode()
        )

    def covers(self, texts: list[TextOp]) -> bool:
        faces = self.faces
        for o in texts:
            face = faces.get(o.font)
            if face is None or not all(c == " " or c in face.codes for c in o.text):
                return False
        return True

    def text_code(self, texts: list[TextOp]) -> str:
        """BT ... ET for ``texts``: the operators ``draw_pdf`` writes (fonts switched per subset)."""
        if not texts:
            return ""
        fp = self.fp
        out = ["BT"]
        current = ("", "")  # resource, size
        ws = 0.0
        for o in texts:
            face = self.faces[o.font]
            size = fp(o.size)
            if o.word_space != ws:
                out.append(f"{fp(o.word_space)} Tw")
                ws = o.word_space
            out.append(f"1 0 0 1 {fp(o.x, o.y)} Tm")
            if face.first.issuperset(o.text):  # the common case: one subset, one string
                if current != (face.resources[0], size):
                    current = (face.resources[0], size)
                    out.append(f"/{current[0]} {size} Tf")
                out.append(f"({o.text.translate(face.table)}) Tj")
                continue
            run: list[str] = []
            for c in o.text:
                if c == " ":  # every subset has the space at 32: keep the font in use if it is this face's
                    resource = current[0] if current[0] in face.resources else face.resources[0]
                    code = " "
                else:  # a character the font lacks prints as its .notdef (code 0), as reportlab does
                    resource, code = face.codes.get(c) or (face.resources[0], "\\000")
                if (resource, size) != current:
                    if run:
                        out.append(f"({''.join(run)}) Tj")
                        run = []
                    out.append(f"/{resource} {size} Tf")
                    current = (resource, size)
                run.append(code)
            if run:
                out.append(f"({''.join(run)}) Tj")
        if ws:
            out.append("0 Tw")
        out.append("ET")
        return "\n".join(out)

    def pdf(self, plan: Plan) -> bytes:
        pages = plan.pages
        texts: dict[int, list[TextOp]] = defaultdict(list)
        for t in plan.texts:
            texts[t.page].append(t)
        ops: dict[int, list[Any]] = defaultdict(list)
        for o in plan.ops:
            ops[o.page].append(o)
        first = len(self.objects) + 3
        tail: list[bytes] = []
        kids: list[int] = []
        for page in range(pages):
            code = shapes_code(ops[page]) if ops.get(page) else ""
            code = f"{code}\n{self.text_code(texts[page])}" if texts.get(page) else code
            data = zlib.compress(code.encode("latin-1"), 6)
            tail.append(b"<< /Filter /FlateDecode /Length %d >>\nstream\n%s\nendstream" % (len(data), data))
            values = first + len(tail) - 1
            contents = (
                b"[%d 0 R %d 0 R]" % (self.static[page], values)
                if page < len(self.static)
                else b"%d 0 R" % values
            )
            tail.append(
                b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Resources %d 0 R /Contents %s /Rotate 0 >>"
                % (self.page_size, self.resources, contents)
            )
            kids.append(first + len(tail) - 1)
        head = [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), pages),
        ]
        return _assemble(head + self.objects + tail)


def _assemble(objects: list[bytes]) -> bytes:
    """Header, numbered objects, cross-reference table, trailer (the ID is a hash of the content)."""
    parts = [_HEADER]
    offsets = []
    pos = len(_HEADER)
    for n, body in enumerate(objects, start=1):
        chunk = b"%d 0 obj\n%s\nendobj\n" % (n, body)
        offsets.append(pos)
        parts.append(chunk)
        pos += len(chunk)
    body = b"".join(parts)
    digest = hashlib.md5(body, usedforsecurity=False).hexdigest().encode()
    xref = b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return (
        b"%sxref\n0 %d\n0000000000 65535 f \n%strailer\n<< /ID [<%s> <%s>] /Info 3 0 R /Root 1 0 R /Size %d >>\nstartxref\n%d\n%%%%EOF\n"
        % (
            body,
            len(objects) + 1,
            xref,
            digest,
            digest,
            len(objects) + 1,
            pos,
        )
    )


_layouts: dict[int, tuple[Compiled, _Layout]] = {}
_lock = threading.Lock()
_MAX = 300  # layouts kept per process (a batch repeats the same few)


def prepared(compiled: Compiled) -> _Layout:
    """The layout's shared parts, made on first use (a batch worker makes them before its first row)."""
    hit = _layouts.get(id(compiled))
    if hit is None or hit[0] is not compiled:
        with _lock:
            if len(_layouts) >= _MAX:
                _layouts.clear()
            hit = _layouts[id(compiled)] = (compiled, _Layout(compiled))
    return hit[1]


def stamp_pdf(compiled: Compiled, plan: Plan) -> bytes | None:
    """The record's PDF from the layout's prepared parts, or ``None`` when a character is outside them."""
    layout = prepared(compiled)
    if not layout.covers(plan.texts):
        return None
    return layout.pdf(plan)
