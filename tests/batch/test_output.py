"""Safe file names, never-replacing writes, the report (CSV injection, masking, BOM), exit codes,
resume, dry run and the read-back sample."""

from __future__ import annotations

import csv
import hashlib
import json
import os

import pytest
from conftest import GOOD, row, run_cli, write_roster
from hypothesis import given, settings
from hypothesis import strategies as st

from formfill.base.errors import InputError
from formfill.batch import run_batch
from formfill.batch.outdir import NAME_RE, NamePattern, OutputDir, write_new
from formfill.batch.report import csv_safe, mask
from formfill.batch.targets import FormFields

STUB = "stub_render:render_pdf"


def test_names_fold_vietnamese_and_stay_safe(spec):
    fields = FormFields.of(spec.model, spec.meta.sections)
    pattern = NamePattern("{tre.ho_ten}-{row}", fields)
    assert pattern.name_for(7, {"tre": {"ho_ten": "Đặng Đức Thắng"}}, "ab" * 32) == "Dang-Duc-Thang-7.pdf"
    evil = NamePattern("{tre.ho_ten}", fields)
    for name in ("../../etc/passwd", "..", "/", "CON", "a" * 500, "", "  ", "tên/có\\gạch"):
        out = evil.name_for(1, {"tre": {"ho_ten": name}}, "0" * 64)
        assert NAME_RE.match(out) and "/" not in out and not out.startswith(".")


def test_names_are_unique_case_insensitively(spec):
    pattern = NamePattern("{tre.ho_ten}", FormFields.of(spec.model, spec.meta.sections))
    names = [
        pattern.name_for(i, {"tre": {"ho_ten": n}}, "0" * 64) for i, n in enumerate(["Đức", "Duc", "DUC"], 1)
    ]
    assert len({n.casefold() for n in names}) == 3


def test_unknown_placeholder_is_bad_usage(spec):
    with pytest.raises(InputError):
        NamePattern("{khong_co}", FormFields.of(spec.model, spec.meta.sections))


def test_write_new_never_replaces(tmp_path):
    assert write_new(str(tmp_path), "a.pdf", b"one") == "written"
    assert write_new(str(tmp_path), "a.pdf", b"one") == "same"
    assert write_new(str(tmp_path), "a.pdf", b"two") == "taken"
    assert (tmp_path / "a.pdf").read_bytes() == b"one"
    assert sorted(os.listdir(tmp_path)) == ["a.pdf"]  # no temporary left behind
    with pytest.raises(ValueError):
        write_new(str(tmp_path), "../x.pdf", b"")


def test_mask():
    assert mask("087123456745") == "0871******45"
    assert mask("12") == "**"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30))
def test_no_report_cell_starts_with_a_formula_trigger(value):
    assert not csv_safe(value).startswith(("=", "+", "-", "@", "\t", "\r"))
    assert csv_safe(value).lstrip("'") == value.lstrip("'") or csv_safe(value) == value


@settings(max_examples=40, deadline=None)
@given(trigger=st.sampled_from(["=", "+", "-", "@", "\t", "\r"]), tail=st.text(max_size=20))
def test_report_files_never_hold_a_formula(tmp_path_factory, spec, trigger, tail):
    tmp = tmp_path_factory.mktemp("inj")
    bad = row(child=trigger + tail, dob=trigger + "1", id=trigger + "7.9E+10")
    path = write_roster(tmp / "r.csv", [bad, [trigger + tail]])
    run_batch(spec, path, tmp / "out", dry_run=True)
    with open(tmp / "out" / "report.dry-run.csv", encoding="utf-8-sig", newline="") as fh:
        cells = [c for r in csv.reader(fh) for c in r]
    assert len(cells) > 6
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)


