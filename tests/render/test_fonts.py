"""The embedded font: regular, italic and a cached static bold with its own PostScript name."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from formfill.render import fonts


def test_three_faces_cover_vietnamese() -> None:
    faces = fonts.ensure_fonts()
    letters = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    for face in faces.values():
        for ch in letters + letters.upper():
            assert ord(ch) in face.codepoints, (face.name, ch)
    assert ord("☐") not in faces["regular"].codepoints  # hence check boxes are drawn as shapes


def test_bold_is_a_real_static_instance_with_its_own_name() -> None:
    from fontTools.ttLib import TTFont

    path = fonts.bold_font_path()
    font = TTFont(path)
    assert font["name"].getDebugName(6) == "NotoSerif-Bold"
    assert "fvar" not in font and font["OS/2"].usWeightClass == 700
    assert path.parent.parent == fonts.cache_dir()


def _build_slowly(out: Path) -> None:
    import time

    time.sleep(0.2)
    out.write_bytes(b"x" * 100_000)


def _worker(cache: str, q: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    import os

    os.environ["FORMFILL_CACHE_DIR"] = cache
    from formfill.render.fonts import cached_file

    q.put(cached_file("test.bin", _build_slowly).stat().st_size)


def test_cache_file_is_built_once_and_published_atomically(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_worker, args=(str(tmp_path), q)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(30)
    assert sorted(q.get() for _ in procs) == [100_000] * 3
    leftovers = [p.name for p in (tmp_path / "fonts").iterdir() if not p.name.startswith(".test.bin.lock")]
    assert leftovers == ["test.bin"]


@pytest.mark.parametrize("style", ["regular", "bold", "italic"])
def test_widths_come_from_the_font(style: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from formfill.render.fitting import text_width

    name = fonts.FACES[style]
    fonts.ensure_fonts()
    assert text_width("Nguyễn Thị Hường", name, 12) == pytest.approx(
        stringWidth("Nguyễn Thị Hường", name, 12)
    )
