"""The start: the bundled forms (searchable without accents) and the drafts to resume or delete."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from formfill.base.i18n import tr
from formfill.catalog import listed_forms
from formfill.session.choices import form_matches, rank_forms  # noqa: F401 - form_matches for tests
from formfill.storage import DraftSummary, StorageError
from formfill.tui.dialogs.choose import ChooseDialog
from formfill.tui.dialogs.confirm import ConfirmDialog
from formfill.tui.keymap import LocalizedBindings, shown
from formfill.tui.widgets.inputs import ImeInput
from formfill.tui.widgets.status import StatusBar, storage_message


class FormList(OptionList):
    """The forms; Enter opens one."""


class DraftList(OptionList):
    """Unfinished declarations; Enter resumes, Delete removes."""

    BINDINGS = [shown("delete", "delete_draft", "Xoá bản nháp", "Delete draft", id="start.delete_draft")]

    def action_delete_draft(self) -> None:
        self.screen.delete_highlighted()  # type: ignore[attr-defined]


class StartScreen(LocalizedBindings, Screen[None]):
    BINDINGS = [
        shown("ctrl+f", "search", "Tìm tờ khai", "Find a form", id="start.search"),
    ]

    def __init__(self) -> None:
        super().__init__(classes="start")
        self.forms = listed_forms()  # titles only: templates are checked when a form is opened
        self.drafts: list[DraftSummary] = []
        self.search = ImeInput(
            placeholder=tr(
                "Tìm tờ khai — gõ không dấu cũng được: khai sinh, ket hon…",
                "Find a form — accents optional: khai sinh, ket hon…",
            ),
            id="search",
        )
        self.form_list = FormList(id="forms")
        self.draft_list = DraftList(id="drafts")
        self.delete_button = Button(
            tr("Xoá bản nháp… (Delete)", "Delete a draft… (Delete)"), id="delete-draft"
        )
        self.drafts_title = Static(
            tr(
                "Bản nháp đang làm dở (Enter: làm tiếp, Delete: xoá)",
                "Unfinished drafts (Enter: resume, Delete: remove)",
            ),
            classes="label",
        )
        self.status = StatusBar()

    def compose(self) -> ComposeResult:
        yield Static(
            tr("formfill — Trợ lý điền tờ khai hành chính", "formfill — declaration assistant"),
            id="form-title",
        )
        yield Static(tr("Chọn tờ khai cần điền", "Choose a form to fill"), id="progress")
        with VerticalScroll(id="body"):
            yield self.search
            yield self.form_list
            yield self.drafts_title
            yield self.draft_list
            yield self.delete_button
        yield self.status
        yield Footer()

    def on_mount(self) -> None:
        self.status.ime = getattr(self.app, "ime_method", None)
        self.show_forms("")
        self.refresh_drafts()
        self.search.focus()

    def on_screen_resume(self) -> None:
        self.status.ime = getattr(self.app, "ime_method", None)
        self.refresh_drafts()

    # --- forms ---------------------------------------------------------------------------------
    def show_forms(self, query: str) -> None:
        shown = rank_forms(self.forms, query)
        self.form_list.set_options(
            Option(
                Text.assemble(
                    (tr(f.meta.title, f.meta.title_en), "bold"),
                    "\n  ",
                    tr(f.meta.description, f.meta.description_en),
                ),
                id=f.id,
            )
            for f in shown
        )
        if shown:
            self.form_list.highlighted = 0

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self.show_forms(event.value)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        if self.form_list.option_count:
            self.open_form(str(self.form_list.get_option_at_index(self.form_list.highlighted or 0).id))

    def key_down(self) -> None:
        if self.search.has_focus:
            self.form_list.focus()

    def action_search(self) -> None:
        self.search.focus()

    @on(OptionList.OptionSelected, "#forms")
    def _form_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_form(str(event.option.id))

    def open_form(self, form_id: str) -> None:
        self.app.new_declaration(form_id)  # type: ignore[attr-defined]

    # --- drafts --------------------------------------------------------------------------------
    def refresh_drafts(self) -> None:
        try:
            self.drafts = self.app.store.list_drafts()  # type: ignore[attr-defined]
        except StorageError as exc:
            self.status.problem = storage_message(exc)
            self.drafts = []
        self.draft_list.set_options(Option(self.draft_line(d), id=d.id) for d in self.drafts)
        if self.drafts:
            self.draft_list.highlighted = 0
        self.draft_list.display = bool(self.drafts)
        self.drafts_title.display = bool(self.drafts)
        self.delete_button.display = bool(self.drafts)

    def draft_line(self, draft: DraftSummary) -> str:
        """ "Tờ khai đăng ký kết hôn · 01/12/2026 06:15": the form's title, never its id."""
        titles = {f.id: tr(f.meta.title, f.meta.title_en) for f in self.forms}
        return f"{titles.get(draft.form_id, draft.form_id)} · {draft.label.split(' · ', 1)[-1]}"

    @on(OptionList.OptionSelected, "#drafts")
    def _draft_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.resume_draft(str(event.option.id))  # type: ignore[attr-defined]

    def delete_highlighted(self) -> None:
        """Delete (the key on the list): the highlighted draft, once confirmed."""
        index = self.draft_list.highlighted
        if index is not None and index < len(self.drafts):
            self.delete_draft(self.drafts[index])

    @on(Button.Pressed, "#delete-draft")
    @work
    async def _delete_pressed(self) -> None:
        """The button (a click cannot highlight a draft without opening it): pick one, then confirm."""
        if not self.drafts:
            return
        picked = await self.app.push_screen_wait(
            ChooseDialog(
                tr("Xoá bản nháp nào?", "Delete which draft?"),
                [(d.id, self.draft_line(d)) for d in self.drafts],
            )
        )
        draft = next((d for d in self.drafts if d.id == picked), None)
        if draft is not None:
            self.delete_draft(draft)

    @work
    async def delete_draft(self, draft: DraftSummary) -> None:
        if await self.app.push_screen_wait(
            ConfirmDialog(
                tr(
                    f"Xoá hẳn bản nháp này?\n{self.draft_line(draft)}",
                    f"Delete this draft for good?\n{self.draft_line(draft)}",
                ),
                yes=tr("Xoá", "Delete"),
            )
        ):
            try:
                self.app.store.delete(draft.id)  # type: ignore[attr-defined]
            except StorageError as exc:
                self.notify(storage_message(exc), severity="error")
            self.refresh_drafts()
            (self.draft_list if self.drafts else self.search).focus()
