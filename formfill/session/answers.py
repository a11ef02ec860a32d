"""One declaration being filled: answers by field path, saved to a draft, validated by the schema.

No Textual here: a future kiosk or web front end can drive the same session. Answers are flat
(``nguoi_yeu_cau.ho_ten``, ``thanh_vien.2.ho_ten``; rows count from 1) and kept as typed; the
nested declaration dict is built from them on demand. Two kinds of bookkeeping answer start with
``@`` and never reach the declaration: whether an optional block is given (``@present:me``) and
the address read from a CCCD QR code for a person block (``@qr-address:me``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic_core import PydanticUndefined

from formfill.base.messages import format_message
from formfill.forms import FieldError, FormSpec, Section, explain
from formfill.forms.field_docs import FieldDoc, field_info, walk
from formfill.session.rules import merge, rule_errors
from formfill.storage import DraftStore, JSONValue

PRESENT = "@present:"
QR_ADDRESS = "@qr-address:"
_ROW = re.compile(r"\.(\d+)(?=\.|$)")


def template_path(path: str) -> str:
    """``thanh_vien.2.ho_ten`` -> ``thanh_vien.N.ho_ten`` (the path :func:`walk` uses)."""
    return _ROW.sub(".N", path)


def parent_path(path: str) -> str:
    """The block holding a field: ``me.noi_cu_tru.xa`` -> ``me.noi_cu_tru``; rows stay attached."""
    return path.rpartition(".")[0]


def _nfc(value: JSONValue) -> JSONValue:
    return unicodedata.normalize("NFC", value) if isinstance(value, str) else value


def is_empty(value: Any) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


@dataclass
class FormSession:
    """Answers of one draft. Every change is written to the store before the method returns."""

    spec: FormSpec
    store: DraftStore
    draft_id: str
    answers: dict[str, JSONValue] = field(default_factory=dict)
    current_section: str | None = None

    # --- opening ---------------------------------------------------------------------------------
    @classmethod
    def new(cls, spec: FormSpec, store: DraftStore) -> FormSession:
        draft = store.create(spec.id, spec.meta.version)
        return cls(spec, store, draft.id)

    @classmethod
    def resume(cls, spec: FormSpec, store: DraftStore, draft_id: str) -> FormSession:
        draft = store.load(draft_id)
        return cls(spec, store, draft.id, dict(draft.answers), draft.current_section)

    # --- metadata --------------------------------------------------------------------------------
    @cached_property
    def docs(self) -> dict[str, FieldDoc]:
        """Every field and block of the form by template path."""
        return {d.path: d for d in walk(self.spec.model, groups=True)}

    def doc(self, path: str) -> FieldDoc:
        return self.docs[template_path(path)]

    def children(self, path: str) -> list[FieldDoc]:
        """Direct children of a block (or of a row of a repeating group), in the form's order."""
        tpl = template_path(path)
        if tpl in self.docs and self.docs[tpl].kind == "list":
            tpl += ".N"
        prefix = tpl + "." if tpl else ""
        return [d for p, d in self.docs.items() if p.startswith(prefix) and "." not in p[len(prefix) :]]

    def section_docs(self, section: Section) -> list[FieldDoc]:
        return [self.docs[key] for key in section.fields if key in self.docs]

    def sections(self) -> tuple[Section, ...]:
        return self.spec.meta.sections

    def section_index(self, key: str | None) -> int:
        for i, s in enumerate(self.sections()):
            if s.key == key:
                return i
        return 0

    def row_model(self, list_path: str) -> type[BaseModel]:
        """The block class of a repeating group's rows."""
        block, _key, _info = field_info(
            self.spec.model, f"{template_path(list_path)}.N.{self.children(list_path)[0].key}"
        )
        return block

    # --- reading ---------------------------------------------------------------------------------
    def get(self, path: str) -> JSONValue:
        return self.answers.get(path)

    def present(self, block_path: str) -> bool:
        return self.answers.get(PRESENT + block_path) is True

    def is_optional_block(self, path: str) -> bool:
        """A block that may be left out as a whole (it gets a "Có thông tin / Không có" toggle)."""
        doc = self.doc(path)
        # A conditional block (show_when) applies whenever its condition holds: no switch of its own.
        return doc.kind == "group" and not doc.required and not doc.show_when

    def visible(self, path: str) -> bool:
        """A field applies: its condition holds and every optional block around it is given."""
        parts = path.split(".")
        for end in range(1, len(parts) + 1):
            prefix = ".".join(parts[:end])
            if parts[end - 1].isdigit():
                continue
            doc = self.doc(prefix)
            if end < len(parts) and self.is_optional_block(prefix) and not self.present(prefix):
                return False
            if doc.show_when:
                base = parent_path(prefix)
                for key, wanted in doc.show_when.items():
                    if self.answers.get(f"{base}.{key}" if base else key) != wanted:
                        return False
        return True

    def rows(self, list_path: str) -> int:
        """How many rows a repeating group has."""
        prefix = list_path + "."
        numbers = [int(p[len(prefix) :].split(".")[0]) for p in self.answers if p.startswith(prefix)]
        return max(numbers, default=0)

    def row_values(self, list_path: str, row: int) -> dict[str, JSONValue]:
        prefix = f"{list_path}.{row}."
        return {p[len(prefix) :]: v for p, v in self.answers.items() if p.startswith(prefix)}

    def data(self) -> dict[str, Any]:
        """The declaration as a nested dict, from the answers that apply (empty ones left out)."""
        out: dict[str, Any] = {}
        for path, value in sorted(self.answers.items(), key=lambda kv: _sort_key(kv[0])):
            if path.startswith(PRESENT):
                block = path[len(PRESENT) :]
                if value is True and self.visible(block):
                    _put(out, block.split("."), None)
                continue
            if path.startswith("@") or is_empty(value) or not self.visible(path):
                continue
            _put(out, path.split("."), value)
        return out

    # --- writing (each call commits before returning; StorageError propagates) -------------------
    def set(self, path: str, value: JSONValue) -> None:
        value = _nfc(value)
        self.answers[path] = value
        self.store.save_answer(self.draft_id, path, value)

    def set_many(self, values: dict[str, JSONValue]) -> None:
        values = {p: _nfc(v) for p, v in values.items()}
        self.answers.update(values)
        self.store.save_answers(self.draft_id, values)

    def set_present(self, block_path: str, given: bool) -> None:
        self.set(PRESENT + block_path, given)

    def set_row(self, list_path: str, row: int, values: dict[str, JSONValue]) -> None:
        """Replace a row's answers (``row`` = rows() + 1 adds one)."""
        prefix = f"{list_path}.{row}"
        full = {f"{prefix}.{k}": _nfc(v) for k, v in values.items() if not is_empty(v)}
        for p in [p for p in self.answers if p.startswith(prefix + ".")]:
            del self.answers[p]
        self.answers.update(full)
        self.store.save_answers(self.draft_id, full, remove=[prefix])

    def remove_row(self, list_path: str, row: int) -> None:
        """Remove a row and renumber the ones after it, in one transaction."""
        count = self.rows(list_path)
        moved: dict[str, JSONValue] = {}
        for later in range(row + 1, count + 1):
            for key, value in self.row_values(list_path, later).items():
                moved[f"{list_path}.{later - 1}.{key}"] = value
        removed = [f"{list_path}.{i}" for i in range(row, count + 1)]
        self.store.save_answers(self.draft_id, moved, remove=removed)
        for p in [p for p in self.answers if any(p.startswith(r + ".") for r in removed)]:
            del self.answers[p]
        self.answers.update(moved)

    def set_section(self, key: str) -> None:
        self.current_section = key
        self.store.set_section(self.draft_id, key)

    # --- validation (the schema decides; nothing here re-states a rule) ---------------------------
    def section_errors(self, section: Section) -> list[FieldError]:
        """Every error of a step at once: its fields by their own types, then every rule (of a block
        or of the declaration) that reports on this step's fields."""
        data = self.data()
        model = self.spec.model
        errors: list[FieldError] = []
        for key in section.fields:
            info = model.model_fields[key]
            if key in data:
                value = data[key]
            elif info.is_required() and self.docs[key].kind == "group":
                value = {}
            elif info.is_required():
                errors.append(FieldError(key, "missing", format_message("missing")))
                continue
            else:
                continue
            try:
                _adapter(model, key).validate_python(value)
            except ValidationError as exc:
                errors.extend(explain(exc, prefix=(key,)))
        # The rules whose fields sit on this step, even those a wrong answer elsewhere still hides.
        keys = set(section.fields)
        hidden = [e for e in rule_errors(model, data, keys=keys) if e.path.split(".")[0] in keys]
        return merge(errors, hidden)

    def row_errors(self, list_path: str, values: dict[str, JSONValue], row: int) -> list[FieldError]:
        """Errors of one row of a repeating group (paths include the row number)."""
        data = {k: v for k, v in values.items() if not is_empty(v)}
        try:
            TypeAdapter(self.row_model(list_path)).validate_python(data)
        except ValidationError as exc:
            return explain(exc, prefix=(*list_path.split("."), row - 1))
        return []

    def review_errors(self) -> list[FieldError]:
        """Every error of the whole declaration, the cross-field rules included."""
        try:
            self.spec.validate(self.data())
        except ValidationError as exc:
            return explain(exc)
        return []

    def declaration(self) -> BaseModel:
        """The validated declaration; raises ``ValidationError``."""
        return self.spec.validate(self.data())

    def section_of_path(self, path: str) -> Section | None:
        return self.spec.meta.section_of(path.split(".")[0])

    def label(self) -> str | None:
        """A short label for the draft list: the first name answered."""
        for path, value in self.answers.items():
            if path.endswith("ho_ten") and isinstance(value, str) and value.strip():
                return value
        return None


