"""textual-serve's server with formfill's own page: no request leaves the office, no value in the log.

textual-serve's page links a web font from a public host and builds its websocket address from the
``--host`` it was started with; its log prints tracebacks with their locals. Here the page is
formfill's (``templates/app_index.html``): the terminal's script and style from textual-serve's
installed package, the font from the installed font package, every address relative to the page
(so it works behind a reverse proxy with TLS), and the log names an error's type only.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

from formfill.base.i18n import tr

TEMPLATES = Path(__file__).resolve().parent / "templates"
VENDOR = Path(textual_serve.__file__).resolve().parent / "static"  # textual.js, xterm.css
FONT_FAMILY = "Roboto Mono"  # the name textual.js asks its terminal for
FONT_SIZES = {"kiosk": 20, "assistant": 16, "desk": 16}  # a kiosk's touch targets are bigger


def font_files() -> dict[str, Path]:
    """The served font files, by URL name, from the installed font package (Vietnamese included)."""
    import fontpkg

    return {
        "mono.ttf": fontpkg.path(FONT_FAMILY),
        "mono-italic.ttf": fontpkg.path(FONT_FAMILY, style="italic"),
    }


class TypeOnlyFormatter(logging.Formatter):
    """A log line with an error's type, never its traceback (whose locals and message may hold values)."""

    def formatException(self, ei: Any) -> str:
        kind = ei[0].__name__ if ei and ei[0] else "Exception"
        return f"  ({kind})"

    def formatStack(self, stack_info: str) -> str:
        return ""


class FormfillServer(Server):
    """One app process per browser tab (textual-serve), formfill's page and log."""

    def __init__(self, command: str, *, mode: str, host: str, port: int, title: str) -> None:
        super().__init__(command, host=host, port=port, title=title, templates_path=TEMPLATES)
        self.mode = mode
        self.statics_path = VENDOR
        self.fonts = font_files()

    def initialize_logging(self) -> None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(TypeOnlyFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # addresses, not values; too chatty

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.router.add_get("/fonts/{name}", self.handle_font, name="fonts")
        return app

    async def handle_font(self, request: web.Request) -> web.StreamResponse:
        path = self.fonts.get(request.match_info["name"])
        if path is None:
            raise web.HTTPNotFound()
        return web.FileResponse(path, headers={"Content-Type": "font/ttf", "Cache-Control": "max-age=86400"})

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        """The page: relative addresses only, the mode (a kiosk reloads itself when its app ends)."""
        size = request.query.get("fontsize", "")
        context = {
            "title": self.title,
            "mode": self.mode,
            "font_size": int(size) if size.isdigit() and 8 <= int(size) <= 48 else FONT_SIZES[self.mode],
            "text": {
                "loading": tr("Đang mở…", "Opening…"),
                "ended": tr("Phiên làm việc đã kết thúc.", "The session has ended."),
                "restart": tr("Bắt đầu lại", "Start again"),
                "crashed": tr("Xin lỗi, máy đang khởi động lại…", "Sorry, restarting…"),
                "close_pdf": close_pdf_text(self.mode),
            },
        }
        response = aiohttp_jinja2.render_template("app_index.html", request, context)
        response.headers["Cache-Control"] = "no-store"
        return response

    async def on_startup(self, app: web.Application) -> None:
        """Say where the apps are served (not textual-serve's banner)."""
        print(start_line(self.mode, self.host, self.port), flush=True)


def close_pdf_text(mode: str) -> str:
    """The PDF overlay's close button: the desk prints office papers, the others a declaration."""
    if mode == "desk":
        return tr("Đóng giấy tờ (đã in hoặc lưu xong)", "Close the paper (printed or saved)")
    return tr("Đóng tờ khai (đã in hoặc lưu xong)", "Close (printed or saved)")


def start_line(mode: str, host: str, port: int) -> str:
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    if host in ("127.0.0.1", "localhost", "::1"):
        return tr(
            f"formfill ({mode}) đang chạy tại {url} — chỉ mở được trên chính máy này. Ctrl+C để dừng.",
            f"formfill ({mode}) is served at {url} — reachable from this machine only. Ctrl+C stops it.",
        )
    return tr(
        f"formfill ({mode}) đang chạy tại {url} — các máy khác trong mạng mở được địa chỉ này;"
        " hãy đặt sau một reverse proxy có TLS. Ctrl+C để dừng.",
        f"formfill ({mode}) is served at {url} — other machines on the network can open it;"
        " put it behind a reverse proxy with TLS. Ctrl+C stops it.",
    )
