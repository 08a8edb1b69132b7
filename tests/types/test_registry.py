from __future__ import annotations

import pytest

from tiaki.errors import ModelError
from tiaki.record.types import DEFAULT_CONTEXT, CleanContext, ValueType, all_types, get_type

EXPECTED = {
    "string": (False, False),
    "text": (False, False),
    "enum": (False, False),
    "number": (False, False),
    "boolean": (False, False),
    "url": (True, True),
    "gender": (False, False),
    "entity": (False, False),
    "flight": (False, False),
    "account": (True, True),
    "handle": (True, True),
    "name": (True, False),
    "phone": (True, True),
    "email": (True, True),
    "identity": (True, True),
    "date": (False, False),
    "country": (False, False),
    "address": (True, True),
}


def test_all_types_registered_with_flags() -> None:
    types = all_types()
    assert set(EXPECTED) <= set(types)
    for name, (matchable, pivot) in EXPECTED.items():
        t = get_type(name)
        assert isinstance(t, ValueType) and t.name == name and t.label
        assert (t.matchable, t.pivot) == (matchable, pivot), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_empty_cells_are_none(name: str) -> None:
    t = get_type(name)
    for raw in (None, "", "   ", "\t\n", float("nan")):
        assert t.clean(raw) is None
        assert t.clean(raw, CleanContext(phone_region="NZ", country="NZ")) is None


def test_unknown_type() -> None:
    with pytest.raises(ModelError, match="unknown value type"):
        get_type("nope")


def test_default_context() -> None:
    assert DEFAULT_CONTEXT == CleanContext()
    hash(CleanContext(phone_region="VN", date_order="MDY"))
