"""The wizard's behaviour, one property per test, driven by keys through Pilot."""

from __future__ import annotations

import json
from pathlib import Path

from tui_helpers import (
    SIZE,
    flatten,
    make_app,
    open_first_draft,
    paste,
    preload,
    screen_text,
    tab_to,
    type_into,
    type_keys,
)

from formfill.session.answers import FormSession
from formfill.storage import StorageError
from formfill.tui.screens.wizard import WizardScreen
from formfill.tui.widgets.field import FieldRow

ROOT = Path(__file__).resolve().parents[2]
KHAI_SINH = json.loads((ROOT / "examples/khai-sinh/valid-1.json").read_text(encoding="utf-8"))
QR = "087195012345|361234567|Trần Thị Hường|14041995|Nữ|Số 12, Phường 1, Sa Đéc, Đồng Tháp|20112021"


def row(app, path: str) -> FieldRow:  # type: ignore[no-untyped-def]
    found = app.screen.targets()[path]
    assert isinstance(found, FieldRow)
    return found


def session(app) -> FormSession:  # type: ignore[no-untyped-def]
    return app.screen.session


async def test_wrong_id_number_shows_its_message_and_continue_stays(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"khai sinh", "enter")
        await type_into(pilot, "nguoi_yeu_cau.so_dinh_danh_ca_nhan", "08719501234")
        await pilot.press("tab")  # leaving the field checks it
        await pilot.pause()
        message = row(app, "nguoi_yeu_cau.so_dinh_danh_ca_nhan").error.render()
        assert "Số định danh cá nhân phải gồm đúng 12 chữ số" in str(message)
        await pilot.press("pagedown")
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.section.key == "nguoi_yeu_cau"
        summary = str(app.screen.summary.render())
        assert "Còn" in summary and "12 chữ số" in summary and "Kính gửi" in summary
        # The first error (Kính gửi, still empty) has the focus.
        assert app.focused is row(app, "kinh_gui").control


async def test_condition_shows_and_hides_the_copy_count(tmp_path: Path) -> None:
    answers = {
        k: v for k, v in flatten(KHAI_SINH).items() if k not in ("de_nghi_cap_ban_sao", "so_luong_ban_sao")
    }
    preload(tmp_path, "khai-sinh", answers, "hoan_tat")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        count = row(app, "so_luong_ban_sao")
        assert not count.display
        await tab_to(pilot, "de_nghi_cap_ban_sao")
        await pilot.press("c")
        await pilot.pause()
        assert count.display
        await pilot.press("k")
        await pilot.pause()
        assert not count.display
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("pagedown")  # copies wanted, no count: the step's own rule refuses it at once
        await pilot.pause()
        assert isinstance(app.screen, WizardScreen)
        assert "ghi số lượng bản" in screen_text(app)


async def test_qr_code_fills_a_person_block(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {}, "me")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        await tab_to(pilot, "@me")
        await pilot.press("c")
        await tab_to(pilot, "qr:me")
        await type_keys(pilot, QR + "\r")  # a scanner types like a keyboard and ends with Enter
        await pilot.pause()
        assert row(app, "me.ho_ten").value == "Trần Thị Hường"
        assert row(app, "me.so_dinh_danh_ca_nhan").value == "087195012345"
        assert row(app, "me.ngay_sinh").value == "14/04/1995"
        saved = session(app).answers
        assert saved["me.ho_ten"] == "Trần Thị Hường"
        # The card's address is offered for the residence, not imposed.
        assert "me.noi_cu_tru.xa" not in saved
        assert "Nơi thường trú trên thẻ: Số 12, Phường 1, Sa Đéc, Đồng Tháp" in screen_text(app)
        await tab_to(pilot, "@me.noi_cu_tru")
        await pilot.press("tab")  # the "use the card's address" button
        await pilot.press("enter")
        await pilot.pause()
        assert session(app).answers["me.noi_cu_tru.tinh"] == "Đồng Tháp"
        assert session(app).present("me.noi_cu_tru")


async def test_bad_qr_text_says_why(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {}, "me")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        await tab_to(pilot, "@me")
        await pilot.press("c")
        await tab_to(pilot, "qr:me")
        await pilot.press(*"abc|def", "enter")
        await pilot.pause()
        assert "cần 7 phần" in screen_text(app)


LONG_QR = (
    "079090001234||Nguyễn Văn An|01011990|Nam|Số 3, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh|05062022"
)


