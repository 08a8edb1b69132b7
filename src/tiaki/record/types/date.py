"""Dates, canonical as ISO partial dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

Accepted (see :func:`parse_date_text`): ISO with or without a time part; numeric dates
with ``/ . -`` or spaces read in ``ctx.date_order`` unless the first part has four digits
(then year-month-day); month names in English, French, Spanish and Portuguese
(``3 Apr 1990``, ``April 3rd, 1990``, ``Apr-1990``); Vietnamese, Chinese, Japanese and
Korean forms (``ngày 3 tháng 4 năm 1990``, ``1990年4月3日``); years alone; compact
``YYYYMMDD``; Excel serial numbers; ``datetime.date`` / ``datetime.datetime`` objects.

Rules:

- Years must lie in 1800..2100. A two-digit year above the current year's last two
  digits is in the 1900s, otherwise in the 2000s.
- Day and month are never swapped silently: ``13/04/1990`` with order ``MDY`` raises
  ``day/month invalid for order MDY``.
- Excel serials use the 1900 date system (serial 1 is 1900-01-01). Excel counts a
  29 February 1900 that never existed as serial 60: serial 60 is rejected, serials below
  it map one day later than a plain day count would, serials above it are exact
  (45000 is 2023-03-15). A whole number of four digits is a year, not a serial (so
  ``1750`` is a bad year rather than 1904-10-15): serials 1000-9999 (1902-09-26 to
  1927-05-17) are not read; date-formatted cells reach us as ``datetime`` anyway.
"""

from __future__ import annotations

import datetime as dt
import re

from tiaki.errors import InvalidValue
from tiaki.record.translit import fold, nfkc
from tiaki.record.types.base import (
    DEFAULT_CONTEXT,
    CleanContext,
    DateOrder,
    ValueType,
    cached_clean,
    register,
)

__all__ = [
    "excel_serial_to_date",
    "date_to_excel_serial",
    "parse_date_text",
    "date_parts",
    "date_similarity",
    "MIN_YEAR",
    "MAX_YEAR",
]

MIN_YEAR, MAX_YEAR = 1800, 2100
EXCEL_MAX = 2958465  # 9999-12-31
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_PIVOT = dt.date.today().year % 100
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan enero ene janeiro janvier janv",
        "february feb febrero fevereiro fev fevrier",
        "march mar marzo marco mars",
        "april apr abril abr avril avr",
        "may mayo maio mai",
        "june jun junio junho juin",
        "july jul julio julho juillet juil",
        "august aug agosto ago aout",
        "september sep sept septiembre setiembre set setembro septembre",
        "october oct octubre outubro out octobre",
        "november nov noviembre novembro novembre",
        "december dec diciembre dic dezembro dez decembre",
    ),
    start=1,
):
    _MONTHS.update(dict.fromkeys(_names.split(), _number))
_FILLER = frozenset(
    "the of de del do ngay thang nam mon monday tue tues tuesday wed wednesday thu thur "
    "thurs thursday fri friday sat saturday sun sunday".split()
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[t\s].*)?$")
_TIME = re.compile(
    r"[t\s,]+\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:z|utc|gmt|[+-]\d{2}:?\d{2})?$"
)
_CJK = str.maketrans({"年": "-", "月": "-", "日": " ", "년": "-", "월": "-", "일": " "})
_NUMERIC = re.compile(r"^\d+(?:\.\d+)?$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|er|e|o)$")


def _check_year(year: int) -> int:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidValue(f"year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
    return year


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    _check_year(year)
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        raise InvalidValue(f"month {month} is not 1-12")
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise InvalidValue(f"day {day} is not in {year:04d}-{month:02d}") from None


def excel_serial_to_date(serial: float) -> dt.date:
    """Date of an Excel 1900-system serial (fraction = time of day, ignored)."""
    if not 1 <= serial < EXCEL_MAX + 1:  # also rejects NaN and infinities
        raise InvalidValue(f"Excel serial {serial} is outside 1-{EXCEL_MAX}")
    whole = int(serial)
    if whole == 60:
        raise InvalidValue("Excel serial 60 is 29 February 1900, which never existed")
    offset = whole if whole > 60 else whole + 1
    return _EXCEL_EPOCH + dt.timedelta(days=offset)


def date_to_excel_serial(day: dt.date) -> int:
    """Inverse of :func:`excel_serial_to_date` for dates from 1900-01-01."""
    serial = (day - _EXCEL_EPOCH).days
    if serial <= 60:
        serial -= 1
    if serial < 1:
        raise InvalidValue("dates before 1900 have no Excel serial")
    return serial


def _from_serial(serial: float) -> str:
    day = excel_serial_to_date(serial)
    return _iso(day.year, day.month, day.day)


def _year(token: str) -> int:
    if len(token) == 4:
        return _check_year(int(token))
    if len(token) == 2:
        yy = int(token)
        return 1900 + yy if yy > _PIVOT else 2000 + yy
    raise InvalidValue(f"{token!r} is not a year")


def _from_number(number: float) -> str:
    """A whole number of four digits is a year; any other number an Excel serial."""
    if number.is_integer() and 1000 <= number <= 9999:
        return _iso(int(number))
    return _from_serial(number)


def _from_number_text(text: str) -> str:
    if len(text) == 8 and text.isdigit() and MIN_YEAR <= int(text[:4]) <= MAX_YEAR:
        return _from_numbers([text[:4], text[4:6], text[6:]], "YMD")
    return _from_number(float(text))


def _from_numbers(nums: list[str], order: DateOrder) -> str:
    if len(nums) == 1 and len(nums[0]) == 4:
        return _iso(int(nums[0]))
    if len(nums) == 2:
        first, second = nums
        if len(first) == 4:
            return _iso(_year(first), int(second))
        if len(second) == 4:
            return _iso(_year(second), int(first))
        raise InvalidValue("a month and year need a four-digit year")
    if len(nums) != 3:
        raise InvalidValue("not a recognisable date")
    if len(nums[0]) == 4 or order == "YMD":
        year, month, day = nums
    elif order == "DMY":
        day, month, year = nums
    else:
        month, day, year = nums
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31) and len(nums[0]) != 4:
        raise InvalidValue(f"day/month invalid for order {order}")
    return _iso(_year(year), int(month), int(day))


