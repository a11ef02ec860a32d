"""Core commands: ``forms``, ``schema``, ``validate``, ``idcard`` (no PDF, no UI)."""

from __future__ import annotations

import gc
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from formfill.base.errors import InputError
from formfill.base.i18n import current_lang, tr
from formfill.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_UNREADABLE,
    LangOption,
    apply_lang,
    fail,
    load_form,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Kết quả dạng JSON / machine-readable JSON output.")]
ROSTER_SUFFIXES = {".csv", ".tsv", ".xlsx"}


def forms_cmd(as_json: JsonOption = False, lang: LangOption = None) -> None:
    """Liệt kê các tờ khai có sẵn / list the bundled forms."""
    apply_lang(lang)
    from formfill.catalog import list_forms

    rows = [
        {
            "id": spec.meta.id,
            "title": spec.meta.title,
            "title_en": spec.meta.title_en,
            "version": spec.meta.version,
            "legal_basis": spec.meta.legal_basis,
            "basis": spec.meta.basis,
            "description": spec.meta.description if current_lang() == "vi" else spec.meta.description_en,
        }
        for spec in list_forms()
    ]
    if as_json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        title = row["title"] if current_lang() == "vi" else row["title_en"]
        typer.echo(f"{row['id']:<30} {title}")
        typer.echo(
            f"{'':<30} {tr('Căn cứ', 'Legal basis')}: {row['legal_basis']} · {tr('phiên bản', 'version')} {row['version']}"
        )


def schema_cmd(form: Annotated[str, typer.Argument(help="Mã tờ khai / form id, e.g. khai-sinh")]) -> None:
    """In JSON Schema (Draft 2020-12) của tờ khai / print the form's JSON Schema."""
    apply_lang(None)  # no --lang of its own: checks the settings
    spec = load_form(form)
    typer.echo(json.dumps(spec.json_schema(), ensure_ascii=False, indent=2))


def _records(path: Path) -> Iterator[tuple[int, Any, str | None]]:
    """(record number from 1, data or None, read error or None) for a .json or .jsonl file."""
    from formfill.base.json_input import iter_json_records, read_json_file

    if path.suffix.lower() == ".jsonl":
        yield from iter_json_records(str(path))
    else:
        yield 1, read_json_file(str(path)), None


