"""CLI commands of the PDF engine: ``fill``, ``check``, ``calibrate``.

Heavy modules (reportlab, pdfplumber) are imported inside the commands so ``formfill forms`` stays fast.
Exit codes: 0 ok; 1 invalid data, a value that cannot be printed, or a PDF that does not match;
2 unreadable input, unknown form, an existing output file without ``--force``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

FormArg = Annotated[str, typer.Argument(help="Mã tờ khai / form id, e.g. khai-sinh")]
DataArg = Annotated[Path, typer.Argument(help="Dữ liệu tờ khai (JSON) / declaration data (JSON)")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="vi | en", show_default=False)]
OffsetX = Annotated[
    float | None, typer.Option("--offset-x", help="mm, + = sang phải / to the right", show_default=False)
]
OffsetY = Annotated[
    float | None, typer.Option("--offset-y", help="mm, + = xuống dưới / down", show_default=False)
]


def _options(offset_x: float | None, offset_y: float | None, preprinted: bool = False) -> Any:
    """Render options: the checked settings' offsets, replaced by ``--offset-x/-y`` (checked the same way)."""
    from formfill.cli.common import checked_offset
    from formfill.render.draw import RenderOptions

    return RenderOptions.from_settings(
        offset_x_mm=checked_offset("--offset-x", offset_x),
        offset_y_mm=checked_offset("--offset-y", offset_y),
        preprinted=preprinted,
    )


def _offset_notice(spec: Any, options: Any, offset_x: float | None, offset_y: float | None) -> None:
    """One line when ``--offset-x/-y`` is given for a complete page, where offsets do not apply."""
    from formfill.base.i18n import tr
    from formfill.render.draw import values_only
    from formfill.render.engine import compile_form

    if (offset_x or offset_y) and not values_only(compile_form(spec), options):
        typer.echo(
            tr(
                "Lưu ý: độ lệch máy in chỉ áp dụng khi in giá trị lên giấy in sẵn (--preprinted); "
                "trang đầy đủ in không lệch.",
                "Note: printer offsets apply only to values-only output (--preprinted); "
                "a complete page prints without them.",
            ),
            err=True,
        )


TemplateOpt = Annotated[
    Path | None,
    typer.Option(
        "--template", help="Mẫu overlay riêng (YAML) / your own overlay template", show_default=False
    ),
]
ValuesOnlyOpt = Annotated[
    bool,
    typer.Option("--values-only", help="Chỉ in giá trị lên giấy in sẵn / values only, for pre-printed paper"),
]


def with_template(spec: Any, template: Path | None) -> Any:
    """``spec`` printing with ``template`` (a file of ``formfill template import``) instead of the
    pack's; exit 2 when it cannot be read or is the template of another form."""
    if template is None:
        return spec
    import dataclasses

    from formfill.base.i18n import tr
    from formfill.cli.common import EXIT_UNREADABLE, fail
    from formfill.layout.loader import load_template, load_template_file
    from formfill.layout.yaml_source import TemplateError

    if not template.is_file():
        fail(
            EXIT_UNREADABLE, tr(f"Không tìm thấy tệp mẫu: {template}", f"Template file not found: {template}")
        )
    try:
        loaded = load_template_file(template)  # its form first: another form's fields are no error of it
        if loaded.form == spec.id:
            load_template(template, spec.model, spec.id)
    except TemplateError as exc:
        fail(EXIT_UNREADABLE, str(exc))
    if loaded.form != spec.id:
        fail(
            EXIT_UNREADABLE,
            tr(
                f"{template}: mẫu của tờ khai {loaded.form!r}, không phải {spec.id!r}.",
                f"{template}: the template of {loaded.form!r}, not of {spec.id!r}.",
            ),
        )
    return dataclasses.replace(spec, template_path=template.resolve())


