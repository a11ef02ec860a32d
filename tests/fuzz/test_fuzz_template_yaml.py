"""Fuzz target: the template loader (:func:`formfill.layout.load_template_file`, read-only use) on the
pack's own templates mutated line by line and token by token (YAML syntax, tags, anchors and
aliases, odd measures and bindings), and on random YAML documents.

Property: loading ends normally or with a ``FormfillError`` (a ``TemplateError`` naming file and line).
Settings and the ``FUZZ_EXAMPLES`` / ``FUZZ_SEED`` variables for longer runs by hand:
:mod:`tests.fuzz.support`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.support import ROOT, fuzz_settings, only_own_errors

TEMPLATES = sorted((ROOT / "form_templates").glob("*.yaml"))
TOKENS = [
    "*a",
    "&a x",
    "!!python/object/apply:os.system ['true']",
    "!!binary AAAA",
    "{",
    "[",
    "|",
    ">",
    "- ",
    "\t",
    ": ",
    "~",
    ".nan",
    ".inf",
    "-1mm",
    "1e999pt",
    "999999999999mm",
    "0mm",
    "50%",
    "150%",
    '"unterminated',
    "'",
    "a.b.c | date | upper",
    "nguoi_yeu_cau.ho_ten",
    "thanh_vien.N.ho_ten",
    "{1}{2}{99}",
    "\x00",
    "🙂",
    "%YAML 1.1",
    "<<: *a",
    "",
]
_VALUE = re.compile(r"(?<=: )[^,}\n]+")


@cache
def _model(form_id: str) -> Any:
    from formfill.forms.pack import get_form

    return get_form(form_id).model


def load_as_template(path: Path, form_id: str = "khai-sinh") -> None:
    """Load ``path`` as the template of ``form_id`` (its bindings checked against that schema)."""
    from formfill.layout.loader import load_template_file

    only_own_errors(lambda: load_template_file(path, _model(form_id), form_id))


@st.composite
def mutated_template(draw: st.DrawFn) -> tuple[str, str]:
    source = draw(st.sampled_from(TEMPLATES))
    lines = source.read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "token", "insert", "indent"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "token":
            values = list(_VALUE.finditer(lines[i]))
            token = draw(st.sampled_from(TOKENS))
            if values:
                m = draw(st.sampled_from(values))
                lines[i] = lines[i][: m.start()] + token + lines[i][m.end() :]
            else:
                lines[i] += token
        elif op == "insert":
            lines.insert(i, draw(st.sampled_from(TOKENS)) + draw(st.text(max_size=10)))
        else:
            lines[i] = " " * draw(st.integers(1, 3)) + lines[i]
        if not lines:
            break
    if draw(st.integers(0, 9)) == 0:
        cut = draw(st.integers(0, len(lines)))
        lines = lines[:cut]
    form_id = source.stem
    return "\n".join(lines) + "\n", form_id


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.sampled_from(TOKENS), st.text(max_size=10))
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["form", "kind", "page", "elements", "line", "value", "label", "x"]),
            inner,
            max_size=4,
        )
    ),
    max_leaves=15,
)


@fuzz_settings(120)
@given(case=mutated_template())
def test_mutated_templates_fail_only_with_formfill_errors(tmp_path_factory, case):
    text, form_id = case
    path = tmp_path_factory.mktemp("tpl") / f"{form_id}.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    load_as_template(path, form_id)


@fuzz_settings(60)
@given(doc=documents)
def test_random_yaml_documents_fail_only_with_formfill_errors(tmp_path_factory, doc):
    path = tmp_path_factory.mktemp("doc") / "khai-sinh.yaml"
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    load_as_template(path)
