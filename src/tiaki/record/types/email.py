"""E-mail addresses: lower-cased, IDNA-encoded domain, shape-checked.

``clean`` strips ``mailto:``, a display name (``Ann <ann@x.org>``), surrounding quotes and
whitespace, lower-cases the whole address and encodes a Unicode domain with IDNA
(``ann@bücher.de`` -> ``ann@xn--bcher-kva.de``). ``normal`` additionally folds Gmail
addresses (dots and ``+tag`` in the local part; ``googlemail.com`` -> ``gmail.com``),
so that ``A.Nn+x@googlemail.com`` and ``ann@gmail.com`` compare equal.
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

__all__ = ["clean_email", "email_normal"]

_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_ANGLE = re.compile(r"<([^<>]*)>")
_LOCAL = re.compile(r"^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TLD = re.compile(r"^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$")
_AROUND_DOTS = re.compile(r"\s*([@.])\s*")  # "ann @ example . org"
_GMAIL = frozenset({"gmail.com", "googlemail.com"})
MAX_EMAIL_LENGTH = 254


def _strip_wrapping(text: str) -> str:
    text = nfkc(text).strip()
    match = _ANGLE.search(text)
    if match:
        text = match.group(1)
    text = _MAILTO.sub("", text.strip())
    text = text.split("?", 1)[0]  # mailto:…?subject=…
    return _AROUND_DOTS.sub(r"\1", text).strip("\"'()[],;: ").lower()


def _encode_domain(domain: str) -> str:
    domain = domain.rstrip(".")
    if domain.isascii():
        return domain
    try:
        return domain.encode("idna").decode("ascii")
    except UnicodeError:
        raise InvalidValue("the e-mail domain is not a valid internationalised name") from None


def _check_domain(domain: str) -> None:
    labels = domain.split(".")
    if len(labels) < 2:
        raise InvalidValue("the e-mail domain needs a dot")
    if not all(_LABEL.match(label) for label in labels) or not _TLD.match(labels[-1]):
        raise InvalidValue("the e-mail domain has invalid characters")


@cached_clean(maxsize=2**17)
def clean_email(text: str) -> str | None:
    """Canonical lower-case address (see module docstring); raises ``InvalidValue``."""
    text = _strip_wrapping(text)
    if not text:
        return None
    if any(ch.isspace() for ch in text):
        raise InvalidValue("an e-mail address has no spaces")
    if text.count("@") != 1:
        raise InvalidValue("an e-mail address needs exactly one @")
    local, domain = text.split("@")
    if not local or len(local) > 64 or not _LOCAL.match(local):
        raise InvalidValue("the part before @ has invalid characters")
    domain = _encode_domain(domain)
    _check_domain(domain)
    value = f"{local}@{domain}"
    if len(value) > MAX_EMAIL_LENGTH:
        raise InvalidValue(f"an e-mail address is at most {MAX_EMAIL_LENGTH} characters")
    return value


def email_normal(value: str) -> str:
    """Comparison form: Gmail dots and ``+tag`` folded away."""
    local, _, domain = value.rpartition("@")
    if domain in _GMAIL:
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
    return f"{local}@{domain}"


@register
class EmailType(ValueType):
    name = "email"
    label = "E-mail address"
    matchable = True
    pivot = True
    max_length = MAX_EMAIL_LENGTH

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        return None if text is None else clean_email(text)

    def normal(self, value: str) -> str:
        return email_normal(value)
