from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import get_type
from tiaki.record.types.address import address_tokens

from .helpers import check_clean_properties, check_compare, messy_text

ADDRESS = get_type("address")


def test_flags() -> None:
    assert ADDRESS.matchable and ADDRESS.pivot


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("12 Queen St\nAuckland;; NZ", "12 Queen St, Auckland, NZ"),
        ("  12  Queen St ,Auckland , ,NZ.", "12 Queen St, Auckland, NZ"),
        ("Flat 3 | 10 Dominion Rd\r\nMt Eden", "Flat 3, 10 Dominion Rd, Mt Eden"),
        (
            "123 Đường Lê Lợi, P. Bến Thành, Q.1, TP. HCM",
            "123 Đường Lê Lợi, P. Bến Thành, Q.1, TP. HCM",
        ),
        (None, None),
        (" , ; ", None),
    ],
)
def test_clean_examples(raw: object, value: str | None) -> None:
    assert ADDRESS.clean(raw) == value


def test_clean_rejects() -> None:
    with pytest.raises(InvalidValue, match="letters or digits"):
        ADDRESS.clean("★ ★")
    with pytest.raises(InvalidValue, match="at most"):
        ADDRESS.clean("1 Long Road " * 100)


@pytest.mark.parametrize(
    ("value", "normal"),
    [
        ("12 Queen St, Auckland", "12 queen street auckland"),
        ("12 St Johns Rd", "12 saint johns road"),
        ("St Heliers Bay Rd, Auckland", "saint heliers bay road auckland"),
        ("Apt 4, 5 Main Ave", "unit 4 5 main avenue"),
        ("Flat 3, 10 Dominion Rd, Mt Eden", "unit 3 10 dominion road mount eden"),
        (
            "123 Đường Lê Lợi, P. Bến Thành, Q.1, TP. HCM",
            "123 duong le loi phuong ben thanh quan 1 thanh pho hcm",
        ),
        ("Q1, HCM", "quan 1 hcm"),
    ],
)
def test_normal(value: str, normal: str) -> None:
    assert ADDRESS.normal(value) == normal


def test_compare() -> None:
    assert ADDRESS.compare("12 Queen St, Auckland", "12 Queen Street Auckland") == 1.0
    assert ADDRESS.compare("12 Queen St, Auckland", "Auckland, 12 Queen Street") == 1.0
    assert ADDRESS.compare("123 Đường Lê Lợi, Q.1", "123 duong le loi quan 1") == 1.0
    assert ADDRESS.compare("12 Queen St, Auckland", "14 Queen St, Auckland") < 0.8
    assert ADDRESS.compare("12 Queen St", "99 Karangahape Rd") < 0.5
    assert address_tokens("12 Queen St") == ("12", "queen", "street")


@given(messy_text)
def test_clean_properties(raw: str) -> None:
    check_clean_properties(ADDRESS, raw)


parts = st.lists(
    st.sampled_from(
        [
            "12",
            "Queen",
            "St",
            "Rd",
            "Flat",
            "3",
            "Mt",
            "Eden",
            "Auckland",
            "Q.1",
            "Đường",
            "Lê Lợi",
            ",",
            "\n",
            "Apt",
        ]
    ),
    min_size=1,
    max_size=8,
).map(" ".join)


@given(parts, parts)
def test_compare_symmetric(a: str, b: str) -> None:
    ca, cb = ADDRESS.clean(a), ADDRESS.clean(b)
    if ca and cb:
        check_compare(ADDRESS, ca, cb)
        check_clean_properties(ADDRESS, a)
