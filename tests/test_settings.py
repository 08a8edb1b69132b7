from __future__ import annotations

from pathlib import Path

import pytest

from tiaki.errors import ConfigError
from tiaki.settings import load_settings


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TIAKI_HOME", str(tmp_path))
    monkeypatch.setenv("TIAKI_THREADS", "3")
    s = load_settings()
    assert s.threads == 3 and s.store_path == tmp_path / "tiaki.duckdb"
    assert load_settings(home=str(tmp_path / "x")).home == tmp_path / "x"


@pytest.mark.parametrize(
    ("name", "value"),
    [("THREADS", "0"), ("MEMORY_LIMIT", "lots"), ("PROTECT", "maybe"), ("CHUNK_ROWS", "5")],
)
def test_invalid_settings_are_clear(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(f"TIAKI_{name}", value)
    with pytest.raises(ConfigError, match=f"TIAKI_{name}"):
        load_settings()


def test_keys_come_from_configuration(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TIAKI_HOME", str(tmp_path))
    with pytest.raises(ConfigError, match="TIAKI_PSEUDONYM_KEY"):
        load_settings().pseudonym_secret()
    monkeypatch.setenv("TIAKI_PSEUDONYM_KEY", "short")
    with pytest.raises(ConfigError, match="too short"):
        load_settings().pseudonym_secret()
    monkeypatch.setenv("TIAKI_PSEUDONYM_KEY", "ab" * 32)
    assert load_settings().pseudonym_secret() == bytes.fromhex("ab" * 32)
    assert load_settings().seal_secret() is None
    assert "ab" * 32 not in str(load_settings().public())
