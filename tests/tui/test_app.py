"""The app around the wizard: settings, language, key bindings, the start screen."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

from textual.binding import Binding
from tui_helpers import SIZE, make_app, open_first_draft, preload, screen_text, tab_to

import formfill.tui
from formfill.base.i18n import set_lang, tr
from formfill.session.settings import Settings
from formfill.storage import DraftStore
from formfill.tui.screens.start import StartScreen, form_matches
from formfill.tui.screens.wizard import WizardScreen


def test_settings_from_env(tmp_path: Path) -> None:
    env = {
        "FORMFILL_OUTPUT_DIR": str(tmp_path / "pdf"),
        "FORMFILL_DATA_DIR": str(tmp_path / "data"),
        "FORMFILL_LANG": "en",
        "FORMFILL_IME": "Telex",
        "FORMFILL_KEYMAP": '{"wizard.continue": "f8"}',
    }
    settings = Settings.from_env(env)
    assert settings.output_dir == tmp_path / "pdf"
    assert settings.drafts_path == tmp_path / "data" / "drafts.sqlite3"
    assert settings.lang == "en" and settings.ime == "telex"
    assert settings.keymap == {"wizard.continue": "f8"}
    assert Settings.from_env({}, theme="textual-light").theme == "textual-light"


def test_every_binding_has_an_id() -> None:
    missing = []
    for info in pkgutil.walk_packages(formfill.tui.__path__, "formfill.tui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            own = (
                vars(obj).get("BINDINGS", []) if isinstance(obj, type) and obj.__module__ == info.name else []
            )
            for binding in own:
                if isinstance(binding, Binding) and not binding.id:
                    missing.append(f"{obj.__name__}: {binding.key}")
    assert not missing


def test_forms_are_found_without_accents() -> None:
    from formfill.forms import get_form

    assert form_matches(get_form("khai-sinh"), "khai sinh")
    assert form_matches(get_form("khai-sinh"), "KHAI SINH")
    assert not form_matches(get_form("khai-sinh"), "ket hon")
    assert form_matches(get_form("ct01"), "cu tru")


async def test_search_and_english(tmp_path: Path) -> None:
    app = make_app(tmp_path, lang="en")
    async with app.run_test(size=SIZE) as pilot:
        text = screen_text(app)
        assert "Choose a form to fill" in text and "Birth registration declaration" in text
        await pilot.press(*"residence")
        assert app.screen.form_list.option_count == 1  # type: ignore[attr-defined]
    set_lang(None)


async def test_keymap_remaps_a_binding_by_its_id(tmp_path: Path) -> None:
    app = make_app(tmp_path, keymap={"wizard.continue": "f8"})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"khai sinh", "enter")
        assert isinstance(app.screen, WizardScreen)
        await pilot.press("f8")
        await pilot.pause()
        assert "Còn" in str(app.screen.summary.render())  # Continue ran (and found the empty fields)


async def test_delete_a_draft_from_the_start_screen(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {"nguoi_yeu_cau.ho_ten": "Lê Văn Tám"})

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, StartScreen)
        await tab_to(pilot, "drafts")
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert not app.screen.drafts  # type: ignore[attr-defined]
    with DraftStore(tmp_path / "data" / "drafts.sqlite3") as store:
        assert store.list_drafts() == []


def footer_labels(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The labels the footer shows (its keys, found by their widget type name)."""
    return [key.description for key in app.screen.query("Footer FooterKey")]


async def test_footer_labels_follow_the_language_of_each_app(tmp_path: Path) -> None:
    """Bindings are class attributes made at import; an English app after a Vietnamese one still says Continue."""
    expected = {
        "vi": ({"Tiếp tục", "Quay lại", "Về trang đầu", "Thoát"}, "Continue"),
        "en": ({"Continue", "Back", "Home", "Quit"}, "Tiếp tục"),
    }

    async def run(lang: str) -> None:
        preload(tmp_path / lang, "khai-sinh", {"nguoi_yeu_cau.ho_ten": "Lê Văn Tám"})
        app = make_app(tmp_path / lang, lang=lang)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            start = footer_labels(app)
            assert tr("Tìm tờ khai", "Find a form") in start and tr("Thoát", "Quit") in start
            await open_first_draft(pilot)
            await pilot.pause()
            labels = footer_labels(app)
            wanted, other = expected[lang]
            assert wanted <= set(labels), labels
            assert other not in labels

    try:
        await run("vi")
        await run("en")  # after a Vietnamese app, in the same process
    finally:
        set_lang(None)


def test_every_footer_label_has_both_wordings() -> None:
    from textual.screen import Screen

    from formfill.tui.keymap import LocalizedBindings, localized

    missing = []
    for info in pkgutil.walk_packages(formfill.tui.__path__, "formfill.tui."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if not (isinstance(obj, type) and obj.__module__ == info.name):
                continue
            if issubclass(obj, Screen) and not issubclass(obj, LocalizedBindings):
                missing.append(f"{obj.__name__} is not a LocalizedBindings screen")
            for binding in vars(obj).get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.description and binding.show:
                    set_lang("en")
                    english = localized(binding).description
                    set_lang("vi")
                    if english == localized(binding).description:
                        missing.append(f"{obj.__name__}: {binding.id}")
    set_lang(None)
    assert not missing
