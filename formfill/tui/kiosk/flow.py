"""Finishing a declaration at the kiosk: store it, print it (and the receipt slip), build the receipt."""

from __future__ import annotations

import logging
from typing import Any

from formfill.base.i18n import tr
from formfill.session.kiosk import KioskSession, deliver_pdf, papers_for
from formfill.session.printout import pdf_name
from formfill.tui.kiosk.receipt import ReceiptScreen

log = logging.getLogger("formfill.kiosk")


def submit_and_print(app: Any, session: KioskSession) -> ReceiptScreen:
    """The submission is committed before anything is printed; a print failure is said, not fatal.

    Raises the schema's ``ValidationError`` (the declaration has errors) or the store's errors.
    """
    from formfill.render import render_pdf

    spec = session.spec
    declaration = session.declaration()
    submission = app.submissions.submit(
        spec.id,
        spec.meta.version,
        session.data(),
        seconds=session.seconds(),
        errors=session.error_types(),
    )
    title = tr(spec.meta.title, spec.meta.title_en or spec.meta.title)
    papers = papers_for(spec)
    when = app.clock()
    try:
        data, name = render_pdf(spec, declaration), pdf_name(spec, when)
        if getattr(app, "served", False) and not app.config.printer:
            printed = _to_browser(app, data, name)
        else:
            printed = deliver_pdf(data, name, app.config).message
    except Exception as exc:  # the receipt must still be shown: the declaration is stored
        log.error("kiosk: declaration PDF not delivered (%s)", type(exc).__name__)
        printed = tr("Không in được tờ khai, xin báo cán bộ.", "Could not print; please tell the officer.")
    slip = _slip(app, title, submission.code, when, papers)
    if slip is not None and app.config.printer:
        try:
            deliver_pdf(slip, f"bien-nhan-{when:%Y%m%d-%H%M%S}.pdf", app.config)
        except Exception as exc:
            log.error("kiosk: slip not delivered (%s)", type(exc).__name__)
    return ReceiptScreen(title, submission.code, papers, printed)


def _slip(app: Any, title: str, code: str, when: Any, papers: list[str]) -> bytes | None:
    """The receipt slip PDF (``formfill.render.slip``); None, logged by error type only, if it fails."""
    from formfill.render.slip import receipt_slip_pdf

    try:
        return receipt_slip_pdf(app.config.office_name, title, code, when, papers)
    except Exception as exc:
        log.error("kiosk: slip not rendered (%s)", type(exc).__name__)
        return None


def _to_browser(app: Any, data: bytes, name: str) -> str:
    """In a browser tab without a printer: the PDF to the browser (kept on the server only if configured)."""
    from formfill.tui import served

    if app.config.keep_pdf and app.config.output_dir is not None:
        deliver_pdf(data, name, app.config)
    served.deliver_pdf(app, data, name)
    return tr("Tờ khai đã mở trong trình duyệt để in.", "The declaration opened in the browser, to print.")
