"""Test-only launcher: ``python tests/batch/launch.py [--renderer=module:attr] ARGS...`` runs
``formfill ARGS...`` with a test renderer installed (default ``stub_render:RENDERER``).

The double is installed with :func:`formfill.batch.set_default_renderer` in this process; the batch
hands the same object (pickled) to its worker processes. Nothing in formfill reads an environment
variable or option for it.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> None:
    ref = "stub_render:RENDERER"
    if argv and argv[0].startswith("--renderer="):
        ref, argv = argv[0].split("=", 1)[1], argv[1:]
    sys.path.insert(0, str(HERE))  # stub_render, stub_bad (and, via spawn, for the workers too)
    from formfill.batch import set_default_renderer

    module, _, attr = ref.partition(":")
    set_default_renderer(getattr(importlib.import_module(module), attr))
    from formfill.cli import main as formfill_main

    sys.argv = ["formfill", *argv]
    formfill_main()


if __name__ == "__main__":
    main(sys.argv[1:])
