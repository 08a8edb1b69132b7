from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from phonenumbers import PhoneNumberFormat, PhoneNumberType

from tiaki.errors import InvalidValue
from tiaki.record.types import CleanContext, get_type
from tiaki.record.types.phone import clean_phone, split_e164

from .helpers import check_clean_properties, check_compare, messy_text

PHONE = get_type("phone")
NZ = CleanContext(phone_region="NZ")
VN = CleanContext(phone_region="VN")
REGIONS = [
    "NZ",
    "VN",
    "CN",
    "TW",
    "HK",
    "PH",
    "TH",
    "ID",
    "IN",
    "WS",
    "TO",
    "FJ",
    "AU",
    "US",
    "GB",
    "KR",
    "MY",
    "KH",
    "LK",
    "BR",
]


def test_flags() -> None:
    assert PHONE.matchable and PHONE.pivot


@pytest.mark.parametrize(
    ("raw", "ctx", "e164"),
    [
        ("+64 21 123 4567", CleanContext(), "+64211234567"),
        ("021-123-4567", NZ, "+64211234567"),
        ("0064211234567", NZ, "+64211234567"),
        ("0064211234567", CleanContext(), "+64211234567"),
        ("(09) 555 1234", NZ, "+6495551234"),
        ("84 912 345 678", VN, "+84912345678"),
        ("0912 345 678", VN, "+84912345678"),
        ("tel:+84912345678", CleanContext(), "+84912345678"),
        ("TEL: +84-912-345-678", CleanContext(), "+84912345678"),
        ("+64 21 123 4567 ext 12", CleanContext(), "+64211234567"),
        ("021 123 4567 x12", NZ, "+64211234567"),
        (64211234567, NZ, "+64211234567"),  # Excel number cell
        (211234567, NZ, "+64211234567"),  # leading zero lost in Excel
        (211234567.0, NZ, "+64211234567"),
        ("021 123 4567", CleanContext(phone_region="nz"), "+64211234567"),
        (None, NZ, None),
        ("", NZ, None),
        ("   ", NZ, None),
    ],
)
def test_clean_examples(raw: object, ctx: CleanContext, e164: str | None) -> None:
    assert PHONE.clean(raw, ctx) == e164


@pytest.mark.parametrize(
    ("raw", "ctx", "reason"),
    [
        ("021 123 4567", CleanContext(), "no country code and no default region"),
        ("12", NZ, "region NZ"),
        ("hello", NZ, "not a valid phone number for region NZ"),
        ("+64 1", CleanContext(), "too short"),
        ("021 123 4567", VN, "not a valid phone number for region VN"),
        ("+999 123 456 789", CleanContext(), "unknown country code"),
        ("0" * 70, NZ, "too long"),
        ("+64 99 999 999 999 999", CleanContext(), "region NZ"),
    ],
)
def test_clean_rejects(raw: str, ctx: CleanContext, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        PHONE.clean(raw, ctx)


def test_normal_and_compare() -> None:
    assert PHONE.normal("+64211234567") == "64211234567"
    assert split_e164("+64211234567") == ("64", "211234567")
    assert PHONE.compare("+64211234567", "+64211234567") == 1.0
    assert PHONE.compare("+64211234567", "+61211234567") == 0.8
    near = PHONE.compare("+64211234567", "+64211234568")
    assert 0.3 < near <= 0.5
    assert PHONE.compare("+64211234567", "+84912345678") < near


def test_failures_are_cached_and_reraised() -> None:
    for _ in range(3):
        with pytest.raises(InvalidValue):
            clean_phone("hello", "NZ")


@st.composite
def numbers(draw: st.DrawFn) -> tuple[str, phonenumbers.PhoneNumber]:
    region = draw(st.sampled_from(REGIONS))
    kind = draw(st.sampled_from([PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE]))
    example = phonenumbers.example_number_for_type(region, kind)
    assume(example is not None)
    nsn = phonenumbers.national_significant_number(example)
    tail = draw(st.integers(min_value=0, max_value=999))
    nsn = nsn[:-3] + f"{tail:03d}"
    number = phonenumbers.parse("+" + str(example.country_code) + nsn, None)
    assume(phonenumbers.is_valid_number(number))
    return region, number


@given(numbers())
def test_round_trip_through_formats(case: tuple[str, phonenumbers.PhoneNumber]) -> None:
    region, number = case
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    rfc = phonenumbers.format_number(number, PhoneNumberFormat.RFC3966)
    none, home = CleanContext(), CleanContext(phone_region=region)
    forms = [
        (e164, none),
        (international, none),
        (rfc, none),
        ("00" + e164[1:], none),
        (international.replace(" ", "-"), none),
        (international.replace(" ", ""), none),
        (national, home),
        (national.replace(" ", ""), home),
        (e164, home),
        (international + " ext. 99", none),
        (f" {national} ", home),
    ]
    for raw, ctx in forms:
        assert PHONE.clean(raw, ctx) == e164, (raw, ctx)
    assert PHONE.validate(e164)


@given(messy_text, st.sampled_from([None, "NZ", "VN"]))
def test_clean_properties_on_junk(raw: str, region: str | None) -> None:
    check_clean_properties(PHONE, raw, CleanContext(phone_region=region))


@given(st.text(alphabet="+0123456789 -()", max_size=20), st.sampled_from([None, "NZ", "VN"]))
def test_clean_properties_on_digits(raw: str, region: str | None) -> None:
    check_clean_properties(PHONE, raw, CleanContext(phone_region=region))


@given(numbers(), numbers())
def test_compare_symmetric(
    a: tuple[str, phonenumbers.PhoneNumber], b: tuple[str, phonenumbers.PhoneNumber]
) -> None:
    ea = phonenumbers.format_number(a[1], PhoneNumberFormat.E164)
    eb = phonenumbers.format_number(b[1], PhoneNumberFormat.E164)
    check_compare(PHONE, ea, eb)
    assert PHONE.compare(ea, ea) == 1.0


def test_fast_path_agrees_with_phonenumbers() -> None:
    """The fast path must give exactly what phonenumbers' full parse gives."""
    import random

    import phonenumbers

    from tiaki.record.types.phone import _fast_e164

    rng = random.Random(5)
    regions = ["NZ", "VN", "BR", "TW", "HK", "CN", "AU", "IN", "PH", "US", "GB", "IT", "SM"]
    checked = 0
    for _ in range(20000):
        region = rng.choice(regions)
        cc = phonenumbers.country_code_for_region(region)
        nsn = str(rng.randint(10**6, 10**11 - 1))[: rng.randint(7, 11)]
        for text in (f"+{cc} {nsn}", f"00{cc}{nsn}", f"0{nsn}"):
            fast = _fast_e164(text, region)
            if fast is None:
                continue
            slow = phonenumbers.parse(text, region)
            assert phonenumbers.is_valid_number(slow)
            assert fast == phonenumbers.format_number(slow, phonenumbers.PhoneNumberFormat.E164)
            checked += 1
    assert checked > 500
