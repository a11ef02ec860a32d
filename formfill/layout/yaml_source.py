"""YAML with line numbers: ``yaml.safe_load`` semantics, plus a map from data paths to source lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from formfill.base.errors import FormPackError

Path_ = tuple[str | int, ...]


class TemplateError(FormPackError):
    """A broken template: the message starts with ``file:line:``."""

    def __init__(self, file: Path | str, line: int | None, message: str) -> None:
        self.file = str(file)
        self.line = line
        self.detail = message
        where = f"{self.file}:{line}" if line else self.file
        super().__init__(f"{where}: {message}")


class SourceMap:
    """Lines of every mapping key / sequence item of a YAML document (1-based)."""

    def __init__(self, file: Path | str, lines: dict[Path_, int]) -> None:
        self.file = str(file)
        self._lines = lines

    def line(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor present in the document.

        Components absent from the document (a union tag pydantic adds to a location) are skipped.
        """
        found: list[str | int] = []
        best = self._lines.get((), 1)
        for part in path:
            candidate = (*found, part)
            if candidate in self._lines:
                found.append(part)
                best = self._lines[candidate]
        return best

    def error(self, path: Path_, message: str) -> TemplateError:
        return TemplateError(self.file, self.line(path), message)


def _walk(node: yaml.Node, path: Path_, out: dict[Path_, int]) -> None:
    out.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                out[(*path, key.value)] = key.start_mark.line + 1
                _walk(value, (*path, key.value), out)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            out[(*path, i)] = item.start_mark.line + 1
            _walk(item, (*path, i), out)


MAX_DEPTH = 50  # the built-in templates nest 8 deep


def _check_shape(path: Path, text: str) -> None:
    """Refuse, before anything is built, what a template never needs and a hostile file uses:
    anchors and aliases (an alias bomb grows exponentially) and nesting past :data:`MAX_DEPTH`
    (the composer recurses). The event stream is read without recursion."""
    depth = 0
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        line = event.start_mark.line + 1 if event.start_mark else None
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise TemplateError(path, line, "anchors and aliases (&, *) are not allowed in a template")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise TemplateError(path, line, f"nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def load_yaml(path: Path) -> tuple[Any, SourceMap]:
    """Read a YAML file safely; errors name the file and the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(path, None, f"cannot read: {exc}") from exc
    try:
        _check_shape(path, text)
        loader = yaml.SafeLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise TemplateError(path, mark.line + 1 if mark else None, str(exc.problem or exc)) from exc
    except yaml.YAMLError as exc:
        raise TemplateError(path, None, str(exc)) from exc
    lines: dict[Path_, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return data, SourceMap(path, lines)
