"""The wizard: one section of the form per step, in the form's order, saved after every field."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Static

from formfill.base.i18n import tr
from formfill.base.messages import plural
from formfill.forms import FieldError
from formfill.session.answers import QR_ADDRESS, FormSession, is_empty, template_path
from formfill.session.card import block_sex
from formfill.session.prefill import copied_answers, copy_targets, proposals, suggested_target
from formfill.storage import JSONValue, StorageError
from formfill.tui.dialogs.confirm import ConfirmDialog
from formfill.tui.dialogs.row import RowDialog
from formfill.tui.keymap import LocalizedBindings, shown
from formfill.tui.widgets.blocks import BlockBox, build_section
from formfill.tui.widgets.field import FieldRow
from formfill.tui.widgets.qr import CardRead, card_notice, card_values
from formfill.tui.widgets.rows import RowsEditor
from formfill.tui.widgets.status import StatusBar, storage_message

Target = FieldRow | BlockBox | RowsEditor


def closest(targets: dict[str, Target], path: str) -> Target | None:
    """The widget that shows ``path``: the field itself, or the nearest block or table holding it."""
    parts = path.split(".")
    for end in range(len(parts), 0, -1):
        found = targets.get(".".join(parts[:end]))
        if found is not None:
            return found
    return None


def describe(target: Target, error: FieldError) -> str:
    """An error as the summary lists it: "Họ, chữ đệm, tên: Chưa điền …" (rows named by number)."""
    label = target.doc.label_for()
    rest = error.path[len(target.path) :].strip(".")
    if isinstance(target, RowsEditor) and rest:
        row, _, key = rest.partition(".")
        docs = {d.key: d.label_for() for d in target.columns}
        label = f"{label} — {tr('dòng', 'row')} {row}" + (f" · {docs.get(key, key)}" if key else "")
    return f"{label}: {error.message}"


class WizardScreen(LocalizedBindings, Screen[None]):
    """Steps through ``session``'s sections. Continue checks the section; Back never checks."""

    BINDINGS = [
        shown("pagedown,ctrl+right", "continue", "Tiếp tục", "Continue", id="wizard.continue", priority=True),
        shown("pageup,ctrl+left", "back", "Quay lại", "Back", id="wizard.back", priority=True),
        shown("escape", "home", "Về trang đầu", "Home", id="wizard.home"),
        shown("f4", "copy_requester", "Chép", "Copy", id="wizard.copy"),  # the step says what it copies
    ]

    def __init__(self, session: FormSession, *, on_review: Callable[[FormSession], None]) -> None:
        super().__init__(classes="wizard")
        self.session = session
        self.index = session.section_index(session.current_section)
        self.return_to_review = False
        self.unsaved: set[str] = set()
        self.on_review = on_review
        self.progress = Static("", id="progress")
        self.summary = Static("", id="summary")
        self.body = VerticalScroll(id="body")
        self.status = StatusBar()

    def compose(self) -> ComposeResult:
        meta = self.session.spec.meta
        yield Static(tr(meta.title, meta.title_en or meta.title), id="form-title")
        yield self.progress
        yield self.summary
        yield self.body
        if self.pinned:
            yield self._nav_bar(self._continue_label())
        yield self.status
        yield Footer()

    async def on_mount(self) -> None:
        self.status.ime = getattr(self.app, "ime_method", None)
        await self.show_section(self.index)

    @property
    def pinned(self) -> bool:
        """Touch screens (kiosk, browser): Back / Continue / Save stay in view under the questions,
        as big buttons; in a terminal they end the page (the keys are at hand there)."""
        return bool(getattr(self.app, "touch", False))

    def _continue_label(self) -> str:
        if self.index == len(self.session.sections()) - 1 or self.return_to_review:
            return tr("Kiểm tra lại ▶ (PgDn)", "Review ▶ (PgDn)")
        return tr("Tiếp tục ▶ (PgDn)", "Continue ▶ (PgDn)")

    def _nav_bar(self, continue_label: str) -> Horizontal:
        buttons = [
            Button(tr("◀ Quay lại (PgUp)", "◀ Back (PgUp)"), id="nav-back"),
            Button(continue_label, variant="primary", id="nav-continue"),
        ]
        if self.pinned:  # a kiosk or a browser tab keeps a draft only under a resume code (F9)
            buttons.append(Button(tr("Lưu để làm tiếp (F9)", "Save for later (F9)"), id="nav-save"))
        return Horizontal(*buttons, id="nav", classes="-pinned" if self.pinned else "")

    # --- navigation ----------------------------------------------------------------------------
    @property
    def section(self):  # -> Section
        return self.session.sections()[self.index]

    async def show_section(self, index: int, focus_path: str | None = None) -> None:
        """Rebuild the body for section ``index`` from the saved answers."""
        sections = self.session.sections()
        self.index = max(0, min(index, len(sections) - 1))
        section = self.section
        self._save(lambda: self.session.set_section(section.key))
        self.progress.update(
            tr(
                f"Bước {self.index + 1}/{len(sections)} · {section.title}",
                f"Step {self.index + 1}/{len(sections)} · {section.title_en or section.title}",
            )
        )
        self._save(lambda: self.session.set_many(proposals(self.session, section.fields)))
        copy_hint = self._copy_hint()
        help_text = "\n".join(filter(None, [tr(section.help, section.help_en or section.help), copy_hint]))
        intro = Static(help_text, id="section-help", classes="help")
        intro.display = bool(help_text)
        copy = Button(
            tr("Chép thông tin người yêu cầu (F4)", "Copy the requester's answers (F4)"), id="copy-requester"
        )
        copy.display = bool(copy_hint)
        self.show_summary([])
        await self.body.remove_children()
        widgets: list[Widget] = [intro, copy, *build_section(self.session, section.fields)]
        if self.pinned:
            self.query_one("#nav-continue", Button).label = self._continue_label()
        else:
            widgets.append(self._nav_bar(self._continue_label()))
        await self.body.mount_all(widgets)
        self.refresh_visibility()
        self.body.scroll_home(animate=False)
        target = closest(self.targets(), focus_path) if focus_path else None
        self.call_after_refresh(target.focus_control if target else self.focus_first)

    def _copy_hint(self) -> str:
        """The step of a block the requester is (the mother who declares her child): say F4 copies it."""
        target = suggested_target(self.session, self.section.fields)
        if target is None or any(p.startswith(target + ".") for p in self.session.answers):
            return ""
        label = self.session.docs[target].label_for()
        return tr(
            f"Người yêu cầu cũng là {label.lower()}: chạm nút “Chép” hoặc nhấn F4 để chép thông tin đã khai,"
            " khỏi gõ lại.",
            f"The requester is also the {label.lower()}: tap “Copy” or press F4 to copy what was already"
            " entered.",
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """F4 only where a step has a person block the requester's answers fit."""
        if action == "copy_requester":
            return bool(copy_targets(self.session, self.section.fields))
        return True

    async def action_copy_requester(self) -> None:
        """Copy the requester's answers into this step's person block (the suggested one first)."""
        fields = self.section.fields
        targets = copy_targets(self.session, fields)
        if not targets:
            return
        target = suggested_target(self.session, fields) or targets[0]
        self.commit_all()
        if not self._save(lambda: self.session.set_many(copied_answers(self.session, target))):
            return
        await self.show_section(self.index, focus_path=f"{target}.ho_ten")
        label = self.session.docs[target].label_for()
        self.notify(
            tr(
                f"Đã chép thông tin người yêu cầu vào “{label}”: kiểm tra lại rồi tiếp tục.",
                f"The requester's answers were copied into “{label}”: check them, then continue.",
            ),
            timeout=6,
        )

    def focus_first(self) -> None:
        """The first question's control: not a button (F4's copy button stands above the questions) and
        not a widget inside something hidden (``focusable`` looks at visibility, not at ``display``)."""
        for widget in self.body.query("*"):
            if (
                widget.focusable
                and not isinstance(widget, Button)
                and all(node.display for node in widget.ancestors_with_self if isinstance(node, Widget))
            ):
                widget.focus()
                return

    async def action_continue(self) -> None:
        self.commit_all()
        errors = self.session.section_errors(self.section)
        if errors:
            self.show_errors(errors)
            return
        if self.return_to_review or self.index == len(self.session.sections()) - 1:
            self.return_to_review = False
            self.on_review(self.session)
            return
        await self.show_section(self.index + 1)

    async def action_back(self) -> None:
        self.commit_all()
        if self.index == 0:
            self.app.pop_screen()
            return
        self.return_to_review = False
        await self.show_section(self.index - 1)

    def action_home(self) -> None:
        self.commit_all()
        self.app.pop_screen()

    async def edit(self, path: str) -> None:
        """Open the section holding ``path`` with its field focused; Continue returns to the review."""
        section = self.session.section_of_path(path)
        self.return_to_review = True
        await self.show_section(self.session.section_index(section.key if section else None), focus_path=path)

    @on(Button.Pressed, "#nav-continue")
    async def _continue_pressed(self) -> None:
        await self.action_continue()

    @on(Button.Pressed, "#nav-back")
    async def _back_pressed(self) -> None:
        await self.action_back()

    @on(Button.Pressed, "#nav-save")
    async def _save_pressed(self) -> None:
        await self.app.run_action(getattr(self.app, "SAVE_ACTION", "save_tab"))

    @on(Button.Pressed, "#copy-requester")
    async def _copy_pressed(self) -> None:
        await self.action_copy_requester()

    # --- what is on screen ---------------------------------------------------------------------
    def targets(self) -> dict[str, Target]:
        return {
            w.path: w
            for w in self.body.query("FieldRow, BlockBox, RowsEditor").results()
            if isinstance(w, Target)
        }

    def fields(self) -> Iterable[FieldRow]:
        return self.body.query(FieldRow).results()

    def refresh_visibility(self) -> None:
        for w in self.targets().values():
            w.display = self.session.visible(w.path)

    def show_summary(self, lines: list[str]) -> None:
        if lines:
            head = tr(
                f"Còn {len(lines)} chỗ cần sửa trước khi tiếp tục:",
                f"{plural(len(lines), 'thing')} to fix first:",
            )
            self.summary.update("\n".join([head, *[f"• {line}" for line in lines]]))
        self.summary.set_class(bool(lines), "-shown")

    def show_errors(self, errors: list[FieldError]) -> None:
        """Each message under its field, a summary on top, the first one focused."""
        targets = self.targets()
        for w in targets.values():
            w.show_error(None)
        grouped: dict[str, list[str]] = {}
        lines: list[str] = []
        first: Target | None = None
        for error in errors:
            target = closest(targets, error.path)
            if target is None:
                lines.append(f"{error.path}: {error.message}")
                continue
            text = describe(target, error) if target.path != error.path else error.message
            grouped.setdefault(target.path, []).append(text)
            lines.append(describe(target, error))
            first = first or target
        for path, messages in grouped.items():
            targets[path].show_error("\n".join(dict.fromkeys(messages)))
        self.show_summary(lines)
        if first is not None:
            first.focus_control()
            self.call_after_refresh(first.scroll_visible)  # the summary above changed the layout

    # --- saving --------------------------------------------------------------------------------
    def _save(self, action: Callable[[], None], path: str | None = None) -> bool:
        """Run a store write; "Đã lưu" only once it returned, a clear message while anything is unsaved.

        An answer that could not be saved stays on screen and in the session, and is tried again
        with the next save.
        """
        try:
            action()
            for waiting in list(self.unsaved):
                self.session.store.save_answer(
                    self.session.draft_id, waiting, self.session.answers.get(waiting)
                )
                self.unsaved.discard(waiting)
        except StorageError as exc:
            if path is not None:
                self.unsaved.add(path)
            message = storage_message(exc)
            self.status.problem = tr(f"CHƯA LƯU ĐƯỢC: {message}", f"NOT SAVED: {message}")
            self.notify(message, title=tr("Chưa lưu được", "Not saved"), severity="error", timeout=15)
            return False
        self.status.problem = ""
        self.status.saved = tr("✓ Đã lưu", "✓ Saved")
        return True

    def _changed(self, path: str, value: JSONValue) -> bool:
        old = self.session.answers.get(path)
        if path not in self.session.answers:
            return not is_empty(value)
        return old != value

    def save_value(self, path: str, value: JSONValue) -> None:
        if self._changed(path, value) or path in self.unsaved:
            saved = self._save(lambda: self.session.set(path, value), path)
            if saved and path.endswith("ho_ten") and not is_empty(value):
                self._save(lambda: self.session.store.set_label(self.session.draft_id, self.session.label()))

    def commit_all(self) -> None:
        """Save whatever is on screen (the focused field has not been left yet)."""
        for row in self.fields():
            if self.session.visible(row.path) or row.path in self.session.answers:
                self.save_value(row.path, row.value)

    @on(FieldRow.Committed)
    def _committed(self, event: FieldRow.Committed) -> None:
        self.save_value(event.path, event.value)
        base = event.path.rpartition(".")[0]
        targets = self.targets()
        for key, value in event.extra.items():
            sibling = f"{base}.{key}" if base else key
            if isinstance(targets.get(sibling), FieldRow):
                targets[sibling].set_value(value)  # type: ignore[union-attr]
                self.save_value(sibling, value)
        self.refresh_visibility()

    @on(BlockBox.Toggled)
    def _toggled(self, event: BlockBox.Toggled) -> None:
        self._save(lambda: self.session.set_present(event.path, event.given))
        self.refresh_visibility()
        if event.given:
            self.call_after_refresh(event.box.presence.focus)

    @on(CardRead)
    def _card(self, event: CardRead) -> None:
        event.stop()
        self._take_card(event)

    @work
    async def _take_card(self, event: CardRead) -> None:
        """Fill a person block from a CCCD QR code; a card of the other sex than the block's (a man's
        card in "Bên nữ") is named plainly and filled only if the person says so."""
        implied = block_sex(self.session, event.block)
        sex = event.qr.gioi_tinh
        if implied and sex and sex != implied:
            label = self.session.docs[template_path(event.block)].label_for()
            whose = tr("một người nam", "a man") if sex == "Nam" else tr("một người nữ", "a woman")
            question = tr(
                f"Thẻ này là của {whose} (giới tính {sex}), nhưng “{label}” là người {implied.lower()}.\n"
                "Vẫn điền thông tin của thẻ vào đây?",
                f"This card is {whose}'s, but “{label}” is a {'man' if implied == 'Nam' else 'woman'}.\n"
                "Fill this block from the card anyway?",
            )
            yes, no = tr("Vẫn điền", "Fill anyway"), tr("Không điền", "Do not fill")
            if not await self.app.push_screen_wait(ConfirmDialog(question, yes=yes, no=no)):
                return
        self._fill_from_card(event)

    def _fill_from_card(self, event: CardRead) -> None:
        """Put the card's values into the block's fields; its address is offered, not imposed."""
        qr, block = event.qr, event.block
        targets = self.targets()
        filled: dict[str, JSONValue] = {}
        for key, value in card_values(qr).items():
            row = targets.get(f"{block}.{key}")
            if isinstance(row, FieldRow):
                row.set_value(value)
                filled[row.path] = value
        filled[QR_ADDRESS + block] = qr.noi_thuong_tru
        self._save(lambda: self.session.set_many(filled))
        for w in targets.values():
            if isinstance(w, BlockBox) and w.is_address and w.path.rpartition(".")[0] == block:
                w.offer_card_address(qr.noi_thuong_tru)
        self.notify(card_notice(event), timeout=6)

    @on(BlockBox.UseCardAddress)
    async def _use_card(self, event: BlockBox.UseCardAddress) -> None:
        from formfill.types.address import split_address

        text = self.session.answers.get(QR_ADDRESS + event.path.rpartition(".")[0])
        if not isinstance(text, str):
            return
        parts = {f"{event.path}.{k}": v for k, v in split_address(text).items()}
        await event.box.show(True)
        targets = self.targets()
        for path, value in parts.items():
            if isinstance(targets.get(path), FieldRow):
                targets[path].set_value(value)  # type: ignore[union-attr]
        self._save(lambda: self.session.set_many({**parts, f"@present:{event.path}": True}))
        for path in parts:
            row = targets.get(path)
            if isinstance(row, FieldRow):
                row.check()
        self.refresh_visibility()

    @on(RowsEditor.EditRow)
    def _edit_row(self, event: RowsEditor.EditRow) -> None:
        values = self.session.row_values(event.path, event.row)

        def done(result: dict[str, JSONValue] | None) -> None:
            if result is None:
                return
            self._save(lambda: self.session.set_row(event.path, event.row, result))
            event.editor.refresh_rows()
            event.editor.show_error(None)
            event.editor.focus_control()

        self.app.push_screen(RowDialog(self.session, event.path, event.row, values), done)

    @on(RowsEditor.RemoveRow)
    @work
    async def _remove_row(self, event: RowsEditor.RemoveRow) -> None:
        values = self.session.row_values(event.path, event.row)
        name = values.get("ho_ten") or ""
        question = tr(f"Xoá dòng {event.row} {name}?", f"Remove row {event.row} {name}?")
        if await self.app.push_screen_wait(ConfirmDialog(question, yes=tr("Xoá", "Remove"))):
            self._save(lambda: self.session.remove_row(event.path, event.row))
            event.editor.refresh_rows()
        event.editor.focus_control()
