"""The runner and its renderer interface: doubles injected, names that stay unique, runs that stop."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import stub_bad
import stub_render
from conftest import GOOD, ROOT, row, write_roster

from formfill.base.errors import InputError
from formfill.batch import BatchStopped, Renderer, run_batch, set_default_renderer
from formfill.batch.outdir import NAME_RE, NamePattern
from formfill.batch.renderer import ENGINE, FunctionRenderer, as_renderer, default_renderer
from formfill.batch.targets import FormFields


def _manifest(out):
    return [json.loads(x) for x in (out / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]


def test_renderers_given_as_objects_functions_or_references():
    assert isinstance(ENGINE, Renderer) and default_renderer() is ENGINE
    assert as_renderer(stub_render.RENDERER) is stub_render.RENDERER
    assert as_renderer("stub_render:RENDERER") is stub_render.RENDERER
    wrapped = as_renderer("stub_render:render_pdf")
    assert isinstance(wrapped, FunctionRenderer) and wrapped.fn is stub_render.render_pdf
    with pytest.raises(InputError):
        as_renderer("stub_render:no_such_thing")
    with pytest.raises(InputError):
        as_renderer(42)  # type: ignore[arg-type]


def test_an_injected_renderer_reaches_the_workers_and_the_manifest(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [row(child=f"Nguyễn Văn Số {i}") for i in range(10)])
    res = run_batch(spec, path, tmp_path / "out", renderer=stub_render.RENDERER, jobs=2, verify_sample=1.0)
    assert (res.stats.written, res.stats.verified, res.stats.verify_failed) == (10, 10, 0)
    assert {e["font_hash"] for e in _manifest(tmp_path / "out")} == {"stub"}  # the double's fingerprint
    bad = run_batch(spec, path, tmp_path / "bad", renderer=stub_bad.RENDERER, jobs=2, verify_sample=1.0)
    assert bad.stats.verify_failed == 10


def test_the_default_renderer_can_be_replaced_and_restored(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [GOOD])
    set_default_renderer(stub_render.RENDERER)
    try:
        run_batch(spec, path, tmp_path / "out", jobs=1)
    finally:
        set_default_renderer(None)
    assert default_renderer() is ENGINE
    assert _manifest(tmp_path / "out")[0]["template_hash"] == "stub"


def test_ctrl_c_in_process_stops_with_a_partial_report(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [row(child=f"Nguyễn Văn Số {i}") for i in range(6)])
    out = tmp_path / "out"
    with pytest.raises(BatchStopped) as stopped:
        run_batch(spec, path, out, renderer=stub_bad.InterruptedRenderer(), jobs=1)
    assert stopped.value.kind == "interrupted" and stopped.value.result.stats.written == 2
    summary = json.loads((out / "report.json").read_text(encoding="utf-8"))["summary"]
    assert (summary["partial"], summary["stopped"], summary["written"]) == (True, "interrupted", 2)
    assert sorted(e["row"] for e in _manifest(out)) == [1, 2]
    res = run_batch(spec, path, out, renderer=stub_render.RENDERER, jobs=1, resume=True)
    assert (res.stats.skipped, res.stats.written) == (2, 4)


def test_a_worker_that_dies_stops_the_run_cleanly(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [row(child=f"Nguyễn Văn Số {i}") for i in range(4)])
    with pytest.raises(BatchStopped) as stopped:
        run_batch(spec, path, tmp_path / "out", renderer=stub_bad.DYING, jobs=2)
    assert stopped.value.kind == "error" and "tiến trình" in stopped.value.reason
    summary = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["summary"]
    assert summary["partial"] is True and summary["written"] == 0


def test_made_unique_names_never_take_a_name_the_roster_gives(spec):
    fields = FormFields.of(spec.model, spec.meta.sections)
    pattern = NamePattern("{tre.ho_ten}", fields)
    given = ["Sa Dec", "Sa Dec-3", "Sa Dec", "Sa-Dec-3-2", "sa dec"]
    names = [pattern.name_for(i, {"tre": {"ho_ten": n}}, "0" * 64) for i, n in enumerate(given, 1)]
    assert names[:3] == ["Sa-Dec.pdf", "Sa-Dec-3.pdf", "Sa-Dec-3-2.pdf"]
    assert len({n.casefold() for n in names}) == len(names)


def test_made_unique_names_stay_within_the_length_limit(spec):
    pattern = NamePattern("{tre.ho_ten}", FormFields.of(spec.model, spec.meta.sections))
    long = "Nguyễn " * 40
    names = [pattern.name_for(row, {"tre": {"ho_ten": long}}, "0" * 64) for row in (1, 1_000_000, 99_999_999)]
    assert len(set(names)) == 3 and all(NAME_RE.match(n) for n in names)


@pytest.mark.parametrize("pattern", ["{row:099999999999d}", "{row:.1000f}", "{tre.ho_ten:x<101}", "x" * 501])
def test_name_patterns_that_would_build_huge_names_are_refused(spec, pattern):
    with pytest.raises(InputError):
        NamePattern(pattern, FormFields.of(spec.model, spec.meta.sections))


def test_reasonable_format_specs_still_work(spec):
    pattern = NamePattern("{row:08d}-{tre.ho_ten:.5}", FormFields.of(spec.model, spec.meta.sections))
    assert pattern.name_for(7, {"tre": {"ho_ten": "Nguyen Van A"}}, "0" * 64) == "00000007-Nguye.pdf"


def test_the_batch_package_needs_neither_typer_nor_the_cli():
    code = "import sys, formfill.batch.runner; print(sorted(m for m in sys.modules if m in ('typer', 'formfill.cli')))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
