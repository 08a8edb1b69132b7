"""A subprocess killed in the middle of an import leaves the store exactly as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.record import helpers as h
from tiaki.record.ingest import ingest
from tiaki.record.model import Model
from tiaki.record.store import Store
from tiaki.settings import load_settings


def _snapshot(settings_home: Path) -> tuple[int, ...]:
    with Store(load_settings(), read_only=True) as s:
        return tuple(
            s.scalar(f"SELECT count(*) FROM {t}")
            for t in ("raw_records", "statements", "quarantine", "imports", "audit_log")
        )


def test_killed_import_changes_nothing(tmp_path: Path, model: Model, home: Path) -> None:
    data, mapping = h.refusals(tmp_path)
    with Store(load_settings(), create=True) as store:
        ingest(store, model, data, mapping)
    before = _snapshot(home)
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(h.REFUSALS_HEADER)
        for i in range(60_000):
            fh.write(f"K{i},03/04/2026,RB,Person {i},01/02/1990,BRA,P{i},,,,O\n")
    env = {**os.environ, "TIAKI_CHUNK_ROWS": "500"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "tiaki", "-v", "ingest", str(big), "--mapping", str(mapping)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    chunks = 0
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if "stored chunk" in line:
            chunks += 1
            if chunks >= 3:
                break
        if not line and proc.poll() is not None:
            break
    assert chunks >= 3, "the import never reached its third chunk"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _snapshot(home) == before
    # and the store still works: the same import now completes
    with Store(load_settings()) as store:
        r = ingest(store, model, big, mapping)
    assert r.rows_new == 60_000 and r.reconciles
