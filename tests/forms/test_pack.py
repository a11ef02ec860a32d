"""The form pack: discovery, metadata, sections, field metadata, JSON Schema."""

from __future__ import annotations

import pytest

from formfill.base.errors import UnknownFormError
from formfill.forms import get_form, list_forms
from formfill.forms.field_docs import field_adapter, walk

PUBLIC_IDS = {
    "khai-sinh",
    "ket-hon",
    "khai-tu",
    "xac-nhan-tinh-trang-hon-nhan",
    "nhan-cha-me-con",
    "trich-luc-ho-tich",
    "thay-doi-cai-chinh-ho-tich",
    "ct01",
}


def test_builtin_forms_have_public_ids() -> None:
    ids = [spec.id for spec in list_forms()]
    assert {"khai-sinh", "ct01"} <= set(ids)
    assert set(ids) <= PUBLIC_IDS
    assert len(ids) == len(set(ids))


def test_unknown_form_names_known_ones() -> None:
    with pytest.raises(UnknownFormError) as info:
        get_form("khai-sinh-x")
    assert "khai-sinh" in str(info.value)


@pytest.mark.parametrize("spec", list_forms(), ids=lambda s: s.id)
def test_sections_cover_every_top_level_field_in_order(spec) -> None:
    fields = list(spec.model.model_fields)
    in_sections = [name for section in spec.meta.sections for name in section.fields]
    assert in_sections == fields
    assert spec.meta.title and spec.meta.basis and spec.meta.version and spec.meta.legal_basis


@pytest.mark.parametrize("spec", list_forms(), ids=lambda s: s.id)
def test_every_field_has_a_label(spec) -> None:
    docs = walk(spec.model, groups=True)
    assert docs
    for doc in docs:
        assert doc.label and doc.label != doc.key, doc.path
        assert doc.key.isascii() and doc.key == doc.key.lower(), doc.path


@pytest.mark.parametrize("spec", list_forms(), ids=lambda s: s.id)
def test_json_schema_is_draft_2020_12_with_formats(spec) -> None:
    schema = spec.json_schema()
    assert schema["$schema"].endswith("2020-12/schema")
    assert schema["x-form-id"] == spec.id
    formats = {doc.format for doc in walk(spec.model) if doc.format}
    assert "vn-personal-id" in formats
    assert "vn-date" in formats or any("date" in f for f in formats)


def test_field_adapter_checks_one_field() -> None:
    spec = get_form("ct01")
    adapter = field_adapter(spec.model, "thanh_vien.1.so_dinh_danh_ca_nhan")
    assert adapter.validate_python("087 078 001 122") == "087078001122"
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as info:
        adapter.validate_python("12345")
    assert info.value.errors()[0]["type"] == "vn_personal_id_format"


def test_repeating_group_paths_count_from_one() -> None:
    from formfill.forms import explain

    spec = get_form("ct01")
    from pydantic import ValidationError

    data = {"thanh_vien": [{"ho_ten": "A"}]}
    with pytest.raises(ValidationError) as info:
        spec.validate(data)
    paths = {e.path for e in explain(info.value)}
    assert "thanh_vien.1.ngay_sinh" in paths
    assert not any(".0." in p for p in paths)


@pytest.mark.parametrize("spec", list_forms(), ids=lambda s: s.id)
def test_help_never_comes_from_a_class_docstring(spec) -> None:
    """Docstrings are English developer notes; a citizen's help text is the field's own."""
    import inspect

    from formfill.forms.field_docs import _strip, field_info

    for doc in walk(spec.model, groups=True):
        if doc.kind != "group" or not doc.help:
            continue
        _block, _key, info = field_info(spec.model, doc.path)
        block = _strip(info.annotation)
        assert doc.help != inspect.cleandoc(block.__doc__ or ""), doc.path
