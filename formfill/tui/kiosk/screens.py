"""The kiosk's own screens: notice and consent, the start without drafts, the idle countdown, the PIN
prompt, the crash screen, a code to write down, and the thank-you."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Footer, Input, Static

from formfill.base.i18n import tr
from formfill.session.kiosk import KioskConfig, PinGuard, notice_lines
from formfill.tui.keymap import LocalizedBindings, shown
from formfill.tui.screens.start import StartScreen
from formfill.tui.widgets.inputs import ImeInput

CRASH_TEXT = "Xin lỗi, máy đang khởi động lại…"
COUNTDOWN_TEXT = "Chạm phím bất kỳ để tiếp tục"


class NoticeScreen(LocalizedBindings, Screen[None]):
    """What is collected, why, by whom, for how long, the person's rights; nothing before "Đồng ý"."""

    DEFAULT_CSS = """
    NoticeScreen #notice { padding: 0 2; height: 1fr; }
    NoticeScreen .notice-line { margin: 0 0 1 0; height: auto; }
    NoticeScreen #consent { height: 3; align: center middle; }
    NoticeScreen #consent Button { margin: 0 2; min-width: 20; }
    NoticeScreen #consent #operator { min-width: 16; margin: 0 0 0 4; }
    """

    def __init__(self, config: KioskConfig) -> None:
        super().__init__(classes="kiosk-notice")
        self.config = config

    def compose(self) -> ComposeResult:
        office = self.config.office_name or "formfill"
        yield Static(office, id="form-title")
        yield Static(tr("Thông báo về dữ liệu cá nhân", "About your personal data"), id="progress")
        with VerticalScroll(id="notice"):
            for line in notice_lines(self.config):
                yield Static(line, classes="notice-line")
        with Horizontal(id="consent"):
            yield Button(tr("Đồng ý", "I agree"), variant="success", id="agree")
            yield Button(tr("Không đồng ý", "I do not agree"), variant="error", id="decline")
            # F12 without a keyboard: the PIN still guards it (and its own keypad needs no keys)
            yield Button(tr("Cán bộ vận hành", "Operator"), id="operator")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#agree", Button).focus()

    @on(Button.Pressed, "#agree")
    def _agree(self) -> None:
        self.app.consent_given()  # type: ignore[attr-defined]

    @on(Button.Pressed, "#decline")
    def _decline(self) -> None:
        self.app.wipe(tr("Máy không lưu gì. Xin cảm ơn.", "Nothing was stored. Thank you."))  # type: ignore[attr-defined]

    @on(Button.Pressed, "#operator")
    def _operator(self) -> None:
        self.app.action_operator()  # type: ignore[attr-defined]


class KioskStartScreen(StartScreen):
    """The assistant's start without the drafts list (one citizen at a time), plus "mã làm tiếp"."""

    DEFAULT_CSS = """
    KioskStartScreen #resume-row { height: auto; }
    KioskStartScreen #resume-code { width: 1fr; margin: 1 1 0 0; }
    """

    def __init__(self, forms: tuple[str, ...] = ()) -> None:
        super().__init__()
        if forms:
            self.forms = [f for f in self.forms if f.id in forms]
        self.resume_code = ImeInput(
            placeholder=tr("Đã có mã làm tiếp? Nhập mã rồi Enter", "Have a resume code? Type it, Enter"),
            id="resume-code",
            ime=False,
        )

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if widget is self.drafts_title:
                yield Horizontal(
                    self.resume_code, Button(tr("Làm tiếp ▶", "Continue ▶"), id="resume-go"), id="resume-row"
                )
            yield widget

    def refresh_drafts(self) -> None:
        """Never list drafts on a public terminal."""
        self.drafts = []
        self.draft_list.clear_options()
        self.draft_list.display = False
        self.drafts_title.display = False
        self.delete_button.display = False

    @on(Input.Submitted, "#search")
    def _search_or_code(self, event: Input.Submitted) -> None:
        """A resume code typed into the search box works too (what a citizen will try first)."""
        from formfill.storage.codes import looks_like_code

        text = event.value
        # "khai sinh" has a code's shape too: a code has a digit or a hyphen, or matches no form
        if looks_like_code(text) and (
            any(c.isdigit() or c == "-" for c in text) or not self.form_list.option_count
        ):
            event.prevent_default()  # not the assistant's "open the first form"
            event.stop()
            self.app.resume_by_code(event.value)  # type: ignore[attr-defined]

    @on(Input.Submitted, "#resume-code")
    def _resume(self, event: Input.Submitted) -> None:
        event.stop()
        self.app.resume_by_code(event.value)  # type: ignore[attr-defined]

    @on(Button.Pressed, "#resume-go")
    def _resume_pressed(self) -> None:
        if self.resume_code.value.strip():
            self.app.resume_by_code(self.resume_code.value)  # type: ignore[attr-defined]
        else:
            self.resume_code.focus()


