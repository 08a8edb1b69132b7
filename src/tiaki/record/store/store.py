"""Store: one class owns all DuckDB I/O. One writer (lock file), any number of readers."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import duckdb

from tiaki.errors import StoreError
from tiaki.record.store.audit import GENESIS, entry_hash
from tiaki.record.store.lock import WriterLock
from tiaki.settings import Settings

SCHEMA_VERSION = 1
Row = dict[str, Any]


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("tiaki.record.store").joinpath("migrations")
    out = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            out.append((int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8")))
    return sorted(out)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Transaction:
    """A write transaction; obtained from :meth:`Store.transaction`, never built directly."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> None:
        self._con.execute(sql, params or [])

    def fetch(self, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
        return self._con.execute(sql, params or []).fetchall()

    def insert_arrow(
        self,
        table: str,
        data: Any,
        select: str = "*",
        *,
        where: str | None = None,
        params: Sequence[Any] | None = None,
        create: bool = False,
    ) -> int:
        """Insert an Arrow table (seen as ``batch``) through a SELECT; returns rows inserted.

        With ``create=True`` the target is a new temporary table made from the SELECT.
        """
        self._con.register("batch", data)
        try:
            query = f"SELECT {select} FROM batch" + (f" WHERE {where}" if where else "")
            if create:
                self._con.execute(f"CREATE TEMP TABLE {table} AS {query}", params or [])
                return 0
            row = self._con.execute(f"INSERT INTO {table} {query}", params or []).fetchone()
            return int(row[0]) if row else 0
        finally:
            self._con.unregister("batch")

    def audit(self, actor: str, action: str, subject: str | None, detail: Any) -> None:
        last = self._con.execute(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        seq, prev = (int(last[0]) + 1, str(last[1])) if last else (1, GENESIS)
        at = now()
        digest = entry_hash(prev, seq, at, actor, action, subject, detail)
        self._con.execute(
            "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [seq, at, actor, action, subject, json.dumps(detail, default=str), prev, digest],
        )


class Store:
    """The embedded DuckDB store at ``settings.store_path``."""

    def __init__(self, settings: Settings, *, read_only: bool = False, create: bool = False):
        self.settings = settings
        self.path = settings.store_path
        self.read_only = read_only
        if not create and not self.path.exists():
            raise StoreError(f"no store at {self.path}; run 'tiaki init' first")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = WriterLock(self.path)
        self._local = threading.local()
        config: dict[str, str | bool | int | float | list[str]] = {
            "memory_limit": settings.memory_limit,
            "threads": str(settings.threads),
        }
        try:
            self._con = duckdb.connect(str(self.path), read_only=read_only, config=config)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {_first_line(exc)}") from None
        if create and not read_only:
            self.migrate()
        self._check_version()

    # --- lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        try:
            row = self._con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except duckdb.CatalogException:
            return 0
        return int(row[0]) if row else 0

    def _check_version(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(f"store schema {version} is newer than this tiaki ({SCHEMA_VERSION})")
        if version < SCHEMA_VERSION:
            raise StoreError(
                f"store schema {version} is older than {SCHEMA_VERSION}; "
                "run 'tiaki init' to migrate it"
            )

    def migrate(self) -> list[int]:
        """Apply pending migrations, each in its own transaction. Returns those applied."""
        applied = []
        with self._lock.hold(wait=True):
            current = self.schema_version
            for version, sql in _migrations():
                if version <= current:
                    continue
                self._con.execute("BEGIN")
                try:
                    self._con.execute(sql)
                    self._con.execute(
                        "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)]
                    )
                    self._con.execute("COMMIT")
                except duckdb.Error as exc:
                    self._con.execute("ROLLBACK")
                    raise StoreError(f"migration {version} failed: {_first_line(exc)}") from None
                applied.append(version)
            self._con.execute("CHECKPOINT")
        return applied

    # --- writing ------------------------------------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """The single writer: lock, BEGIN, yield, COMMIT (or ROLLBACK on any error)."""
        if self.read_only:
            raise StoreError("the store is open read-only")
        with self._lock.hold():
            self._con.execute("BEGIN TRANSACTION")
            try:
                yield Transaction(self._con)
            except BaseException:
                self._con.execute("ROLLBACK")
                raise
            try:
                self._con.execute("COMMIT")
            except duckdb.Error as exc:
                raise StoreError(f"commit failed: {_first_line(exc)}") from None
        self._con.execute("CHECKPOINT")

    # --- reading ------------------------------------------------------------------------------
    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for this thread: readers in threads never share one."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self._local.cursor = self._con.cursor()
        return cur

    def rows(self, sql: str, params: Sequence[Any] | None = None) -> list[Row]:
        try:
            cur = self.cursor().execute(sql, params or [])
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {_first_line(exc)}") from None
        names = [d[0] for d in cur.description or []]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | None = None) -> Any:
        row = self.cursor().execute(sql, params or []).fetchone()
        return row[0] if row else None


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