def validate_cmd(
    form: Annotated[str, typer.Argument(help="Mã tờ khai / form id")],
    file: Annotated[Path, typer.Argument(help=".json, .jsonl, .csv, .tsv hoặc/or .xlsx")],
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Kiểm tra dữ liệu tờ khai / validate declarations (exit 0 valid, 1 invalid, 2 unreadable)."""
    apply_lang(lang)
    spec = load_form(form)
    if not file.exists():
        fail(EXIT_UNREADABLE, tr(f"Không tìm thấy tệp: {file}", f"File not found: {file}"))
    if file.suffix.lower() in ROSTER_SUFFIXES:
        _validate_roster(spec, file, as_json)
        return
    if file.suffix.lower() not in (".json", ".jsonl"):
        fail(
            EXIT_UNREADABLE,
            tr(f"Không đọc được loại tệp {file.suffix}", f"Unsupported file type {file.suffix}"),
        )
    try:
        results = _check_records(spec, file)
    except InputError as exc:
        fail(EXIT_UNREADABLE, str(exc))
    invalid = sum(not res["valid"] for res in results)
    _report(spec.id, results, invalid, as_json, many=file.suffix.lower() == ".jsonl")
    raise typer.Exit(EXIT_INVALID if invalid else EXIT_OK)


def _check_records(spec: Any, file: Path) -> list[dict[str, Any]]:
    """Every record of a .json/.jsonl file validated: ``{"record", "valid", "errors"}`` each.

    Today is read once for the whole file (every "not in the future" rule of every record compares
    with the same day). What the process holds before the first record (modules, the form's models)
    is frozen out of the garbage collector's reach: a file of 100,000 records makes the collector
    run often, and it need not walk those objects each time.
    """
    from formfill.base import clock

    gc.freeze()
    results: list[dict[str, Any]] = []
    with clock.same_day():
        try:
            _check_each(spec, file, results)
        finally:
            gc.unfreeze()  # a caller in the same process (a test) gets its collector back as it was
    return results


def _check_each(spec: Any, file: Path, results: list[dict[str, Any]]) -> None:
    from formfill.forms.explain import FieldError, explain

    for number, data, read_error in _records(file):
        errors: list[FieldError]
        if read_error is not None:
            message = tr(f"Dòng JSON không hợp lệ: {read_error}", f"Invalid JSON line: {read_error}")
            errors = [FieldError("", "json_invalid", message)]
        else:
            try:
                spec.validate(data)
                errors = []
            except ValidationError as exc:
                errors = explain(exc)
        results.append({"record": number, "valid": not errors, "errors": [e.as_dict() for e in errors]})


def _report(form_id: str, results: list[dict[str, Any]], invalid: int, as_json: bool, many: bool) -> None:
    if as_json:
        doc = {"form": form_id, "records": len(results), "invalid": invalid, "results": results}
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    for res in results:
        for err in res["errors"]:
            where = tr(f"bản ghi {res['record']}, ", f"record {res['record']}, ") if many else ""
            typer.echo(f"{where}{err['path'] or '-'}: {err['message']}  [{err['type']}]")
    total = len(results)
    if invalid:
        typer.echo(
            tr(f"{invalid}/{total} tờ khai có lỗi.", f"{invalid} of {total} declarations are invalid.")
        )
    else:
        typer.echo(tr(f"Hợp lệ: {total}/{total} tờ khai.", f"Valid: {total} of {total} declarations."))


def _validate_roster(spec: Any, file: Path, as_json: bool) -> None:
    from formfill.cli.batch import validate_roster

    raise typer.Exit(validate_roster(spec, file, as_json=as_json))


def idcard_cmd(
    text: Annotated[str, typer.Argument(help='Nội dung mã QR trên thẻ CCCD ("-" để đọc từ stdin)')],
    as_json: JsonOption = False,
    lang: LangOption = None,
) -> None:
    """Đọc nội dung mã QR của thẻ CCCD / read the QR content of a citizen ID card."""
    apply_lang(lang)
    from formfill.forms.explain import explain
    from formfill.types.cccd_qr import parse_cccd_qr

    if text == "-":
        try:
            text = sys.stdin.buffer.read().decode("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            fail(EXIT_UNREADABLE, tr(f"Không đọc được dữ liệu: {exc}", f"Cannot read input: {exc}"))
    try:
        card = parse_cccd_qr(text)
    except ValidationError as exc:
        for err in explain(exc):
            where = err.path or tr("Mã QR", "QR code")
            typer.echo(f"{where}: {err.message}  [{err.type}]", err=True)
        raise typer.Exit(EXIT_INVALID) from None
    data = card.model_dump(mode="json")
    if as_json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        labels = _card_labels()
        width = max(len(label) for label in labels.values()) + 2
        for key, value in data.items():
            typer.echo(f"{labels.get(key, key):<{width}}{'' if value is None else value}")
    for warning in _card_warnings(card):
        typer.echo(tr("Cảnh báo: ", "Warning: ") + warning, err=True)


def _card_labels() -> dict[str, str]:
    """The card's lines as a person names them ("Số định danh cá nhân"), keys only in ``--json``."""
    from formfill.forms.field_docs import walk
    from formfill.types.cccd_qr import CccdQr

    return {doc.key: doc.label_for() for doc in walk(CccdQr)}


def _card_warnings(card: Any) -> list[str]:
    """A card whose ID number disagrees with its own sex or birth year: read it, but say so."""
    from formfill.base.messages import format_message
    from formfill.types import check_personal_id

    problems = check_personal_id(card.so_dinh_danh_ca_nhan, birth=card.ngay_sinh, gender=card.gioi_tinh)
    return [format_message(err.type, err.context) for _name, err in problems]


def register(app: typer.Typer) -> None:
    app.command("forms")(forms_cmd)
    app.command("schema")(schema_cmd)
    app.command("validate")(validate_cmd)
    app.command("idcard")(idcard_cmd)
