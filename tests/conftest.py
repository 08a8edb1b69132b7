"""Shared fixtures: a tiaki home with keys, an open store, and a file writer."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tiaki.record.model import Model, load_model
from tiaki.record.store import Store
from tiaki.settings import Settings, load_settings

PSEUDONYM_KEY = "a1" * 32
SEAL_KEY = "b2" * 32


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("TIAKI_"):
            monkeypatch.delenv(name)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    h = tmp_path / "home"
    monkeypatch.setenv("TIAKI_HOME", str(h))
    monkeypatch.setenv("TIAKI_PSEUDONYM_KEY", PSEUDONYM_KEY)
    monkeypatch.setenv("TIAKI_SEAL_KEY", SEAL_KEY)
    monkeypatch.setenv("TIAKI_WORKERS", "1")
    return h


@pytest.fixture
def settings(home: Path) -> Settings:
    return load_settings()


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    with Store(settings, create=True) as s:
        yield s


@pytest.fixture(scope="session")
def model() -> Model:
    return load_model()


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path