def _from_month_name(month: int, nums: list[str]) -> str:
    if len(nums) == 1:
        return _iso(_year(nums[0]), month)
    if len(nums) != 2:
        raise InvalidValue("not a recognisable date")
    day, year = (nums[1], nums[0]) if len(nums[0]) == 4 else (nums[0], nums[1])
    if len(day) > 2:
        raise InvalidValue("not a recognisable date")
    return _iso(_year(year), month, int(day))


def _tokens(text: str) -> tuple[list[str], list[int]]:
    nums: list[str] = []
    months: list[int] = []
    for token in fold(text).split():
        ordinal = _ORDINAL.match(token)
        if token.isdigit() or ordinal:
            nums.append(ordinal.group(1) if ordinal else token)
        elif token in _MONTHS:
            months.append(_MONTHS[token])
        elif token not in _FILLER:
            raise InvalidValue("not a recognisable date")
    return nums, months


@cached_clean(maxsize=2**17)
def parse_date_text(text: str, order: DateOrder) -> str | None:
    """Canonical ISO partial date for one text cell, read in ``order``."""
    text = nfkc(text).strip().lower().translate(_CJK).strip()
    if not text:
        return None
    iso = _ISO.match(text)
    if iso:
        year, month, day = iso.groups()
        return _iso(int(year), int(month), int(day) if day else None)
    if _NUMERIC.match(text):
        return _from_number_text(text)
    nums, months = _tokens(_TIME.sub("", text))
    if len(months) > 1 or not (nums or months):
        raise InvalidValue("not a recognisable date")
    if not nums:
        raise InvalidValue("a date needs a year")
    if months:
        return _from_month_name(months[0], nums)
    return _from_numbers(nums, order)


def date_parts(value: str) -> tuple[int, int | None, int | None]:
    """``(1990, 4, None)`` from a canonical ``1990-04``."""
    parts = [int(p) for p in value.split("-")]
    parts += [0] * (3 - len(parts))
    return parts[0], parts[1] or None, parts[2] or None


def date_similarity(a: str, b: str) -> float:
    """1.0 equal; 0.8 day and month swapped; 0.7 one a prefix of the other; 0.5 same
    year and month; then 0.3 / 0.2 / 0.1 for years 0 / 1 / 2 apart; else 0."""
    if a == b:
        return 1.0
    (ya, ma, da), (yb, mb, db) = date_parts(a), date_parts(b)
    if ya == yb and da and db and (ma, da) == (db, mb):
        return 0.8
    if a.startswith(b) or b.startswith(a):
        return 0.7
    if ya == yb and ma == mb:
        return 0.5
    return max(0.0, 0.3 - 0.1 * abs(ya - yb))


def _from_object(raw: object, ctx: CleanContext) -> str | None:
    if isinstance(raw, dt.date):  # datetime.datetime is a date too
        return _iso(raw.year, raw.month, raw.day)
    if isinstance(raw, bool):
        raise InvalidValue("a yes/no value is not a date")
    if isinstance(raw, int | float):
        if raw != raw:  # NaN
            return None
        return _from_number(float(raw))
    return parse_date_text(str(raw), ctx.date_order)


@register
class DateType(ValueType):
    name = "date"
    label = "Date"
    max_length = 10

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        if raw is None:
            return None
        if isinstance(raw, str):
            return parse_date_text(raw, ctx.date_order)
        return _from_object(raw, ctx)

    def compare(self, a: str, b: str) -> float:
        return date_similarity(a, b)