def test_report_csv_has_bom_masks_ids_and_english_messages(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [row(id="0871234567"), GOOD])
    res = run_batch(spec, path, tmp_path / "out", dry_run=True, lang="en")
    assert res.exit_code == 1
    raw = (tmp_path / "out" / "report.dry-run.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["row", "column", "field", "value", "message", "type"]
    assert rows[1][0] == "1" and rows[1][3] == "0871****67" and "0871234567" not in raw.decode("utf-8-sig")
    doc = json.loads((tmp_path / "out" / "report.dry-run.json").read_text(encoding="utf-8"))
    assert doc["summary"]["invalid"] == 1 and doc["errors"][0]["value"] == "0871****67"
    assert not list((tmp_path / "out").glob("*.pdf"))


def test_exit_codes_and_manifest(tmp_path, spec):
    good = write_roster(tmp_path / "good.csv", [GOOD, row(child="Lê Văn Tám")])
    res = run_batch(spec, good, tmp_path / "o1", renderer=STUB, jobs=1)
    assert res.exit_code == 0 and res.stats.written == 2
    lines = [json.loads(x) for x in (tmp_path / "o1" / "manifest.jsonl").read_text().splitlines()]
    for entry in lines:
        data = (tmp_path / "o1" / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and data.startswith(b"%PDF")
        assert {"form_version", "template_hash", "font_hash"} <= entry.keys()
    mixed = write_roster(tmp_path / "mixed.csv", [GOOD, row(id="1")])
    res = run_batch(spec, mixed, tmp_path / "o2", renderer=STUB, jobs=1)
    assert res.exit_code == 1 and res.stats.written == 1 and res.stats.invalid == 1


def test_second_run_needs_resume_and_resume_skips_done_rows(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [GOOD, row(child="Lê Văn Tám"), row(child="Võ Thị Sáu")])
    run_batch(spec, path, tmp_path / "out", renderer=STUB, jobs=1)
    with pytest.raises(InputError):
        run_batch(spec, path, tmp_path / "out", renderer=STUB, jobs=1)
    victim = sorted((tmp_path / "out").glob("*.pdf"))[0]
    victim.unlink()  # a lost file is made again; an intact one is skipped
    res = run_batch(spec, path, tmp_path / "out", renderer=STUB, jobs=1, resume=True)
    assert (res.stats.skipped, res.stats.written, res.exit_code) == (2, 1, 0)
    assert victim.exists()


def test_resume_redoes_a_row_whose_data_changed_but_never_overwrites(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [GOOD])
    run_batch(spec, path, tmp_path / "out", renderer=STUB, jobs=1, name="{tre.ho_ten}")
    write_roster(path, [row(mother="Phạm Thị Hằng")])
    res = run_batch(spec, path, tmp_path / "out", renderer=STUB, jobs=1, resume=True, name="{tre.ho_ten}")
    assert res.stats.failed == 1 and res.exit_code == 1  # same name, other content: not replaced
    report = (tmp_path / "out" / "report.csv").read_text(encoding="utf-8-sig")
    assert "batch_name_taken" in report


def test_stray_temporary_files_are_removed(tmp_path, spec):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".formfill-123-abc.part").write_bytes(b"%PDF half")
    (out / ".000001-ab12cd34.pdf.k2j3h4.part").write_bytes(b"%PDF half")  # formfill.base.files's
    (out / "notes.part").write_bytes(b"not ours")
    path = write_roster(tmp_path / "r.csv", [GOOD])
    res = run_batch(spec, path, out, renderer=STUB, jobs=1)
    assert res.stray_removed == 2 and not list(out.glob(".*.part")) and (out / "notes.part").exists()


def test_two_runs_cannot_share_a_folder(tmp_path):
    first = OutputDir(tmp_path, resume=False)
    with pytest.raises(InputError):
        OutputDir(tmp_path, resume=False)
    first.close()


def test_verify_sample_reads_pdfs_back(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [GOOD, row(child="Lê Văn Tám"), row(child="Võ Thị Sáu")])
    res = run_batch(spec, path, tmp_path / "out", renderer=STUB, jobs=1, verify_sample=1.0)
    assert (res.stats.verified, res.stats.verify_failed) == (3, 0)


def test_verify_sample_catches_a_renderer_that_drops_values(tmp_path, spec):
    path = write_roster(tmp_path / "r.csv", [GOOD])
    res = run_batch(spec, path, tmp_path / "out", renderer="stub_bad:render_pdf", jobs=1, verify_sample=1.0)
    assert res.stats.verify_failed == 1 and res.exit_code == 1


def test_process_pool_gives_the_same_files(tmp_path, spec):
    rows = [row(child=f"Nguyễn Văn Số {i}") for i in range(12)]
    path = write_roster(tmp_path / "r.csv", rows)
    run_batch(spec, path, tmp_path / "one", renderer=STUB, jobs=1)
    res = run_batch(spec, path, tmp_path / "two", renderer=STUB, jobs=2)
    assert res.stats.written == 12
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").glob("*.pdf")}
    two = {p.name: p.read_bytes() for p in (tmp_path / "two").glob("*.pdf")}
    assert one == two


def test_cli_exit_codes(tmp_path):
    good = write_roster(tmp_path / "good.csv", [GOOD])
    bad = write_roster(tmp_path / "bad.csv", [GOOD, row(id="7.9E+10")])
    assert run_cli("batch", "batch-demo", str(good), "-o", str(tmp_path / "a"), "-j", "1").returncode == 0
    res = run_cli("batch", "batch-demo", str(bad), "-o", str(tmp_path / "b"), "-j", "1")
    assert res.returncode == 1 and "1" in res.stdout
    assert (
        run_cli("batch", "batch-demo", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "c")).returncode == 2
    )
    assert (
        run_cli("batch", "batch-demo", str(good), "-o", str(tmp_path / "d"), "--name", "{nope}").returncode
        == 2
    )
    res = run_cli("validate", "batch-demo", str(bad))
    assert res.returncode == 1 and "dòng 2, cột nguoi_yeu_cau.so_dinh_danh_ca_nhan" in res.stdout


