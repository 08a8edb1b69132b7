"""`tiaki`: init | synth | ingest | ingest-all | sources | quarantine | show | find | stats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from tiaki.cli import output as o
from tiaki.errors import TiakiError
from tiaki.record import export
from tiaki.record.ingest import folder_pairs
from tiaki.record.ingest import ingest as run_ingest
from tiaki.record.model import load_model
from tiaki.record.store import Store, catalog
from tiaki.settings import Settings, load_settings, new_key_hex

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="tiaki: record, resolve and connect what agencies learn about migrant "
    "exploitation, protecting people and pursuing facilitators.",
)


def _ctx(ctx: typer.Context) -> o.Ctx:
    obj: o.Ctx = ctx.obj
    return obj


def _settings(ctx: typer.Context) -> Settings:
    return load_settings(home=_ctx(ctx).home)


@app.callback()
def root(
    ctx: typer.Context,
    home: Annotated[str | None, typer.Option(help="tiaki home folder (TIAKI_HOME).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print JSON for piping.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log more.")] = False,
) -> None:
    ctx.obj = o.Ctx(home, json_out, verbose)
    o.setup_logging("DEBUG" if verbose else load_settings(home=home).log_level)


@app.command()
def init(ctx: typer.Context) -> None:
    """Create (or migrate) the store, and create keys in HOME/keys if none are configured."""
    s = _settings(ctx)
    made = _ensure_keys(s)
    with Store(s, create=True) as store:
        version = store.schema_version
    result = {"store": str(s.store_path), "schema_version": version, "keys_created": made}
    o.show(
        _ctx(ctx),
        result,
        lambda: o.out.print(
            f"store [bold]{s.store_path}[/] ready (schema {version})"
            + (f"; created keys {', '.join(made)} in {s.key_dir}" if made else "")
        ),
    )


def _ensure_keys(s: Settings) -> list[str]:
    made = []
    for name, configured in (
        ("pseudonym", s.pseudonym_key or s.pseudonym_key_file),
        ("seal", s.seal_key or s.seal_key_file),
    ):
        path = s.key_dir / f"{name}.key"
        if configured or path.exists():
            continue
        s.key_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.touch(mode=0o600)
        path.write_text(new_key_hex() + "\n", encoding="utf-8")
        made.append(name)
    return made


@app.command()
def synth(
    ctx: typer.Context,
    out: Annotated[Path, typer.Option(help="Folder for the scenario files.")],
    people: Annotated[int, typer.Option(min=100, max=10_000_000, help="People to create.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same files).")] = 7,
) -> None:
    """Generate a multi-agency demo scenario with ground truth and mapping files."""
    from tiaki.synth import generate

    with o.progress("generating scenario", not _ctx(ctx).json) as tick:
        summary = generate(out, people, seed=seed, progress=tick)
    data = summary.to_dict()
    o.show(_ctx(ctx), data, lambda: o.table(f"scenario in {out}", data["files"]))


@app.command()
def ingest(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV, XLSX or JSONL.")],
    mapping: Annotated[Path, typer.Option(exists=True, dir_okay=False, help="Mapping YAML.")],
) -> None:
    """Import one file with its mapping (atomic and idempotent)."""
    s = _settings(ctx)
    with Store(s) as store:
        report = _ingest_one(ctx, store, file, mapping)
    if not report["reconciles"]:
        raise typer.Exit(1)


def _ingest_one(ctx: typer.Context, store: Store, file: Path, mapping: Path) -> dict[str, Any]:
    with o.progress(f"ingesting {file.name}", not _ctx(ctx).json) as tick:
        report = run_ingest(store, load_model(), file, mapping, progress=tick).to_dict()
    o.show(_ctx(ctx), report, lambda: _print_report(report))
    return report


def _print_report(r: dict[str, Any]) -> None:
    note = " (already imported: nothing added)" if r["already_imported"] else ""
    o.out.print(
        f"[bold]{Path(r['file']).name}[/] → {r['source_id']}{note}: read {r['rows_read']:,} = "
        f"stored {r['rows_stored']:,} ({r['rows_new']:,} new) + quarantined "
        f"{r['rows_quarantined']:,}; {r['statements']:,} statements; {r['blank_lines']} blank "
        f"lines; {r['encoding'] or r['format']}; {r['seconds']} s"
        + ("" if r["reconciles"] else " [red]DOES NOT RECONCILE[/]")
    )
    for new, old in r["renamed_columns"].items():
        o.err.print(f"note: duplicated header {old!r}: later column read as {new!r}")


@app.command("ingest-all")
def ingest_all(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(exists=True, file_okay=False)],
) -> None:
    """Import every FILE that has a FILE-stem.mapping.yml beside it (e.g. a synth scenario)."""
    s = _settings(ctx)
    reports = []
    with Store(s) as store:
        for data, mapping in folder_pairs(folder):
            reports.append(_ingest_one(ctx, store, data, mapping))
    if not all(r["reconciles"] for r in reports):
        raise typer.Exit(1)


@app.command()
def sources(ctx: typer.Context) -> None:
    """The sources in the store, with their imports and reconciliation."""
    with Store(_settings(ctx), read_only=True) as store:
        rows = catalog.sources(store)
    o.show(_ctx(ctx), rows, lambda: o.table("sources", rows))


@app.command()
def quarantine(
    ctx: typer.Context,
    source: Annotated[str | None, typer.Option(help="Only this source.")] = None,
    limit: Annotated[int, typer.Option(help="Rows to show (0 = all).")] = 50,
    export_csv: Annotated[Path | None, typer.Option("--export", help="Write CSV here.")] = None,
) -> None:
    """Rows that could not be stored, with file, row, column and reason."""
    with Store(_settings(ctx), read_only=True) as store:
        rows = catalog.quarantine(store, source, limit or None)
    if export_csv is not None:
        export.write_csv(export_csv, rows)
    cols = ["source_id", "file_name", "row_number", "column_name", "reason"]
    o.show(_ctx(ctx), rows, lambda: o.table(f"quarantine ({len(rows)} shown)", rows, cols))


@app.command()
def show(
    ctx: typer.Context,
    entity_id: Annotated[str, typer.Argument(help="An entity id (see 'tiaki find').")],
    export_csv: Annotated[Path | None, typer.Option("--export", help="Write CSV here.")] = None,
) -> None:
    """Every statement about one entity, with its provenance, grading and handling."""
    with Store(_settings(ctx), read_only=True) as store:
        rows = catalog.entity(store, entity_id)
    if not rows:
        raise TiakiError(f"no entity {entity_id!r} in the store")
    if export_csv is not None:
        export.write_csv(export_csv, rows)
    cols = [
        "prop",
        "value",
        "source_id",
        "row_number",
        "column_name",
        "collected_at",
        "source_grade",
        "info_grade",
        "handling_code",
    ]
    o.show(_ctx(ctx), rows, lambda: o.table(f"{rows[0]['kind']} {entity_id}", rows, cols))


@app.command()
def find(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Text to look for in values.")],
    kind: Annotated[str | None, typer.Option(help="Only this kind.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many entities.")] = 20,
) -> None:
    """Find entities by a value (protected persons' values never match)."""
    with Store(_settings(ctx), read_only=True) as store:
        rows = catalog.find(store, text, kind, limit)
    o.show(_ctx(ctx), rows, lambda: o.table(f"entities matching {text!r}", rows))


@app.command()
def stats(ctx: typer.Context) -> None:
    """What is in the store: entities by kind and role, statements, reconciliation."""
    with Store(_settings(ctx), read_only=True) as store:
        data = catalog.stats(store)

    def render() -> None:
        head = {k: v for k, v in data.items() if not isinstance(v, (list, dict))}
        o.table("store", [head])
        o.table("entities by kind", data["by_kind"])
        o.table("people by role", data["by_role"])
        o.table("reconciliation (read = stored + quarantined)", [data["reconciliation"]])

    o.show(_ctx(ctx), data, render)


@app.command()
def model(ctx: typer.Context) -> None:
    """The record model: kinds, properties and roles (from YAML)."""
    m = load_model()
    data = m.to_dict()
    rows = [
        {
            "kind": k.name,
            "category": k.category,
            "label": k.label,
            "properties": ", ".join(k.properties),
        }
        for k in m.concrete()
    ]
    o.show(_ctx(ctx), data, lambda: o.table(f"model v{m.version}", rows))


@app.command("settings")
def settings_cmd(ctx: typer.Context) -> None:
    """The settings in force (TIAKI_* environment variables), secrets masked."""
    data = _settings(ctx).public()
    o.show(
        _ctx(ctx),
        data,
        lambda: o.table("settings", [{"name": k, "value": v} for k, v in data.items()]),
    )


audit_app = typer.Typer(help="The hash-chained audit log.")
app.add_typer(audit_app, name="audit")


@audit_app.command("verify")
def audit_verify(ctx: typer.Context) -> None:
    """Check that no audit entry was edited, reordered or deleted."""
    with Store(_settings(ctx), read_only=True) as store:
        ok, n, problem = catalog.verify_audit(store)
    o.show(
        _ctx(ctx),
        {"ok": ok, "entries": n, "problem": problem},
        lambda: o.out.print(f"audit log: {n} entries verified" if ok else f"audit log: {problem}"),
    )
    if not ok:
        raise typer.Exit(1)


def main() -> None:
    """Entry point: usage errors exit 2 (Typer), tiaki errors print one line and exit 1."""
    try:
        app()
    except TiakiError as exc:
        sys.stderr.write(f"error: {exc}\n")
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
