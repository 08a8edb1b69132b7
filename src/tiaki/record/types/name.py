"""Personal names: kept as written, compared order-insensitively on folded tokens.

``clean`` only tidies (NFKC, whitespace, surrounding quotes and junk); it never reorders,
changes case or drops diacritics. :func:`parse_name` splits a cleaned name into family
and given parts:

- ``"NGUYEN, Van An"`` (one comma): family before the comma, given after;
  ``order="family_first"``.
- ``family_first``: the first token is the family name (Chinese, Vietnamese, Korean).
- ``given_first``: the last token is the family name; when a particle (``da``, ``de``,
  ``dos``, ``van``, ``von``, ``bin`` …) follows the first token, the family name runs
  from the first such particle to the end (``Maria da Silva Santos`` -> family
  ``da silva santos``) — unless the last token is a common East-Asian surname
  (``An Van Nguyen``). Spanish double surnames without a particle are not detected.
- ``auto``: ``family_first`` when the name contains a CJK ideograph or Hangul syllable,
  or starts with a common East-Asian / Vietnamese surname followed by more tokens;
  otherwise ``given_first``.
- A single token has ``order="unknown"``, and is put in ``given``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tiaki.errors import InvalidValue
from tiaki.record.translit import collapse_ws, is_cjk, nfkc, token_tuple
from tiaki.record.types.base import (
    DEFAULT_CONTEXT,
    CleanContext,
    NameOrder,
    ValueType,
    cached_clean,
    raw_text,
    register,
)
from tiaki.record.types.similarity import levenshtein_ratio, token_set_ratio

__all__ = ["NameParts", "parse_name", "name_similarity", "EAST_ASIAN_SURNAMES", "PARTICLES"]

EAST_ASIAN_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly "
    "zhang chang cheung wang wong li lee chen chan liu lau huang zhou chou chau "
    "wu ng lin lam xu hsu hui".split()
)
PARTICLES = frozenset(
    "da de do das dos e del della la van von der den di du y bin binti al".split()
)
# Placeholders that mean "no name" rather than a name.
_PLACEHOLDERS = frozenset({"n/a", "null", "none", "unknown", "nil", "not known", "unk"})
_JUNK = '"“”„«»‹›()[]{}<>*_-–—.,;:/\\|#~=+ \t'
_QUOTE_PAIRS = (("'", "'"), ("‘", "’"), ("`", "'"), ("`", "`"))
MAX_NAME_LENGTH = 300

WrittenOrder = Literal["given_first", "family_first", "unknown"]


@dataclass(frozen=True, slots=True)
class NameParts:
    original: str
    folded: str
    tokens: tuple[str, ...]
    family: tuple[str, ...]
    given: tuple[str, ...]
    order: WrittenOrder


def _tidy(text: str) -> str:
    value = collapse_ws(nfkc(text)).strip(_JUNK)
    for left, right in _QUOTE_PAIRS:
        if len(value) > 1 and value.startswith(left) and value.endswith(right):
            value = value[1:-1]
    return value


@cached_clean(maxsize=2**18)
def _clean_name(text: str) -> str | None:
    value = _tidy(text)
    while (again := _tidy(value)) != value:
        value = again
    if not value or value.casefold() in _PLACEHOLDERS:
        return None
    if not any(ch.isalpha() for ch in value):
        raise InvalidValue("a name needs letters")
    if len(value) > MAX_NAME_LENGTH:
        raise InvalidValue(f"a name is at most {MAX_NAME_LENGTH} characters")
    return value


def _resolve_order(value: str, toks: tuple[str, ...], order: NameOrder) -> WrittenOrder:
    if len(toks) < 2:
        return "unknown"
    if order != "auto":
        return order
    if any(is_cjk(ch) for ch in value) or toks[0] in EAST_ASIAN_SURNAMES:
        return "family_first"
    return "given_first"


def _split_given_first(toks: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if toks[-1] in EAST_ASIAN_SURNAMES:  # "An Van Nguyen": "van" is a middle name here
        return toks[-1:], toks[:-1]
    for i in range(1, len(toks) - 1):
        if toks[i] in PARTICLES:
            return toks[i:], toks[:i]
    return toks[-1:], toks[:-1]


@lru_cache(maxsize=2**16)
def parse_name(value: str, order: NameOrder = "auto") -> NameParts:
    """Split a cleaned name into folded family and given tokens (see module docstring)."""
    toks = token_tuple(value)
    folded = " ".join(toks)
    if value.count(",") == 1:
        before, after = (token_tuple(part) for part in value.split(","))
        if before and after:
            return NameParts(value, folded, toks, before, after, "family_first")
    written = _resolve_order(value, toks, order)
    if written == "unknown":
        return NameParts(value, folded, toks, (), toks, written)
    if written == "family_first":
        return NameParts(value, folded, toks, toks[:1], toks[1:], written)
    family, given = _split_given_first(toks)
    return NameParts(value, folded, toks, family, given, written)


def name_similarity(a: str, b: str) -> float:
    """Order-insensitive similarity of two names in [0, 1] (1.0 for the same tokens)."""
    if a == b:
        return 1.0
    ta, tb = token_tuple(a), token_tuple(b)
    if ta == tb:
        # No ASCII tokens at all (a script anyascii does not know): compare as written.
        return 1.0 if ta or a.casefold() == b.casefold() else 0.0
    score = token_set_ratio(ta, tb)
    if score < 1.0:
        # "Xiao Ming" against "Xiaoming": compare the tokens run together, in order.
        joined = levenshtein_ratio("".join(ta), "".join(tb))
        score = max(score, joined * 0.95)
    return score


@register
class NameType(ValueType):
    name = "name"
    label = "Personal name"
    matchable = True
    pivot = False
    max_length = MAX_NAME_LENGTH

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        return None if text is None else _clean_name(text)

    def normal(self, value: str) -> str:
        return " ".join(token_tuple(value)) or value.casefold()

    def compare(self, a: str, b: str) -> float:
        return name_similarity(a, b)
