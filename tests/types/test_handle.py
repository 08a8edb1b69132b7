from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import CleanContext, get_type
from tiaki.record.types.handle import PLATFORMS

from .helpers import check_clean_properties, check_compare, messy_text

HANDLE, URL = get_type("handle"), get_type("url")
VN = CleanContext(phone_region="VN")


def test_flags() -> None:
    assert HANDLE.matchable and HANDLE.pivot
    assert set(PLATFORMS) == {
        "whatsapp",
        "zalo",
        "wechat",
        "line",
        "telegram",
        "viber",
        "facebook",
        "tiktok",
        "signal",
        "instagram",
        "other",
    }


@pytest.mark.parametrize(
    ("raw", "ctx", "value"),
    [
        ("zalo:0912345678", CleanContext(), "zalo:0912345678"),
        ("zalo:0912345678", VN, "zalo:+84912345678"),
        ("Zalo 0912 345 678", VN, "zalo:+84912345678"),
        ("WeChat: abc_123", CleanContext(), "wechat:abc_123"),
        ("微信：abc_123", CleanContext(), "wechat:abc_123"),
        ("@tele_user", CleanContext(), "other:tele_user"),
        ("Telegram: @Tele_User", CleanContext(), "telegram:tele_user"),
        ("TG @Tele_User", CleanContext(), "telegram:tele_user"),
        ("IG: Some.Body", CleanContext(), "instagram:some.body"),
        ("whatsapp: +64 21 123 4567", CleanContext(), "whatsapp:+64211234567"),
        ("WhatsApp: 021 123 4567", CleanContext(phone_region="NZ"), "whatsapp:+64211234567"),
        ("https://t.me/SomeOne", CleanContext(), "telegram:someone"),
        ("wa.me/64211234567", CleanContext(), "whatsapp:+64211234567"),
        ("https://www.facebook.com/profile.php?id=1000123", CleanContext(), "facebook:1000123"),
        ("instagram.com/Some.Body/", CleanContext(), "instagram:some.body"),
        ("other:Mixed Case", CleanContext(), "other:Mixed Case"),
        (None, VN, None),
    ],
)
def test_handle_examples(raw: object, ctx: CleanContext, value: str | None) -> None:
    assert HANDLE.clean(raw, ctx) == value


@pytest.mark.parametrize(
    ("raw", "ctx", "reason"),
    [
        ("foo: bar", CleanContext(), "unknown messaging platform 'foo'"),
        ("whatsapp: 021 123 4567", CleanContext(), "no country code"),
        ("whatsapp: 021 123 4567", VN, "not a valid phone number for region VN"),
        ("telegram: @", CleanContext(), "needs an identifier"),
        ("telegram:" + "x" * 200, CleanContext(), "at most 128"),
    ],
)
def test_handle_rejects(raw: str, ctx: CleanContext, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        HANDLE.clean(raw, ctx)


def test_handle_normal() -> None:
    assert HANDLE.normal("whatsapp:+64211234567") == "whatsapp:64211234567"
    assert HANDLE.compare("wechat:ABC", "wechat:abc") == 1.0
    assert HANDLE.compare("wechat:abc", "zalo:abc") == 0.0


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("www.example.com/a b", "https://www.example.com/a%20b"),
        ("HTTP://Bücher.DE/x?y=1#f", "http://xn--bcher-kva.de/x?y=1#f"),
        ("https://example.com:8080/p", "https://example.com:8080/p"),
        ("<https://example.com>", "https://example.com"),
        ("t.me/abc", "https://t.me/abc"),
        (None, None),
    ],
)
def test_url_examples(raw: object, value: str | None) -> None:
    assert URL.clean(raw) == value


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("ftp://x.com", "http:// or https://"),
        ("hello", "http:// or https://"),
        ("http://user:pw@x.com", "user name"),
        ("http://exa_mple.com", "host"),
        ("http://x.com:99999", "not a valid link"),
    ],
)
def test_url_rejects(raw: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        URL.clean(raw)


def test_url_normal() -> None:
    assert URL.compare("https://www.example.com/a/", "http://example.com/a#x") == 1.0
    assert URL.normal("https://www.example.com/a/?q=1") == "example.com/a?q=1"


@given(messy_text, st.sampled_from([None, "VN"]))
def test_clean_properties(raw: str, region: str | None) -> None:
    ctx = CleanContext(phone_region=region)
    check_clean_properties(HANDLE, raw, ctx)
    check_clean_properties(URL, raw, ctx)


ident = st.text(alphabet="abcXYZ_.@0123456789 +-", min_size=1, max_size=14)


@given(
    st.sampled_from(
        [
            "whatsapp",
            "Zalo",
            "WeChat",
            "tg",
            "ig",
            "viber",
            "fb",
            "other",
            "signal",
            "line",
            "tiktok",
            "",
        ]
    ),
    ident,
    st.sampled_from([None, "VN"]),
)
def test_clean_properties_shaped(platform: str, value: str, region: str | None) -> None:
    raw = f"{platform}: {value}" if platform else value
    check_clean_properties(HANDLE, raw, CleanContext(phone_region=region))


@given(ident, ident)
def test_compare_symmetric(a: str, b: str) -> None:
    ca, cb = HANDLE.clean(f"tg:{a}") if a.strip("@ ") else None, None
    cb = HANDLE.clean(f"tg:{b}") if b.strip("@ ") else None
    if ca and cb:
        check_compare(HANDLE, ca, cb)


@pytest.mark.parametrize("raw", [".[/", "http://[::1", "x.y/[", "@\r0"])
def test_odd_inputs_do_not_leak_errors(raw: str) -> None:
    check_clean_properties(HANDLE, raw)
    check_clean_properties(URL, raw)
