"""Phone numbers, canonical in E.164 (``+6421…``), parsed with ``phonenumbers``.

The source's ``ctx.phone_region`` is the default region for numbers written nationally
(``021 123 4567``); without one a number must carry its country code (``+64…`` or
``0064…``). ``tel:`` prefixes and extensions are dropped. A number that ``phonenumbers``
cannot parse, that has an impossible length, or that is not valid for its region raises
:class:`~tiaki.errors.InvalidValue` naming the region.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

from tiaki.errors import InvalidValue
from tiaki.record.types.base import (
    DEFAULT_CONTEXT,
    CleanContext,
    ValueType,
    cached_clean,
    raw_text,
    register,
)
from tiaki.record.types.similarity import levenshtein_ratio

__all__ = ["clean_phone", "split_e164", "phone_similarity"]

_TEL = re.compile(r"^\s*(?:tel|phone|callto|sms)\s*:\s*", re.IGNORECASE)
_PARSE_ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: "unknown country code",
    NumberParseException.NOT_A_NUMBER: "not a phone number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too short after the international prefix",
    NumberParseException.TOO_SHORT_NSN: "too short",
    NumberParseException.TOO_LONG: "too long",
}


def _region_label(region: str | None) -> str:
    return f"region {region}" if region else "any region (no default region)"


def _prepare(text: str, region: str | None) -> str:
    text = _TEL.sub("", text)
    if region is None and text.startswith("00"):
        text = "+" + text[2:]
    return text


_COMPACT = re.compile(r"[\s\-().\/]")
_INTL = re.compile(r"^\+([1-9]\d{6,16})$")
_NATIONAL = re.compile(r"^(\d{6,17})$")


def _fast_e164(text: str, region: str | None) -> str | None:
    """E.164 for the common shapes (+CC…, 00CC…, national with trunk prefix) when the number
    is valid; ``None`` sends the text through phonenumbers' full parser instead. Only a
    number that phonenumbers itself says is valid is accepted here."""
    compact = _COMPACT.sub("", text)
    m = _INTL.match(compact)
    if m:
        digits = m.group(1)
        for size in (1, 2, 3):
            cc = int(digits[:size])
            if cc in phonenumbers.COUNTRY_CODE_TO_REGION_CODE:
                meta = _simple_meta(phonenumbers.region_code_for_country_code(cc))
                nsn = digits[size:]
                if meta is None or (meta.national_prefix and nsn.startswith(meta.national_prefix)):
                    return None
                return _valid(cc, nsn)
        return None
    if region is None or not _NATIONAL.match(compact):
        return None
    meta = _simple_meta(region)
    if meta is None or not meta.national_prefix or not compact.startswith(meta.national_prefix):
        return None
    return _valid(int(meta.country_code or 0), compact[len(meta.national_prefix):])


@lru_cache(maxsize=512)
def _simple_meta(region: str) -> phonenumbers.PhoneMetadata | None:
    """The region's metadata when its national prefix is plain (no carrier codes, no
    transform rule), so that stripping it by hand is exactly what phonenumbers does."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.country_code is None or meta.national_prefix_transform_rule:
        return None
    parsing = meta.national_prefix_for_parsing
    if parsing is not None and parsing != meta.national_prefix:
        return None
    return meta


def _valid(cc: int, nsn: str) -> str | None:
    if not cc or not nsn or nsn[0] == "0":
        return None
    number = phonenumbers.PhoneNumber(country_code=cc, national_number=int(nsn))
    return f"+{cc}{nsn}" if phonenumbers.is_valid_number(number) else None


@cached_clean(maxsize=2**18)
def clean_phone(text: str, region: str | None) -> str:
    """Parse ``text`` with default ``region`` and return E.164; cached on both."""
    text = _prepare(text, region)
    fast = _fast_e164(text, region)
    if fast is not None:
        return fast
    if region is None and not text.lstrip().startswith("+"):
        raise InvalidValue("no country code and no default region: write it as +<code>…")
    try:
        number = phonenumbers.parse(text, region)
    except NumberParseException as exc:
        reason = _PARSE_ERRORS.get(exc.error_type, "not a phone number")
        message = f"not a valid phone number for {_region_label(region)}: {reason}"
        raise InvalidValue(message) from None
    number_region = phonenumbers.region_code_for_number(number) or region
    if not phonenumbers.is_possible_number(number):
        raise InvalidValue(f"not a possible phone number for {_region_label(number_region)}")
    if not phonenumbers.is_valid_number(number):
        raise InvalidValue(f"not a valid phone number for {_region_label(number_region)}")
    return str(phonenumbers.format_number(number, PhoneNumberFormat.E164))


@lru_cache(maxsize=2**16)
def split_e164(value: str) -> tuple[str, str]:
    """``("64", "211234567")``: country code and national significant number."""
    try:
        number = phonenumbers.parse(value, None)
    except NumberParseException:
        digits = "".join(ch for ch in value if ch.isdigit())
        return "", digits
    return str(number.country_code), str(phonenumbers.national_significant_number(number))


def phone_similarity(a: str, b: str) -> float:
    """1.0 same number; 0.8 same national number, other country code; else partial."""
    if a == b:
        return 1.0
    cc_a, nsn_a = split_e164(a)
    cc_b, nsn_b = split_e164(b)
    if cc_a == cc_b and nsn_a == nsn_b:
        return 1.0
    if nsn_a == nsn_b:
        return 0.8
    return 0.5 * levenshtein_ratio(nsn_a[-8:], nsn_b[-8:])


@register
class PhoneType(ValueType):
    name = "phone"
    label = "Phone number"
    matchable = True
    pivot = True
    max_length = 64

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        if len(text) > 64:
            raise InvalidValue("too long for a phone number")
        region = ctx.phone_region.upper() if ctx.phone_region else None
        return clean_phone(text, region)

    def normal(self, value: str) -> str:
        return value.lstrip("+")

    def compare(self, a: str, b: str) -> float:
        return phone_similarity(a, b)
