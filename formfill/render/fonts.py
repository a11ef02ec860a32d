"""The embedded serif: Noto Serif from the ``fontpkg-noto-serif`` package, registered once per process.

The package ships variable fonts only; reportlab draws a variable font's default instance (Regular,
and Italic from the italic file). Bold is a static instance made once with fontTools' instancer
(~4–5 s) and cached in the user cache folder, under its own PostScript name — with the same name
reportlab would silently print the bold text as regular.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from formfill.base import settings as _settings
from formfill.base.files import atomic_write_new

_log = logging.getLogger(__name__)

REGULAR, BOLD, ITALIC = "FormfillSerif", "FormfillSerif-Bold", "FormfillSerif-Italic"
FACES = {"regular": REGULAR, "bold": BOLD, "italic": ITALIC}
# The PostScript name every face carries into a PDF ("ABCDEF+NotoSerif-Regular"; the bold instance
# is named NotoSerif-Bold below): how a read-back tells formfill's print from a background's.
POSTSCRIPT_FAMILY = "NotoSerif"
BOLD_WEIGHT = 700


@dataclass(frozen=True)
class FontFace:
    name: str  # reportlab font name
    path: Path
    codepoints: frozenset[int]
    ascent: float  # per 1pt of size
    descent: float  # negative, per 1pt


_lock = threading.Lock()
_faces: dict[str, FontFace] = {}


def _package_files() -> tuple[Path, Path, str]:
    import fontpkg_noto_serif as pkg

    files = pkg.ROOT / "files"
    meta = json.loads((pkg.ROOT / "metadata.json").read_text(encoding="utf-8"))
    return (
        files / "NotoSerif[wdth,wght].ttf",
        files / "NotoSerif-Italic[wdth,wght].ttf",
        str(meta.get("version", "0")),
    )


def cache_dir() -> Path:
    """``$FORMFILL_CACHE_DIR`` or the platform's user cache folder for formfill."""
    override = _settings.current().cache_dir
    if override:
        return override
    import platformdirs

    return Path(platformdirs.user_cache_dir("formfill", appauthor=False))


def cached_file(name: str, build: Callable[[Path], None]) -> Path:
    """A file in the cache folder, built once by ``build(tmp_path)`` and published atomically.

    Safe with several processes: each builds into its own temporary file in the same folder and
    ``os.replace``s it into place (same content, so the last one wins harmlessly); a reader never
    sees a half-written file. An advisory lock keeps the others from building it at the same time.
    """
    folder = cache_dir() / "fonts"
    target = folder / name
    if target.is_file():
        return target
    folder.mkdir(parents=True, exist_ok=True)
    with _file_lock(folder / f".{name}.lock"):
        if target.is_file():  # another process built it while we waited
            return target
        fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            build(tmp)
            atomic_write_new(target, tmp.read_bytes(), force=True)  # temp + fsync + replace, one protocol
            _log.info("built %s in the cache", name)  # once per cache: a second build is a bug
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
    return target


@contextlib.contextmanager
def _file_lock(path: Path):  # type: ignore[no-untyped-def]
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; the atomic replace still keeps the file whole
        yield
        return
    with open(path, "a+b") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _build_bold(source: Path) -> Callable[[Path], None]:
    def build(out: Path) -> None:
        from fontTools.ttLib import TTFont
        from fontTools.varLib import instancer

        font = TTFont(source)
        static = instancer.instantiateVariableFont(font, {"wght": BOLD_WEIGHT, "wdth": 100})
        static["OS/2"].usWeightClass = BOLD_WEIGHT
        static["OS/2"].fsSelection = (static["OS/2"].fsSelection | 0x20) & ~0x40  # BOLD, not REGULAR
        static["head"].macStyle |= 0x1
        name = static["name"]
        for rec in list(name.names):
            if rec.nameID in (16, 17, 21, 22, 25):
                name.removeNames(nameID=rec.nameID)
        name.setName("Noto Serif", 1, 3, 1, 0x409)
        name.setName("Bold", 2, 3, 1, 0x409)
        name.setName("Noto Serif Bold", 4, 3, 1, 0x409)
        name.setName("NotoSerif-Bold", 6, 3, 1, 0x409)
        name.setName("NotoSerif-Bold;formfill-instance", 3, 3, 1, 0x409)
        static.save(out)

    return build


def bold_font_path() -> Path:
    """The cached static bold instance (built on first use)."""
    regular, _italic, version = _package_files()
    stamp = f"{version}-{regular.stat().st_size}"
    return cached_file(f"NotoSerif-Bold-w{BOLD_WEIGHT}-{stamp}.ttf", _build_bold(regular))


def _register(name: str, path: Path) -> FontFace:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        font = TTFont(name, str(path))
    except Exception:
        if path.parent.name == "fonts" and path.name.startswith("NotoSerif-Bold"):
            path.unlink(missing_ok=True)  # a damaged cache file: rebuild once
            path = bold_font_path()
            font = TTFont(name, str(path))
        else:
            raise
    pdfmetrics.registerFont(font)
    face = font.face
    return FontFace(
        name=name,
        path=path,
        codepoints=frozenset(face.charToGlyph),
        ascent=face.ascent / 1000.0,
        descent=face.descent / 1000.0,
    )


def ensure_fonts() -> dict[str, FontFace]:
    """Register regular, bold and italic once in this process; return them by style."""
    if len(_faces) == 3:
        return _faces
    with _lock:
        if len(_faces) < 3:
            regular, italic, _version = _package_files()
            _faces["regular"] = _register(REGULAR, regular)
            _faces["italic"] = _register(ITALIC, italic)
            _faces["bold"] = _register(BOLD, bold_font_path())
    return _faces


def face(style: str | None) -> FontFace:
    return ensure_fonts()[style or "regular"]
