"""Postal and street addresses: kept as written, compared on expanded folded tokens.

``clean`` applies NFKC, turns line breaks, semicolons and pipes into ``", "``, collapses
whitespace and repeated commas, and trims surrounding punctuation. ``normal`` folds to
ASCII tokens (``đường`` -> ``duong``) and expands common abbreviations per comma-separated
part: ``st`` -> ``street`` (but ``saint`` at the start of a part or after a number and
before a word: ``12 St Johns Rd``), ``rd`` -> ``road``, ``ave`` -> ``avenue``;
``apt`` / ``flat`` / ``u`` -> ``unit``; Vietnamese ``p`` / ``q`` / ``tp`` -> ``phuong`` /
``quan`` / ``thanh pho`` (``Q1`` -> ``quan 1``). ``compare`` is the token-set similarity
of the normal forms, with numbers matching only exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tiaki.errors import InvalidValue
from tiaki.record.translit import collapse_ws, nfkc, token_tuple
from tiaki.record.types.base import (
    DEFAULT_CONTEXT,
    CleanContext,
    ValueType,
    cached_clean,
    raw_text,
    register,
)
from tiaki.record.types.similarity import token_set_ratio

__all__ = ["clean_address", "address_tokens", "ABBREVIATIONS"]

MAX_ADDRESS_LENGTH = 1000
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    key: tuple(value.split())
    for key, value in {
        "rd": "road",
        "ave": "avenue",
        "av": "avenue",
        "dr": "drive",
        "pl": "place",
        "cres": "crescent",
        "cr": "crescent",
        "tce": "terrace",
        "terr": "terrace",
        "hwy": "highway",
        "ln": "lane",
        "ct": "court",
        "blvd": "boulevard",
        "sq": "square",
        "pde": "parade",
        "gr": "grove",
        "grv": "grove",
        "cl": "close",
        "mt": "mount",
        "nth": "north",
        "sth": "south",
        "apt": "unit",
        "apartment": "unit",
        "flat": "unit",
        "u": "unit",
        "unt": "unit",
        "lvl": "level",
        "fl": "floor",
        "pob": "po box",
        "tp": "thanh pho",
        "tx": "thi xa",
        "kp": "khu pho",
    }.items()
}
# Vietnamese one-letter prefixes, expanded only when another token follows.
_VN_PREFIX = {"p": "phuong", "q": "quan", "h": "huyen", "d": "duong", "x": "xa"}
_VN_NUMBERED = re.compile(r"^([pq])(\d+)$")
_SEPARATORS = re.compile(r"\s*(?:[\r\n\t;|]+\s*)+")
_COMMAS = re.compile(r"\s*,(?:\s*,)*\s*")
_TRIM = " ,;:-–—/\\|.·*"


def _tidy(text: str) -> str:
    value = _SEPARATORS.sub(", ", nfkc(text))
    value = _COMMAS.sub(", ", collapse_ws(value))
    return value.strip(_TRIM)


@cached_clean(maxsize=2**17)
def clean_address(text: str) -> str | None:
    """Tidy an address without reordering or changing its script."""
    value = _tidy(text)
    while (again := _tidy(value)) != value:
        value = again
    if not value:
        return None
    if not any(ch.isalnum() for ch in value):
        raise InvalidValue("an address needs letters or digits")
    if len(value) > MAX_ADDRESS_LENGTH:
        raise InvalidValue(f"an address is at most {MAX_ADDRESS_LENGTH} characters")
    return value


def _expand(part: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for i, token in enumerate(part):
        following = part[i + 1] if i + 1 < len(part) else ""
        numbered = _VN_NUMBERED.match(token)
        if token == "st":
            saint = following.isalpha() and (i == 0 or part[i - 1].isdigit())
            out.append("saint" if saint else "street")
        elif token in ABBREVIATIONS:
            out.extend(ABBREVIATIONS[token])
        elif token in _VN_PREFIX and following:
            out.append(_VN_PREFIX[token])
        elif numbered:
            out.extend((_VN_PREFIX[numbered.group(1)], numbered.group(2)))
        else:
            out.append(token)
    return out


@lru_cache(maxsize=2**16)
def address_tokens(value: str) -> tuple[str, ...]:
    """Folded, abbreviation-expanded tokens of an address (cached)."""
    out: list[str] = []
    for part in value.split(","):
        out.extend(_expand(token_tuple(part)))
    return tuple(out)


@register
class AddressType(ValueType):
    name = "address"
    label = "Address"
    matchable = True
    pivot = True
    max_length = MAX_ADDRESS_LENGTH

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        return None if text is None else clean_address(text)

    def normal(self, value: str) -> str:
        return " ".join(address_tokens(value))

    def compare(self, a: str, b: str) -> float:
        if a == b:
            return 1.0
        return token_set_ratio(address_tokens(a), address_tokens(b))
