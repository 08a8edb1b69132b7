"""The embedded DuckDB store: the one class that owns all DuckDB I/O."""

from tiaki.record.store.store import SCHEMA_VERSION, Store, Transaction

__all__ = ["SCHEMA_VERSION", "Store", "Transaction"]
