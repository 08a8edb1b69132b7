"""Streaming file writers: CSV (any encoding), JSON Lines and a byte-reproducible XLSX."""

from __future__ import annotations

import csv
import json
import re
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

_JSON = json.JSONEncoder(ensure_ascii=False, check_circular=False, separators=(", ", ": ")).encode
_JSON_STR = json.encoder.encode_basestring  # the C implementation when available
_FORMULA_START = ("=", "+", "-", "@")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)
CHUNK = 1 << 20  # bytes of streamed rows spliced into the sheet at a time
_FIXED_STAMP = "2026-01-01T00:00:00Z"


def js(value: str | None) -> str:
    """A JSON string literal (or null), as json.dumps(ensure_ascii=False) writes it."""
    return "null" if value is None else _JSON_STR(value)


def csv_field(value: str) -> str:
    """A CSV field as the csv module writes it (QUOTE_MINIMAL)."""
    if "," in value or '"' in value or "\n" in value or "\r" in value:
        return '"' + value.replace('"', '""') + '"'
    return value


class CsvSink:
    def __init__(
        self, path: Path, header: Sequence[str], encoding: str = "utf-8", lineterminator: str = "\n"
    ) -> None:
        self.path = path
        self._f: IO[str] = open(path, "w", encoding=encoding, newline="", buffering=1 << 20)
        self._w = csv.writer(self._f, lineterminator=lineterminator)
        self._eol = lineterminator
        self._w.writerow(header)
        self.writerow = self._w.writerow

    def write_line(self, line: str) -> None:
        """A ready-made CSV line (fields passed through :func:`csv_field` where needed)."""
        self._f.write(line)

    def blank_line(self) -> None:
        self._f.write(self._eol)

    def close(self) -> None:
        self._f.close()


class JsonlSink:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._f: IO[str] = open(path, "w", encoding="utf-8", newline="\n", buffering=1 << 20)

    def write(self, obj: dict[str, Any]) -> None:
        self._f.write(_JSON(obj))
        self._f.write("\n")

    def write_line(self, line: str) -> None:
        """A ready-made JSON line (see :func:`js`)."""
        self._f.write(line)

    def close(self) -> None:
        self._f.close()


class XlsxSink:
    """A one-sheet XLSX written with openpyxl's write-only workbook: openpyxl writes the
    package, the styles, the header and the first data row (which registers the date style);
    later rows are streamed to a temporary file as the same ``<row>`` XML openpyxl emits
    (inline strings, ``t="n"`` numbers, date cells with the date style) and spliced into the
    sheet when the file is closed, because openpyxl's pure-Python XML writer costs ~35 us a
    cell. Text that looks like a formula stays text. The package is rewritten with fixed zip
    times and document timestamps so that one seed gives the same bytes."""

    def __init__(self, path: Path, sheet: str, header: Sequence[str]) -> None:
        self.path = path
        self._wb = Workbook(write_only=True)
        self._wb.properties.creator = "tiaki.synth"
        self._ws = self._wb.create_sheet(sheet)
        self._ws.append(list(header))
        self._row = 1
        self._rows_path = path.with_suffix(path.suffix + ".rows")
        self._rows: IO[str] = open(self._rows_path, "w", encoding="utf-8")
        self._cols = [_column_letter(i) for i in range(len(header))]

    def append(self, row: Sequence[str | int | date | None]) -> None:
        self._row += 1
        if self._row == 2:  # openpyxl writes the first data row: it defines the date style
            cells: list[Any] = []
            for value in row:
                if isinstance(value, str) and value.startswith(_FORMULA_START):
                    cell = WriteOnlyCell(self._ws, value=value)
                    cell.data_type = "s"
                    cells.append(cell)
                else:
                    cells.append(value)
            self._ws.append(cells)
            return
        n = self._row
        parts = [f'<row r="{n}">']
        for col, value in zip(self._cols, row, strict=True):
            if value is None:
                continue
            if isinstance(value, str):
                text = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                space = ' xml:space="preserve"' if text != text.strip() else ""
                parts.append(f'<c r="{col}{n}" t="inlineStr"><is><t{space}>{text}</t></is></c>')
            elif isinstance(value, date):
                parts.append(f'<c r="{col}{n}" s="{{DATE}}" t="n"><v>{excel_serial(value)}</v></c>')
            else:
                parts.append(f'<c r="{col}{n}" t="n"><v>{value}</v></c>')
        parts.append("</row>")
        self._rows.write("".join(parts))

    def close(self) -> None:
        self._rows.close()
        self._wb.save(self.path)
        _normalise_zip(self.path, self._rows_path, f"A1:{self._cols[-1]}{self._row}")
        self._rows_path.unlink()


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _splice_rows(sheet: bytes, rows_path: Path, dst: IO[bytes], dimension: str) -> None:
    """Write ``sheet`` with the streamed rows inserted before ``</sheetData>`` and a
    ``<dimension>`` (which openpyxl's write-only mode leaves out) so that readers that trust
    it (openpyxl read-only) see full-width rows."""
    head, sep, tail = sheet.partition(b"</sheetData>")
    if not sep:
        raise ValueError("worksheet without sheetData")
    if b"<dimension" not in head:
        head = head.replace(b"</sheetPr>", f'</sheetPr><dimension ref="{dimension}" />'.encode(), 1)
    found = re.search(rb'<c r="[A-Z]+2" s="(\d+)" t="n">', head)
    date_style = found.group(1) if found else b"1"
    dst.write(head)
    carry = b""
    with open(rows_path, "rb") as rows:
        while chunk := rows.read(CHUNK):
            data = carry + chunk
            end = data.rfind(b"</row>") + len(b"</row>")  # whole rows only: whole placeholders
            if end < len(b"</row>"):
                carry = data
                continue
            dst.write(data[:end].replace(b"{DATE}", date_style))
            carry = data[end:]
    dst.write(carry.replace(b"{DATE}", date_style))
    dst.write(sep + tail)


def _normalise_zip(path: Path, rows_path: Path, dimension: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            out = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            out.compress_type = zipfile.ZIP_DEFLATED
            out.external_attr = 0o600 << 16
            data = zin.read(info)
            if info.filename == "docProps/core.xml":
                xml = data.decode("utf-8")
                xml = re.sub(
                    r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)",
                    rf"\g<1>{_FIXED_STAMP}\g<2>",
                    xml,
                )
                zout.writestr(out, xml.encode("utf-8"))
            elif info.filename.startswith("xl/worksheets/sheet"):
                with zout.open(out, "w") as dst:
                    _splice_rows(data, rows_path, dst, dimension)
            else:
                zout.writestr(out, data)
    tmp.replace(path)


def excel_serial(d: date | datetime) -> int:
    """Days since 1899-12-30, as Excel stores dates (45123 = 2023-07-15)."""
    if isinstance(d, datetime):
        d = d.date()
    return (d - date(1899, 12, 30)).days