def default_value(session: FormSession, path: str) -> JSONValue:
    """The schema default of a field, shown until the person answers ("Việt Nam")."""
    _block, _key, info = field_info(session.spec.model, path)
    default = info.default
    if default is PydanticUndefined or default is None or isinstance(default, list | dict):
        return None
    return default if isinstance(default, str | bool | int) else str(default)


def _adapter(model: type[BaseModel], key: str) -> TypeAdapter[Any]:
    from formfill.forms.field_docs import field_adapter

    return field_adapter(model, key)


def _sort_key(path: str) -> tuple[Any, ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in path.split("."))


def _put(out: dict[str, Any], parts: list[str], value: Any) -> None:
    """Set ``value`` at ``parts`` (digits index lists from 1); ``None`` only creates the blocks."""
    node: Any = out
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        nxt_is_row = not last and parts[i + 1].isdigit()
        if isinstance(node, list):
            index = int(part) - 1
            while len(node) <= index:
                node.append({})
            if last:
                if value is not None:
                    node[index] = value
                return
            node = node[index]
            continue
        if last:
            if value is None:
                node.setdefault(part, {})
            else:
                node[part] = value
            return
        node = node.setdefault(part, [] if nxt_is_row else {})


def error_paths(errors: Iterable[FieldError]) -> list[str]:
    return [e.path for e in errors]
