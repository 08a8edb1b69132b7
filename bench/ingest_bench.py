"""Ingest benchmark: a ~1M-row multi-agency scenario into a fresh embedded store.

    .venv/bin/python bench/ingest_bench.py --rows 1000000

Prints rows/s, peak memory and the reconciliation line (read = stored + quarantined), and,
side by side, DuckDB's own read_csv of the same CSV files (a floor: no cleaning, no
statements, no provenance) so the ratio shows what tiaki's per-value work costs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path


def peak_rss_mb() -> float:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(self_kb, child_kb) / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rows", type=int, default=1_000_000, help="target input rows")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", type=Path, default=None, help="keep the scenario and store here")
    args = ap.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="tiaki-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("TIAKI_HOME", str(work / "home"))
    os.environ.setdefault("TIAKI_PSEUDONYM_KEY", "bench-" + "k" * 40)
    os.environ.setdefault("TIAKI_SEAL_KEY", "5e" * 32)
    os.environ.setdefault("TIAKI_MEMORY_LIMIT", "1GB")

    from tiaki.record.ingest import folder_pairs, ingest
    from tiaki.record.model import load_model
    from tiaki.record.store import Store
    from tiaki.settings import load_settings
    from tiaki.synth import generate

    scenario = work / "scenario"
    people = max(1000, int(args.rows / 1.15))
    t0 = time.perf_counter()
    summary = generate(scenario, people, seed=args.seed)
    gen_s = time.perf_counter() - t0
    print(
        f"scenario: {people:,} people, {sum(f['rows'] for f in summary.to_dict()['files']):,} "
        f"rows generated in {gen_s:.1f} s",
        flush=True,
    )

    settings = load_settings()
    shutil.rmtree(settings.home, ignore_errors=True)
    model = load_model()
    totals = {"read": 0, "stored": 0, "quarantined": 0, "statements": 0}
    t0 = time.perf_counter()
    with Store(settings, create=True) as store:
        for data, mapping in folder_pairs(scenario):
            t1 = time.perf_counter()
            r = ingest(store, model, data, mapping)
            dt = time.perf_counter() - t1
            print(
                f"  {data.name:28} {r.rows_read:>10,} rows {dt:7.1f} s "
                f"{r.rows_read / dt:>10,.0f} rows/s  quarantined {r.rows_quarantined:,}",
                flush=True,
            )
            totals["read"] += r.rows_read
            totals["stored"] += r.rows_stored
            totals["quarantined"] += r.rows_quarantined
            totals["statements"] += r.statements
    elapsed = time.perf_counter() - t0
    store_mb = settings.store_path.stat().st_size / 1e6

    import duckdb

    t0 = time.perf_counter()
    con = duckdb.connect()
    floor_rows = 0
    for csv in sorted(scenario.glob("*.csv")):
        floor_rows += con.execute(
            f"SELECT count(*) FROM read_csv('{csv}', all_varchar=true, ignore_errors=true, "
            f"null_padding=true, encoding='{'latin-1' if 'visits' in csv.name else 'utf-8'}')"
        ).fetchone()[0]
    floor_s = time.perf_counter() - t0

    rate = totals["read"] / elapsed
    ok = totals["read"] == totals["stored"] + totals["quarantined"]
    print()
    print(
        f"tiaki ingest : {totals['read']:,} rows in {elapsed:.1f} s = {rate:,.0f} rows/s "
        f"(target ≥ 20,000); {totals['statements']:,} statements; store {store_mb:,.0f} MB"
    )
    print(
        f"duckdb floor : read_csv of the CSV files ({floor_rows:,} rows) in {floor_s:.1f} s "
        f"= {floor_rows / floor_s:,.0f} rows/s (no cleaning, no statements)"
    )
    print(f"peak memory  : {peak_rss_mb():,.0f} MB (target ≤ 2,048 MB)")
    print(
        f"reconciliation: read {totals['read']:,} = stored {totals['stored']:,} + quarantined "
        f"{totals['quarantined']:,} -> {'OK' if ok else 'MISMATCH'}"
    )
    print(
        json.dumps(
            {
                "rows": totals["read"],
                "seconds": round(elapsed, 2),
                "rows_per_s": round(rate),
                "peak_mb": round(peak_rss_mb()),
                "reconciles": ok,
            }
        )
    )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
