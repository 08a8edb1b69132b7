"""What a generated scenario holds (also written as scenario.json)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class FileInfo:
    """One written file; ``path`` is relative to the output folder."""

    path: str
    format: str  # csv | jsonl | xlsx
    rows: int  # data rows (header and blank lines not counted)
    source_id: str = ""  # empty for ground-truth files
    mapping: str = ""  # the mapping file beside it, if any
    encoding: str = ""


@dataclass
class ScenarioSummary:
    seed: int
    people: int  # distinct persons with at least one row
    facilitators: int  # members of planted networks
    networks: int
    protected_persons: int  # persons recorded in a protected role (workers)
    booking_agents: int  # independent booking agents (not planted)
    employers: int  # organisations
    files: list[FileInfo] = field(default_factory=list)  # the six source files (to ingest)
    truth_files: list[FileInfo] = field(default_factory=list)  # truth, networks, bad rows
    rows_by_source: dict[str, int] = field(default_factory=dict)
    mentions: int = 0  # rows of truth.csv
    bad_rows: dict[str, dict[str, int]] = field(default_factory=dict)  # source -> kind -> count
    bad_rows_total: int = 0

    @property
    def total_rows(self) -> int:
        return sum(self.rows_by_source.values())

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["total_rows"] = self.total_rows
        return data
