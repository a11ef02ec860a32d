"""After the last step: the receipt (code, its QR, the papers to bring) and the optional satisfaction survey."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, RadioButton, RadioSet, Static

from formfill.base.i18n import tr
from formfill.tui.keymap import LocalizedBindings, shown
from formfill.tui.widgets.inputs import ImeInput

QUIET = 2  # modules of white border around the code (scanners need some)
COMMENT_MAX = 300
_DARK, _LIGHT = "#000000", "#FFFFFF"


class QrMatrix(Widget):
    """segno's matrix drawn with half blocks: two modules per character cell, black on white."""

    DEFAULT_CSS = "QrMatrix { width: auto; height: auto; margin: 0 2 0 0; }"

    def __init__(self, text: str, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        import segno

        matrix = [[bool(v) for v in row] for row in segno.make(text, error="m", micro=False).matrix]
        size = len(matrix) + 2 * QUIET
        blank = [False] * size
        rows = [blank] * QUIET + [[False] * QUIET + r + [False] * QUIET for r in matrix] + [blank] * QUIET
        if len(rows) % 2:
            rows.append(blank)
        self.rows = rows

    def get_content_width(self, container: object, viewport: object) -> int:
        return len(self.rows[0])

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self.rows) // 2

    def render_line(self, y: int) -> Strip:
        if y * 2 + 1 >= len(self.rows):
            return Strip.blank(self.size.width)
        top, bottom = self.rows[2 * y], self.rows[2 * y + 1]
        segments = [
            Segment("▀", Style(color=_DARK if t else _LIGHT, bgcolor=_DARK if b else _LIGHT))
            for t, b in zip(top, bottom, strict=True)
        ]
        return Strip(segments, len(segments))


class ReceiptScreen(LocalizedBindings, Screen[None]):
    """The receipt code, large, with its QR; the papers to bring to the counter; what the printer did."""

    DEFAULT_CSS = """
    ReceiptScreen #receipt-body { padding: 1 2 0 2; height: 1fr; }
    ReceiptScreen #receipt-row { height: auto; }
    ReceiptScreen #receipt-text { width: 1fr; height: auto; }
    ReceiptScreen #receipt-text Static { height: auto; margin: 0 0 1 0; }
    ReceiptScreen #receipt-code { text-style: bold; color: $accent; }
    """
    BINDINGS = [shown("enter", "next", "Tiếp", "Next", id="kiosk.receipt.next")]

    def __init__(self, form_title: str, code: str, papers: list[str], printed: str) -> None:
        super().__init__(classes="kiosk-receipt")
        self.form_title = form_title
        self.code = code
        self.papers = papers
        self.printed = printed

    def compose(self) -> ComposeResult:
        yield Static(self.form_title, id="form-title")
        yield Static(tr("Đã nộp tờ khai", "Declaration submitted"), id="progress")
        with VerticalScroll(id="receipt-body"):
            with Horizontal(id="receipt-row"):
                yield QrMatrix(self.code, id="receipt-qr")
                with Vertical(id="receipt-text"):
                    yield Static(tr("Mã biên nhận của ông/bà:", "Your receipt code:"), classes="label")
                    yield Static(self.code, id="receipt-code")
                    yield Static(
                        tr(
                            "Đưa mã này cho cán bộ tại bộ phận một cửa (đây không phải mã hồ sơ).",
                            "Show this code at the one-stop counter (it is not a dossier number).",
                        )
                    )
                    yield Static(self.printed, id="receipt-printed")
            yield Static(tr("Giấy tờ cần mang theo:", "Papers to bring:"), classes="label")
            papers = self.papers or [
                tr("Hỏi cán bộ tại bộ phận một cửa.", "Ask the officer at the one-stop counter.")
            ]
            yield Static("\n".join(f"• {p}" for p in papers), id="receipt-papers")
        with Horizontal(id="nav", classes="-pinned"):  # in view at 80×24, under a long list of papers
            yield Button(tr("Tiếp (Enter)", "Next (Enter)"), variant="primary", id="receipt-next")
        yield Footer()

    def on_mount(self) -> None:
        # the code and its QR stay in view at 80×24; Enter works wherever the button is
        self.query_one("#receipt-next", Button).focus(scroll_visible=False)

    def action_next(self) -> None:
        self.app.after_receipt()  # type: ignore[attr-defined]

    @on(Button.Pressed, "#receipt-next")
    def _next(self) -> None:
        self.action_next()


