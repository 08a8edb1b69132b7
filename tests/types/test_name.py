from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.translit import fold
from tiaki.record.types import get_type
from tiaki.record.types.name import NameParts, parse_name

from .helpers import check_clean_properties, check_compare, clean_or_none, messy_text

NAME = get_type("name")
VIETNAMESE = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Văn",
    "Thị",
    "Hồng",
    "Đức",
    "Anh",
    "Hương",
    "Thành",
    "Quỳnh",
    "Đặng",
    "Bùi",
    "Ngọc",
    "Minh",
]


def test_flags() -> None:
    assert NAME.name == "name" and NAME.matchable and not NAME.pivot


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Nguyễn   Văn An ", "Nguyễn Văn An"),
        ('"NGUYEN, Van An"', "NGUYEN, Van An"),
        ("« Maria da Silva »", "Maria da Silva"),
        ("'John Smith'", "John Smith"),
        ("'Ofa Tupou", "'Ofa Tupou"),  # a leading apostrophe alone is part of the name
        ("ＪＯＨＮ", "JOHN"),
        ("张伟", "张伟"),
        ("N/A", None),
        ("--", None),  # punctuation only is an empty cell, not a bad name
        ("(*)", None),
        ("", None),
        (None, None),
        ("  ", None),
    ],
)
def test_clean_examples(raw: object, clean: str | None) -> None:
    assert NAME.clean(raw) == clean


@pytest.mark.parametrize("raw", ["123", "4 5 6", "12 ★"])
def test_clean_rejects_no_letters(raw: str) -> None:
    with pytest.raises(InvalidValue, match="a name needs letters"):
        NAME.clean(raw)


def test_clean_rejects_too_long() -> None:
    with pytest.raises(InvalidValue, match="at most"):
        NAME.clean("a" * 301)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Nguyễn Văn An", "AN NGUYEN VAN"),
        ("Trần Thị Hồng", "TRAN THI HONG"),
        ("NGUYEN, Van An", "Nguyễn Văn An"),
        ("Đặng Minh", "dang minh"),
        ("张伟", "Zhang Wei"),
        ("Zhang Wei", "Wei Zhang"),
    ],
)
def test_same_person_compares_one(a: str, b: str) -> None:
    assert NAME.compare(a, b) == 1.0
    assert NAME.normal(a).split() != [] and sorted(NAME.normal(a).split()) == sorted(
        NAME.normal(b).split()
    )


def test_partial_similarity() -> None:
    assert 0.7 < NAME.compare("Nguyen Van An", "Nguyen An") < 1.0
    assert 0.8 < NAME.compare("Jon Smith", "John Smith") < 1.0
    assert NAME.compare("Xiao Ming", "Xiaoming") > 0.9
    assert NAME.compare("Maria Santos", "Tran Thi Hong") < 0.5


def test_normal() -> None:
    assert NAME.normal("Nguyễn Văn An") == "nguyen van an"
    assert NAME.normal("NGUYEN, Van An") == "nguyen van an"


@pytest.mark.parametrize(
    ("value", "order", "family", "given", "written"),
    [
        ("NGUYEN, Van An", "auto", ("nguyen",), ("van", "an"), "family_first"),
        ("NGUYEN, Van An", "given_first", ("nguyen",), ("van", "an"), "family_first"),
        ("Nguyễn Văn An", "auto", ("nguyen",), ("van", "an"), "family_first"),
        ("张伟", "auto", ("zhang",), ("wei",), "family_first"),
        ("김민준", "auto", ("gim",), ("min", "jun"), "family_first"),
        ("John Smith", "auto", ("smith",), ("john",), "given_first"),
        ("An Van Nguyen", "given_first", ("nguyen",), ("an", "van"), "given_first"),
        ("Smith John", "family_first", ("smith",), ("john",), "family_first"),
        ("Maria da Silva Santos", "auto", ("da", "silva", "santos"), ("maria",), "given_first"),
        ("João Pedro dos Santos", "auto", ("dos", "santos"), ("joao", "pedro"), "given_first"),
        ("Ludwig van Beethoven", "auto", ("van", "beethoven"), ("ludwig",), "given_first"),
        ("Madonna", "auto", (), ("madonna",), "unknown"),
        ("Nguyen", "auto", (), ("nguyen",), "unknown"),
    ],
)
def test_parse_name(
    value: str, order: str, family: tuple[str, ...], given: tuple[str, ...], written: str
) -> None:
    parts = parse_name(value, order)  # type: ignore[arg-type]
    assert isinstance(parts, NameParts)
    assert (parts.family, parts.given, parts.order) == (family, given, written)
    assert parts.original == value
    assert parts.folded == fold(value)
    assert parts.tokens == tuple(fold(value).split())


@given(messy_text)
def test_clean_properties(raw: str) -> None:
    check_clean_properties(NAME, raw)


@given(st.lists(st.sampled_from(VIETNAMESE), min_size=1, max_size=5), st.randoms())
def test_any_order_any_case_without_diacritics_is_one(parts: list[str], rnd: object) -> None:
    shuffled = list(parts)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    a = " ".join(parts)
    b = fold(" ".join(shuffled)).upper()
    assert NAME.compare(a, b) == 1.0
    comma = f"{parts[0]}, {' '.join(parts[1:])}" if len(parts) > 1 else parts[0]
    assert NAME.compare(NAME.clean(comma) or "", a) == 1.0


@given(messy_text, messy_text)
def test_compare_symmetric_bounded(a: str, b: str) -> None:
    ca, cb = clean_or_none(NAME, a), clean_or_none(NAME, b)
    if ca and cb:
        check_compare(NAME, ca, cb)
        assert NAME.compare(ca, ca) == 1.0