def _validated(spec: Any, data_file: Path) -> Any:
    """Read and validate the JSON data; exit 2 when unreadable, 1 (with messages) when invalid."""
    from pydantic import ValidationError

    from formfill.base.errors import InputError
    from formfill.base.json_input import read_json_file
    from formfill.cli.common import EXIT_INVALID, EXIT_UNREADABLE, fail
    from formfill.forms.explain import explain

    try:
        raw = read_json_file(str(data_file))
    except InputError as exc:
        fail(EXIT_UNREADABLE, str(exc))
    try:
        return spec.validate(raw)
    except ValidationError as exc:
        for err in explain(exc):
            typer.echo(f"{err.path or '-'}: {err.message}  [{err.type}]", err=True)
        fail(EXIT_INVALID, _invalid_summary())


def _invalid_summary() -> str:
    from formfill.base.i18n import tr

    return tr("Dữ liệu không hợp lệ: chưa tạo tệp PDF.", "Invalid data: no PDF was written.")


def _render_or_exit(spec: Any, declaration: Any, options: Any) -> bytes:
    from formfill.base.i18n import tr
    from formfill.cli.common import EXIT_INVALID, EXIT_UNREADABLE, fail
    from formfill.layout.yaml_source import TemplateError
    from formfill.render.engine import render_pdf
    from formfill.render.failures import RenderError

    try:
        return render_pdf(spec, declaration, options)
    except RenderError as exc:
        for err in exc.field_errors():
            typer.echo(f"{err.path}: {err.message}  [{err.type}]", err=True)
        fail(
            EXIT_INVALID,
            tr(
                "Không in được tờ khai: chưa tạo tệp PDF.",
                "Cannot print the declaration: no PDF was written.",
            ),
        )
    except TemplateError as exc:
        fail(EXIT_UNREADABLE, str(exc))


def _file_exists(output: Path) -> NoReturn:
    from formfill.base.i18n import tr
    from formfill.cli.common import EXIT_UNREADABLE, fail

    fail(
        EXIT_UNREADABLE,
        tr(
            f"Tệp đã có: {output} (dùng --force để ghi đè).",
            f"File exists: {output} (use --force to replace it).",
        ),
    )


def _write_new(output: Path, data: bytes, force: bool) -> None:
    """Write ``output`` atomically, never replacing a file unless ``force``; a clear exit 2 otherwise."""
    from formfill.base.files import atomic_write_new
    from formfill.base.i18n import tr
    from formfill.cli.common import EXIT_UNREADABLE, fail

    try:
        atomic_write_new(output, data, force=force)
    except FileExistsError:
        _file_exists(output)
    except OSError as exc:
        fail(
            EXIT_UNREADABLE,
            tr(
                f"Không ghi được {output}: {exc.strerror or exc}",
                f"Cannot write {output}: {exc.strerror or exc}",
            ),
        )


