"""Identity documents (passports, national ids), canonical ``CC:NUMBER``.

``CC`` is the ISO alpha-2 issuing country, taken from the raw value when it names one —
a prefix ``VN:C1234567`` / ``VNM C1234567`` (a space-separated prefix must be an alpha-3
or MRZ code, so ``AB 123456`` stays a number) or a suffix ``C1234567 (VN)`` — else from
``ctx.country``, else ``XX`` (unknown). ``NUMBER`` is upper-case ASCII letters and digits
with spaces, dashes, dots and slashes removed.

OCR folding (:func:`ocr_fold`) maps characters that scanners confuse to one character,
letters to the digit they resemble::

    O Q D -> 0    I L -> 1    Z -> 2    S -> 5    G -> 6    B -> 8

``normal`` is ``CC:`` + the folded number; ``compare`` scores 1.0 for equal values, 0.95
when only the OCR-folded numbers agree (same country), 0.9 when the numbers are equal and
one country is ``XX``, 0.85 when the folded numbers agree and one country is ``XX``.
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
from tiaki.record.types.country import country_code

__all__ = ["ocr_fold", "split_identity", "identity_similarity", "UNKNOWN_COUNTRY", "OCR_TABLE"]

UNKNOWN_COUNTRY = "XX"
OCR_TABLE = str.maketrans("OQDILZSGB", "000112568")
# Labels written before the number; two-letter ones are left alone (``NO:`` is Norway).
_LABEL = re.compile(
    r"^(?:passport|pp|cmnd|cccd|number|doc(?:ument)?)(?:\s*(?:no|number|nr))?\.?\s*[:#]\s*",
    re.IGNORECASE,
)
_COLON_PREFIX = re.compile(r"^([A-Za-z]{1,3})<*\s*:\s*(.+)$")
_SPACE_PREFIX = re.compile(r"^([A-Za-z]{3})\s+(.*\d.*)$")
_SUFFIX = re.compile(r"^(.+?)\s*[(\[]\s*([A-Za-z]{2,3})\s*[)\]]$")
_SEPARATORS = re.compile(r"[\s\-./]+")
_NUMBER = re.compile(r"^[A-Z0-9]{2,40}$")


def ocr_fold(number: str) -> str:
    """Map OCR-confusable characters to one representative (see module docstring)."""
    return number.upper().translate(OCR_TABLE)


def _country(code: str) -> str:
    upper = code.upper()
    return UNKNOWN_COUNTRY if upper == UNKNOWN_COUNTRY else country_code(upper)


def _split_country(text: str) -> tuple[str | None, str]:
    match = _COLON_PREFIX.match(text)
    if match:
        return _country(match.group(1)), match.group(2)
    match = _SUFFIX.match(text)
    if match:
        return _country(match.group(2)), match.group(1)
    match = _SPACE_PREFIX.match(text)
    if match:
        try:
            return _country(match.group(1)), match.group(2)
        except InvalidValue:
            return None, text
    return None, text


@cached_clean(maxsize=2**17)
def clean_identity(text: str, country: str | None) -> str:
    """``CC:NUMBER`` for a raw document number and a default country (or ``None``)."""
    found, number = _split_country(_LABEL.sub("", nfkc(text).strip()))
    number = _SEPARATORS.sub("", number).upper()
    if not _NUMBER.match(number):
        raise InvalidValue("an identity number has only letters A-Z and digits (2-40)")
    if found is None:
        found = _country(country) if country else UNKNOWN_COUNTRY
    return f"{found}:{number}"


def split_identity(value: str) -> tuple[str, str]:
    """``("VN", "C1234567")`` from a canonical ``VN:C1234567``."""
    country, _, number = value.partition(":")
    return country, number


def identity_similarity(a: str, b: str) -> float:
    if a == b:
        return 1.0
    (ca, na), (cb, nb) = split_identity(a), split_identity(b)
    same_country = ca == cb
    unknown = UNKNOWN_COUNTRY in (ca, cb)
    if not (same_country or unknown):
        return 0.0
    if na == nb:
        return 1.0 if same_country else 0.9
    if ocr_fold(na) == ocr_fold(nb):
        return 0.95 if same_country else 0.85
    return 0.0


@register
class IdentityType(ValueType):
    name = "identity"
    label = "Identity document"
    matchable = True
    pivot = True
    max_length = 64

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        if len(text) > 128:
            raise InvalidValue("too long for an identity number")
        return clean_identity(text, ctx.country)

    def normal(self, value: str) -> str:
        country, number = split_identity(value)
        return f"{country}:{ocr_fold(number)}"

    def compare(self, a: str, b: str) -> float:
        return identity_similarity(a, b)
