from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import CleanContext, get_type
from tiaki.record.types.date import (
    date_similarity,
    date_to_excel_serial,
    excel_serial_to_date,
)

from .helpers import check_clean_properties, check_compare, messy_text

DATE = get_type("date")
DMY, MDY, YMD = (CleanContext(date_order=o) for o in ("DMY", "MDY", "YMD"))  # type: ignore[arg-type]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2100, 12, 31))


@pytest.mark.parametrize(
    ("raw", "ctx", "iso"),
    [
        ("1990-04-03", DMY, "1990-04-03"),
        ("1990-04-03T12:30:00+12:00", DMY, "1990-04-03"),
        ("1990-04-03 00:00:00", MDY, "1990-04-03"),
        ("03/04/1990", DMY, "1990-04-03"),
        ("03/04/1990", MDY, "1990-03-04"),
        ("1990/04/03", MDY, "1990-04-03"),
        ("90/04/03", YMD, "1990-04-03"),
        ("3.4.1990", DMY, "1990-04-03"),
        ("3 Apr 1990", DMY, "1990-04-03"),
        ("Apr 3, 1990", DMY, "1990-04-03"),
        ("April 3rd, 1990", MDY, "1990-04-03"),
        ("Tue, 3 Apr 1990 10:00", DMY, "1990-04-03"),
        ("03/04/1990 14:22", DMY, "1990-04-03"),
        ("3-APR-90", DMY, "1990-04-03"),
        ("3 de abril de 1990", DMY, "1990-04-03"),
        ("ngày 3 tháng 4 năm 1990", DMY, "1990-04-03"),
        ("1990年4月3日", DMY, "1990-04-03"),
        ("1990년 4월 3일", DMY, "1990-04-03"),
        ("19900403", DMY, "1990-04-03"),
        ("April 1990", DMY, "1990-04"),
        ("Apr-1990", DMY, "1990-04"),
        ("04/1990", DMY, "1990-04"),
        ("1990-04", DMY, "1990-04"),
        ("1990", DMY, "1990"),
        (1990, DMY, "1990"),
        (1990.0, DMY, "1990"),
        (999, DMY, "1902-09-25"),
        (10000, DMY, "1927-05-18"),
        (45000, DMY, "2023-03-15"),
        (45000.75, DMY, "2023-03-15"),
        ("45000", DMY, "2023-03-15"),
        (1, DMY, "1900-01-01"),
        (59, DMY, "1900-02-28"),
        (61, DMY, "1900-03-01"),
        (dt.date(1990, 4, 3), DMY, "1990-04-03"),
        (dt.datetime(1990, 4, 3, 23, 59), DMY, "1990-04-03"),
        (None, DMY, None),
        ("", DMY, None),
        ("  ", DMY, None),
        (float("nan"), DMY, None),
    ],
)
def test_clean_examples(raw: object, ctx: CleanContext, iso: str | None) -> None:
    assert DATE.clean(raw, ctx) == iso


