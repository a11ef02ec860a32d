"""Architecture boundaries: only formfill/tui imports Textual."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import formfill


def test_core_never_imports_textual() -> None:
    pkg = Path(formfill.__file__).parent
    modules = sorted(
        "formfill." + ".".join(p.relative_to(pkg).with_suffix("").parts).removesuffix(".__init__")
        for p in pkg.rglob("*.py")
        if "tui" not in p.relative_to(pkg).parts and p.name != "__main__.py"
    )
    modules = [m.removesuffix(".__init__") for m in modules]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from formfill.forms import list_forms\n"
        "list_forms()\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print('TEXTUAL' if bad else 'CLEAN', len(sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("CLEAN"), out.stdout + out.stderr
    assert len(modules) > 10
