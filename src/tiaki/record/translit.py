"""Text normalisation shared by names, addresses and countries.

- :func:`nfkc` and :func:`collapse_ws` tidy text while keeping its script.
- :func:`fold` gives a permissive ASCII lower-case comparison form: diacritics dropped
  (``Nguyễn`` -> ``nguyen``), letters that do not decompose mapped (``đ`` -> ``d``,
  ``ø`` -> ``o``, ``ß`` -> ``ss``, ``æ`` -> ``ae``, ``ł`` -> ``l``), other scripts
  transliterated with ``anyascii`` (ISC licence). Each CJK ideograph and Hangul syllable
  becomes its own token (``张伟`` -> ``zhang wei``). Apostrophes vanish inside words
  (``O'Brien`` -> ``obrien``); every other punctuation mark is a token boundary.
- :func:`tokens` splits the folded form.

The results are cached: the same strings recur across millions of cells.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

__all__ = ["nfkc", "collapse_ws", "fold", "tokens", "is_cjk"]

# Letters NFKD does not decompose; anyascii maps them too, this keeps the common ones fast.
_SPECIAL = str.maketrans(
    {
        "đ": "d",
        "ð": "d",
        "ø": "o",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ł": "l",
        "þ": "th",
        "ı": "i",
        "ŀ": "l",
        "ħ": "h",
    }
)
_APOSTROPHES = re.compile(r"['`\u2019\u2018\u02bc\u02bb]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def nfkc(s: str) -> str:
    """Unicode NFKC (compatibility composition): full-width and ligatures become plain."""
    return unicodedata.normalize("NFKC", s)


def collapse_ws(s: str) -> str:
    """Strip and collapse every run of Unicode whitespace to one space."""
    return " ".join(s.split())


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph or a Hangul syllable: each is one name syllable."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xAC00 <= cp <= 0xD7A3
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3134F
    )


@lru_cache(maxsize=4096)
def _char_ascii(ch: str) -> str:
    if is_cjk(ch):
        return f" {anyascii(ch)} "
    return str(anyascii(ch))


def _to_ascii(s: str) -> str:
    s = s.translate(_SPECIAL)
    if s.isascii():
        return s
    return "".join(c if c.isascii() else _char_ascii(c) for c in s)


@lru_cache(maxsize=2**16)
def fold(s: str) -> str:
    """ASCII lower-case comparison form: one space between tokens of ``[a-z0-9]``."""
    text = unicodedata.normalize("NFKC", s).casefold()
    text = _to_ascii(text).lower()
    text = _APOSTROPHES.sub("", text)
    return _NON_ALNUM.sub(" ", text).strip()


@lru_cache(maxsize=2**16)
def _tokens(s: str) -> tuple[str, ...]:
    return tuple(fold(s).split())


def tokens(s: str) -> list[str]:
    """The folded tokens of ``s`` (a fresh list each call)."""
    return list(_tokens(s))


def token_tuple(s: str) -> tuple[str, ...]:
    """The folded tokens of ``s`` as a cached, shared tuple (faster than :func:`tokens`)."""
    return _tokens(s)
