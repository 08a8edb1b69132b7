"""Input readers for CSV, XLSX and JSON Lines: rows as dicts, with the input's quirks handled.

- Encodings: UTF-8, UTF-8 with BOM, UTF-16 with BOM; anything else that is not valid UTF-8
  is read as Latin-1 (or the encoding the mapping names).
- Blank lines are skipped and counted; duplicated header names get ``#2``, ``#3``…; empty
  header names become ``column_N``.
- A malformed row (wrong number of fields, invalid JSON) is returned as an error so that the
  ingest can quarantine it: it is never dropped.
"""

from __future__ import annotations

import codecs
import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from tiaki.errors import InputError

csv.field_size_limit(16 * 1024 * 1024)


@dataclass
class ReadRow:
    number: int  # line number in the file (CSV/JSONL) or sheet row (XLSX)
    cells: dict[str, Any]
    error: str | None = None


@dataclass
class InputFile:
    path: Path
    format: str
    encoding: str = "utf-8"
    header: list[str] = field(default_factory=list)
    blank_lines: int = 0
    renamed: dict[str, str] = field(default_factory=dict)


def detect_format(path: Path, declared: str | None) -> str:
    if declared:
        return declared
    suffix = path.suffix.lower()
    formats = {
        ".csv": "csv",
        ".tsv": "csv",
        ".txt": "csv",
        ".xlsx": "xlsx",
        ".xlsm": "xlsx",
        ".jsonl": "jsonl",
        ".ndjson": "jsonl",
        ".json": "jsonl",
    }
    if suffix not in formats:
        raise InputError(
            f"cannot tell the format of {suffix!r} files; set file.format", file=str(path)
        )
    return formats[suffix]


def detect_encoding(path: Path, declared: str = "auto") -> str:
    if declared != "auto":
        try:
            codecs.lookup(declared)
        except LookupError:
            raise InputError(f"unknown encoding {declared!r}", file=str(path)) from None
        return declared
    with path.open("rb") as fh:
        head = fh.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf-16"
        fh.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while block := fh.read(1 << 20):
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "latin-1"
    return "utf-8"


def unique_header(names: list[Any]) -> tuple[list[str], dict[str, str]]:
    seen: dict[str, int] = {}
    out, renamed = [], {}
    for i, raw in enumerate(names, start=1):
        name = str(raw).strip().lstrip("\ufeff") if raw is not None else ""
        name = name or f"column_{i}"
        count = seen.get(name, 0) + 1
        seen[name] = count
        unique = name if count == 1 else f"{name}#{count}"
        if unique != name:
            renamed[unique] = name
        out.append(unique)
    return out, renamed


def read_rows(info: InputFile, delimiter: str = ",", sheet: str | None = None) -> Iterator[ReadRow]:
    if info.format == "csv":
        return _csv_rows(info, delimiter)
    if info.format == "jsonl":
        return _jsonl_rows(info)
    if info.format == "xlsx":
        return _xlsx_rows(info, sheet)
    raise InputError(f"unsupported format {info.format!r}", file=str(info.path))


def _csv_rows(info: InputFile, delimiter: str) -> Iterator[ReadRow]:
    with info.path.open("r", encoding=info.encoding, newline="") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        for first in reader:
            if any(c.strip() for c in first):
                info.header, info.renamed = unique_header(first)
                break
            info.blank_lines += 1
        else:
            raise InputError("the file has no header row", file=str(info.path))
        width = len(info.header)
        header = info.header
        for row in reader:
            if not row or not any(row):
                info.blank_lines += 1
                continue
            if len(row) != width:
                cells = {f"field_{i + 1}": v for i, v in enumerate(row)}
                yield ReadRow(
                    reader.line_num, cells, f"has {len(row)} fields where the header has {width}"
                )
                continue
            yield ReadRow(reader.line_num, dict(zip(header, row, strict=True)))


def _jsonl_rows(info: InputFile) -> Iterator[ReadRow]:
    keys: dict[str, None] = {}
    with info.path.open("r", encoding=info.encoding) as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                info.blank_lines += 1
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield ReadRow(number, {"line": line.rstrip("\n")}, f"invalid JSON: {exc.msg}")
                continue
            if not isinstance(obj, dict):
                yield ReadRow(number, {"line": line.rstrip("\n")}, "a line must be a JSON object")
                continue
            cells = flatten(obj)
            keys.update(dict.fromkeys(cells))
            yield ReadRow(number, cells)
    info.header = list(keys)


def flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        else:
            out[name] = value
    return out


def _xlsx_rows(info: InputFile, sheet: str | None) -> Iterator[ReadRow]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(info.path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for a bad file
        raise InputError(f"not a readable XLSX workbook: {exc}", file=str(info.path)) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InputError(f"no sheet {sheet!r}; sheets: {book.sheetnames}", file=str(info.path))
        ws = book[sheet] if sheet else book.worksheets[0]
        header: list[str] | None = None
        for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
            if not any(v not in (None, "") for v in values):
                info.blank_lines += 1
                continue
            if header is None:
                header, info.renamed = unique_header(list(values))
                info.header = header
                continue
            cells = {h: _xlsx_value(v) for h, v in zip(header, values, strict=False)}
            if len(values) > len(header) and any(
                v not in (None, "") for v in values[len(header) :]
            ):
                yield ReadRow(number, cells, "has values beyond the last header column")
                continue
            yield ReadRow(number, cells)
        if header is None:
            raise InputError("the sheet has no header row", file=str(info.path))
    finally:
        book.close()


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime) and value.time() == time(0, 0):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def cell_text(value: Any) -> str:
    """A cell as text for the raw record and the statement's original value."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)
