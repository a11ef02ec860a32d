"""An account login over the current screen, for one action: ``LoginDialog(title, attempt)``.

``attempt(name, password)`` returns a :class:`~formfill.session.operator.Permit` (it does the login
and the role check, Textual-free); the dialog dismisses with an allowed Permit, or with None when
the user gives up. A refusal stays in the dialog with its message and an emptied password field,
so a colleague who holds the right can log in instead. Reusable wherever one action needs a login.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from formfill.base.i18n import tr
from formfill.session.operator import Permit
from formfill.tui.keymap import LocalizedBindings, shown

Attempt = Callable[[str, str], Permit]


class LoginDialog(LocalizedBindings, ModalScreen[Permit | None]):
    """Name, then password (masked); Enter or "Đăng nhập" tries, Esc or "Huỷ" gives up."""

    DEFAULT_CSS = """
    LoginDialog Input { margin: 0 0 1 0; }
    LoginDialog #login-message { height: auto; color: $error; text-style: bold; }
    """
    BINDINGS = [shown("escape", "cancel", "Huỷ", "Cancel", id="login.cancel")]

    def __init__(self, title: str, attempt: Attempt) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.attempt = attempt

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Static(self.title_text, classes="dialog-question")
            yield Static(tr("Tên tài khoản", "Account name"), classes="label")
            yield Input(id="login-name", max_length=64)
            yield Static(tr("Mật khẩu", "Password"), classes="label")
            yield Input(id="login-password", password=True)
            yield Static("", id="login-message")
            with Horizontal(classes="dialog-buttons"):
                yield Button(tr("Đăng nhập", "Log in"), variant="primary", id="login-ok")
                yield Button(tr("Huỷ", "Cancel"), id="login-cancel")

    def on_mount(self) -> None:
        self.query_one("#login-name", Input).focus()

    @on(Input.Submitted, "#login-name")
    def _name_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one("#login-password", Input).focus()

    @on(Input.Submitted, "#login-password")
    def _password_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.try_login()

    @on(Button.Pressed, "#login-ok")
    def _ok(self, event: Button.Pressed) -> None:
        event.stop()
        self.try_login()

    @on(Button.Pressed, "#login-cancel")
    def _cancel(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def try_login(self) -> None:
        """One attempt; the password never stays in the field, whatever the answer."""
        name = self.query_one("#login-name", Input).value
        field = self.query_one("#login-password", Input)
        password, field.value = field.value, ""
        permit = self.attempt(name, password)
        if permit.allowed:
            self.dismiss(permit)
            return
        self.query_one("#login-message", Static).update(permit.message)
        field.focus()
