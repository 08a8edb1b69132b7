"""Web links (``url``) and messaging handles (``handle``).

``url``: ``http``/``https`` only; a link without a scheme (``t.me/abc``) gets ``https://``;
scheme and host are lower-cased and the host IDNA-encoded; path, query and fragment stay
as written (spaces become ``%20``). ``normal`` drops the scheme, ``www.``, the fragment
and a trailing slash.

``handle``: canonical ``platform:identifier`` with platform one of :data:`PLATFORMS`.
Accepted: ``zalo:0912345678``, ``WeChat: abc_123``, ``Zalo 0912 345 678``, links such as
``https://t.me/abc`` or ``wa.me/6421…``, and bare ``@user`` (platform ``other``).
Telegram, Instagram, TikTok, Facebook, Line and Signal identifiers are lower-cased and
lose a leading ``@``. WhatsApp, Viber, Zalo and Signal identifiers that look like phone
numbers become E.164 (``whatsapp:+64211234567``) using ``ctx.phone_region``; WhatsApp
requires a valid phone number, the others fall back to the digits as written.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit, urlunsplit

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
from tiaki.record.types.phone import clean_phone

__all__ = ["clean_url", "clean_handle", "PLATFORMS"]

_SCHEMELESS = re.compile(r"^[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:[/?#]|$)")
_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def _host(host: str) -> str:
    host = host.rstrip(".").lower()
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            raise InvalidValue("the link's host is not a valid name") from None
    if host != "localhost" and not all(_HOST_LABEL.match(p) for p in host.split(".")):
        raise InvalidValue("the link's host is not a valid name")
    return host


@cached_clean(maxsize=2**16)
def clean_url(text: str) -> str:
    """Canonical http(s) link (see module docstring)."""
    text = nfkc(text).strip("<>\"' ").replace(" ", "%20")
    if "://" not in text and _SCHEMELESS.match(text):
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        raise InvalidValue("not a valid link") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidValue("a link needs http:// or https:// and a host")
    netloc = _host(parts.hostname) + (f":{port}" if port is not None else "")
    if parts.username:
        raise InvalidValue("a link must not carry a user name or password")
    return urlunsplit((parts.scheme.lower(), netloc, parts.path, parts.query, parts.fragment))


def url_normal(value: str) -> str:
    parts = urlsplit(value)
    query = f"?{parts.query}" if parts.query else ""
    return parts.netloc.removeprefix("www.") + parts.path.rstrip("/") + query


@register
class UrlType(ValueType):
    name = "url"
    label = "Web link"
    matchable = True
    pivot = True
    max_length = 2048

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        if len(text) > self.max_length:
            raise InvalidValue(f"longer than {self.max_length} characters")
        return clean_url(text)

    def normal(self, value: str) -> str:
        return url_normal(value)


_ALIASES = {
    "whatsapp": "whatsapp;whats app;wa;wapp",
    "zalo": "zalo",
    "wechat": "wechat;we chat;weixin;wei xin;wx",
    "line": "line",
    "telegram": "telegram;tg;tele;telegramme",
    "viber": "viber",
    "facebook": "facebook;fb;messenger;facebook messenger",
    "tiktok": "tiktok;tik tok",
    "signal": "signal",
    "instagram": "instagram;ig;insta",
    "other": "other",
}
PLATFORMS = tuple(_ALIASES)
_PLATFORM_OF = {alias: p for p, names in _ALIASES.items() for alias in names.split(";")}
_HOSTS = {
    "t.me": "telegram",
    "telegram.me": "telegram",
    "wa.me": "whatsapp",
    "zalo.me": "zalo",
    "instagram.com": "instagram",
    "facebook.com": "facebook",
    "fb.com": "facebook",
    "m.facebook.com": "facebook",
    "tiktok.com": "tiktok",
    "line.me": "line",
}
_PHONE_PLATFORMS = frozenset({"whatsapp", "viber", "zalo", "signal"})
_LOWER_PLATFORMS = frozenset({"telegram", "instagram", "tiktok", "facebook", "line", "signal"})
_PHONE_LIKE = re.compile(r"^\+?[\d\s().-]{6,}$")
_PREFIX = re.compile(r"^([^:：]{1,24}?)\s*[:：]\s*(.+)$")


def _from_link(text: str) -> tuple[str, str] | None:
    try:
        parts = urlsplit(text if "://" in text else "https://" + text)
        host = parts.hostname or ""
    except ValueError:
        return None
    platform = _HOSTS.get(host.removeprefix("www."))
    if platform is None:
        return None
    if parts.path.rstrip("/") == "/profile.php":
        return platform, parse_qs(parts.query).get("id", [""])[0]
    segments = [s for s in parts.path.split("/") if s and s not in ("ti", "p")]
    if not segments:
        return None
    ident = segments[-1].lstrip("~")
    if platform == "whatsapp" and ident.isdigit():
        ident = "+" + ident  # wa.me links carry the international number without "+"
    return platform, ident


def _split(text: str) -> tuple[str, str]:
    match = _PREFIX.match(text)
    if match and not match.group(2).startswith("//"):
        platform = _PLATFORM_OF.get(fold(match.group(1)))
        if platform is None:
            raise InvalidValue(f"unknown messaging platform {match.group(1)!r}")
        return platform, match.group(2)
    link = _from_link(text) if "." in text and "/" in text else None
    if link:
        return link
    words = text.split()
    for n in (2, 1):
        platform = _PLATFORM_OF.get(fold(" ".join(words[:n])))
        if platform and len(words) > n:
            return platform, " ".join(words[n:])
    return "other", text


def _identifier(platform: str, ident: str, region: str | None) -> str:
    ident = collapse_ws(ident).lstrip("@ ")
    if platform in _PHONE_PLATFORMS and _PHONE_LIKE.match(ident):
        try:
            return clean_phone(ident, region)
        except InvalidValue:
            if platform == "whatsapp":
                raise
            return re.sub(r"[\s().-]", "", ident)
    return ident.lower() if platform in _LOWER_PLATFORMS else ident


@cached_clean(maxsize=2**16)
def clean_handle(text: str, region: str | None) -> str:
    """``platform:identifier`` (see module docstring)."""
    platform, ident = _split(collapse_ws(nfkc(text)))
    ident = _identifier(platform, ident, region)
    if not ident:
        raise InvalidValue("a handle needs an identifier")
    if len(ident) > 128:
        raise InvalidValue("a handle identifier is at most 128 characters")
    return f"{platform}:{ident}"


@register
class HandleType(ValueType):
    name = "handle"
    label = "Messaging handle"
    matchable = True
    pivot = True
    max_length = 140

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        text = raw_text(raw)
        if text is None:
            return None
        region = ctx.phone_region.upper() if ctx.phone_region else None
        return clean_handle(text, region)

    def normal(self, value: str) -> str:
        platform, _, ident = value.partition(":")
        return f"{platform}:{ident.lstrip('+').lower()}"
