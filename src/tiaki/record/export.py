"""Exports that people open in spreadsheets: every cell escaped against formula injection."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def safe_cell(value: Any) -> str:
    """Text safe to open in Excel/LibreOffice: a leading formula trigger gets a ``'`` prefix."""
    if value is None:
        return ""
    text = str(value)
    if text.startswith(_TRIGGERS):
        return "'" + text
    return text


def write_csv(path: Path, rows: Sequence[dict[str, Any]]) -> int:
    """Write rows as UTF-8 CSV (with BOM, for spreadsheets), cells escaped. Returns rows."""
    cols = list(rows[0]) if rows else []
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(cols)
        for r in rows:
            writer.writerow([safe_cell(r.get(c)) for c in cols])
    return len(rows)
