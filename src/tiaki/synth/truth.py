"""Ground truth: who each mention really is, planted networks, and the planted bad rows."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import IO

from tiaki.synth.population import Network

TRUTH_HEADER = (
    "source_id",
    "record_key",
    "entity",
    "person_id",
    "role",
    "network_id",
    "facilitator_role",
    "protected",
)
NETWORK_HEADER = (
    "network_id",
    "person_id",
    "facilitator_role",
    "phones",
    "emails",
    "accounts",
    "addresses",
)
BAD_HEADER = ("source_id", "record_key", "kind", "column", "expect")

# Bad-row kinds. Formula injections are valid text (stored, escaped on export); the others
# make the ingest quarantine the whole row.
IMPOSSIBLE_DATE = "impossible_date"
BAD_PHONE = "unparseable_phone"
EMPTY_NAME = "empty_required_name"
FORMULA = "formula_injection"
FIELD_COUNT = "wrong_field_count"
QUARANTINED = frozenset({IMPOSSIBLE_DATE, BAD_PHONE, EMPTY_NAME, FIELD_COUNT})
FORMULAS = (
    '=HYPERLINK("http://x","click")',
    "@SUM(A1)",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "=1+1",
)


class BadRows:
    """Which rows of a source are planted bad: one of each kind within the first 500 rows,
    then one row in 500 (0.2 %), cycling through the kinds."""

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.kinds = kinds
        step = 500 // max(1, len(kinds))
        self._first = {37 + i * step: k for i, k in enumerate(kinds)}
        self.counts: dict[str, int] = {k: 0 for k in kinds}

    def kind(self, row: int) -> str | None:
        """The kind to plant in data row ``row`` (0-based), or None; counts what it hands out."""
        if row < 500:
            k = self._first.get(row)
        elif row % 500 == 250:
            k = self.kinds[(row // 500) % len(self.kinds)]
        else:
            return None
        if k is not None:
            self.counts[k] += 1
        return k


class Truth:
    """Writes truth.csv (one row per person or organisation mention that the ingest should
    store) and bad_rows.csv as rows are generated."""

    def __init__(self, out_dir: Path) -> None:
        self._f: IO[str] = open(
            out_dir / "truth.csv", "w", encoding="utf-8", newline="", buffering=1 << 20
        )
        self._w = csv.writer(self._f, lineterminator="\n")
        self._w.writerow(TRUTH_HEADER)
        self._write = self._f.write
        self._bf: IO[str] = open(out_dir / "bad_rows.csv", "w", encoding="utf-8", newline="")
        self._bw = csv.writer(self._bf, lineterminator="\n")
        self._bw.writerow(BAD_HEADER)
        self.mentions = 0

    def mention(
        self,
        source_id: str,
        key: str,
        entity: str,
        pid: str,
        role: str,
        network_id: str = "",
        facilitator_role: str = "",
        protected: bool = False,
    ) -> None:
        # every field is a plain token (ids, codes): no CSV quoting needed
        self._write(
            f"{source_id},{key},{entity},{pid},{role},{network_id},{facilitator_role},"
            f"{'true' if protected else 'false'}\n"
        )
        self.mentions += 1

    def line(self, text: str) -> None:
        """A ready-made truth.csv line (fast path for the largest source)."""
        self._write(text)
        self.mentions += 1

    def bad(self, source_id: str, key: str, kind: str, column: str) -> None:
        self._bw.writerow(
            (source_id, key, kind, column, "quarantine" if kind in QUARANTINED else "store")
        )

    def close(self) -> None:
        self._f.close()
        self._bf.close()


def write_networks(path: Path, networks: list[Network]) -> int:
    rows = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NETWORK_HEADER)
        for net in networks:
            for m in net.members:
                w.writerow(
                    (
                        net.nid,
                        m.pid,
                        m.role,
                        ";".join(p.e164 for p in m.phones),
                        ";".join(m.emails),
                        ";".join(m.accounts),
                        ";".join(m.addresses),
                    )
                )
                rows += 1
    return rows
