"""A chunk of mapped rows, held column-wise and written to the store as Arrow tables."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from tiaki.record.rowmap import PROV_FIELDS, STMT_FIELDS, Chunk
from tiaki.record.store import Transaction
from tiaki.record.store.store import now


class ChunkWriter:
    """Writes mapped chunks of one import; only records not already stored are added."""

    def __init__(self, source_id: str, import_id: str, file_name: str) -> None:
        self.source_id = source_id
        self.import_id = import_id
        self.file_name = file_name

    def write(self, tx: Transaction, chunk: Chunk) -> tuple[int, int, int, int]:
        """Store a chunk; returns (rows stored, rows new, rows quarantined, statements new)."""
        new = statements = 0
        if chunk.records:
            new, statements = self._write_records(tx, chunk)
        if chunk.quarantined:
            self._write_quarantine(tx, chunk)
        return len(chunk.records), new, len(chunk.quarantined), statements

    def _write_records(self, tx: Transaction, chunk: Chunk) -> tuple[int, int]:
        rec = pa.table(list(zip(*chunk.records, strict=True)),
                       names=["record_id", "row_number", "record_key", "data", "protected"])
        tx.insert_arrow("chunk_new", rec, "record_id", create=True,
                        where="record_id NOT IN (SELECT record_id FROM raw_records)")
        new = int(tx.fetch("SELECT count(*) FROM chunk_new")[0][0])
        statements = 0
        if new:
            tx.insert_arrow(
                "raw_records", rec,
                "record_id, ?, ?, row_number, record_key, data::JSON, protected",
                where="record_id IN (SELECT record_id FROM chunk_new)",
                params=[self.source_id, self.import_id])
            if chunk.stmts["row"]:
                statements = self._write_statements(tx, chunk, rec.column("record_id"))
        tx.execute("DROP TABLE chunk_new")
        return new, statements

    def _write_statements(self, tx: Transaction, chunk: Chunk, record_ids: Any) -> int:
        s = chunk.stmts
        idx = pa.array(s["row"], type=pa.int32())
        arrays = [pa.array(s[f], type=pa.bool_() if f == "protected" else pa.string())
                  for f in STMT_FIELDS[1:]]
        arrays.append(record_ids.combine_chunks().take(idx))
        prov = list(zip(*chunk.prov, strict=True))
        arrays += [pa.array(c, type=pa.string()).take(idx) for c in prov]
        table = pa.table(arrays, names=[*STMT_FIELDS[1:], "record_id", *PROV_FIELDS])
        return tx.insert_arrow(
            "statements", table,
            "md5(record_id || '|' || entity_id || '|' || prop || '|' || value), entity_id, kind, "
            "prop, value, normal, original, protected, ?, ?, record_id, column_name, "
            "collected_at, officer, grade_system, source_grade, info_grade, handling_system, "
            "handling_code, handling_conditions, consent_id, ?",
            where="record_id IN (SELECT record_id FROM chunk_new)",
            params=[self.source_id, self.import_id, now()])

    def _write_quarantine(self, tx: Transaction, chunk: Chunk) -> None:
        q = pa.table(list(zip(*chunk.quarantined, strict=True)),
                     names=["quarantine_id", "row_number", "column_name", "reason", "data"])
        tx.insert_arrow(
            "quarantine", q,
            "quarantine_id, ?, ?, ?, row_number, column_name, reason, data::JSON, 'open', ?",
            where="quarantine_id NOT IN (SELECT quarantine_id FROM quarantine)",
            params=[self.import_id, self.source_id, self.file_name, now()])
