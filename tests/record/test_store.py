from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from tests.record import helpers as h
from tiaki.errors import StoreError
from tiaki.record.ingest import ingest
from tiaki.record.model import Model
from tiaki.record.store import SCHEMA_VERSION, Store, catalog
from tiaki.settings import Settings


def test_new_store_has_schema_version(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION


def test_store_newer_than_code_is_refused(store: Store, settings: Settings) -> None:
    with store.transaction() as tx:
        tx.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    store.close()
    with pytest.raises(StoreError, match="newer"):
        Store(settings)


def test_missing_store_is_a_clear_error(settings: Settings) -> None:
    with pytest.raises(StoreError, match="tiaki init"):
        Store(settings)


def test_one_writer_at_a_time(store: Store) -> None:
    with store.transaction():
        with pytest.raises(StoreError, match="writer"):
            with store.transaction():
                pass


def test_failed_transaction_rolls_back(store: Store) -> None:
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            tx.execute("INSERT INTO sources (source_id) VALUES ('x')")
            raise RuntimeError("boom")
    assert store.scalar("SELECT count(*) FROM sources") == 0


def test_concurrent_readers(store: Store, model: Model, tmp_path: Path) -> None:
    data, mapping = h.refusals(tmp_path)
    ingest(store, model, data, mapping)
    results: list[int] = []

    def read() -> None:
        for _ in range(20):
            results.append(int(store.scalar("SELECT count(*) FROM statements")))

    threads = [threading.Thread(target=read) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 80 and len(set(results)) == 1 and results[0] > 0


def test_audit_chain_detects_edits_reorders_and_deletes(store: Store, settings: Settings) -> None:
    for i in range(4):
        with store.transaction() as tx:
            tx.audit("officer-1", "test", f"s{i}", {"n": i})
    assert catalog.verify_audit(store) == (True, 4, "")
    con = store.cursor()
    con.execute("UPDATE audit_log SET detail = '{\"n\": 9}' WHERE seq = 2")
    ok, _, problem = catalog.verify_audit(store)
    assert not ok and "altered" in problem
    con.execute("UPDATE audit_log SET detail = '{\"n\": 1}' WHERE seq = 2")
    assert catalog.verify_audit(store)[0]
    con.execute("DELETE FROM audit_log WHERE seq = 3")
    ok, _, problem = catalog.verify_audit(store)
    assert not ok and "missing" in problem


def test_read_only_store_refuses_writes(store: Store, settings: Settings) -> None:
    store.close()
    with Store(settings, read_only=True) as ro:
        with pytest.raises(StoreError, match="read-only"):
            with ro.transaction():
                pass
        with pytest.raises(duckdb.Error):
            ro.cursor().execute("INSERT INTO sources (source_id) VALUES ('x')")
