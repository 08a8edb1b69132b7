"""Read a generated source file the way its mapping describes it (test helper)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl
import yaml

SOURCES = {
    "border_refusals.csv": "inz-border",
    "field_engagements.jsonl": "inz-compliance-engagement",
    "employer_visits.csv": "labour-inspectorate",
    "compliance_notices.xlsx": "inz-compliance",
    "public_tips.jsonl": "public-tips",
    "partner_brokers.csv": "vn-mps",
}


def mapping_for(data_file: Path) -> dict[str, Any]:
    stem = data_file.name.rsplit(".", 1)[0]
    loaded = yaml.safe_load((data_file.parent / f"{stem}.mapping.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _dedupe(header: list[str]) -> list[str]:
    """Second and later occurrences of a column name become name#2, name#3 (as the ingest does)."""
    seen: dict[str, int] = {}
    out = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return out


def read_rows(data_file: Path) -> Iterator[dict[str, Any]]:
    """Rows as dicts (CSV with the mapping's encoding, JSON Lines flattened to dotted keys, XLSX);
    rows whose field count differs from the header get the key ``__bad_width__``."""
    mapping = mapping_for(data_file)
    fmt = mapping["file"]["format"]
    if fmt == "csv":
        enc = mapping["file"].get("encoding", "utf-8")
        enc = "utf-8-sig" if enc in ("auto", "utf-8") else enc
        text = data_file.read_bytes().decode(enc)
        reader = csv.reader(io.StringIO(text, newline=""))
        header = _dedupe(next(reader))
        for row in reader:
            if not row:
                continue
            record: dict[str, Any] = dict(zip(header, row, strict=False))
            if len(row) != len(header):
                record["__bad_width__"] = True
            yield record
    elif fmt == "jsonl":
        with open(data_file, encoding="utf-8") as f:
            for line in f:
                yield _flatten(json.loads(line))
    else:
        wb = openpyxl.load_workbook(data_file, read_only=True)
        ws = wb[mapping["file"]["sheet"]]
        rows = ws.iter_rows(values_only=True)
        header = [str(h) for h in next(rows)]
        for values in rows:
            assert len(values) == len(header)
            yield dict(zip(header, values, strict=True))
        wb.close()


def _flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in obj.items():
        if isinstance(value, dict):
            out.update(_flatten(value, f"{prefix}{key}."))
        else:
            out[f"{prefix}{key}"] = value
    return out


def filled(value: Any) -> bool:
    return value is not None and str(value).strip() != ""


def emitted_entities(mapping: dict[str, Any], row: dict[str, Any]) -> list[str]:
    """Person/Organization entities of the mapping that this row emits: those with at least
    one of their own column-valued properties filled."""
    out = []
    for name, spec in mapping["entities"].items():
        if spec["kind"] not in ("Person", "Organization"):
            continue
        columns = [p["column"] for p in spec["properties"].values() if "column" in p]
        if any(filled(row.get(c)) for c in columns):
            out.append(name)
    return out

# The record-key column of each source.
KEYS = {
    "inz-border": "ref",
    "inz-compliance-engagement": "ref",
    "labour-inspectorate": "visit_id",
    "inz-compliance": "notice_ref",
    "public-tips": "ref",
    "vn-mps": "ma_ho_so",
}
