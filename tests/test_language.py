"""No English in Vietnamese mode, no Vietnamese in English mode: every command's help and error paths.

Every word a command prints must come from a text formfill itself has in that language — the
message table, the help table, any ``tr(vi, en)`` in the code, the form titles — or be something the
user typed or a name of the tool: a command or option name, a form id, a field key, a value (quoted,
a number, a file path). So Click's "Usage:", "Show this message and exit.", pdfminer's "No /Root
object!" or a "missing: expected …, found …" in Vietnamese mode fail here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from formfill.base import i18n
from formfill.base.messages import MESSAGES
from formfill.cli import app
from formfill.cli.common import FRAME, HELP, pick
from tests.conftest import EXAMPLES, ROOT

VALID = str(EXAMPLES / "khai-sinh" / "valid-1.json")
OTHER = str(EXAMPLES / "khai-sinh" / "valid-2.json")
INVALID = str(EXAMPLES / "khai-sinh" / "invalid-ethnicity-and-old-province.json")
ROSTER = str(EXAMPLES / "rosters" / "khai-sinh-loi.csv")
QR = "087195012345|123456789|Trần Thị Hường|14041995|Nữ|Ấp Hòa Khánh, xã Mỹ An Hưng, tỉnh Đồng Tháp|01022021"

# Words that are names, not language: the tool, file formats, the standards it names.
NAMES = {
    "formfill",
    "pdf",
    "json",
    "jsonl",
    "csv",
    "tsv",
    "xlsx",
    "yaml",
    "cccd",
    "cmnd",
    "qr",
    "mm",
    "vi",
    "en",
}
LANGS = ("vi", "en")


def _text_parts(node: ast.expr) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    return []


def _code_texts() -> Iterator[tuple[str, str]]:
    """(vi, en) of every ``tr(vi, en)``, two-text call (``problem``, ``_too_large``…) or pair in formfill
    whose first text is Vietnamese (has a letter outside ASCII)."""
    for path in (ROOT / "formfill").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            pair: list[ast.expr] = []
            if isinstance(node, ast.Call) and len(node.args) >= 2:
                pair = node.args[-2:]
            elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
                pair = node.elts
            if pair:
                vi, en = " ".join(_text_parts(pair[0])), " ".join(_text_parts(pair[1]))
                if vi and en and not vi.isascii():
                    yield vi, en


def _help_texts() -> Iterator[tuple[str, str]]:
    """(vi, en) of every command's and option's help, as ``pick`` shows it in each language."""
    import typer

    def walk(command: object) -> Iterator[str | None]:
        yield getattr(command, "_formfill_help", (command.help,))[0]  # type: ignore[attr-defined]
        for param in command.params:  # type: ignore[attr-defined]
            yield param.__dict__.get("_formfill_help", getattr(param, "help", None))
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    for text in walk(typer.main.get_command(app)):
        if text:
            i18n.set_lang("vi")
            vi = pick(text) or ""
            i18n.set_lang("en")
            yield vi, pick(text) or ""
    i18n.set_lang(None)


def _example_values() -> set[str]:
    """Words of the example declarations' values (names, places): data, not language."""
    import json

    words: set[str] = set()

    def add(value: object) -> None:
        if isinstance(value, dict):
            for v in value.values():
                add(v)
        elif isinstance(value, list):
            for v in value:
                add(v)
        elif isinstance(value, str):
            words.update(_words(value))

    for path in EXAMPLES.rglob("*.json"):
        if path.name.endswith(".expected.json"):
            continue  # what a run should print: not data
        add(json.loads(path.read_text(encoding="utf-8")))
    return words


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+", text)}


def _vocabulary() -> dict[str, set[str]]:
    from formfill.catalog import list_forms

    pairs = [*MESSAGES.values(), *HELP.values(), *FRAME.values(), *_code_texts()]
    from formfill.forms.field_docs import walk
    from formfill.types.cccd_qr import CccdQr

    for spec in list_forms():
        pairs.append((spec.meta.title, spec.meta.title_en))
        pairs.extend((s.title, s.title_en) for s in spec.meta.sections)
    for model in [*(spec.model for spec in list_forms()), CccdQr]:  # the questions' own labels
        pairs.extend((d.label, d.label_en) for d in walk(model, groups=True) if d.label_en)
    pairs.extend(_help_texts())
    vocab = {lang: set(NAMES) for lang in LANGS}
    for vi, en in pairs:  # placeholders ({expected}) are not words of the text
        vocab["vi"] |= _words(re.sub(r"\{[^}]*\}", " ", vi))
        vocab["en"] |= _words(re.sub(r"\{[^}]*\}", " ", en))
    return vocab


def _allowed_tokens() -> set[str]:
    """Command names, option names, form ids and field keys: the same in both languages."""
    import typer

    from formfill.catalog import list_forms
    from formfill.forms.field_docs import walk

    names: set[str] = set()

    def commands(name: str, command: typer.core.TyperCommand) -> None:
        names.add(name)
        for param in command.params:
            names.update(param.opts)
            names.add(param.name or "")
        for sub_name, sub in getattr(command, "commands", {}).items():
            commands(sub_name, sub)

    commands("formfill", typer.main.get_command(app))  # type: ignore[arg-type]
    for spec in list_forms():
        names.add(spec.id)
        names.update(_words(spec.meta.legal_basis))  # the name of a legal document, as published
        for doc in walk(spec.model, groups=True):
            names.update(doc.path.split("."))
    return {n.lower() for n in names if n} | _example_values() | _words(QR)


