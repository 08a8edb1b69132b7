"""What every source writer shares: the run context, bad-row planting, truth bookkeeping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import ClassVar

from tiaki.synth.names import Rand
from tiaki.synth.pools import NamePools, PlacePools, TextPools
from tiaki.synth.summary import FileInfo
from tiaki.synth.truth import QUARANTINED, BadRows, Truth
from tiaki.synth.values import typo

TYPO_SHARE = 0.05
OCR_SHARE = 0.03


@dataclass
class Ctx:
    r: Rand
    names: NamePools
    places: PlacePools
    texts: TextPools
    truth: Truth
    out_dir: Path
    day: date  # the timeline's current day (set with set_day)
    day_dmy: str = ""  # the day as DD/MM/YYYY
    day_iso: str = ""  # the day as YYYY-MM-DD

    def set_day(self, day: date) -> None:
        self.day = day
        self.day_dmy = f"{day.day:02d}/{day.month:02d}/{day.year}"
        self.day_iso = day.isoformat()


def pick(seq: tuple[str, ...] | list[str], r: Rand) -> str:
    return seq[int(r() * len(seq))]


def maybe_typo(text: str, r: Rand) -> str:
    return typo(text, r) if r() < TYPO_SHARE else text


class Source:
    """One output file of one source. Subclasses set the class attributes and write rows."""

    source_id: ClassVar[str]
    file_name: ClassVar[str]
    fmt: ClassVar[str]
    encoding: ClassVar[str] = "utf-8"
    bad_kinds: ClassVar[dict[str, str]]  # planted kind -> the column it is planted in

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.rows = 0
        self.bad = BadRows(tuple(self.bad_kinds))
        self.path = ctx.out_dir / self.file_name

    def plant(self, key: str) -> str | None:
        """The bad-row kind for the row about to be written (logged), or None."""
        kind = self.bad.kind(self.rows)
        if kind is not None:
            self.ctx.truth.bad(self.source_id, key, kind, self.bad_kinds[kind])
        return kind

    @staticmethod
    def stored(kind: str | None) -> bool:
        """Whether a row with this planted kind should reach the store (and the truth)."""
        return kind is None or kind not in QUARANTINED

    def close(self) -> None:
        raise NotImplementedError

    def info(self) -> FileInfo:
        stem = self.file_name.rsplit(".", 1)[0]
        return FileInfo(
            self.file_name,
            self.fmt,
            self.rows,
            self.source_id,
            f"{stem}.mapping.yml",
            self.encoding,
        )