class CountdownScreen(LocalizedBindings, ModalScreen[None]):
    """The idle warning: any key or click dismisses it (and the app's idle clock is reset)."""

    DEFAULT_CSS = """
    CountdownScreen { align: center middle; }
    CountdownScreen #countdown-box { width: 60; height: auto; border: heavy $warning; padding: 1 2;
        background: $panel; }
    CountdownScreen Static { width: 100%; text-align: center; text-style: bold; }
    """

    def __init__(self, seconds: int) -> None:
        super().__init__(classes="kiosk-countdown")
        self.seconds = Static(self._text(seconds), id="countdown-seconds")

    @staticmethod
    def _text(seconds: int) -> str:
        return tr(
            f"Máy sẽ xoá thông tin và quay về trang đầu sau {seconds} giây.",
            f"This machine will wipe and return to the start in {seconds} s.",
        )

    def compose(self) -> ComposeResult:
        with Vertical(id="countdown-box"):
            yield Static(tr(COUNTDOWN_TEXT, "Press any key to continue"), id="countdown-text")
            yield self.seconds

    def show(self, seconds: int) -> None:
        self.seconds.update(self._text(seconds))

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        event.stop()
        self.dismiss(None)


PIN_MAX = 8
KEYPAD = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK")
KEY_IDS = {"⌫": "back", "OK": "ok"}


class PinScreen(LocalizedBindings, ModalScreen[bool]):
    """The operator's PIN (F12, or the notice's "Cán bộ vận hành"), typed or tapped on its keypad. Five
    wrong PINs lock the prompt for a minute; Esc or "Quay lại" goes back."""

    DEFAULT_CSS = """
    PinScreen { align: center middle; }
    PinScreen #pin-box { width: 50; height: auto; border: heavy $primary; padding: 1 2; background: $panel; }
    PinScreen #pin-message { height: auto; color: $error; text-style: bold; }
    PinScreen #keypad { grid-size: 3; grid-rows: 3; grid-gutter: 0 1; height: 12; margin: 1 0 0 0; }
    PinScreen #keypad Button { width: 100%; }
    PinScreen #pin-back { margin: 1 0 0 0; }
    """
    BINDINGS = [shown("escape", "cancel", "Quay lại", "Back", id="kiosk.pin.cancel")]

    def __init__(self, guard: PinGuard) -> None:
        super().__init__(classes="kiosk-pin")
        self.guard = guard
        self.message = Static("", id="pin-message")

    def compose(self) -> ComposeResult:
        with Vertical(id="pin-box"):
            yield Static(tr("Mã PIN của cán bộ vận hành", "Operator PIN"), classes="label")
            yield Input(password=True, max_length=PIN_MAX, id="pin", restrict=r"[0-9]*")
            yield self.message
            with Grid(id="keypad"):  # a touch screen has no keyboard
                for key in KEYPAD:
                    button = Button(key, id=f"key-{KEY_IDS.get(key, key)}")
                    button.can_focus = False  # the PIN box keeps the keys of a keyboard
                    yield button
            yield Button(tr("Quay lại (Esc)", "Back (Esc)"), id="pin-back")

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()
        self._show_lock()

    def _show_lock(self) -> bool:
        left = self.guard.locked_for()
        if left:
            self.message.update(tr(f"Đã khoá, thử lại sau {left} giây.", f"Locked; try again in {left} s."))
        return bool(left)

    @on(Input.Submitted, "#pin")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    @on(Button.Pressed, "#keypad Button")
    def _key(self, event: Button.Pressed) -> None:
        event.stop()
        box = self.query_one("#pin", Input)
        key = str(event.button.label)
        if key == "OK":
            self._submit()
        elif key == "⌫":
            box.value = box.value[:-1]
        elif len(box.value) < PIN_MAX:
            box.value += key

    @on(Button.Pressed, "#pin-back")
    def _back(self) -> None:
        self.action_cancel()

    def _submit(self) -> None:
        box = self.query_one("#pin", Input)
        result = self.guard.attempt(box.value)
        box.value = ""
        if result == "ok":
            self.dismiss(True)
        elif result == "no-pin":
            self.message.update(
                tr("Chưa đặt mã PIN (formfill kiosk set-pin).", "No PIN set (formfill kiosk set-pin).")
            )
        elif result == "locked":
            self._show_lock()
        else:
            self.message.update(tr("Mã PIN không đúng.", "Wrong PIN."))

    def action_cancel(self) -> None:
        self.dismiss(False)


