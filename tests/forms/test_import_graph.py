"""Layering: forms know nothing of layout, layout nothing of forms nor of reportlab; the catalog
stands above both. Checked on the source (every import, at the top or inside a function) and on a
live process (what importing and using the forms package loads)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import formfill

PKG = Path(formfill.__file__).parent

# package -> what it may never import (itself or a submodule of it)
FORBIDDEN = {
    "forms": ("formfill.layout", "formfill.render", "formfill.catalog", "reportlab"),
    "model": ("formfill.layout", "formfill.render", "formfill.catalog", "formfill.forms"),
    "schema": ("formfill.layout", "formfill.render", "formfill.catalog"),
    "layout": ("formfill.forms", "formfill.render", "formfill.catalog", "reportlab", "pdfplumber", "pikepdf"),
}


def _imports(text: str, package: str) -> list[tuple[int, str]]:
    """Every module a source imports, with the line (relative imports resolved against ``package``)."""
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            out.append((node.lineno, base))
            out.extend((node.lineno, f"{base}.{alias.name}") for alias in node.names)
    return out


def _file_imports(path: Path) -> list[tuple[int, str]]:
    package = ".".join(("formfill", *path.relative_to(PKG).parent.parts))
    return _imports(path.read_text(encoding="utf-8"), package)


def _hits(name: str, banned: tuple[str, ...]) -> bool:
    return any(name == b or name.startswith(b + ".") for b in banned)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_crosses_a_layer(package: str) -> None:
    files = sorted((PKG / package).rglob("*.py"))
    assert files
    crossing = [
        f"{path.relative_to(PKG.parent)}:{line}: {name}"
        for path in files
        for line, name in _file_imports(path)
        if _hits(name, FORBIDDEN[package])
    ]
    assert not crossing, crossing


def test_the_import_walk_sees_imports_inside_functions() -> None:
    """It would have caught the old ``forms.pack._check_templates`` (an import inside a function)."""
    sample = "def f():\n    from formfill.layout import load_template\n    from ..layout import loader\n"
    names = {name for _line, name in _imports(sample, "formfill.forms")}
    assert {"formfill.layout.load_template", "formfill.layout.loader"} <= names
    assert all(_hits(n, FORBIDDEN["forms"]) for n in names)


def test_using_the_forms_package_loads_no_layout() -> None:
    code = (
        "import sys\n"
        "import formfill.forms, formfill.forms.dictionary, formfill.forms.field_docs, formfill.schema.persons\n"
        "from formfill.forms import get_form, list_forms\n"
        "specs = list_forms()\n"
        "get_form('khai-sinh').json_schema()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('formfill.layout', 'formfill.render', 'formfill.catalog', 'reportlab')))\n"
        "print(len(specs), loaded)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    count, loaded = out.stdout.strip().split(" ", 1)
    assert int(count) >= 8
    assert loaded == "[]", loaded


def test_the_catalog_checks_templates_and_forms_do_not(tmp_path: Path) -> None:
    """A pack whose template is broken: ``formfill.forms`` lists it (it reads no template), the
    catalog refuses it naming file and line."""
    root = PKG.parent
    pack = tmp_path / "pack"
    (pack / "schemas").mkdir(parents=True)
    (pack / "form_templates").mkdir()
    source = (root / "schemas" / "khai_sinh.py").read_text(encoding="utf-8")
    (pack / "schemas" / "thu_nghiem.py").write_text(
        source.replace('id="khai-sinh"', 'id="thu-nghiem"'), "utf-8"
    )
    template = (root / "form_templates" / "khai-sinh.yaml").read_text(encoding="utf-8")
    broken = template.replace("form: khai-sinh", "form: thu-nghiem").replace("kinh_gui", "kinh_gui_sai", 1)
    (pack / "form_templates" / "thu-nghiem.yaml").write_text(broken, encoding="utf-8")
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if "kinh_gui_sai" in text)
    code = (
        "import formfill.forms, formfill.catalog\n"
        "from formfill.base.errors import FormPackError\n"
        "print(formfill.forms.get_form('thu-nghiem').id)\n"
        "try:\n"
        "    formfill.catalog.get_form('khai-sinh')\n"
        "except FormPackError as exc:\n"
        "    print('REFUSED', exc)\n"
    )
    env = {"FORMFILL_PACKS": str(pack), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    first, refused = out.stdout.splitlines()
    assert first == "thu-nghiem"
    assert (
        refused.startswith("REFUSED ") and f"thu-nghiem.yaml:{line}:" in refused and "kinh_gui_sai" in refused
    )
