"""The apps in a browser tab (``formfill serve``): what differs from a terminal.

A tab is one process among many on the same server, so the assistant lists no drafts (another
tab's would show); a draft lives while its tab does and outlives it only under a resume code the
person asked for. A finished PDF goes to the browser (Textual's ``deliver_binary``), not into a
server folder. An unexpected error ends the tab with its type alone in the log: Textual's own report
(a traceback with locals) could hold a person's values, and textual-serve copies it into its log.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from formfill.base.errors import FormfillError
from formfill.base.i18n import tr
from formfill.storage import StorageError
from formfill.tui.widgets.status import storage_message

if TYPE_CHECKING:
    from textual.app import App

    from formfill.tui.app import FormfillApp

log = logging.getLogger("formfill.serve")

PDF = "application/pdf"


def deliver_pdf(app: Any, data: bytes, name: str) -> None:
    """Hand ``data`` to the browser, which shows it to print or save (no copy stays on the server)."""
    app.deliver_binary(io.BytesIO(data), save_filename=name, open_method="browser", mime_type=PDF)


def pdf_sender(app: Any, spec: Any, declaration: Any, when: Any) -> Callable[[], None]:
    """Render the PDF once; the returned call sends it to the browser (again, from the finish screen)."""
    from formfill.render import render_pdf
    from formfill.session.printout import pdf_name

    data, name = render_pdf(spec, declaration), pdf_name(spec, when)
    return lambda: deliver_pdf(app, data, name)


def crash(app: App[Any], error: BaseException) -> None:
    """Textual's last resort, served: the error's type in the log, the tab ends (no traceback)."""
    log.error("unexpected error %s", type(error).__name__)
    app._return_code = 1
    app._close_messages_no_wait()


def forget_tab(app: FormfillApp) -> None:
    """The tab closes: its drafts go (what was kept under a resume code stays, under that code)."""
    for draft_id in app.tab_drafts:
        try:
            app.store.delete(draft_id)
        except StorageError as exc:
            log.error("draft not deleted (%s)", type(exc).__name__)
    app.tab_drafts = []


def resume_by_code(app: FormfillApp, text: str) -> None:
    """Open the answers kept under a resume code in a new draft of this tab."""
    from formfill.catalog import get_form
    from formfill.session.answers import FormSession
    from formfill.storage.codes import CodeError, normalize
    from formfill.tui.screens.wizard import WizardScreen

    store: Any = app.store
    try:
        code = normalize(text)
        found = store.open_resume(code)
        if found is None:
            app.notify(tr("Không tìm thấy mã này.", "No such code."), severity="error")
            return
        form_id, answers = found
        session = FormSession.new(get_form(form_id), store)
        app.tab_drafts.append(session.draft_id)
        session.set_many(answers)
        store.forget_resume(code)  # the draft of this tab holds the answers now
    except CodeError as exc:
        app.notify(str(exc), severity="error")
        return
    except (StorageError, FormfillError) as exc:
        app.notify(storage_message(exc), severity="error")
        return
    app.push_screen(WizardScreen(session, on_review=app.review))


def save_for_later(app: FormfillApp) -> None:
    """ "Lưu lại để làm tiếp": the answers under a resume code; this tab's draft goes."""
    from formfill.tui.kiosk.screens import resume_code_screen
    from formfill.tui.screens.wizard import WizardScreen

    wizard = app.screen
    if not isinstance(wizard, WizardScreen):
        return
    wizard.commit_all()
    session = wizard.session
    store: Any = app.store
    try:
        code = store.save_resume(session.spec.id, dict(session.answers))
        store.delete(session.draft_id)
    except (StorageError, FormfillError) as exc:
        app.notify(storage_message(exc), severity="error")
        return
    if session.draft_id in app.tab_drafts:
        app.tab_drafts.remove(session.draft_id)
    app.action_home()
    app.push_screen(resume_code_screen(code, app.settings.retention.draft_hours))
