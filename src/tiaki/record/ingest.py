"""Ingest: read a file, map its rows to statements, and store it all in one transaction.

Atomic (one transaction: a killed import leaves the store as it was), idempotent (records are
identified by a keyed digest of their content, so the same rows again add nothing) and
lossless (every row read is either stored or quarantined, with file, row, column and reason).
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from tiaki.errors import InputError, MappingError
from tiaki.record.batch import ChunkWriter
from tiaki.record.mapping import Mapping, load_mapping
from tiaki.record.model import Model
from tiaki.record.parallel import map_chunks
from tiaki.record.protect import Protector
from tiaki.record.readers import InputFile, ReadRow, detect_encoding, detect_format, read_rows
from tiaki.record.rowmap import ChunkMapper
from tiaki.record.store import Store, Transaction
from tiaki.record.store.store import now
from tiaki.settings import Settings

log = logging.getLogger("tiaki.ingest")


@dataclass
class ImportReport:
    import_id: str
    source_id: str
    file: str
    mapping: str
    format: str = ""
    encoding: str = ""
    rows_read: int = 0
    rows_stored: int = 0
    rows_new: int = 0
    rows_quarantined: int = 0
    blank_lines: int = 0
    statements: int = 0
    seconds: float = 0.0
    already_imported: bool = False
    renamed_columns: dict[str, str] = field(default_factory=dict)

    @property
    def reconciles(self) -> bool:
        return self.rows_read == self.rows_stored + self.rows_quarantined

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "reconciles": self.reconciles}


def folder_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(data file, mapping) for every ``X.ext`` that has an ``X.mapping.yml`` beside it."""
    pairs = []
    for mapping in sorted(folder.glob("*.mapping.yml")):
        stem = mapping.name.removesuffix(".mapping.yml")
        files = sorted(p for p in folder.glob(stem + ".*") if p != mapping)
        if not files:
            raise InputError(f"no data file for {mapping.name}", file=str(mapping))
        pairs.append((files[0], mapping))
    return pairs


def protector_for(settings: Settings) -> Protector:
    return Protector(settings.pseudonym_secret(), settings.seal_secret())


def ingest(
    store: Store,
    model: Model,
    path: Path,
    mapping_path: Path,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import one file with one mapping. Raises TiakiError for a file that cannot be read."""
    settings = store.settings
    mapping = load_mapping(mapping_path, model)
    info = InputFile(path, detect_format(path, mapping.file.format))
    if info.format != "xlsx":
        info.encoding = detect_encoding(path, mapping.file.encoding)
    file_sha = _sha256(path)
    protector = protector_for(settings)
    import_id = protector.digest("import", file_sha, mapping.sha256, str(time.time_ns()), size=8)
    report = ImportReport(
        import_id, mapping.source.id, str(path), mapping.name, info.format, info.encoding
    )
    started = time.perf_counter()
    done = _already_imported(store, file_sha, mapping.sha256)
    if done is not None:
        report.__dict__.update(done, already_imported=True, rows_new=0, statements=0)
        return report
    mapper = ChunkMapper(mapping, model, protector, settings.protect == "pseudonymise")
    rows = read_rows(info, mapping.file.delimiter, mapping.file.sheet)
    with store.transaction() as tx:
        _begin(tx, mapping, report, file_sha, settings.user)
        _run(tx, mapper, rows, info, report, settings, progress)
        report.blank_lines = info.blank_lines
        report.renamed_columns = info.renamed
        report.seconds = round(time.perf_counter() - started, 3)
        _finish(tx, report, settings.user)
    return report


def _run(
    tx: Transaction,
    mapper: ChunkMapper,
    rows: Iterable[ReadRow],
    info: InputFile,
    report: ImportReport,
    settings: Settings,
    progress: Callable[[int], None] | None,
) -> None:
    writer = ChunkWriter(report.source_id, report.import_id, info.path.name)
    rows = iter(rows)
    first = next(rows, None)  # reads the header too
    _check_columns(mapper.mapping, info)
    if first is None:
        return
    chunks = map_chunks(mapper, chain([first], rows), settings.chunk_rows, settings.workers)
    for n, tables in chunks:
        stored, new, quarantined, statements = writer.write(tx, tables)
        report.rows_read += n
        report.rows_stored += stored
        report.rows_new += new
        report.rows_quarantined += quarantined
        report.statements += statements
        log.debug(
            "stored chunk: %d rows (%d new), %d quarantined, %d statements",
            stored,
            new,
            quarantined,
            statements,
        )
        if progress is not None:
            progress(report.rows_read)


def _check_columns(mapping: Mapping, info: InputFile) -> None:
    if info.format == "jsonl":
        return
    missing = sorted(c for c in mapping.columns() if c not in info.header)
    if missing:
        raise MappingError(
            f"column(s) {', '.join(map(repr, missing))} not in the file; "
            f"the header has {', '.join(info.header)}",
            file=str(info.path),
            column=missing[0],
        )


def _begin(
    tx: Transaction, mapping: Mapping, report: ImportReport, file_sha: str, actor: str
) -> None:
    src = mapping.source
    tx.execute(
        "INSERT INTO sources (source_id, label, agency, country, spec) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT (source_id) DO UPDATE SET label = excluded.label, agency = excluded.agency, "
        "country = excluded.country",
        [src.id, src.label, src.agency, src.country, f'{{"mapping": "{mapping.name}"}}'],
    )
    tx.execute(
        "INSERT INTO imports (import_id, source_id, file_name, file_sha256, mapping_name, "
        "mapping_sha256, format, encoding, started_at, status, actor) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'running', ?)",
        [
            report.import_id,
            src.id,
            Path(report.file).name,
            file_sha,
            mapping.name,
            mapping.sha256,
            report.format,
            report.encoding,
            now(),
            actor,
        ],
    )


def _finish(tx: Transaction, r: ImportReport, actor: str) -> None:
    tx.execute(
        "UPDATE imports SET finished_at = ?, rows_read = ?, rows_stored = ?, rows_new = ?, "
        "rows_quarantined = ?, blank_lines = ?, statements = ?, status = 'complete' "
        "WHERE import_id = ?",
        [
            now(),
            r.rows_read,
            r.rows_stored,
            r.rows_new,
            r.rows_quarantined,
            r.blank_lines,
            r.statements,
            r.import_id,
        ],
    )
    tx.audit(
        actor,
        "ingest",
        r.import_id,
        {
            "source": r.source_id,
            "file": Path(r.file).name,
            "mapping": r.mapping,
            "read": r.rows_read,
            "stored": r.rows_stored,
            "new": r.rows_new,
            "quarantined": r.rows_quarantined,
            "statements": r.statements,
        },
    )


def _already_imported(store: Store, file_sha: str, mapping_sha: str) -> dict[str, Any] | None:
    rows = store.rows(
        "SELECT import_id, rows_read, rows_stored, rows_quarantined, blank_lines FROM imports "
        "WHERE file_sha256 = ? AND mapping_sha256 = ? AND status = 'complete' "
        "ORDER BY finished_at LIMIT 1",
        [file_sha, mapping_sha],
    )
    return rows[0] if rows else None


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(1 << 20):
            h.update(block)
    return h.hexdigest()
