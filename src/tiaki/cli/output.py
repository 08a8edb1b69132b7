"""Output for the CLI: rich tables for people, JSON for pipes; logs and errors on stderr."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from rich.console import Console
from rich.logging import RichHandler
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

out = Console(soft_wrap=True)
err = Console(stderr=True)


@dataclass
class Ctx:
    home: str | None
    json: bool
    verbose: bool


def setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level,
        format="%(message)s",
        datefmt="[%X]",
        handlers=[RichHandler(console=err, show_path=False)],
        force=True,
    )


def _default(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def emit_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, default=_default, ensure_ascii=False, indent=2) + "\n")


def table(title: str, rows: Sequence[dict[str, Any]], columns: Iterable[str] | None = None) -> None:
    cols = list(columns) if columns is not None else (list(rows[0]) if rows else [])
    t = Table(title=title, title_justify="left", header_style="bold")
    for c in cols:
        t.add_column(c)
    for r in rows:
        t.add_row(*[_cell(r.get(c)) for c in cols])
    out.print(t)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:,.3f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def show(ctx: Ctx, obj: Any, render: Callable[[], None]) -> None:
    if ctx.json:
        emit_json(obj)
    else:
        render()


@contextmanager
def progress(
    label: str, enabled: bool, total: int | None = None
) -> Iterator[Callable[[int], None]]:
    """A rich progress bar (on stderr) fed with a running count."""
    if not enabled:
        yield lambda n: None
        return
    columns = [
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,} rows"),
        TimeElapsedColumn(),
    ]
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda n: bar.update(task, completed=n)
