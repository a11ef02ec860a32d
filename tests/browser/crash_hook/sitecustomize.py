"""Test-only (put on PYTHONPATH by tests/browser/test_crash.py): a served tab crashes when a saved
value holds the marker, from the app's own loop, with the value in the error and in its locals —
the assistant's and the kiosk's wizard saving an answer, the desk saving a correction."""

from __future__ import annotations

import os
import sys

MARKER = os.environ.get("FORMFILL_TEST_CRASH_MARKER", "")
LABEL = "Họ, chữ đệm, tên"

if MARKER and "serve-tab" in sys.argv:
    from formfill.session.desk import DeskService
    from formfill.tui.screens import wizard

    _save_value = wizard.WizardScreen.save_value
    _correct = DeskService.correct

    def _boom(value: object) -> None:
        raise RuntimeError(f"{LABEL}: {value}")

    def save_value(self, path, value):  # type: ignore[no-untyped-def]
        if MARKER in str(value):
            self.app.call_later(_boom, value)
        return _save_value(self, path, value)

    def correct(self, code, values, *args, **kwargs):  # type: ignore[no-untyped-def]
        if MARKER in str(values):
            _boom(values)
        return _correct(self, code, values, *args, **kwargs)

    wizard.WizardScreen.save_value = save_value
    DeskService.correct = correct
