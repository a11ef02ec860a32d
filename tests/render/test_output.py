"""Same input, same bytes; no personal data in the metadata; unprintable characters name themselves."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from formfill.base.files import atomic_write_new
from formfill.forms import get_form
from formfill.render import MissingGlyphError, render_pdf

from .conftest import FORMS, load_example


@pytest.mark.parametrize("form_id", FORMS)
def test_same_input_same_bytes(form_id: str) -> None:
    spec = get_form(form_id)
    d = spec.validate(load_example(form_id))
    assert render_pdf(spec, d) == render_pdf(spec, spec.validate(load_example(form_id)))


def test_same_bytes_in_a_fresh_process(tmp_path: Path) -> None:
    code = (
        "import json,sys;from formfill.forms import get_form;from formfill.render import render_pdf;"
        "s=get_form('khai-sinh');"
        f"d=s.validate(json.load(open({str(Path(__file__).parents[2] / 'examples/khai-sinh/valid-1.json')!r})));"
        "sys.stdout.buffer.write(render_pdf(s,d))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True).stdout
    spec = get_form("khai-sinh")
    assert out == render_pdf(spec, spec.validate(load_example("khai-sinh")))


@pytest.mark.parametrize("form_id", FORMS)
def test_metadata_names_the_form_not_the_person(form_id: str) -> None:
    spec = get_form(form_id)
    raw = load_example(form_id)
    d = spec.validate(raw)
    with pikepdf.open(io.BytesIO(render_pdf(spec, d))) as pdf:
        fields = {str(k): str(v) for k, v in pdf.docinfo.items()}
    blob = " ".join(fields.values())
    assert form_id in fields["/Title"] and spec.meta.version in fields["/Keywords"]
    personal = []

    def walk(v: object) -> None:
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
        elif isinstance(v, str) and len(v) >= 3:
            personal.append(v)

    walk(raw)
    for key in ("/Title", "/Subject", "/Author", "/Keywords"):
        assert key in fields
    public = " ".join((form_id, spec.meta.title, spec.meta.basis)).lower()  # the form's own words
    personal = [v for v in personal if v.lower() not in public]  # e.g. a choice "con" (nhan-cha-me-con)
    for value in personal:
        assert value not in blob, value


@pytest.mark.parametrize(("char", "name"), [("😀", "GRINNING FACE"), ("漢", "CJK UNIFIED IDEOGRAPH-6F22")])
def test_unprintable_character_is_named_with_its_field(char: str, name: str) -> None:
    spec = get_form("khai-sinh")
    d = spec.validate(load_example("khai-sinh"))
    bad = d.model_copy(update={"kinh_gui": f"Ủy ban nhân dân phường Sa Đéc {char}"})
    with pytest.raises(MissingGlyphError) as info:
        render_pdf(spec, bad)
    assert info.value.path == "kinh_gui" and info.value.char == char
    assert name in str(info.value)
    (err,) = info.value.field_errors()
    assert err.path == "kinh_gui" and name in err.message and err.type == "render_missing_glyph"


def test_atomic_write_never_replaces_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.pdf"
    atomic_write_new(target, b"one")
    with pytest.raises(FileExistsError):
        atomic_write_new(target, b"two")
    assert target.read_bytes() == b"one"
    atomic_write_new(target, b"three", force=True)
    assert target.read_bytes() == b"three"
    assert sorted(os.listdir(tmp_path)) == ["a.pdf"]  # no temporary left behind