def notices(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The notifications on screen (toasts, found by their widget type name)."""
    return [str(toast.render()) for toast in app.screen.query("ToastRack Toast")]


async def test_qr_code_in_a_person_field_fills_the_block(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts shown, as in use
        await pilot.press(*"khai sinh", "enter")
        # Pasted into the name field (longer than a name may be): the card fills the block.
        await tab_to(pilot, "nguoi_yeu_cau.ho_ten")
        await paste(pilot, LONG_QR)
        assert row(app, "nguoi_yeu_cau.ho_ten").value == "Nguyễn Văn An"
        assert row(app, "nguoi_yeu_cau.so_dinh_danh_ca_nhan").value == "079090001234"
        assert row(app, "nguoi_yeu_cau.ngay_sinh").value == "01/01/1990"
        saved = session(app).answers
        assert saved["nguoi_yeu_cau.ho_ten"] == "Nguyễn Văn An"
        assert saved["nguoi_yeu_cau.so_dinh_danh_ca_nhan"] == "079090001234"
        assert any("Đã điền từ mã QR thẻ CCCD" in n for n in notices(app)), notices(app)
        await pilot.press("tab")  # leaving the field keeps the card's name
        await pilot.pause()
        assert session(app).answers["nguoi_yeu_cau.ho_ten"] == "Nguyễn Văn An"
        # Typed by a scanner into the ID field, ending with Enter: the other card replaces the first.
        await type_into(pilot, "nguoi_yeu_cau.so_dinh_danh_ca_nhan", QR + "\r")
        await pilot.pause()
        assert row(app, "nguoi_yeu_cau.so_dinh_danh_ca_nhan").value == "087195012345"
        assert row(app, "nguoi_yeu_cau.ho_ten").value == "Trần Thị Hường"
        assert session(app).answers["nguoi_yeu_cau.so_dinh_danh_ca_nhan"] == "087195012345"
        assert not row(app, "nguoi_yeu_cau.so_dinh_danh_ca_nhan").error.render().plain  # type: ignore[union-attr]
        # Outside a person block the text is just an answer.
        await tab_to(pilot, "kinh_gui")
        await paste(pilot, QR)
        assert row(app, "kinh_gui").value.startswith("087195012345|")  # type: ignore[union-attr]


async def test_telex_typing_in_a_field(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"khai sinh", "enter")
        await pilot.press("f2")  # off -> Telex
        assert app.ime_method == "telex"
        assert "Bộ gõ: Telex" in str(app.screen.status.render())
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", "Nguyeenx Thij Hoongf")
        assert row(app, "nguoi_yeu_cau.ho_ten").value == "Nguyễn Thị Hồng"
        await pilot.press("backspace")  # undoes the last keystroke: the tone
        assert row(app, "nguoi_yeu_cau.ho_ten").value == "Nguyễn Thị Hông"
        await pilot.press("f2")  # Telex -> VNI
        await type_into(pilot, "quan_he_voi_nguoi_duoc_khai_sinh", "Me5")
        assert row(app, "quan_he_voi_nguoi_duoc_khai_sinh").value == "Mẹ"
        await pilot.press("f2")  # VNI -> off
        assert app.ime_method is None


async def test_date_digits_become_dd_mm_yyyy(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {}, "nguoi_duoc_khai_sinh")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        await type_into(pilot, "nguoi_duoc_khai_sinh.ngay_sinh", "15032025")
        assert row(app, "nguoi_duoc_khai_sinh.ngay_sinh").value == "15/03/2025"
        await type_into(pilot, "nguoi_duoc_khai_sinh.dan_toc", "khome")
        await pilot.press("tab")
        assert row(app, "nguoi_duoc_khai_sinh.dan_toc").value == "Khơ-me"


async def test_commune_picker_fills_commune_and_province(tmp_path: Path) -> None:
    preload(tmp_path, "khai-sinh", {"@present:me": True}, "me")

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_first_draft(pilot)
        await tab_to(pilot, "@me.noi_cu_tru")
        await pilot.press("c")
        await type_into(pilot, "me.noi_cu_tru.xa", "sa dec")
        picker = row(app, "me.noi_cu_tru.xa").control
        assert picker.is_open  # type: ignore[attr-defined]
        assert picker.choices[0].label == "Phường Sa Đéc, tỉnh Đồng Tháp"  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert row(app, "me.noi_cu_tru.xa").value == "Phường Sa Đéc"
        assert row(app, "me.noi_cu_tru.tinh").value == "Đồng Tháp"
        assert session(app).answers["me.noi_cu_tru.tinh"] == "Đồng Tháp"


async def test_back_keeps_every_answer(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"khai sinh", "enter")
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", "Lê Văn Tám")  # still focused, not left yet
        await pilot.press("pageup")  # back to the start screen; nothing lost
        await pilot.pause()
        await open_first_draft(pilot)
        assert row(app, "nguoi_yeu_cau.ho_ten").value == "Lê Văn Tám"


async def test_storage_error_is_shown_and_the_answer_stays(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"khai sinh", "enter")
        store = session(app).store

        def broken(*args: object, **kwargs: object) -> None:
            raise StorageError("ổ đĩa đã đầy", "the disk is full")

        store.save_answer = broken  # type: ignore[method-assign]
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", "Lê Văn Tám")
        await pilot.press("tab")
        await pilot.pause()
        status = str(app.screen.status.render())
        assert "CHƯA LƯU ĐƯỢC" in status and "ổ đĩa đã đầy" in status
        assert "Đã lưu" not in status
        assert row(app, "nguoi_yeu_cau.ho_ten").value == "Lê Văn Tám"


async def test_closed_mid_form_resumes_with_every_answer(tmp_path: Path) -> None:
    async def first() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press(*"khai sinh", "enter")
            await type_into(pilot, "kinh_gui", "UBND phường Sa Đéc")
            await type_into(pilot, "nguoi_yeu_cau.ho_ten", "Trần Thị Hường")
            await type_into(pilot, "nguoi_yeu_cau.so_dinh_danh_ca_nhan", "087195012345")
            await type_into(pilot, "quan_he_voi_nguoi_duoc_khai_sinh", "Mẹ")
            await pilot.press("pagedown")
            await pilot.pause()
            await type_into(pilot, "nguoi_duoc_khai_sinh.ho_ten", "Nguyễn Bảo Ngọc")
            await pilot.press("tab")
            await pilot.pause()
        # the terminal is gone: no clean exit path ran for the wizard

    async def second() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=SIZE) as pilot:
            assert "Tờ khai đăng ký khai sinh" in screen_text(app)
            await open_first_draft(pilot)
            assert app.screen.section.key == "nguoi_duoc_khai_sinh"
            assert row(app, "nguoi_duoc_khai_sinh.ho_ten").value == "Nguyễn Bảo Ngọc"
            answers = session(app).answers
            assert answers["kinh_gui"] == "UBND phường Sa Đéc"
            assert answers["nguoi_yeu_cau.ho_ten"] == "Trần Thị Hường"
            assert answers["nguoi_yeu_cau.so_dinh_danh_ca_nhan"] == "087195012345"
            assert answers["quan_he_voi_nguoi_duoc_khai_sinh"] == "Mẹ"

    await first()
    await second()


def shown_label(widget: object) -> str:
    """The label a field row shows above its control, or the title on a block's or a table's frame."""
    if isinstance(widget, FieldRow):
        return str(widget.query_one(".label").render())
    return str(getattr(widget, "border_title", ""))


async def test_every_section_of_every_form_builds(tmp_path: Path) -> None:
    """Each section shows its own top-level questions, in order, each with its label; empty, it
    reports exactly its own required answers as missing."""
    from formfill.forms import list_forms
    from formfill.session.answers import FormSession

    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        for spec in list_forms():
            app.push_screen(WizardScreen(FormSession.new(spec, app.store), on_review=lambda s: None))
            await pilot.pause()
            wizard = app.screen
            assert isinstance(wizard, WizardScreen)
            docs = wizard.session.docs
            for i, section in enumerate(spec.meta.sections):
                await wizard.show_section(i)
                await pilot.pause()
                where = f"{spec.id}/{section.key}"
                assert f"Bước {i + 1}/{len(spec.meta.sections)} · {section.title}" == str(
                    wizard.progress.render()
                )
                top = {path: w for path, w in wizard.targets().items() if "." not in path}
                assert list(top) == [k for k in section.fields if k in docs], where
                assert top, where
                for key, widget in top.items():
                    assert docs[key].label_for() in shown_label(widget), (where, key)
                wizard.commit_all()
                errors = wizard.session.section_errors(section)
                assert {e.path.split(".")[0] for e in errors} <= set(section.fields), where
                required = {
                    k
                    for k in section.fields
                    if spec.model.model_fields[k].is_required()
                    and docs[k].kind != "group"
                    and k not in wizard.session.answers  # proposed by the session (ngay_lam = today)
                }
                assert {e.path for e in errors if e.type == "missing"} >= required, where
            app.pop_screen()
            await pilot.pause()


async def test_a_pause_in_typing_saves_the_field(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"khai sinh", "enter")
        await type_into(pilot, "nguoi_yeu_cau.ho_ten", "Lê Văn Tám")
        assert "nguoi_yeu_cau.ho_ten" not in session(app).answers  # still typing, not left
        await pilot.pause(1.3)
        assert session(app).answers["nguoi_yeu_cau.ho_ten"] == "Lê Văn Tám"
        assert "Đã lưu" in str(app.screen.status.render())
