from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import get_type
from tiaki.record.types.account import iban_valid

from .helpers import check_clean_properties, messy_text

ACCOUNT, FLIGHT = get_type("account"), get_type("flight")


def test_flags() -> None:
    assert ACCOUNT.matchable and ACCOUNT.pivot


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432"),
        ("gb82-west-1234-5698-7654-32", "GB82WEST12345698765432"),
        ("DE89 3704 0044 0532 0130 00", "DE89370400440532013000"),
        ("12-3456-1234567-01", "123456123456701"),
        ("12 3456 1234567 001", "1234561234567001"),
        (123456123456701, "123456123456701"),
        ("0071-1234-5678", "007112345678"),
        (None, None),
    ],
)
def test_account_examples(raw: object, value: str | None) -> None:
    assert ACCOUNT.clean(raw) == value


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("GB82 WEST 1234 5698 7654 33", "IBAN check digits"),
        ("abc", "4-34 letters and digits"),
        ("ABCDEFG", "one a digit"),
        ("12#34", "4-34"),
        ("1" * 35, "4-34"),
    ],
)
def test_account_rejects(raw: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        ACCOUNT.clean(raw)


def test_account_normal() -> None:
    assert ACCOUNT.compare("123456123456701", "1234561234567001") == 1.0
    assert ACCOUNT.normal("GB82WEST12345698765432") == "GB82WEST12345698765432"
    assert iban_valid("GB82WEST12345698765432")


@given(st.text(alphabet="0123456789", min_size=4, max_size=30))
def test_iban_made_valid_round_trips(body: str) -> None:
    raw = "NZ00" + body.rjust(11, "0")
    check = 98 - int("".join(str(int(c, 36)) for c in raw[4:] + raw[:4])) % 97
    iban = f"NZ{check:02d}{raw[4:]}"
    assert iban_valid(iban)
    spaced = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    assert ACCOUNT.clean(spaced.lower()) == iban


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("nz 0289", "NZ289"),
        ("NZ289", "NZ289"),
        ("NZ-289", "NZ289"),
        ("ANZ123", "ANZ123"),
        ("U2 0123", "U2123"),
        ("3K 521", "3K521"),
        ("VN 123A", "VN123A"),
        (None, None),
    ],
)
def test_flight_examples(raw: object, value: str | None) -> None:
    assert FLIGHT.clean(raw) == value


@pytest.mark.parametrize("raw", ["12345", "NZ", "NZ12345", "N 1", "NZ 0", "ABCD12"])
def test_flight_rejects(raw: str) -> None:
    with pytest.raises(InvalidValue, match="flight number"):
        FLIGHT.clean(raw)


@given(messy_text)
def test_clean_properties(raw: str) -> None:
    check_clean_properties(ACCOUNT, raw)
    check_clean_properties(FLIGHT, raw)


@given(st.text(alphabet="ABNZ0123456789 -", max_size=10))
def test_clean_properties_shaped(raw: str) -> None:
    check_clean_properties(ACCOUNT, raw)
    check_clean_properties(FLIGHT, raw)
