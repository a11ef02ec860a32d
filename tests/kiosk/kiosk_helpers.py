"""Building a kiosk for the tests: its own folders, a fake monotonic clock, a PIN file beside a config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from formfill.session.kiosk import KioskConfig, write_pin
from formfill.session.settings import Settings
from formfill.tui.kiosk.app import KioskApp, create_kiosk_app
from tests.tui.tui_helpers import FIXED

PIN = "2468"
OFFICE = "Ủy ban nhân dân phường Sa Đéc"
PLACE = "phường Sa Đéc"


class FakeTime:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_kiosk(tmp: Path, *, pin: bool = True, **config: Any) -> KioskApp:
    """A kiosk over ``tmp`` (store in ``tmp/data``, config beside ``tmp/etc/formfill.toml``)."""
    etc = tmp / "etc"
    etc.mkdir(parents=True, exist_ok=True)
    if pin:
        write_pin(etc / "kiosk-pin", PIN)
    settings = Settings(output_dir=tmp / "out", data_dir=tmp / "data", cursor_blink=False, lang="vi")
    values: dict[str, Any] = {
        "office_name": OFFICE,
        "office_place": PLACE,
        "config_path": etc / "formfill.toml",
        "store_path": tmp / "data" / "drafts.sqlite3",
        **config,
    }
    return create_kiosk_app(settings, KioskConfig(**values), clock=lambda: FIXED, monotonic=FakeTime())


def all_text(app: KioskApp) -> str:
    """Every value and text of every widget on every screen of the stack (for "the marker is gone")."""
    from textual.widgets import Button, Input, OptionList, Static

    parts: list[str] = []
    for screen in app.screen_stack:
        for w in screen.query("*").results():
            if isinstance(w, Button):
                parts.append(str(w.label))
            elif isinstance(w, Input):
                parts.append(w.value)
                parts.append(str(getattr(w, "_undo_stack", "")))
            elif isinstance(w, Static):
                parts.append(str(w.render()))
            elif isinstance(w, OptionList):
                parts.extend(str(w.get_option_at_index(i).prompt) for i in range(w.option_count))
    return "\n".join(parts)
