"""Architecture boundaries, read from the source: which part of formfill may import which.

The rooms of the package are its sub-folders (base, model, types, schema, forms, layout, render,
batch, storage, session, tui, cli) and its top-level modules (catalog). Every ``import`` in every
module counts, including those inside functions and under ``if TYPE_CHECKING:`` (a dependency
all the same). The rules: no circle between rooms; ``forms`` (what a form is) never reaches into
``layout`` (how it is drawn); only ``formfill/tui`` imports Textual; no module over 500 lines.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import formfill

PKG = Path(formfill.__file__).resolve().parent
MAX_LINES = 500


@dataclass(frozen=True)
class Import:
    """One imported module name, where it is written."""

    source: Path  # the importing file
    line: int
    target: str  # "formfill.layout.model", "textual.widgets", ...

    def where(self) -> str:
        return f"{self.source.relative_to(PKG.parent)}:{self.line}"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PKG.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _files() -> list[Path]:
    return sorted(p for p in PKG.rglob("*.py") if "__pycache__" not in p.parts)


def _resolve(path: Path, node: ast.ImportFrom) -> str:
    """The absolute module a ``from … import`` names (relative imports resolved)."""
    if not node.level:
        return node.module or ""
    package = _module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


@cache
def imports() -> tuple[Import, ...]:
    """Every import in every module of formfill (``from x import y`` counts as x and x.y)."""
    found: list[Import] = []
    for path in _files():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.extend(Import(path, node.lineno, alias.name) for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                module = _resolve(path, node)
                found.append(Import(path, node.lineno, module))
                found.extend(Import(path, node.lineno, f"{module}.{a.name}") for a in node.names)
    return tuple(found)


def rooms() -> set[str]:
    """The sub-packages and top-level modules of formfill (not __init__ / __main__)."""
    folders = {p.name for p in PKG.iterdir() if p.is_dir() and any(p.glob("*.py"))}
    modules = {p.stem for p in PKG.glob("*.py") if not p.stem.startswith("__")}
    return folders | modules


def room_of_file(path: Path) -> str | None:
    parts = path.relative_to(PKG).parts
    if len(parts) == 1:
        return None if path.stem.startswith("__") else path.stem
    return parts[0]


def room_of_module(name: str) -> str | None:
    parts = name.split(".")
    if parts[0] != "formfill" or len(parts) < 2 or parts[1] not in rooms():
        return None
    return parts[1]


def room_edges() -> dict[tuple[str, str], list[Import]]:
    """(importing room, imported room) -> the imports that make the edge."""
    edges: dict[tuple[str, str], list[Import]] = defaultdict(list)
    for imp in imports():
        src, dst = room_of_file(imp.source), room_of_module(imp.target)
        if src and dst and src != dst:
            edges[(src, dst)].append(imp)
    return dict(edges)


def circles(edges: set[tuple[str, str]]) -> list[set[str]]:
    """The groups of rooms that reach each other (strongly connected components of two or more)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)

    def reach(start: str) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for nxt in graph[todo.pop()] - seen:
                seen.add(nxt)
                todo.append(nxt)
        return seen

    reachable = {room: reach(room) for room in {r for edge in edges for r in edge}}
    groups: list[set[str]] = []
    for room, seen in sorted(reachable.items()):
        group = {other for other in seen if room in reachable[other]}
        if len(group) > 1 and group not in groups:
            groups.append(group)
    return groups


def _explain(edges: dict[tuple[str, str], list[Import]], keys: list[tuple[str, str]]) -> str:
    lines = []
    for a, b in sorted(keys):
        first = edges[(a, b)][0]
        more = len({i.source for i in edges[(a, b)]}) - 1
        lines.append(
            f"  {a} -> {b}: {first.where()} imports {first.target}" + (f" (+{more} files)" if more else "")
        )
    return "\n".join(lines)


def test_the_rooms_are_read_from_the_folder() -> None:
    found = rooms()
    assert {"base", "model", "types", "schema", "forms", "layout", "render", "batch"} <= found
    assert {"storage", "session", "tui", "cli", "catalog"} <= found
    assert len(imports()) > 200


def test_no_circle_between_sub_packages() -> None:
    edges = room_edges()
    groups = circles(set(edges))
    inside = [(a, b) for (a, b) in edges if any(a in g and b in g for g in groups)]
    listed = "; ".join(" <-> ".join(sorted(g)) for g in groups)
    assert not groups, f"circles between rooms: {listed}\n{_explain(edges, inside)}"


def test_circles_are_found() -> None:
    """The detector itself: a three-room loop is one circle, a chain none."""
    assert circles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [{"a", "b", "c"}]
    assert circles({("a", "b"), ("b", "c")}) == []
    assert circles({("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")}) == [{"a", "b"}, {"c", "d"}]


def test_forms_does_not_import_layout() -> None:
    edges = room_edges()
    assert ("forms", "layout") not in edges, "forms imports layout:\n" + _explain(
        edges, [("forms", "layout")]
    )


def _textual_imports(inside: str | None = None) -> list[str]:
    return [
        f"{imp.where()} imports {imp.target}"
        for imp in imports()
        if (imp.target == "textual" or imp.target.startswith("textual."))
        and (inside is None or room_of_file(imp.source) == inside)
        and room_of_file(imp.source) != "tui"
    ]


def test_only_tui_imports_textual() -> None:
    assert not _textual_imports()


def test_session_does_not_import_textual() -> None:
    assert not _textual_imports("session")


def test_relative_imports_are_resolved() -> None:
    node = ast.parse("from ..base import clock").body[0]
    assert isinstance(node, ast.ImportFrom)
    assert _resolve(PKG / "types" / "dates.py", node) == "formfill.base"
    assert _resolve(PKG / "types" / "__init__.py", node) == "formfill.base"
    same = ast.parse("from . import admin").body[0]
    assert isinstance(same, ast.ImportFrom)
    assert _resolve(PKG / "types" / "dates.py", same) == "formfill.types"


def test_no_module_is_over_500_lines() -> None:
    long = {
        str(p.relative_to(PKG.parent)): n
        for p in _files()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert not long, f"modules over {MAX_LINES} lines (split them by what they hold): {long}"


def test_core_never_imports_textual() -> None:
    """At run time too: importing every module outside tui (and listing the forms) loads no Textual."""
    modules = sorted(
        "formfill." + ".".join(p.relative_to(PKG).with_suffix("").parts).removesuffix(".__init__")
        for p in PKG.rglob("*.py")
        if "tui" not in p.relative_to(PKG).parts and p.name != "__main__.py"
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
