from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import get_type

from .helpers import check_clean_properties, messy_text

STRING, TEXT, ENUM, ENTITY = (get_type(n) for n in ("string", "text", "enum", "entity"))
NUMBER, BOOLEAN, GENDER = (get_type(n) for n in ("number", "boolean", "gender"))


@pytest.mark.parametrize(
    ("t", "raw", "value"),
    [
        (STRING, "  hello \t  world ", "hello world"),
        (STRING, "ｆｕｌｌ", "full"),
        (STRING, 42, "42"),
        (STRING, 3.0, "3"),
        (STRING, float("nan"), None),
        (STRING, "", None),
        (TEXT, "line 1  \r\n\r\n\r\n\n  line\t2 ", "line 1\n\nline 2"),
        (TEXT, "a\rb", "a\nb"),
        (TEXT, " \n ", None),
        (ENUM, "Refused Boarding", "refused_boarding"),
        (ENUM, "refusedBoarding", "refused_boarding"),
        (ENUM, "  REFUSED-boarding ", "refused_boarding"),
        (ENUM, "Đã trục xuất", "da_truc_xuat"),
        (ENUM, 3, "3"),
        (ENTITY, "  person:abc-123 ", "person:abc-123"),
        (ENTITY, 17, "17"),
        (ENTITY, None, None),
    ],
)
def test_text_like(t: object, raw: object, value: str | None) -> None:
    assert t.clean(raw) == value  # type: ignore[attr-defined]


def test_text_like_rejects() -> None:
    with pytest.raises(InvalidValue, match="longer than 1024"):
        STRING.clean("x" * 1025)
    with pytest.raises(InvalidValue, match="letters or digits"):
        ENUM.clean("---")
    with pytest.raises(InvalidValue, match="longer than 256"):
        ENTITY.clean("x" * 257)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1,234.50", "1234.5"),
        ("1,234", "1234"),
        ("1 234 567", "1234567"),
        ("3,5", "3.5"),
        ("-0.0", "0"),
        ("+7", "7"),
        ("1e3", "1000"),
        ("0.000120", "0.00012"),
        (42, "42"),
        (3.5, "3.5"),
        (2.0, "2"),
        (Decimal("10.50"), "10.5"),
        ("1_000", "1000"),
        (None, None),
        ("  ", None),
    ],
)
def test_number(raw: object, value: str | None) -> None:
    assert NUMBER.clean(raw) == value


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("abc", "not a number"),
        ("1,2,3", "not a number"),
        ("1.234,5", "not a number"),
        ("inf", "not a finite number"),
        ("NaN", "not a finite number"),
        (True, "yes/no"),
        ("1e999", "within"),
    ],
)
def test_number_rejects(raw: object, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        NUMBER.clean(raw)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("Yes", "true"),
        ("y", "true"),
        ("TRUE", "true"),
        ("1", "true"),
        (1, "true"),
        (True, "true"),
        ("oui", "true"),
        ("có", "true"),
        ("co", "true"),
        ("是", "true"),
        ("āe", "true"),
        ("✓", "true"),
        ("x", "true"),
        ("No", "false"),
        ("n", "false"),
        ("0", "false"),
        (0.0, "false"),
        (False, "false"),
        ("không", "false"),
        ("KHONG", "false"),
        ("non", "false"),
        ("否", "false"),
        ("kāo", "false"),
        (None, None),
        ("", None),
    ],
)
def test_boolean(raw: object, value: str | None) -> None:
    assert BOOLEAN.clean(raw) == value


@pytest.mark.parametrize("raw", ["maybe", "2", "yes no"])
def test_boolean_rejects(raw: str) -> None:
    with pytest.raises(InvalidValue, match="not a yes/no value"):
        BOOLEAN.clean(raw)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("M", "male"),
        ("male", "male"),
        ("Nam", "male"),
        ("男", "male"),
        ("Tāne", "male"),
        ("F", "female"),
        ("Female", "female"),
        ("Nữ", "female"),
        ("NU", "female"),
        ("女", "female"),
        ("wahine", "female"),
        ("X", "other"),
        ("non-binary", "other"),
        ("Non binary", "other"),
        ("?", "unknown"),
        ("Not known", "unknown"),
        (None, None),
    ],
)
def test_gender(raw: object, value: str | None) -> None:
    assert GENDER.clean(raw) == value


def test_gender_rejects() -> None:
    with pytest.raises(InvalidValue, match="not a gender"):
        GENDER.clean("alien")


@given(messy_text)
def test_clean_properties(raw: str) -> None:
    for t in (STRING, TEXT, ENUM, ENTITY, NUMBER, BOOLEAN, GENDER):
        check_clean_properties(t, raw)


@given(st.one_of(st.integers(), st.floats(), st.decimals(), st.booleans(), st.none()))
def test_numbers_never_leak_errors(raw: object) -> None:
    for t in (STRING, ENUM, ENTITY, NUMBER, BOOLEAN, GENDER):
        check_clean_properties(t, raw)


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=4, min_value=-(10**12), max_value=10**12
    )
)
def test_number_round_trip(d: Decimal) -> None:
    value = NUMBER.clean(str(d))
    assert value is not None and Decimal(value) == d
    assert NUMBER.clean(f"{d:,}") == value
    assert not value.endswith(".0") and "E" not in value
