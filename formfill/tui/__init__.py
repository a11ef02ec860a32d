"""The assistant: a Textual app that walks a person through a form to a printed PDF.

Only this package imports Textual. ``session`` and ``choices`` hold the logic a kiosk or web front
end could reuse; ``app`` builds the app (``create_app``/``run_app``), ``screens/``, ``widgets/`` and
``dialogs/`` the parts of it, ``formfill.tcss`` its looks.
"""