SCALE = (
    (5, "Rất hài lòng", "Very satisfied"),
    (4, "Hài lòng", "Satisfied"),
    (3, "Bình thường", "Neutral"),
    (2, "Không hài lòng", "Dissatisfied"),
    (1, "Rất không hài lòng", "Very dissatisfied"),
)
VISITS = (("1", "Lần đầu", "First time"), ("2", "Lần 2", "Second time"), ("3+", "3 lần trở lên", "3 or more"))


class SatisfactionScreen(LocalizedBindings, Screen[None]):
    """One optional question on a 5-point scale, a short comment, the visit count. Esc skips."""

    DEFAULT_CSS = """
    SatisfactionScreen #survey-body { padding: 0 2; height: 1fr; }
    SatisfactionScreen RadioSet { width: 100%; height: auto; }
    """
    BINDINGS = [shown("escape", "skip", "Bỏ qua", "Skip", id="kiosk.survey.skip")]

    def compose(self) -> ComposeResult:
        yield Static(tr("Ý kiến của ông/bà", "Your opinion"), id="form-title")
        yield Static(tr("Không bắt buộc — Esc để bỏ qua", "Optional — Esc to skip"), id="progress")
        with VerticalScroll(id="survey-body"):
            yield Static(
                tr(
                    "Ông/bà có hài lòng với việc khai tờ khai tại máy này không?",
                    "Are you satisfied with filling the declaration at this machine?",
                ),
                classes="label",
            )
            with RadioSet(id="score"):
                for n, vi, en in SCALE:
                    yield RadioButton(f"{n} — {tr(vi, en)}", id=f"score-{n}")
            yield Static(
                tr("Ông/bà đến vì hồ sơ này lần thứ mấy?", "How many times have you come for this?"),
                classes="label",
            )
            with RadioSet(id="visits"):
                for key, vi, en in VISITS:
                    yield RadioButton(tr(vi, en), id=f"visits-{key.replace('+', 'p')}")
            # ImeInput: a comment typed with Telex/VNI on (F2) must come out in Vietnamese, not "hafi lofng"
            yield ImeInput(
                placeholder=tr("Góp ý (không bắt buộc, tối đa 300 ký tự)", "Comment (optional, ≤ 300)"),
                max_length=COMMENT_MAX,
                id="comment",
            )
        with Horizontal(id="nav", classes="-pinned"):  # in view without scrolling
            yield Button(tr("Gửi ý kiến", "Send"), variant="primary", id="send")
            yield Button(tr("Bỏ qua (Esc)", "Skip (Esc)"), id="skip")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#score", RadioSet).focus()

    def answers(self) -> tuple[int | None, str | None, str]:
        """(score, visits, comment) as chosen so far."""
        score_btn = self.query_one("#score", RadioSet).pressed_button
        visits_btn = self.query_one("#visits", RadioSet).pressed_button
        score = int(score_btn.id.rsplit("-", 1)[1]) if score_btn and score_btn.id else None
        visits = visits_btn.id.rsplit("-", 1)[1].replace("p", "+") if visits_btn and visits_btn.id else None
        comment = " ".join(self.query_one("#comment", Input).value.split())[:COMMENT_MAX]
        return score, visits, comment

    @on(Button.Pressed, "#send")
    def _send(self) -> None:
        score, visits, comment = self.answers()
        if score is None or visits is None:
            self.notify(
                tr("Xin chọn mức hài lòng và số lần đến.", "Please pick a level and the visit count."),
                severity="warning",
            )
            self.query_one("#score" if score is None else "#visits", RadioSet).focus()
            return
        self.app.record_satisfaction(score, comment, visits)  # type: ignore[attr-defined]

    @on(Input.Submitted, "#comment")
    def _comment_done(self, event: Input.Submitted) -> None:
        event.stop()
        self._send()

    @on(Button.Pressed, "#skip")
    def _skip(self) -> None:
        self.action_skip()

    def action_skip(self) -> None:
        self.app.after_survey()  # type: ignore[attr-defined]

    def on_key(self, event: events.Key) -> None:
        """Digits 1–5 pick the score directly (one key for the whole answer)."""
        if event.character in {"1", "2", "3", "4", "5"} and not isinstance(self.focused, Input):
            self.query_one(f"#score-{event.character}", RadioButton).value = True
            event.stop()
