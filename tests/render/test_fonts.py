"""The embedded font: regular, italic and a cached static bold with its own PostScript name."""

from __future__ import annotations

import logging
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
    import os
    import time

    # one line per build, appended by whichever process builds (O_APPEND: no line is lost)
    with open(out.parent.parent / "builds.log", "a", encoding="utf-8") as log:
        log.write(f"{os.getpid()}\n")
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
    assert len((tmp_path / "builds.log").read_text(encoding="utf-8").splitlines()) == 1
    leftovers = [p.name for p in (tmp_path / "fonts").iterdir() if not p.name.startswith(".test.bin.lock")]
    assert leftovers == ["test.bin"]


class _Builds(logging.Handler):
    """Counts the font cache's "built …" records (one per file actually built)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.names: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().startswith("built "):
            self.names.append(record.getMessage())


def _bold_worker(cache: str, q: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    import os

    os.environ["FORMFILL_CACHE_DIR"] = cache
    from formfill.render import fonts as f

    builds = _Builds()
    logger = logging.getLogger(f.__name__)
    logger.addHandler(builds)
    logger.setLevel(logging.INFO)
    paths = {f.bold_font_path(), f.bold_font_path()}  # twice in one process
    q.put((len(builds.names), [str(p) for p in paths]))


def test_bold_instance_is_built_once_across_calls_and_processes(tmp_path: Path) -> None:
    """Three processes sharing a fresh cache, each asking twice: exactly one build of the bold font."""
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_bold_worker, args=(str(tmp_path), q)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [q.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(30)
        assert p.exitcode == 0
    assert sum(n for n, _paths in results) == 1, results
    (path,) = {p for _n, paths in results for p in paths}
    assert Path(path).parent == tmp_path / "fonts" and Path(path).stat().st_size > 100_000
    # a later process finds it built
    later = ctx.Process(target=_bold_worker, args=(str(tmp_path), q))
    later.start()
    n, paths = q.get(timeout=60)
    later.join(30)
    assert (n, paths) == (0, [path])


@pytest.mark.parametrize("style", ["regular", "bold", "italic"])
def test_widths_come_from_the_font(style: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from formfill.render.fitting import text_width

    name = fonts.FACES[style]
    fonts.ensure_fonts()
    assert text_width("Nguyễn Thị Hường", name, 12) == pytest.approx(
        stringWidth("Nguyễn Thị Hường", name, 12)
    )
