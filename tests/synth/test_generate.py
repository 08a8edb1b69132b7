"""generate(): determinism, scale, summary."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.synth.helpers import SOURCES, read_rows
from tiaki.synth import ScenarioSummary, generate

Scenario = tuple[Path, ScenarioSummary]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_same_seed_same_bytes(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", 1_500, seed=3)
    b = generate(tmp_path / "b", 1_500, seed=3)
    fa, fb = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert fa.keys() == fb.keys()
    for name in fa:
        assert fa[name] == fb[name], name
    assert a.to_dict() == b.to_dict()
    c = generate(tmp_path / "c", 1_500, seed=4)
    assert _files(tmp_path / "c")["border_refusals.csv"] != fa["border_refusals.csv"]
    assert c.people == a.people == 1_500


def test_same_bytes_across_processes(tmp_path: Path) -> None:
    """Nothing depends on string hashing (PYTHONHASHSEED) or on the process."""
    code = (
        "import sys; from pathlib import Path; from tiaki.synth import generate; "
        "generate(Path(sys.argv[1]), 1_000, seed=5)"
    )
    for n in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": n}
        subprocess.run([sys.executable, "-c", code, str(tmp_path / n)], check=True, env=env)
    assert _files(tmp_path / "1") == _files(tmp_path / "2")


def test_too_few_people_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        generate(tmp_path, 10)


@pytest.mark.parametrize("scenario", ["small", "medium"])
def test_rows_per_source_in_expected_ranges(scenario: str, request: pytest.FixtureRequest) -> None:
    out, s = request.getfixturevalue(scenario)
    n = s.people
    rows = s.rows_by_source
    assert 1.0 * n <= s.total_rows <= 1.3 * n
    assert 0.65 <= rows["inz-border"] / s.total_rows <= 0.78
    assert 0.12 * n <= rows["inz-compliance-engagement"] <= 0.22 * n
    assert 0.02 * n <= rows["labour-inspectorate"] <= 0.06 * n
    assert 0.02 * n <= rows["inz-compliance"] <= 0.045 * n
    assert 0.02 * n <= rows["public-tips"] <= 0.09 * n
    assert 0.01 * n <= rows["vn-mps"] <= 0.05 * n
    assert s.networks == max(3, round(n / 2000))
    assert 3 * s.networks <= s.facilitators <= 8 * s.networks
    assert s.protected_persons > 0.1 * n


@pytest.mark.parametrize("scenario", ["small", "medium"])
def test_every_file_has_its_mapping_and_counted_rows(
    scenario: str, request: pytest.FixtureRequest
) -> None:
    out, s = request.getfixturevalue(scenario)
    assert {f.path for f in s.files} == set(SOURCES)
    for f in s.files:
        assert (out / f.path).is_file() and (out / f.mapping).is_file()
        assert f.source_id == SOURCES[f.path]
        assert sum(1 for _ in read_rows(out / f.path)) == f.rows == s.rows_by_source[f.source_id]
    for f in s.truth_files:
        assert (out / f.path).is_file()


def test_scenario_json_is_the_summary(small: Scenario) -> None:
    out, s = small
    data = json.loads((out / "scenario.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(s.to_dict()))
    assert data["total_rows"] == sum(data["rows_by_source"].values())
    assert data["bad_rows_total"] == sum(sum(k.values()) for k in data["bad_rows"].values())


def test_progress_reports_rows(tmp_path: Path) -> None:
    seen: list[int] = []
    s = generate(tmp_path, 300, progress=seen.append)
    assert seen and seen == sorted(seen) and seen[-1] == s.total_rows


def test_notices_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tiaki.synth.sources import notices

    monkeypatch.setattr(notices, "CAP", 40)
    s = generate(tmp_path, 3_000)
    assert s.rows_by_source["inz-compliance"] == 40
    assert s.people == 3_000 and 1.0 * 3_000 <= s.total_rows <= 1.3 * 3_000
    assert sum(1 for _ in read_rows(tmp_path / "compliance_notices.xlsx")) == 40
