"""The demo scenario end to end: every planted bad row is quarantined with its column, every
other row is stored, counts reconcile, and no protected worker's value is in the store."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tiaki.record.ingest import folder_pairs, ingest
from tiaki.record.model import Model
from tiaki.record.store import Store, catalog
from tiaki.synth import generate


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("scenario")
    generate(out, 3000, seed=11)
    return out


def _ingest_all(store: Store, model: Model, folder: Path) -> dict[str, tuple[int, int, int]]:
    counts = {}
    for data, mapping in folder_pairs(folder):
        r = ingest(store, model, data, mapping)
        assert r.reconciles, r
        counts[r.source_id] = (r.rows_read, r.rows_stored, r.rows_quarantined)
    return counts


def test_scenario_ingests_and_reconciles(store: Store, model: Model, scenario: Path) -> None:
    summary = json.loads((scenario / "scenario.json").read_text())
    counts = _ingest_all(store, model, scenario)
    for source, rows in summary["rows_by_source"].items():
        assert counts[source][0] == rows
    planted = list(csv.DictReader((scenario / "bad_rows.csv").open(encoding="utf-8")))
    quarantined = catalog.quarantine(store, limit=None)
    expected = [p for p in planted if p["expect"] == "quarantine"]
    assert len(quarantined) == len(expected)
    for p in expected:
        hits = [
            q
            for q in quarantined
            if q["source_id"] == p["source_id"] and p["record_key"] in q["data"]
        ]
        assert len(hits) == 1, p
        assert (hits[0]["column_name"] or "") == p["column"], (p, hits[0])
    for p in planted:
        if p["expect"] == "store":
            raw = store.rows(
                "SELECT data::VARCHAR AS d FROM raw_records WHERE record_key = ?", [p["record_key"]]
            )
            assert len(raw) == 1


def test_scenario_roles_and_protection(store: Store, model: Model, scenario: Path) -> None:
    _ingest_all(store, model, scenario)
    roles = {r["role"]: r["people"] for r in catalog.stats(store)["by_role"]}
    assert roles.get("worker", 0) > 100 and roles.get("traveller", 0) > 1000
    assert roles.get("booking_agent", 0) > 0
    leaks = store.scalar(
        "SELECT count(*) FROM statements WHERE protected AND prop IN "
        "('name', 'phone', 'birth_date', 'handle') AND value NOT LIKE 'psn:%'"
    )
    assert leaks == 0
    workers = [
        json.loads(line)["worker"]
        for line in (scenario / "field_engagements.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    names = [w["name"] for w in workers if w.get("name")][:50]
    text = "\n".join(
        r["d"]
        for r in store.rows(
            "SELECT data::VARCHAR AS d FROM raw_records UNION ALL "
            "SELECT data::VARCHAR FROM quarantine UNION ALL SELECT value FROM statements "
            "UNION ALL SELECT coalesce(original, '') FROM statements"
        )
    )
    for name in names:
        assert name not in text
