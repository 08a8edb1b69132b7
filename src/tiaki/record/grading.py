"""Grading (source and intelligence evaluation) and handling codes, as data from the model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tiaki.errors import InvalidValue


@dataclass(frozen=True, slots=True)
class Grade:
    system: str
    source: str | None
    intelligence: str | None

    @property
    def label(self) -> str:
        return f"{self.source or '?'}{self.intelligence or '?'} ({self.system})"


@dataclass(frozen=True, slots=True)
class Handling:
    system: str
    code: str
    conditions: str | None = None


class GradingScheme:
    """The grading and handling systems the model accepts (UK 3x5x2, 5x5x5, Admiralty, TLP)."""

    def __init__(self, grading: dict[str, Any], handling: dict[str, Any]) -> None:
        self.grading = grading
        self.handling = handling

    def grade(self, system: str, source: object, intelligence: object) -> Grade:
        spec = self.grading.get(system)
        if spec is None:
            raise InvalidValue(
                f"unknown grading system {system!r}; known: {', '.join(self.grading)}"
            )
        src = _code(source)
        intel = _code(intelligence)
        if src is not None and src not in spec["source"]:
            raise InvalidValue(f"{src!r} is not a source grade of {system}")
        if intel is not None and intel not in spec["intelligence"]:
            raise InvalidValue(f"{intel!r} is not an intelligence grade of {system}")
        return Grade(system, src, intel)

    def handle(self, system: str, code: object, conditions: object = None) -> Handling:
        spec = self.handling.get(system)
        if spec is None:
            raise InvalidValue(
                f"unknown handling system {system!r}; known: {', '.join(self.handling)}"
            )
        c = _code(code)
        if c is None or c not in spec["codes"]:
            raise InvalidValue(f"{c!r} is not a handling code of {system}")
        cond = str(conditions).strip() if conditions not in (None, "") else None
        if spec["codes"][c].get("conditions") == "required" and not cond:
            raise InvalidValue(f"handling code {c} ({system}) needs conditions attached")
        return Handling(system, c, cond)

    def rank(self, grade: Grade) -> int:
        """Weakness of a grade, 1 (best) to 5; the larger of source and intelligence ranks."""
        spec = self.grading[grade.system]
        ranks = [spec["source"][grade.source]["rank"] if grade.source else 3]
        ranks.append(spec["intelligence"][grade.intelligence]["rank"] if grade.intelligence else 3)
        return int(max(ranks))

    def handling_rank(self, handling: Handling) -> int:
        return int(self.handling[handling.system]["codes"][handling.code]["rank"])


def _code(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip().upper()
    if text.endswith(".0"):  # spreadsheets turn "1" into 1.0
        text = text[:-2]
    return text or None
