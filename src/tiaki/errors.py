"""One exception root for tiaki, with structured fields.

Every error tiaki raises on purpose derives from :class:`TiakiError`. Each carries a
short machine-readable ``code`` and optional location fields (file, row, column) so the
CLI can print one clear line and ``--json`` consumers can act on it.
"""

from __future__ import annotations

from typing import Any


class TiakiError(Exception):
    """Root of every tiaki error."""

    code = "error"

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        row: int | None = None,
        column: str | None = None,
        field: str | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.row = row
        self.column = column
        self.field = field
        self.extra = extra

    def where(self) -> str:
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column {self.column!r}")
        if self.field:
            parts.append(f"field {self.field!r}")
        return ", ".join(parts)

    def __str__(self) -> str:
        where = self.where()
        return f"{where}: {self.message}" if where else self.message

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"error": self.code, "message": self.message}
        for key in ("file", "row", "column", "field"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        out.update(self.extra)
        return out


class ConfigError(TiakiError):
    """Settings or configuration are missing or invalid."""

    code = "config"


class ModelError(TiakiError):
    """The YAML model is invalid, or a name is not in it."""

    code = "model"


class InvalidValue(TiakiError):
    """A value cannot be cleaned by its type. The message says why."""

    code = "invalid_value"


class MappingError(TiakiError):
    """A mapping file is invalid or does not fit the input file."""

    code = "mapping"


class InputError(TiakiError):
    """An input file cannot be read at all (as opposed to one bad row)."""

    code = "input"


class StoreError(TiakiError):
    """The store cannot be opened, migrated or written."""

    code = "store"


class ProtectionError(TiakiError):
    """An operation would expose a protected person's identifying value."""

    code = "protection"
