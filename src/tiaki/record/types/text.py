"""General-purpose types: ``string``, ``text``, ``enum``, ``entity``, ``number``,
``boolean`` and ``gender``. (``url``, ``handle``, ``flight`` and ``account`` live in
:mod:`tiaki.record.types.handle` and :mod:`tiaki.record.types.account`.)
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from tiaki.errors import InvalidValue
from tiaki.record.translit import collapse_ws, fold, nfkc
from tiaki.record.types.base import (
    DEFAULT_CONTEXT,
    CleanContext,
    ValueType,
    cached_clean,
    raw_text,
    register,
)

__all__ = ["clean_number", "BOOLEAN_WORDS", "GENDER_WORDS"]


def _too_long(value: str, limit: int) -> str:
    if len(value) > limit:
        raise InvalidValue(f"longer than {limit} characters")
    return value


@register
class StringType(ValueType):
    """Short text: NFKC, whitespace collapsed to single spaces."""

    name = "string"
    label = "Text"
    max_length = 1024

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        return _too_long(collapse_ws(nfkc(text)), self.max_length) or None


_SPACES = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")


@register
class TextType(ValueType):
    """Long free text: NFC, line breaks kept (at most one blank line in a row)."""

    name = "text"
    label = "Long text"
    max_length = 100_000

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
        text = _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()
        return _too_long(text, self.max_length) or None


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


@register
class EnumType(ValueType):
    """A lower snake_case identifier: ``Refused Boarding`` -> ``refused_boarding``.

    The model checks membership; the type only normalises the spelling.
    """

    name = "enum"
    label = "Choice"
    max_length = 128

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        value = "_".join(fold(_CAMEL.sub(" ", text)).split())
        if not value:
            raise InvalidValue("a choice needs letters or digits")
        return _too_long(value, self.max_length)


@register
class EntityType(ValueType):
    """A reference to an entity id: any non-empty string, surrounding spaces removed."""

    name = "entity"
    label = "Entity reference"
    max_length = 256

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        return None if text is None else _too_long(text, self.max_length)


MAX_EXPONENT = 100
_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")


@cached_clean(maxsize=2**16)
def clean_number(text: str) -> str:
    """``"1,234.50"`` -> ``"1234.5"``; ``"3,5"`` (one comma, no dot) -> ``"3.5"``."""
    compact = "".join(nfkc(text).split()).replace("_", "")
    if _THOUSANDS.match(compact):
        compact = compact.replace(",", "")
    elif _DECIMAL_COMMA.match(compact):
        compact = compact.replace(",", ".")
    try:
        number = Decimal(compact)
    except InvalidOperation:
        raise InvalidValue("not a number") from None
    if not number.is_finite():
        raise InvalidValue("not a finite number")
    if number and not -MAX_EXPONENT <= number.adjusted() <= MAX_EXPONENT:
        raise InvalidValue(f"a number must lie within 1e-{MAX_EXPONENT} to 1e{MAX_EXPONENT}")
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "0") else text


@register
class NumberType(ValueType):
    """A number: canonical decimal string without exponent or trailing zeros."""

    name = "number"
    label = "Number"
    max_length = 64

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        if isinstance(raw, bool):
            raise InvalidValue("a yes/no value is not a number")
        text = raw_text(raw)
        return None if text is None else clean_number(text)


def _words(true: str, false: str) -> dict[str, str]:
    table = dict.fromkeys(true.split(), "true")
    table.update(dict.fromkeys(false.split(), "false"))
    return table


# Keys are raw lower-case text and fold()ed forms.
BOOLEAN_WORDS = _words(
    "true t yes y 1 x ✓ ✔ ☑ oui si sí ja sim có co vâng vang đúng dung phải phai 是 对 有 ใช่ ae āe",
    "false f no n 0 non nein não nao không khong ko sai 否 不 不是 没有 無 无 ไม่ kao kāo "
    "kahore kāhore",
)


@register
class BooleanType(ValueType):
    """Yes/no in several languages, canonical ``"true"`` / ``"false"``."""

    name = "boolean"
    label = "Yes / no"
    max_length = 5

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        key = text.lower()
        found = BOOLEAN_WORDS.get(key) or BOOLEAN_WORDS.get(fold(key))
        if found is None:
            raise InvalidValue(f"not a yes/no value: {text[:40]!r}")
        return found


def _table(**groups: str) -> dict[str, str]:
    return {word: key for key, words in groups.items() for word in words.split(";")}


# Keys are raw lower-case text and fold()ed forms.
GENDER_WORDS = _table(
    male="m;male;man;boy;men;masculine;masculino;hombre;homem;homme;nam;trai;ông;ong;男;tane;ชาย",
    female="f;female;woman;girl;women;feminine;femenino;feminino;mujer;mulher;femme;nữ;nu;"
    "gái;gai;bà;ba;女;wahine;หญิง",
    other="x;other;nonbinary;non binary;non-binary;nb;trans;transgender;diverse;takatāpui;"
    "takatapui",
    unknown="u;unknown;unk;?;not known;not stated;unspecified",
)


@register
class GenderType(ValueType):
    """Gender: ``male`` / ``female`` / ``other`` / ``unknown``."""

    name = "gender"
    label = "Gender"
    max_length = 7

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        key = text.lower()
        found = GENDER_WORDS.get(key) or GENDER_WORDS.get(fold(key))
        if found is None:
            raise InvalidValue(f"not a gender: {text[:40]!r}")
        return found
