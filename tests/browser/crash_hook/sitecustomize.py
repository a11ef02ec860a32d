"""Test-only (put on PYTHONPATH by tests/browser/test_crash.py): a served tab crashes when a saved
value holds the marker, from the app's own loop, with the value in the error and in its locals."""

from __future__ import annotations

import os
import sys

MARKER = os.environ.get("FORMFILL_TEST_CRASH_MARKER", "")

if MARKER and "serve-tab" in sys.argv:
    from formfill.tui.screens import wizard

    _save_value = wizard.WizardScreen.save_value

    def _boom(value: object) -> None:
        label = "Họ, chữ đệm, tên"
        raise RuntimeError(f"{label}: {value}")

    def save_value(self, path, value):  # type: ignore[no-untyped-def]
        if MARKER in str(value):
            self.app.call_later(_boom, value)
        return _save_value(self, path, value)

    wizard.WizardScreen.save_value = save_value
