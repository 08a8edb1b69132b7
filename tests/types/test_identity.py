from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import CleanContext, get_type
from tiaki.record.types.identity import OCR_TABLE, ocr_fold

from .helpers import check_clean_properties, check_compare, messy_text

IDENTITY = get_type("identity")
VN = CleanContext(country="VN")
GROUPS = ["0OQD", "1IL", "2Z", "5S", "6G", "8B"]
numbers = st.text(alphabet="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=12)


def test_flags() -> None:
    assert IDENTITY.matchable and IDENTITY.pivot


@pytest.mark.parametrize(
    ("raw", "ctx", "value"),
    [
        ("VNM C1234567", CleanContext(), "VN:C1234567"),
        ("VN:C1234567", CleanContext(), "VN:C1234567"),
        ("vn: c123 4567", CleanContext(), "VN:C1234567"),
        ("C1234567 (VN)", CleanContext(), "VN:C1234567"),
        ("C1234567 [VNM]", CleanContext(), "VN:C1234567"),
        ("C1234567", VN, "VN:C1234567"),
        ("C1234567", CleanContext(country="Vietnam"), "VN:C1234567"),
        ("NZ:LA123456", VN, "NZ:LA123456"),  # written country wins over the source hint
        ("c-123 456", CleanContext(), "XX:C123456"),
        ("AB 12 34 56 C", CleanContext(), "XX:AB123456C"),  # "AB" is no alpha-3 prefix
        ("Passport No: C1234567", VN, "VN:C1234567"),
        ("D<<:C01X00T47", CleanContext(), "DE:C01X00T47"),
        ("XX:123", VN, "XX:123"),
        (123456789, CleanContext(), "XX:123456789"),
        (None, VN, None),
        ("  ", VN, None),
    ],
)
def test_clean_examples(raw: object, ctx: CleanContext, value: str | None) -> None:
    assert IDENTITY.clean(raw, ctx) == value


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("C123#4567", "only letters A-Z and digits"),
        ("Số 12", "only letters A-Z and digits"),
        ("QQ:C1234567", "unknown country"),
        ("C1234567 (ZZ)", "unknown country"),
        ("A", "only letters"),
        ("X" * 200, "too long"),
    ],
)
def test_clean_rejects(raw: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        IDENTITY.clean(raw)


def test_ocr_and_compare() -> None:
    assert ocr_fold("O0QD") == "0000"
    assert ocr_fold("il1") == "111"
    assert ocr_fold("ZSGB") == "2568"
    assert IDENTITY.normal("VN:C0I234S67") == "VN:C01234567"
    assert IDENTITY.compare("VN:C1234567", "VN:C1234567") == 1.0
    assert IDENTITY.compare("VN:C1234567", "VN:CI234567") == 0.95
    assert IDENTITY.compare("VN:C1234567", "XX:C1234567") == 0.9
    assert IDENTITY.compare("VN:C1234567", "XX:CI234567") == 0.85
    assert IDENTITY.compare("VN:C1234567", "NZ:C1234567") == 0.0
    assert IDENTITY.compare("VN:C1234567", "VN:C7654321") == 0.0


@given(numbers, st.data())
def test_ocr_folding_groups_confusables(number: str, data: st.DataObject) -> None:
    confused = "".join(
        data.draw(st.sampled_from(next((g for g in GROUPS if ch in g), ch))) for ch in number
    )
    assert ocr_fold(number) == ocr_fold(confused)
    a, b = f"VN:{number}", f"VN:{confused}"
    assert IDENTITY.normal(a) == IDENTITY.normal(b)
    assert IDENTITY.compare(a, b) == (1.0 if a == b else 0.95)
    folded = ocr_fold(number)
    assert folded == ocr_fold(folded)
    assert not set(folded) & set("OQDILZSGB")
    assert len(folded) == len(number)
    assert all(k in "OQDILZSGB" for k in (chr(c) for c in OCR_TABLE))


@given(messy_text, st.sampled_from([None, "VN", "NZ"]))
def test_clean_properties(raw: str, country: str | None) -> None:
    check_clean_properties(IDENTITY, raw, CleanContext(country=country))


@given(st.sampled_from(["VN", "XX", "NZ"]), numbers, st.sampled_from(["VN", "XX"]), numbers)
def test_compare_symmetric(ca: str, na: str, cb: str, nb: str) -> None:
    check_compare(IDENTITY, f"{ca}:{na}", f"{cb}:{nb}")