class CrashScreen(LocalizedBindings, Screen[None]):
    """Shown after an unexpected error: no detail at all (it could hold a citizen's data)."""

    DEFAULT_CSS = """
    CrashScreen { align: center middle; }
    CrashScreen Static { width: auto; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Static(CRASH_TEXT, id="crash")


class MessageScreen(LocalizedBindings, Screen[None]):
    """A short message (thank-you, a code to write down); Enter or the button goes on."""

    DEFAULT_CSS = """
    MessageScreen #message-body { padding: 1 2; height: 1fr; }
    MessageScreen #message-body Static { height: auto; margin: 0 0 1 0; }
    MessageScreen #big-code { text-style: bold; color: $accent; }
    """

    def __init__(
        self,
        title: str,
        lines: list[str],
        *,
        code: str | None = None,
        button: str = "",
        auto_seconds: float | None = None,
    ) -> None:
        super().__init__(classes="kiosk-message")
        self.auto_seconds = auto_seconds
        self.title_text = title
        self.lines = lines
        self.code = code
        self.button = button or tr("Xong", "Done")

    def compose(self) -> ComposeResult:
        from formfill.tui.kiosk.receipt import QrMatrix

        yield Static(self.title_text, id="form-title")
        yield Static("", id="progress")
        with VerticalScroll(id="message-body"):
            if self.code:
                with Horizontal(classes="code-row"):
                    yield QrMatrix(self.code)
                    yield Static(self.code, id="big-code")
            for line in self.lines:
                yield Static(line)
        with Horizontal(id="nav", classes="-pinned"):  # in view under a tall QR code
            yield Button(self.button, variant="primary", id="done")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#done", Button).focus()
        if self.auto_seconds:
            self.set_timer(self.auto_seconds, self._done)

    @on(Button.Pressed, "#done")
    def _done(self) -> None:
        self.app.wipe()  # type: ignore[attr-defined]


def resume_code_screen(code: str, hours: float) -> MessageScreen:
    """The code that keeps unfinished answers (kiosk or browser tab): write it down, type it later."""
    return MessageScreen(
        tr("Đã lưu để làm tiếp", "Saved to continue later"),
        [
            tr(
                f"Ghi lại mã này. Nhập mã ở trang đầu để làm tiếp, trong vòng {hours:g} giờ.",
                f"Write this code down. Type it on the start page to continue, within {hours:g} hours.",
            )
        ],
        code=code,
    )
