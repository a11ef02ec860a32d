"""``formfill template import BLANK.pdf --form FORM -o TEMPLATE.yaml [--preview P.pdf] [--pages 1,2]``:
draft an overlay template from an office's own blank form (exit 0; 2 for a scan, an unreadable
file, an unknown form or an existing output without ``--force``)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

template_app = typer.Typer(
    help="Mẫu in riêng của cơ quan / an office's own form templates",
    no_args_is_help=True,
    rich_markup_mode=None,
)


def _pages(text: str | None) -> list[int] | None:
    from formfill.base.i18n import tr
    from formfill.cli.common import EXIT_UNREADABLE, fail

    if not text:
        return None
    try:
        pages = [int(p) for p in text.split(",") if p.strip()]
    except ValueError:
        pages = []
    if not pages or min(pages) < 1:
        fail(
            EXIT_UNREADABLE,
            tr(
                f"--pages: {text!r} không phải danh sách số trang (1,2)",
                f"--pages: {text!r} is not a list of page numbers (1,2)",
            ),
        )
    return pages


def _scan_message(blank: Path, page: int) -> str:
    from formfill.base.i18n import tr

    return tr(
        f"Trang {page} của {blank} không có lớp chữ (bản quét hoặc ảnh): không dựng được mẫu từ tệp này. "
        "Hãy dùng bản PDF xuất từ tệp .doc/.docx (soffice --headless --convert-to pdf), hoặc đặt ô bằng tay: "
        "in lưới hiệu chỉnh (formfill calibrate), đặt lên tờ mẫu, đo vị trí từng ô (mm từ góc trên bên trái) "
        "và viết các ô (boxes: x, y, w, h) vào tệp mẫu overlay.",
        f"Page {page} of {blank} has no text layer (a scan or an image): no template can be drafted from it. "
        "Use a PDF exported from the .doc/.docx (soffice --headless --convert-to pdf), or place the boxes by "
        "hand: print the calibration grid (formfill calibrate), lay it on the blank, measure each box (mm from "
        "the top-left corner) and write the boxes (x, y, w, h) into an overlay template.",
    )


def coverage(drafted: Any, flow: Any) -> tuple[int, int]:
    """(fields of the flow template that got a box, fields the flow template binds)."""
    from formfill.layout.loader import bound_paths

    want = bound_paths(flow)
    return len(want & bound_paths(drafted)), len(want)


@template_app.command("import")
def import_cmd(
    blank: Annotated[Path, typer.Argument(help="Tờ khai trống (PDF) / the blank form (PDF)")],
    form: Annotated[str, typer.Option("--form", help="Mã tờ khai / form id, e.g. khai-sinh")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Tệp mẫu YAML / template file")],
    preview: Annotated[
        Path | None, typer.Option("--preview", help="PDF xem trước các ô / preview PDF", show_default=False)
    ] = None,
    pages: Annotated[
        str | None, typer.Option("--pages", help="Trang / pages, e.g. 1,2", show_default=False)
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Ghi đè / replace existing files")] = False,
    lang: Annotated[str | None, typer.Option("--lang", help="vi | en", show_default=False)] = None,
) -> None:
    """Dựng mẫu overlay từ tờ khai trống / draft an overlay template from a blank PDF."""
    import yaml

    from formfill.base.i18n import tr
    from formfill.catalog import template_of
    from formfill.cli.common import EXIT_UNREADABLE, apply_lang, fail, load_form
    from formfill.cli.render import _write_new
    from formfill.importer import NoTextLayer, UnreadableBlank, draft_from_pdf, write_yaml
    from formfill.importer.draft import background_name
    from formfill.layout.loader import check_bindings
    from formfill.layout.model import Template
    from formfill.layout.yaml_source import SourceMap

    apply_lang(lang)
    spec = load_form(form)
    wanted = _pages(pages)
    for path in (output, preview):
        if path is not None and path.exists() and not force:
            fail(
                EXIT_UNREADABLE,
                tr(
                    f"Tệp đã có: {path} (dùng --force để ghi đè).",
                    f"File exists: {path} (use --force to replace it).",
                ),
            )
    flow = template_of(spec)
    if flow.kind != "flow":
        fail(
            EXIT_UNREADABLE,
            tr(
                f"Tờ khai {form} không có mẫu dòng chảy để đối chiếu.",
                f"Form {form} has no flow template to match against.",
            ),
        )
    if not blank.is_file():
        fail(EXIT_UNREADABLE, tr(f"Không tìm thấy tệp: {blank}", f"File not found: {blank}"))
    try:
        draft = draft_from_pdf(blank, spec, flow, wanted)
    except NoTextLayer as exc:
        fail(EXIT_UNREADABLE, _scan_message(blank, exc.page))
    except UnreadableBlank as exc:
        fail(EXIT_UNREADABLE, tr(f"Không đọc được PDF {blank}: {exc}", f"Cannot read PDF {blank}: {exc}"))
    if not draft.placed:
        fail(
            EXIT_UNREADABLE,
            tr(
                f"Không tìm thấy ô trống nào khớp với nhãn của {form} trong {blank}.",
                f"No blank in {blank} matches a label of {form}.",
            ),
        )
    text = write_yaml(draft, spec.id, background_name(output, blank), 11.0)
    drafted = Template.model_validate(yaml.safe_load(text))  # the strict model checks the draft
    check_bindings(drafted, spec.model, SourceMap(output, {}))
    _write_new(output, text.encode("utf-8"), force)
    got, total = coverage(drafted, flow)
    typer.echo(
        tr(
            f"Đã tạo {output}: {len(drafted.boxes)} ô; {got}/{total} trường của tờ khai có ô ({100 * got / total:.0f} %).",
            f"Wrote {output}: {len(drafted.boxes)} boxes; {got} of {total} fields of the form have a box ({100 * got / total:.0f} %).",
        )
    )
    if draft.unmatched_fields:
        typer.echo(tr("Trường chưa có ô: ", "Fields without a box: ") + ", ".join(draft.unmatched_fields))
    if preview is not None:
        from formfill.importer.preview import preview_pdf

        _write_new(preview, preview_pdf(drafted, blank), force)
        typer.echo(tr(f"Xem trước: {preview}", f"Preview: {preview}"))


def register(app: typer.Typer) -> None:
    app.add_typer(template_app, name="template")