@pytest.mark.parametrize(
    ("raw", "ctx", "reason"),
    [
        ("31/02/2000", DMY, "day 31 is not in 2000-02"),
        ("13/04/1990", MDY, "day/month invalid for order MDY"),
        ("04/13/1990", DMY, "day/month invalid for order DMY"),
        ("1990-13-01", DMY, "month 13"),
        ("1750", DMY, "year 1750 is outside 1800-2100"),
        (1750, DMY, "year 1750 is outside 1800-2100"),
        (9863, DMY, "year 9863 is outside"),
        ("2101-01-01", DMY, "outside"),
        ("03/04/1750", DMY, "outside"),
        ("hello", DMY, "not a recognisable date"),
        ("April", DMY, "needs a year"),
        ("3/4", DMY, "four-digit year"),
        ("Apr May 1990", DMY, "not a recognisable date"),
        (60, DMY, "Excel serial 60 is 29 February 1900"),
        ("60", DMY, "Excel serial 60"),
        (0, DMY, "outside"),
        (-5, DMY, "outside"),
        (3_000_000, DMY, "outside"),
        (float("inf"), DMY, "outside"),
        (2958465, DMY, "year 9999"),
        (True, DMY, "yes/no"),
    ],
)
def test_clean_rejects(raw: object, ctx: CleanContext, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        DATE.clean(raw, ctx)


def test_compare_examples() -> None:
    assert DATE.compare("1990-04-03", "1990-04-03") == 1.0
    assert DATE.compare("1990-04-03", "1990-03-04") == 0.8
    assert DATE.compare("1990", "1990-04-03") == 0.7
    assert DATE.compare("1990-04", "1990-04-03") == 0.7
    assert DATE.compare("1990-04-03", "1990-04-20") == 0.5
    assert DATE.compare("1990-04-03", "1990-06-20") == pytest.approx(0.3)
    assert DATE.compare("1990-04-03", "1991-06-20") == pytest.approx(0.2)
    assert DATE.compare("1990-04-03", "1992-06-20") == pytest.approx(0.1)
    assert DATE.compare("1990-04-03", "1993-04-03") == 0.0


def _formats(d: dt.date) -> list[tuple[object, CleanContext]]:
    mon = MONTHS[d.month - 1]
    out: list[tuple[object, CleanContext]] = [
        (d.isoformat(), DMY),
        (d.isoformat() + "T08:15:00Z", MDY),
        (d, DMY),
        (dt.datetime(d.year, d.month, d.day, 13, 5), MDY),
        (f"{d.day:02d}/{d.month:02d}/{d.year}", DMY),
        (f"{d.day}.{d.month}.{d.year}", DMY),
        (f"{d.month:02d}/{d.day:02d}/{d.year}", MDY),
        (f"{d.month}-{d.day}-{d.year}", MDY),
        (f"{d.year}/{d.month:02d}/{d.day:02d}", MDY),
        (f"{d.year}/{d.month}/{d.day}", DMY),
        (f"{d.day} {mon} {d.year}", MDY),
        (f"{d.day} {mon[:3]} {d.year}", DMY),
        (f"{mon} {d.day}, {d.year}", DMY),
        (f"{d.day:02d}-{mon[:3].upper()}-{d.year}", DMY),
        (f"{d.year}{d.month:02d}{d.day:02d}", DMY),
        (f"{d.year}年{d.month}月{d.day}日", DMY),
        (f"ngày {d.day} tháng {d.month} năm {d.year}", DMY),
    ]
    serial = date_to_excel_serial(d) if d >= dt.date(1900, 3, 1) else 0
    if serial and not 1000 <= serial <= 9999:  # four-digit whole numbers are years
        out += [(serial, DMY), (str(serial), MDY), (serial + 0.5, DMY)]
    return out


@given(dates)
def test_every_format_cleans_to_the_same_iso(d: dt.date) -> None:
    for raw, ctx in _formats(d):
        assert DATE.clean(raw, ctx) == d.isoformat(), (raw, ctx)
    assert DATE.validate(d.isoformat())
    assert DATE.clean(f"{MONTHS[d.month - 1]} {d.year}") == d.isoformat()[:7]


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_excel_serial_round_trip(d: dt.date) -> None:
    serial = date_to_excel_serial(d)
    assert excel_serial_to_date(serial) == d
    assert serial != 60
    if d >= dt.date(1900, 3, 1):
        assert serial == (d - dt.date(1899, 12, 30)).days  # what Excel and openpyxl use


@given(st.integers(min_value=1, max_value=73415).filter(lambda n: n != 60))
def test_serial_date_round_trip(serial: int) -> None:
    assert date_to_excel_serial(excel_serial_to_date(serial)) == serial


@given(dates, st.sampled_from(["DMY", "MDY"]))
def test_never_swaps_silently(d: dt.date, order: str) -> None:
    ctx = CleanContext(date_order=order)  # type: ignore[arg-type]
    first, second = (d.day, d.month) if order == "DMY" else (d.month, d.day)
    try:
        out = DATE.clean(f"{second}/{first}/{d.year}", ctx)
    except InvalidValue as exc:
        assert d.day > 12 and "day/month invalid" in exc.message
    else:
        assert out is not None and out == dt.date(d.year, d.day, d.month).isoformat()


@given(messy_text, st.sampled_from(["DMY", "MDY", "YMD"]))
def test_clean_properties_on_junk(raw: str, order: str) -> None:
    check_clean_properties(DATE, raw, CleanContext(date_order=order))  # type: ignore[arg-type]


@given(st.text(alphabet="0123456789/-. ", max_size=12), st.sampled_from(["DMY", "MDY", "YMD"]))
def test_clean_properties_on_digits(raw: str, order: str) -> None:
    check_clean_properties(DATE, raw, CleanContext(date_order=order))  # type: ignore[arg-type]


@given(st.one_of(st.integers(), st.floats()))
def test_numbers_never_leak_errors(raw: float) -> None:
    check_clean_properties(DATE, raw)


partial = dates.flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]])
)


@given(partial, partial)
def test_compare_symmetric_bounded(a: str, b: str) -> None:
    check_compare(DATE, a, b)
    assert date_similarity(a, a) == 1.0
