"""Read queries over the store: sources, imports, quarantine, entities and statistics."""

from __future__ import annotations

import json
from typing import Any

from tiaki.record.store.audit import GENESIS, entry_hash
from tiaki.record.store.store import Row, Store


def sources(store: Store) -> list[Row]:
    return store.rows(
        """SELECT s.source_id, s.label, s.agency, s.country,
                  count(i.import_id) AS imports,
                  coalesce(sum(i.rows_read), 0) AS rows_read,
                  coalesce(sum(i.rows_new), 0) AS rows_new,
                  coalesce(sum(i.rows_quarantined), 0) AS rows_quarantined,
                  coalesce(sum(i.statements), 0) AS statements,
                  max(i.finished_at) AS last_import
           FROM sources s LEFT JOIN imports i USING (source_id)
           GROUP BY ALL ORDER BY s.source_id"""
    )


def imports(store: Store, source_id: str | None = None) -> list[Row]:
    return store.rows(
        "SELECT * FROM imports WHERE ? IS NULL OR source_id = ? ORDER BY started_at",
        [source_id, source_id],
    )


def quarantine(
    store: Store, source_id: str | None = None, limit: int | None = 50, status: str = "open"
) -> list[Row]:
    sql = (
        "SELECT source_id, file_name, row_number, column_name, reason, data::VARCHAR AS data, "
        "status, quarantine_id FROM quarantine WHERE (? IS NULL OR source_id = ?) "
        "AND status = ? ORDER BY source_id, file_name, row_number"
    )
    params: list[Any] = [source_id, source_id, status]
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return store.rows(sql, params)


def entity(store: Store, entity_id: str) -> list[Row]:
    """All statements about one entity, with provenance, oldest first."""
    return store.rows(
        """SELECT st.kind, st.prop, st.value, st.original, st.protected, st.source_id,
                  st.column_name, r.row_number, st.collected_at, st.officer, st.grade_system,
                  st.source_grade, st.info_grade, st.handling_system, st.handling_code,
                  st.handling_conditions, st.consent_id, st.statement_id
           FROM statements st JOIN raw_records r USING (record_id)
           WHERE st.entity_id = ? ORDER BY st.prop, st.source_id, st.value""",
        [entity_id],
    )


def find(store: Store, text: str, kind: str | None = None, limit: int = 20) -> list[Row]:
    """Entities whose values contain ``text`` (case-insensitive; protected values never match)."""
    like = f"%{text.casefold()}%"
    return store.rows(
        """SELECT entity_id, any_value(kind) AS kind, string_agg(DISTINCT value, ' | ') AS matched
           FROM statements
           WHERE NOT protected AND (lower(value) LIKE ? OR normal LIKE ?)
             AND (? IS NULL OR kind = ?)
           GROUP BY entity_id ORDER BY entity_id LIMIT ?""",
        [like, like, kind, kind, limit],
    )


def stats(store: Store) -> dict[str, Any]:
    one = store.rows(
        """SELECT (SELECT count(*) FROM sources) AS sources,
                  (SELECT count(*) FROM imports WHERE status = 'complete') AS imports,
                  (SELECT count(*) FROM raw_records) AS records,
                  (SELECT count(*) FROM quarantine WHERE status = 'open') AS quarantined,
                  (SELECT count(*) FROM statements) AS statements,
                  (SELECT count(DISTINCT entity_id) FROM statements) AS entities,
                  (SELECT count(DISTINCT entity_id) FROM statements WHERE protected)
                      AS protected_entities"""
    )[0]
    one["by_kind"] = store.rows(
        "SELECT kind, count(DISTINCT entity_id) AS entities, count(*) AS statements "
        "FROM statements GROUP BY kind ORDER BY entities DESC"
    )
    one["by_role"] = store.rows(
        "SELECT value AS role, count(DISTINCT entity_id) AS people FROM statements "
        "WHERE prop = 'role' GROUP BY value ORDER BY people DESC"
    )
    one["reconciliation"] = store.rows(
        "SELECT sum(rows_read) AS read, sum(rows_stored) AS stored, "
        "sum(rows_quarantined) AS quarantined FROM imports WHERE status = 'complete'"
    )[0]
    return one


def verify_audit(store: Store) -> tuple[bool, int, str]:
    """Walk the hash chain. Returns (ok, entries checked, first problem)."""
    prev, expected = GENESIS, 1
    rows = store.rows(
        "SELECT seq, logged_at, actor, action, subject, detail::VARCHAR AS detail, "
        "prev_hash, hash FROM audit_log ORDER BY seq"
    )
    for row in rows:
        if row["seq"] != expected:
            return False, expected - 1, f"entry {expected} is missing or out of order"
        if row["prev_hash"] != prev:
            return False, expected - 1, f"entry {row['seq']} does not follow its predecessor"
        detail = json.loads(row["detail"]) if row["detail"] else None
        digest = entry_hash(
            prev, row["seq"], row["logged_at"], row["actor"], row["action"], row["subject"], detail
        )
        if digest != row["hash"]:
            return False, expected - 1, f"entry {row['seq']} was altered"
        prev, expected = row["hash"], expected + 1
    return True, len(rows), ""
