"""The CLI end to end, in subprocesses: one-line errors, non-zero exits, JSON output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.record import helpers as h


def tiaki(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TIAKI_")}
    env["TIAKI_WORKERS"] = "1"
    return subprocess.run(
        [sys.executable, "-m", "tiaki", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_cli_round_trip(tmp_path: Path) -> None:
    home = tmp_path / "home"
    r = tiaki(home, "init")
    assert r.returncode == 0, r.stderr
    assert (home / "keys" / "pseudonym.key").exists() and (home / "keys" / "seal.key").exists()
    assert oct((home / "keys" / "seal.key").stat().st_mode)[-3:] == "600"
    rows = h.REFUSALS_ROWS + ["B1,03/04/2026,RB,Ana Lima,31/02/1990,BRA,X1,,,,O\n"]
    data, mapping = h.refusals(tmp_path, rows)
    r = tiaki(home, "--json", "ingest", str(data), "--mapping", str(mapping))
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert (report["rows_read"], report["rows_stored"], report["rows_quarantined"]) == (4, 3, 1)
    assert report["reconciles"]
    sources = json.loads(tiaki(home, "--json", "sources").stdout)
    assert sources[0]["source_id"] == "test-border" and sources[0]["rows_new"] == 3
    q = json.loads(tiaki(home, "--json", "quarantine").stdout)
    assert q[0]["row_number"] == 5 and q[0]["column_name"] == "dob"
    found = json.loads(tiaki(home, "--json", "find", "tai-man").stdout)
    assert len(found) == 1 and found[0]["kind"] == "Person"
    shown = json.loads(tiaki(home, "--json", "show", found[0]["entity_id"]).stdout)
    props = {s["prop"] for s in shown}
    assert {"name", "birth_date", "phone", "identity", "nationality", "role"} <= props
    assert all(s["source_grade"] == "1" for s in shown)
    stats = json.loads(tiaki(home, "--json", "stats").stdout)
    assert stats["reconciliation"] == {"read": 4, "stored": 3, "quarantined": 1}
    assert tiaki(home, "audit", "verify").returncode == 0
    human = tiaki(home, "stats")
    assert human.returncode == 0 and "Person" in human.stdout


def test_errors_are_one_line_and_non_zero(tmp_path: Path) -> None:
    home = tmp_path / "home"
    r = tiaki(home, "sources")
    assert r.returncode == 1 and "run 'tiaki init'" in r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1
    tiaki(home, "init")
    data, mapping = h.refusals(tmp_path)
    mapping.write_text(h.REFUSALS_MAPPING.replace("kind: BookedBy", "kind: Spaceship"))
    r = tiaki(home, "ingest", str(data), "--mapping", str(mapping))
    assert r.returncode == 1 and "Spaceship" in r.stderr and "Traceback" not in r.stderr
    assert str(mapping) in r.stderr.replace("\n", "")
    r = tiaki(home, "show", "nope")
    assert r.returncode == 1 and "no entity" in r.stderr
    r = tiaki(home, "ingest", str(tmp_path / "missing.csv"), "--mapping", str(mapping))
    assert r.returncode == 2
    env_bad = subprocess.run(
        [sys.executable, "-m", "tiaki", "--home", str(home), "sources"],
        capture_output=True,
        text=True,
        env={**os.environ, "TIAKI_MEMORY_LIMIT": "lots"},
    )
    assert env_bad.returncode == 1 and "TIAKI_MEMORY_LIMIT" in env_bad.stderr
