"""The files look like what agencies really send: encodings, headers, cells, planted bad rows."""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from tests.synth.helpers import KEYS, SOURCES, mapping_for, read_rows
from tiaki.synth import ScenarioSummary
from tiaki.synth.truth import FORMULAS

Scenario = tuple[Path, ScenarioSummary]


def test_employer_visits_is_latin1_with_a_duplicated_phone_header(medium: Scenario) -> None:
    out, _ = medium
    raw = (out / "employer_visits.csv").read_bytes()
    text = raw.decode("latin-1")
    assert any(ord(c) > 127 for c in text)  # accented names (José, Zoë, Müller)
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    header = text.split("\r\n", 1)[0].split(",")
    assert header.count("phone") == 2 and header.index("phone") < header.index("site_name")
    assert "\r\n\r\n" in text  # a blank line now and then
    rows = list(read_rows(out / "employer_visits.csv"))
    assert any(r["phone#2"] for r in rows) and any(r["phone"] for r in rows)


def test_partner_list_is_utf8_with_bom_and_diacritics(small: Scenario) -> None:
    out, _ = small
    raw = (out / "partner_brokers.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert text.startswith("ma_ho_so,ho_ten,")
    assert re.search(r"Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Võ|Vũ", text)
    roles = {r["vai_tro"] for r in read_rows(out / "partner_brokers.csv")}
    assert roles <= set(
        mapping_for(out / "partner_brokers.csv")["entities"]["broker"]["role"]["map"]
    )


def test_border_file_is_plain_utf8(small: Scenario) -> None:
    out, _ = small
    raw = (out / "border_refusals.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    header = raw.decode("utf-8").split("\n", 1)[0].split(",")
    assert header[:3] == ["ref", "refusal_date", "refusal_type"] and "reason_code" in header
    refs = [r["ref"] for r in read_rows(out / "border_refusals.csv")]
    assert len(refs) == len(set(refs))


def test_notices_have_real_date_cells_and_integer_serials(medium: Scenario) -> None:
    out, _ = medium
    wb = openpyxl.load_workbook(out / "compliance_notices.xlsx")
    ws = wb["Notices"]
    assert [c.value for c in ws[1]][:3] == ["notice_ref", "served", "outcome_date"]
    served = [row[1] for row in ws.iter_rows(min_row=2)]
    outcome = [row[2] for row in ws.iter_rows(min_row=2)]
    assert served and all(c.is_date and isinstance(c.value, datetime) for c in served)
    serials = [c.value for c in outcome if c.value is not None]
    assert serials and all(type(v) is int for v in serials)
    assert all(not c.is_date for c in outcome)
    first = next(c for c in outcome if c.value is not None)
    row_served = ws.cell(row=first.row, column=2).value.date()
    assert (date(1899, 12, 30).toordinal() + first.value) > row_served.toordinal()
    # a formula typed into a name cell stays text
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    assert [c for c in cells if c.data_type == "f"] == []
    assert any(isinstance(c.value, str) and c.value in FORMULAS for c in cells)


def _bad(out: Path) -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = defaultdict(dict)
    with open(out / "bad_rows.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            table[row["source_id"]][row["record_key"]] = row["kind"]
    return table




def test_planted_bad_rows_are_present(medium: Scenario) -> None:
    out, s = medium
    bad = _bad(out)
    for name, sid in SOURCES.items():
        counts = s.bad_rows[sid]
        rows = s.rows_by_source[sid]
        assert sum(counts.values()) == len(bad[sid])
        assert Counter(bad[sid].values()) == {k: v for k, v in counts.items() if v}
        if rows >= 500:
            assert all(v >= 1 for v in counts.values()), (sid, counts)
            assert sum(counts.values()) <= len(counts) + rows // 500  # about 0.2 %
        columns = mapping_for(out / name)
        for row in read_rows(out / name):
            kind = bad[sid].get(str(row[KEYS[sid]]))
            if kind is None:
                continue
            values = " ".join(str(v) for v in row.values() if v is not None)
            if kind == "impossible_date":
                assert re.search(r"3[01]/02/\d{4}|\d{4}-02-3[01]", values), row
            elif kind == "unparseable_phone":
                assert "12" in row.values()
            elif kind == "empty_required_name":
                required = [
                    p["column"]
                    for e in columns["entities"].values()
                    for p in e.get("properties", {}).values()
                    if p.get("required")
                ]
                assert any(not row.get(c) for c in required), row
            elif kind == "formula_injection":
                assert any(f in values for f in FORMULAS), row
            elif kind == "wrong_field_count":
                assert row.get("__bad_width__"), row
    assert s.bad_rows["inz-border"]["wrong_field_count"] >= 1


def test_xlsx_rows_survive_any_splice_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The streamed rows are spliced into the sheet in chunks: no cell is cut in two."""
    from tiaki.synth import generate, sinks

    monkeypatch.setattr(sinks, "CHUNK", 97)
    generate(tmp_path, 3_000)
    wb = openpyxl.load_workbook(tmp_path / "compliance_notices.xlsx", read_only=True)
    rows = list(wb["Notices"].iter_rows(min_row=2, values_only=True))
    assert len(rows) > 50
    assert all(isinstance(row[1], datetime) for row in rows)
    assert all(row[2] is None or type(row[2]) is int for row in rows)
    wb.close()
