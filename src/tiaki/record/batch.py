"""A chunk of mapped rows, held column-wise and written to the store as Arrow tables."""

from __future__ import annotations

import pyarrow as pa

from tiaki.record.rowmap import ChunkTables
from tiaki.record.store import Transaction
from tiaki.record.store.store import now


class ChunkWriter:
    """Writes mapped chunks of one import; only records not already stored are added."""

    def __init__(self, source_id: str, import_id: str, file_name: str) -> None:
        self.source_id = source_id
        self.import_id = import_id
        self.file_name = file_name

    def write(self, tx: Transaction, chunk: ChunkTables) -> tuple[int, int, int, int]:
        """Store a chunk; returns (rows stored, rows new, rows quarantined, statements new)."""
        new = statements = 0
        if chunk.records.num_rows:
            new, statements = self._write_records(tx, chunk)
        if chunk.quarantined.num_rows:
            self._write_quarantine(tx, chunk.quarantined)
        return chunk.records.num_rows, new, chunk.quarantined.num_rows, statements

    def _write_records(self, tx: Transaction, chunk: ChunkTables) -> tuple[int, int]:
        tx.insert_arrow(
            "chunk_new",
            chunk.records,
            "record_id",
            create=True,
            where="record_id NOT IN (SELECT record_id FROM raw_records)",
        )
        new = int(tx.fetch("SELECT count(*) FROM chunk_new")[0][0])
        statements = 0
        if new == chunk.records.num_rows:
            tx.insert_arrow(
                "raw_records",
                chunk.records,
                "record_id, ?, ?, row_number, record_key, data::JSON, protected",
                params=[self.source_id, self.import_id],
            )
            statements = tx.insert_arrow(
                "statements",
                chunk.statements,
                _STMT_SELECT,
                params=[self.source_id, self.import_id, now()],
            )
        elif new:
            new_only = "record_id IN (SELECT record_id FROM chunk_new)"
            tx.insert_arrow(
                "raw_records",
                chunk.records,
                "record_id, ?, ?, row_number, record_key, data::JSON, protected",
                where=new_only,
                params=[self.source_id, self.import_id],
            )
            statements = tx.insert_arrow(
                "statements",
                chunk.statements,
                _STMT_SELECT,
                where=new_only,
                params=[self.source_id, self.import_id, now()],
            )
        tx.execute("DROP TABLE chunk_new")
        return new, statements

    def _write_quarantine(self, tx: Transaction, q: pa.Table) -> None:
        tx.insert_arrow(
            "quarantine",
            q,
            "quarantine_id, ?, ?, ?, row_number, column_name, reason, data::JSON, 'open', ?",
            where="quarantine_id NOT IN (SELECT quarantine_id FROM quarantine)",
            params=[self.import_id, self.source_id, self.file_name, now()],
        )


_STMT_SELECT = (
    "md5(record_id || '|' || entity_id || '|' || prop || '|' || value), entity_id, kind, "
    "prop, value, normal, original, protected, ?, ?, record_id, column_name, "
    "collected_at, officer, grade_system, source_grade, info_grade, handling_system, "
    "handling_code, handling_conditions, consent_id, ?"
)
