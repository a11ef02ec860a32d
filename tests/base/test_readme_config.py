"""The README's example formfill.toml is a valid configuration (no drift between docs and settings)."""

from __future__ import annotations

import re
from pathlib import Path

from formfill.base.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_example_config_loads_with_its_values(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(.*?)```", readme, re.S)
    assert block is not None, "the README has no TOML example"
    config = tmp_path / "formfill.toml"
    config.write_text(block.group(1), encoding="utf-8")
    settings = Settings.from_env({"FORMFILL_CONFIG": str(config)})
    assert settings.office.name == "Ủy ban nhân dân phường Sa Đéc"
    assert settings.office.place == "phường Sa Đéc"
    assert settings.kiosk.printer == "quay-1"
    assert settings.kiosk.idle_seconds == 120 and settings.retention.submission_days == 30
    assert settings.store.path == Path("/srv/formfill/office.sqlite3")
