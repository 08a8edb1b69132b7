"""Bank accounts (``account``) and flight numbers (``flight``).

``account``: upper-case letters and digits with spaces, dashes, dots and slashes removed.
A value shaped like an IBAN (two letters, two check digits, 11-30 letters/digits) must
pass the ISO 13616 mod-97 check. New Zealand accounts (bank 2, branch 4, account 7,
suffix 2 or 3 digits) are kept as their digits; ``normal`` pads a 15-digit number's
2-digit suffix to 3 digits, so ``12-3456-1234567-01`` and ``…-001`` compare equal.

``flight``: airline designator (2 letters/digits with at least one letter, or 3 letters
for ICAO) + 1-4 digit number with leading zeros dropped + optional suffix letter:
``nz 0289`` -> ``NZ289``.
"""

from __future__ import annotations

import re

from tiaki.errors import InvalidValue
from tiaki.record.translit import nfkc
from tiaki.record.types.base import (
    DEFAULT_CONTEXT,
    CleanContext,
    ValueType,
    cached_clean,
    raw_text,
    register,
)

__all__ = ["clean_account", "iban_valid", "clean_flight"]

_ACCOUNT_SEPARATORS = re.compile(r"[\s\-./]+")
_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")
_ACCOUNT = re.compile(r"^(?=.*\d)[A-Z0-9]{4,34}$")
_NZ_SUFFIX_2 = re.compile(r"^\d{15}$")


def iban_valid(iban: str) -> bool:
    """ISO 13616 mod-97 check of a compact upper-case IBAN."""
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(digits) % 97 == 1


@cached_clean(maxsize=2**16)
def clean_account(text: str) -> str:
    """Compact upper-case account number; IBANs are checksum-validated."""
    value = _ACCOUNT_SEPARATORS.sub("", nfkc(text)).upper()
    if not _ACCOUNT.match(value):
        raise InvalidValue("an account number has 4-34 letters and digits, one a digit")
    if _IBAN.match(value) and not iban_valid(value):
        raise InvalidValue("IBAN check digits do not match")
    return value


def account_normal(value: str) -> str:
    """Comparison form: a 15-digit (NZ, 2-digit suffix) number gets a 3-digit suffix."""
    if _NZ_SUFFIX_2.match(value):
        return f"{value[:13]}0{value[13:]}"
    return value


@register
class AccountType(ValueType):
    name = "account"
    label = "Bank account"
    matchable = True
    pivot = True
    max_length = 34

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        return None if text is None else clean_account(text)

    def normal(self, value: str) -> str:
        return account_normal(value)


_FLIGHT = re.compile(r"^([A-Z]{3}|[A-Z][A-Z0-9]|[0-9][A-Z])(\d{1,4})([A-Z]?)$")
_FLIGHT_SEPARATORS = re.compile(r"[\s\-.]+")


@cached_clean(maxsize=2**14)
def clean_flight(text: str) -> str:
    """``NZ289`` from ``nz 0289``; raises ``InvalidValue`` for other shapes."""
    compact = _FLIGHT_SEPARATORS.sub("", nfkc(text)).upper()
    match = _FLIGHT.match(compact)
    if not match:
        raise InvalidValue("not a flight number (airline code + 1-4 digits, e.g. NZ289)")
    designator, number, suffix = match.groups()
    if int(number) == 0:
        raise InvalidValue("a flight number is not zero")
    return f"{designator}{int(number)}{suffix}"


@register
class FlightType(ValueType):
    name = "flight"
    label = "Flight number"
    matchable = False
    pivot = False  # a flight number alone (no date) would join unrelated travellers
    max_length = 8

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        return None if text is None else clean_flight(text)