def test_resume_adopts_files_whose_manifest_lines_were_lost(tmp_path, spec):
    """The manifest is made durable in groups: a power cut can lose the last lines whose files are
    already claimed. Resume renders those rows again, finds the same bytes under the name and records
    them; every row ends up in the manifest once, each hash matching its file."""
    rows = [row(child=f"Nguyễn Văn Số {i}") for i in range(6)]
    path = write_roster(tmp_path / "r.csv", rows)
    out = tmp_path / "out"
    run_batch(spec, path, out, renderer=STUB, jobs=1)
    manifest = out / "manifest.jsonl"
    lines = manifest.read_bytes().splitlines(keepends=True)
    manifest.write_bytes(b"".join(lines[:2]) + lines[2][:10])  # two lines kept, a torn third
    res = run_batch(spec, path, out, renderer=STUB, jobs=2, resume=True)
    assert (res.stats.skipped, res.stats.written, res.exit_code) == (2, 4, 0)
    entries = [json.loads(x) for x in manifest.read_text(encoding="utf-8").splitlines()]
    assert sorted(e["row"] for e in entries) == list(range(1, 7))
    for e in entries:
        assert hashlib.sha256((out / e["file"]).read_bytes()).hexdigest() == e["sha256"]
    assert len(list(out.glob("*.pdf"))) == 6 and not list(out.glob(".*.part"))


def test_manifest_is_synced_in_groups_and_at_close(tmp_path, monkeypatch):
    import formfill.batch.outdir as output

    synced: list[int] = []
    real = output.fsync_dir
    monkeypatch.setattr(output, "fsync_dir", lambda p: (synced.append(1), real(p)))
    monkeypatch.setattr(output, "SYNC_SECONDS", 3600.0)
    d = OutputDir(tmp_path, resume=False)
    entry = output.ManifestEntry(1, "a.pdf", "0" * 64, "0" * 64, {})
    for _ in range(output.SYNC_EVERY + 1):
        d.append(entry)
    assert len(synced) == 1  # one folder + manifest fsync for the first SYNC_EVERY lines
    assert (tmp_path / output.MANIFEST).read_bytes().count(b"\n") == output.SYNC_EVERY + 1  # all written
    d.close()
    assert len(synced) == 2  # the rest at close
