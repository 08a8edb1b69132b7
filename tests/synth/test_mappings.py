"""The mapping files use only kinds, properties, roles and grading codes of the model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tiaki.synth import ScenarioSummary

Scenario = tuple[Path, ScenarioSummary]
SCHEMA = Path(__file__).resolve().parents[2] / "src" / "tiaki" / "record" / "schema"


def _schema() -> dict[str, Any]:
    """kinds, roles, sectors, grading and handling from the model YAML files."""
    merged: dict[str, Any] = {
        "kinds": {},
        "roles": {},
        "grading": {},
        "handling": {},
        "sectors": [],
    }
    model = yaml.safe_load((SCHEMA / "model.yml").read_text(encoding="utf-8"))
    for name in model["includes"]:
        part = yaml.safe_load((SCHEMA / name).read_text(encoding="utf-8"))
        for key in ("kinds", "roles", "grading", "handling"):
            merged[key].update(part.get(key) or {})
        merged["sectors"] += part.get("sectors") or []
    return merged


def _properties(kinds: dict[str, Any], kind: str) -> dict[str, Any]:
    """A kind's properties, inherited ones included (walking ``extends``)."""
    props: dict[str, Any] = {}
    for parent in kinds[kind].get("extends", []):
        props.update(_properties(kinds, parent))
    props.update(kinds[kind].get("properties") or {})
    return props


def _enum_values(prop: dict[str, Any], schema: dict[str, Any]) -> list[str] | None:
    if prop.get("type") != "enum":
        return None
    if "values_from" in prop:
        source = schema[prop["values_from"]]
        return list(source) if isinstance(source, dict) else list(source)
    return list(prop["values"])


def test_mappings_use_only_the_model(small: Scenario) -> None:
    out, _ = small
    schema = _schema()
    kinds, roles = schema["kinds"], schema["roles"]
    files = sorted(out.glob("*.mapping.yml"))
    assert len(files) == 6
    for path in files:
        m = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert m["version"] == 1 and m["source"]["id"] and m["entities"]
        data = out / path.name.replace(".mapping.yml", "")
        assert any(p.name.startswith(data.name + ".") for p in out.iterdir() if p != path)
        d = m["defaults"]
        grading, handling = d["grading"], d["handling"]
        system = schema["grading"][grading["system"]]
        assert str(grading["source"]) in system["source"]
        assert str(grading["intelligence"]) in system["intelligence"]
        code = schema["handling"][handling["system"]]["codes"][str(handling["code"])]
        if code.get("conditions") == "required":
            assert handling.get("conditions")
        for name, ent in m["entities"].items():
            kind = ent["kind"]
            assert kind in kinds and not kinds[kind].get("abstract"), (path.name, name)
            props = _properties(kinds, kind)
            role = ent.get("role")
            if role is not None:
                assert "role" in props
                wanted = role["map"].values() if isinstance(role, dict) else [role]
                assert set(wanted) <= set(roles), (path.name, name)
            for pname, spec in ent["properties"].items():
                assert pname in props, (path.name, name, pname)
                prop = props[pname]
                if prop.get("type") == "entity":
                    assert spec["entity"] in m["entities"], (path.name, name, pname)
                else:
                    assert "column" in spec or "value" in spec
                values = _enum_values(prop, schema)
                if values is not None and "map" in spec:
                    assert set(spec["map"].values()) <= set(values), (path.name, pname)
            for req, prop in props.items():
                if prop.get("required") and prop.get("type") == "entity":
                    assert req in ent["properties"], (path.name, name, req)


def test_consent_block_and_protected_worker(small: Scenario) -> None:
    out, _ = small
    m = yaml.safe_load((out / "field_engagements.mapping.yml").read_text(encoding="utf-8"))
    consent_props = _properties(_schema()["kinds"], "Consent")
    assert set(m["consent"]) <= set(consent_props)
    assert m["entities"]["worker"]["role"] == "worker"
    assert _schema()["roles"]["worker"]["protected"] is True
    p = yaml.safe_load((out / "partner_brokers.mapping.yml").read_text(encoding="utf-8"))
    assert p["defaults"]["name_order"] == "family_first" and p["defaults"]["phone_region"] == "VN"
    assert p["defaults"]["handling"] == {"system": "tlp", "code": "AMBER"}


def test_enum_columns_hold_model_values(small: Scenario) -> None:
    """Values written straight into enum properties (no map) are values of the enum."""
    from tests.synth.helpers import read_rows

    out, _ = small
    schema = _schema()
    for path in sorted(out.glob("*.mapping.yml")):
        m = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = next(
            p for p in out.iterdir() if p.name.startswith(path.name[:-12] + ".") and p != path
        )
        checks = []
        for ent in m["entities"].values():
            props = _properties(schema["kinds"], ent["kind"])
            for pname, spec in ent["properties"].items():
                values = _enum_values(props[pname], schema)
                if values is not None and "column" in spec and "map" not in spec:
                    checks.append((spec["column"], set(values)))
        for row in read_rows(data):
            for column, values in checks:
                if row.get(column):
                    assert row[column] in values, (data.name, column, row[column])


def test_mappings_load_and_the_scenario_ingests(
    small: Scenario, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With tiaki's own loader and ingest: every row is stored except the planted bad ones."""
    ingest_mod = pytest.importorskip("tiaki.record.ingest")
    from tiaki.record.model import load_model
    from tiaki.record.store import Store
    from tiaki.settings import load_settings

    out, s = small
    monkeypatch.setenv("TIAKI_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TIAKI_PSEUDONYM_KEY", "a1" * 32)
    monkeypatch.setenv("TIAKI_SEAL_KEY", "b2" * 32)
    monkeypatch.setenv("TIAKI_WORKERS", "1")
    model = load_model()
    expected = {
        sid: sum(n for k, n in kinds.items() if k != "formula_injection")
        for sid, kinds in s.bad_rows.items()
    }
    with Store(load_settings(), create=True) as store:
        for f in s.files:
            report = ingest_mod.ingest(store, model, out / f.path, out / f.mapping)
            assert report.rows_read == f.rows, f.path
            assert report.rows_quarantined == expected[f.source_id], f.path
            assert report.reconciles
