"""Scenarios generated once per test session (per xdist worker)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tiaki.synth import ScenarioSummary, generate


@pytest.fixture(scope="session")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ScenarioSummary]:
    out = tmp_path_factory.mktemp("synth1k")
    return out, generate(out, 1_000, seed=7)


@pytest.fixture(scope="session")
def medium(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ScenarioSummary]:
    out = tmp_path_factory.mktemp("synth20k")
    return out, generate(out, 20_000, seed=11)