VOCAB = _vocabulary()
ALLOWED = _allowed_tokens()
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|'[^']*'|\[[a-z_]+\]|\{[^}]*\}|<[^>]*>")


def strangers(output: str, lang: str, typed: Iterable[str] = ()) -> list[str]:
    """Words of ``output`` that formfill does not have in ``lang`` (quoted values, paths, ids, what the
    user ``typed`` left out)."""
    bad: list[str] = []
    allowed = ALLOWED | {w for arg in typed for w in _words(arg)}
    for line in output.splitlines():
        for token in QUOTED.sub(" ", line).split():
            bare = token.strip(".,:;()[]!?·•—–=+*|")
            if not bare or bare.lower() in allowed or re.search(r"[\d/\\_@]|^-|\.\w", bare):
                continue
            bad.extend(w for w in _words(bare) if w not in VOCAB[lang] and w not in allowed)
    return bad


def _cases(tmp: Path) -> list[list[str]]:
    import typer

    root = typer.main.get_command(app)
    helps = [["--help"], *([name, "--help"] for name in root.commands)]  # type: ignore[attr-defined]
    notpdf = tmp / "not.pdf"
    notpdf.write_text("not a pdf", encoding="utf-8")
    made = tmp / "made.pdf"
    return [
        *helps,
        ["nosuch"],
        ["forms"],
        ["forms", "--bogus"],
        ["forms", "--lang", "xx"],
        ["schema"],
        ["schema", "nosuch"],
        ["validate"],
        ["validate", "khai-sinh"],
        ["validate", "nosuch", VALID],
        ["validate", "khai-sinh", str(tmp / "absent.json")],
        ["validate", "khai-sinh", INVALID],
        ["validate", "khai-sinh", VALID],
        ["validate", "khai-sinh", VALID, "extra"],
        ["idcard"],
        ["idcard", "abc"],
        ["idcard", QR],
        ["fill"],
        ["fill", "khai-sinh", VALID],
        ["fill", "khai-sinh", INVALID, "-o", str(tmp / "bad.pdf")],
        ["fill", "khai-sinh", VALID, "-o", str(made)],
        ["fill", "khai-sinh", VALID, "-o", str(made)],  # exists: refused without --force
        ["fill", "khai-sinh", VALID, "-o", str(tmp / "x.pdf"), "--offset-x", "abc"],
        ["check"],
        ["check", str(notpdf), "khai-sinh", VALID],
        ["check", str(tmp / "absent.pdf"), "khai-sinh", VALID],
        ["check", str(made), "khai-sinh", VALID],
        ["check", str(made), "khai-sinh", OTHER],
        ["calibrate", "-o", str(tmp / "grid.pdf")],
        ["batch"],
        ["batch", "khai-sinh", ROSTER],
        ["batch", "khai-sinh", str(tmp / "absent.csv"), "-o", str(tmp / "out")],
        ["batch", "khai-sinh", ROSTER, "-o", str(tmp / "out"), "-j", "x"],
        ["batch", "khai-sinh", ROSTER, "-o", str(tmp / "dry"), "--dry-run"],
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_command_speaks_one_language(
    lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FORMFILL_LANG", lang)
    monkeypatch.setenv("FORMFILL_OUTPUT_DIR", str(tmp_path / "docs"))
    runner = CliRunner()
    problems: list[str] = []
    for args in _cases(tmp_path):
        i18n.set_lang(None)
        result = runner.invoke(app, args, prog_name="formfill")
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        output = result.stdout + result.stderr
        assert output.strip(), f"{args}: nothing printed"
        assert "Traceback" not in output
        found = strangers(output, lang, args)
        if found:
            problems.append(f"{' '.join(args)}: {sorted(set(found))}\n{output}")
    assert not problems, "\n\n".join(problems)


def test_the_check_is_not_blind() -> None:
    """What the test above would catch: Click's English frame in Vietnamese mode, and the reverse."""
    assert strangers("Usage: formfill [OPTIONS] COMMAND", "vi")
    assert strangers("Show this message and exit.", "vi")
    found = strangers("nguoi_yeu_cau.ho_ten: missing: expected 'A', found 'B'", "vi")
    assert found == ["missing", "expected", "found"]
    assert strangers("Cách dùng: formfill", "en")
    assert not strangers("Lỗi: Thiếu tham số 'form'.", "vi")


def test_help_texts_split_by_language() -> None:
    i18n.set_lang("en")
    assert pick("Tệp PDF cần kiểm tra / PDF to check") == "PDF to check"
    i18n.set_lang("vi")
    assert pick("Tệp PDF cần kiểm tra / PDF to check") == "Tệp PDF cần kiểm tra"
