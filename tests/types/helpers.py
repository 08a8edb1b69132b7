"""Shared property checks for value types."""

from __future__ import annotations

from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import DEFAULT_CONTEXT, CleanContext, ValueType

# Text that exercises Unicode: letters of many scripts, marks, spaces, punctuation.
messy_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), min_codepoint=0x09, max_codepoint=0x2FFFF),
    max_size=40,
)


def clean_or_none(t: ValueType, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
    """Clean, treating InvalidValue as None; anything else propagates (and fails)."""
    try:
        return t.clean(raw, ctx)
    except InvalidValue as exc:
        assert exc.message, "InvalidValue needs a reason"
        return None


def check_clean_properties(t: ValueType, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> None:
    """clean never leaks a non-InvalidValue error, is idempotent and validates."""
    value = clean_or_none(t, raw, ctx)
    if value is None:
        return
    assert isinstance(value, str) and value
    assert t.clean(value, ctx) == value, (raw, value)
    assert t.validate(value), (raw, value)
    assert t.compare(value, value) == 1.0


def check_compare(t: ValueType, a: str, b: str) -> None:
    ab, ba = t.compare(a, b), t.compare(b, a)
    assert ab == ba, (a, b, ab, ba)
    assert 0.0 <= ab <= 1.0
