from __future__ import annotations

from pathlib import Path

import pytest

from tests.record import helpers as h
from tiaki.errors import MappingError
from tiaki.record.ingest import ingest
from tiaki.record.model import Model
from tiaki.record.store import Store, catalog


def counts(store: Store) -> tuple[int, int, int]:
    return (
        store.scalar("SELECT count(*) FROM raw_records"),
        store.scalar("SELECT count(*) FROM statements"),
        store.scalar("SELECT count(*) FROM quarantine"),
    )


def test_rows_become_statements_with_provenance(store: Store, model: Model, tmp_path: Path) -> None:
    data, mapping = h.refusals(tmp_path)
    r = ingest(store, model, data, mapping)
    assert (r.rows_read, r.rows_stored, r.rows_quarantined) == (3, 3, 0) and r.reconciles
    rows = store.rows("SELECT * FROM statements WHERE prop = 'phone' ORDER BY value")
    assert {x["value"] for x in rows} == {
        "+84912345678",
        "+64211234567",
        "+85291234567",
        "+84913000111",
    }
    one = rows[0]
    assert one["source_id"] == "test-border" and one["grade_system"] == "uk-3x5x2"
    assert (one["source_grade"], one["info_grade"], one["handling_code"]) == ("1", "A", "P")
    assert one["collected_at"].startswith("2026-04") and one["officer"].startswith("OFF-")
    # the same agent, booking two travellers, is two mentions with the same values
    agents = store.rows(
        "SELECT DISTINCT entity_id FROM statements WHERE prop = 'role' AND value = 'booking_agent'"
    )
    assert len(agents) == 2
    refusal = store.rows(
        "SELECT value FROM statements WHERE kind = 'BorderRefusal' AND "
        "prop = 'refusal_type' ORDER BY value"
    )
    assert [x["value"] for x in refusal] == ["refused_boarding", "refused_entry", "refused_entry"]
    # identity documents carry the country from another column
    docs = {x["value"] for x in store.rows("SELECT value FROM statements WHERE prop='identity'")}
    assert "VN:C1234567" in docs and "BR:FX123456" in docs


def test_raw_rows_are_kept_verbatim(store: Store, model: Model, tmp_path: Path) -> None:
    data, mapping = h.refusals(tmp_path)
    ingest(store, model, data, mapping)
    raw = store.rows("SELECT data::VARCHAR AS d FROM raw_records WHERE record_key = 'R1'")[0]["d"]
    assert "NGUYEN, Van An" in raw and "+84 912 345 678" in raw


@pytest.mark.parametrize("encoding", ["latin-1", "utf-8-sig", "utf-16"])
def test_encodings(store: Store, model: Model, tmp_path: Path, encoding: str) -> None:
    rows = ["R9,03/04/2026,RB,José Conceição,01/02/1990,BRA,FX9,,,,OFF\n"]
    data, mapping = h.refusals(tmp_path, rows, encoding=encoding)
    r = ingest(store, model, data, mapping)
    assert r.rows_stored == 1
    names = [x["value"] for x in store.rows("SELECT value FROM statements WHERE prop='name'")]
    assert names == ["José Conceição"]


def test_blank_lines_are_skipped_and_counted(store: Store, model: Model, tmp_path: Path) -> None:
    rows = ["\n", h.REFUSALS_ROWS[0], "\n", ",,,,,,,,,,\n", h.REFUSALS_ROWS[1], "\n"]
    data, mapping = h.refusals(tmp_path, rows)
    r = ingest(store, model, data, mapping)
    assert (r.rows_read, r.rows_stored, r.blank_lines) == (2, 2, 4)


def test_duplicated_headers_are_renamed(store: Store, model: Model, tmp_path: Path) -> None:
    data = tmp_path / "v.csv"
    data.write_text("id,name,phone,phone\n1,Acme Ltd,09 555 1234,021 999 888\n")
    mapping = tmp_path / "v.mapping.yml"
    mapping.write_text(
        "source: {id: visits}\nrecord_key: id\ndefaults: {phone_region: NZ}\n"
        "entities:\n  e: {kind: Organization, properties: {name: {column: name}}}\n"
        "  site: {kind: Venue, properties: {phone: {column: 'phone#2'}}}\n"
    )
    r = ingest(store, model, data, mapping)
    assert r.renamed_columns == {"phone#2": "phone"}
    assert store.scalar("SELECT value FROM statements WHERE kind='Venue'") == "+6421999888"


def test_bad_rows_are_quarantined_with_reasons(store: Store, model: Model, tmp_path: Path) -> None:
    rows = [
        h.REFUSALS_ROWS[0],
        "B1,03/04/2026,RB,Ana Lima,31/02/1990,BRA,X1,,,,O\n",  # impossible date
        "B2,03/04/2026,RB,Ana Lima,01/02/1990,BRA,X1,12,,,O\n",  # unparseable phone
        "B3,03/04/2026,RB,,01/02/1990,BRA,X1,,,,O\n",  # required name missing
        "B4,03/04/2026,RB,too,few\n",  # wrong number of fields
        "B5,03/04/2026,XX,Ana Lima,01/02/1990,BRA,X1,,,,O\n",  # not a refusal type
        "B6,03/04/2026,RB,Ana Lima,01/02/1990,Atlantis,X1,,,,O\n",  # unknown country
    ]
    data, mapping = h.refusals(tmp_path, rows)
    r = ingest(store, model, data, mapping)
    assert (r.rows_read, r.rows_stored, r.rows_quarantined) == (7, 1, 6) and r.reconciles
    q = {x["row_number"]: x for x in catalog.quarantine(store)}
    assert q[3]["column_name"] == "dob"
    assert q[4]["column_name"] == "phone"
    assert q[5]["column_name"] == "name" and "required" in q[5]["reason"]
    assert q[6]["column_name"] is None and "fields" in q[6]["reason"]
    assert q[7]["column_name"] == "type" and "refused_boarding" in q[7]["reason"]
    assert q[8]["column_name"] == "nationality"
    assert all(x["file_name"] == "refusals.csv" for x in q.values())
    assert "Ana Lima" in q[3]["data"]  # the row is kept verbatim, nothing is lost