def fill_cmd(
    form: FormArg,
    data: DataArg,
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp PDF / output PDF")],
    force: Annotated[
        bool, typer.Option("--force", help="Ghi đè tệp đã có / replace an existing file")
    ] = False,
    preprinted: Annotated[
        bool, typer.Option("--preprinted", help="Chỉ in giá trị (giấy in sẵn) / values only")
    ] = False,
    offset_x: OffsetX = None,
    offset_y: OffsetY = None,
    template: TemplateOpt = None,
    values_only: ValuesOnlyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Điền tờ khai từ JSON ra PDF / fill a declaration from JSON into a PDF."""
    from formfill.base.i18n import tr
    from formfill.cli.common import apply_lang, load_form

    apply_lang(lang)
    options = _options(offset_x, offset_y, preprinted or values_only)
    spec = with_template(load_form(form), template)
    _offset_notice(spec, options, offset_x, offset_y)
    if output.exists() and not force:  # said before any rendering work
        _file_exists(output)
    declaration = _validated(spec, data)
    pdf = _render_or_exit(spec, declaration, options)
    _write_new(output, pdf, force)
    typer.echo(tr(f"Đã tạo {output}", f"Wrote {output}"))


def check_cmd(
    pdf: Annotated[Path, typer.Argument(help="Tệp PDF cần kiểm tra / PDF to check")],
    form: FormArg,
    data: DataArg,
    preprinted: Annotated[
        bool, typer.Option("--preprinted", help="PDF chỉ có giá trị / values-only PDF")
    ] = False,
    offset_x: OffsetX = None,
    offset_y: OffsetY = None,
    template: TemplateOpt = None,
    values_only: ValuesOnlyOpt = False,
    lang: LangOpt = None,
) -> None:
    """Kiểm tra PDF có đủ mọi giá trị, đúng chỗ / check that a PDF carries every value in its box."""
    from formfill.base.i18n import tr
    from formfill.cli.common import EXIT_INVALID, EXIT_UNREADABLE, apply_lang, fail, load_form
    from formfill.render.draw import effective
    from formfill.render.engine import compile_form, plan_pdf
    from formfill.render.failures import RenderError
    from formfill.render.verify import UnreadablePDF, read_pdf_file, verify

    apply_lang(lang)
    preprinted = preprinted or values_only
    options = _options(offset_x, offset_y, preprinted)
    spec = with_template(load_form(form), template)
    try:
        data_bytes, pages = read_pdf_file(pdf)
    except (OSError, UnreadablePDF) as exc:
        from formfill.base.messages import format_message

        why = (
            str(exc)
            if isinstance(exc, UnreadablePDF)
            else format_message("file_not_found" if isinstance(exc, FileNotFoundError) else "file_unreadable")
        )
        fail(EXIT_UNREADABLE, tr(f"Không đọc được PDF {pdf}: {why}", f"Cannot read PDF {pdf}: {why}"))
    declaration = _validated(spec, data)
    try:
        plan = plan_pdf(spec, declaration)
    except RenderError as exc:
        fail(EXIT_INVALID, str(exc))
    overlay = compile_form(spec).kind == "overlay"
    options = effective(compile_form(spec), options)  # offsets only where the fill applied them
    problems = verify(data_bytes, plan, options, pages=pages, boxes_drawn=not (overlay or preprinted))
    if problems:
        for p in problems:
            typer.echo(str(p), err=True)
        fail(
            EXIT_INVALID,
            tr(
                f"{len(problems)} giá trị thiếu hoặc sai chỗ.",
                f"{len(problems)} values missing or misplaced.",
            ),
        )
    typer.echo(
        tr(
            f"Đủ {len(plan.values)} giá trị, đúng chỗ.",
            f"All {len(plan.values)} values present and in place.",
        )
    )


def calibrate_cmd(
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp PDF / output PDF")] = Path(
        "calibration-grid.pdf"
    ),
    offset_x: OffsetX = None,
    offset_y: OffsetY = None,
    force: Annotated[bool, typer.Option("--force")] = False,
) -> None:
    """In lưới mm để hiệu chỉnh máy in / print a mm grid to calibrate a printer."""
    from formfill.base.i18n import tr
    from formfill.cli.common import apply_lang
    from formfill.render.calibrate import grid_pdf

    apply_lang(None)  # no --lang of its own: checks the settings
    opts = _options(offset_x, offset_y)
    _write_new(output, grid_pdf(opts.offset_x_mm, opts.offset_y_mm), force)
    typer.echo(
        tr(
            f"Đã tạo {output}. In ở 100% (không co giãn), đo vị trí vạch 0 mm, rồi đặt FORMFILL_OFFSET_X_MM / FORMFILL_OFFSET_Y_MM.",
            f"Wrote {output}. Print at 100% (no scaling), measure where the 0 mm lines fall, then set FORMFILL_OFFSET_X_MM / FORMFILL_OFFSET_Y_MM.",
        )
    )


def register(app: typer.Typer) -> None:
    app.command("fill")(fill_cmd)
    app.command("check")(check_cmd)
    app.command("calibrate")(calibrate_cmd)
