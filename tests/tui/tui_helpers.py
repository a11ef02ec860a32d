"""Driving the assistant with keys only: helpers shared by the TUI tests."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widget import Widget

from formfill.session.settings import Settings
from formfill.tui.app import FormfillApp, create_app

FIXED = datetime(2026, 11, 20, 9, 30, 0)
SIZE = (100, 32)


def make_app(tmp: Path, **overrides: Any) -> FormfillApp:
    """The app with test settings: its own folders, a steady cursor, a fixed clock."""
    values: dict[str, Any] = {
        "output_dir": tmp / "out",
        "data_dir": tmp / "data",
        "cursor_blink": False,
        "lang": "vi",
    }
    settings = Settings(**{**values, **overrides})
    return create_app(settings, clock=lambda: FIXED)


def owner_path(widget: Widget | None) -> str | None:
    """The field path the focused widget belongs to (a toggle of block X reports "@X")."""
    from formfill.tui.widgets.blocks import BlockBox, QrInput
    from formfill.tui.widgets.field import FieldRow
    from formfill.tui.widgets.rows import RowsEditor

    node = widget
    if isinstance(node, QrInput):
        return f"qr:{node.block}"
    while node is not None:
        if isinstance(node, FieldRow):
            return node.path
        if isinstance(node, BlockBox) and widget is node.presence:
            return f"@{node.path}"
        if isinstance(node, RowsEditor):
            return f"rows:{node.path}"
        node = node.parent  # type: ignore[assignment]
    return getattr(widget, "id", None)


async def tab_to(pilot: Pilot[Any], target: str, limit: int = 80) -> None:
    """Press Tab until the focus is on ``target`` (a field path, "@block", "qr:block", or a widget id)."""
    for _ in range(limit):
        if owner_path(pilot.app.focused) == target:
            return
        await pilot.press("tab")
    raise AssertionError(
        f"could not reach {target!r} with Tab; focus is on {owner_path(pilot.app.focused)!r}"
    )


async def type_into(pilot: Pilot[Any], target: str, text: str, *, clear: bool = True) -> None:
    """Tab to a field, clear it (ctrl+u: the Input's delete-left-all) and type ``text`` key by key."""
    await tab_to(pilot, target)
    if clear:
        await pilot.press("end", "ctrl+u")
    await type_keys(pilot, text)


async def type_keys(pilot: Pilot[Any], text: str) -> None:
    """One key press per character of ``text`` ("\\r" is Enter), as a keyboard or a QR scanner sends them.

    ``Pilot.press`` takes single printable characters as keys (Vietnamese letters included) and
    waits for the app to be idle after each, as after a real keystroke.
    """
    await pilot.press(*("enter" if ch == "\r" else ch for ch in text))
    await pilot.pause()


async def paste(pilot: Pilot[Any], text: str) -> None:
    """A bracketed paste into the focused widget, as the terminal sends it (the app forwards it)."""
    from textual import events

    pilot.app.post_message(events.Paste(text))
    await pilot.pause(0.4)


def screen_text(app: FormfillApp) -> str:
    """Everything the current screen shows, as plain text (for assertions)."""
    from textual.widgets import Input, OptionList, Static

    parts: list[str] = []
    for w in app.screen.query("*").results():
        if not w.display or (w.parent is not None and not getattr(w.parent, "display", True)):
            continue
        if isinstance(w, Static):
            parts.append(str(w.render()))
        elif isinstance(w, OptionList):
            parts.extend(str(w.get_option_at_index(i).prompt) for i in range(w.option_count))
        elif isinstance(w, Input):
            parts.append(w.value)
        elif hasattr(w, "item"):
            parts.append(str(w.render()))
    return "\n".join(parts)


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A declaration dict as the wizard stores it: flat paths, rows from 1, blocks marked present."""
    from formfill.session.answers import PRESENT

    out: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict):
            out[PRESENT + path] = True
            out.update(flatten(value, path + "."))
        elif isinstance(value, list):
            for i, row in enumerate(value, 1):
                out.update(flatten(row, f"{path}.{i}."))
        else:
            out[path] = value
    return out


def preload(tmp: Path, form_id: str, answers: dict[str, Any], section: str | None = None) -> str:
    """A saved draft in the test data folder (what a previous session left); returns its id."""
    from formfill.forms import get_form
    from formfill.storage import DraftStore

    spec = get_form(form_id)
    with DraftStore(tmp / "data" / "drafts.sqlite3") as store:
        draft = store.create(spec.id, spec.meta.version)
        store.save_answers(draft.id, answers)
        if section:
            store.set_section(draft.id, section)
    return draft.id


async def open_first_draft(pilot: Pilot[Any]) -> None:
    """From the start screen: down to the drafts list, Enter on the first draft."""
    from formfill.tui.screens.wizard import WizardScreen

    await tab_to(pilot, "drafts")
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, WizardScreen)