def test_missing_column_fails_whole_file(store: Store, model: Model, tmp_path: Path) -> None:
    data, mapping = h.refusals(tmp_path)
    data.write_text(h.REFUSALS_HEADER.replace("agent_phone", "agentphone") + h.REFUSALS_ROWS[0])
    with pytest.raises(MappingError, match="agent_phone") as info:
        ingest(store, model, data, mapping)
    assert info.value.file == str(data) and info.value.column == "agent_phone"
    assert counts(store) == (0, 0, 0)
    assert store.scalar("SELECT count(*) FROM imports") == 0


def test_reimport_is_idempotent(store: Store, model: Model, tmp_path: Path) -> None:
    data, mapping = h.refusals(tmp_path)
    ingest(store, model, data, mapping)
    before = counts(store)
    again = ingest(store, model, data, mapping)
    assert again.already_imported and again.rows_new == 0 and counts(store) == before
    # a cumulative export with one new row adds only that row
    more = tmp_path / "more.csv"
    more.write_text(
        h.REFUSALS_HEADER
        + "".join(h.REFUSALS_ROWS)
        + "R4,06/04/2026,RB,Lin Mei,02/02/2000,TWN,T1,,,,OFF\n",
        encoding="utf-8",
    )
    r = ingest(store, model, more, mapping)
    assert (r.rows_read, r.rows_stored, r.rows_new) == (4, 4, 1)
    assert counts(store)[0] == before[0] + 1


def test_duplicate_rows_in_one_file_are_both_kept(
    store: Store, model: Model, tmp_path: Path
) -> None:
    data, mapping = h.refusals(tmp_path, [h.REFUSALS_ROWS[1], h.REFUSALS_ROWS[1]])
    r = ingest(store, model, data, mapping)
    assert (r.rows_read, r.rows_new) == (2, 2)


def test_formula_injection_is_stored_verbatim_and_escaped_on_export(
    store: Store, model: Model, tmp_path: Path
) -> None:
    from tiaki.record.export import safe_cell, write_csv

    rows = ['F1,03/04/2026,RB,"=HYPERLINK(""http://x"",""click"")",01/02/1990,BRA,X1,,,,O\n']
    data, mapping = h.refusals(tmp_path, rows)
    ingest(store, model, data, mapping)
    value = store.scalar("SELECT original FROM statements WHERE prop = 'name'")
    assert value.startswith("=HYPERLINK")
    out = tmp_path / "out.csv"
    write_csv(
        out,
        catalog.entity(store, store.scalar("SELECT entity_id FROM statements WHERE prop = 'name'")),
    )
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text
    for trigger in "=+-@":
        assert safe_cell(trigger + "1").startswith("'")
    assert safe_cell("Nguyen") == "Nguyen"


def test_xlsx_with_excel_dates_and_serials(store: Store, model: Model, tmp_path: Path) -> None:
    import datetime as dt

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Notices"
    ws.append(["ref", "served", "outcome_date", "name"])
    ws.append(["N1", dt.datetime(2026, 3, 1), 45123, "Lee Min-ho"])
    ws.append([None, None, None, None])
    ws.append(["N2", dt.datetime(2026, 3, 2), 45124.0, "=SUM(A1)"])
    path = tmp_path / "n.xlsx"
    wb.save(path)
    mapping = tmp_path / "n.mapping.yml"
    mapping.write_text(
        "source: {id: notices}\nrecord_key: ref\nfile: {sheet: Notices}\n"
        "entities:\n  p: {kind: Person, role: traveller, properties: {name: {column: name}}}\n"
        "  n: {kind: ComplianceNotice, properties: {subject: {entity: p}, date: {column: served},"
        " outcome_date: {column: outcome_date}}}\n"
    )
    r = ingest(store, model, path, mapping)
    assert (r.rows_read, r.rows_stored, r.blank_lines) == (2, 2, 1)
    dates = sorted(
        x["value"]
        for x in store.rows("SELECT value FROM statements WHERE prop IN ('date', 'outcome_date')")
    )
    assert dates == ["2023-07-16", "2023-07-17", "2026-03-01", "2026-03-02"]


def test_jsonl_nested_and_invalid_lines(store: Store, model: Model, tmp_path: Path) -> None:
    path = tmp_path / "tips.jsonl"
    path.write_text(
        '{"ref": "T1", "about": {"name": "Chang Wei", "phone": "+886 912 345 678"}}\n'
        "\n"
        "{not json}\n"
        '["a list"]\n',
        encoding="utf-8",
    )
    mapping = tmp_path / "tips.mapping.yml"
    mapping.write_text(
        "source: {id: tips}\nrecord_key: ref\nentities:\n"
        "  p: {kind: Person, properties: {name: {column: about.name},"
        " phone: {column: about.phone}}}\n"
    )
    r = ingest(store, model, path, mapping)
    assert (r.rows_read, r.rows_stored, r.rows_quarantined, r.blank_lines) == (3, 1, 2, 1)
    reasons = [x["reason"] for x in catalog.quarantine(store)]
    assert any("invalid JSON" in x for x in reasons) and any("object" in x for x in reasons)
