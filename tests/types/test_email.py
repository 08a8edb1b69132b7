from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.errors import InvalidValue
from tiaki.record.types import get_type

from .helpers import check_clean_properties, check_compare, messy_text

EMAIL = get_type("email")


def test_flags() -> None:
    assert EMAIL.matchable and EMAIL.pivot


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("John.Doe@Example.COM", "john.doe@example.com"),
        ("mailto:ann@x.org", "ann@x.org"),
        ("MAILTO:ann@x.org?subject=hi", "ann@x.org"),
        ("Ann Lee <Ann.Lee@X.org>", "ann.lee@x.org"),
        ('"ann@x.org"', "ann@x.org"),
        ("ann @ example . org", "ann@example.org"),
        ("ann@bücher.de", "ann@xn--bcher-kva.de"),
        ("ann@example.org.", "ann@example.org"),
        ("a.b+tag@gmail.com", "a.b+tag@gmail.com"),  # gmail folding only in normal()
        ("ｊｏｈｎ＠ｅｘａｍｐｌｅ．ｃｏｍ", "john@example.com"),
        (None, None),
        ("  ", None),
    ],
)
def test_clean_examples(raw: object, value: str | None) -> None:
    assert EMAIL.clean(raw) == value


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("a@b", "needs a dot"),
        ("a@@b.com", "exactly one @"),
        ("a.example.com", "exactly one @"),
        ("a@b@c.com", "exactly one @"),
        ("x y@z.com", "no spaces"),
        (".ann@x.org", "before @"),
        ("an..n@x.org", "before @"),
        ("ann@-x.org", "invalid characters"),
        ("ann@x.c0m", "invalid characters"),
        ("ann@x_y.org", "invalid characters"),
        ("a" * 65 + "@x.org", "before @"),
        ("ann@" + "a" * 250 + ".org", "invalid characters|at most"),
    ],
)
def test_clean_rejects(raw: str, reason: str) -> None:
    with pytest.raises(InvalidValue, match=reason):
        EMAIL.clean(raw)


def test_normal_folds_gmail() -> None:
    assert EMAIL.normal("a.n.n+work@googlemail.com") == "ann@gmail.com"
    assert EMAIL.normal("a.n.n+work@example.com") == "a.n.n+work@example.com"
    assert EMAIL.compare("a.n.n+x@gmail.com", "ann@googlemail.com") == 1.0
    assert EMAIL.compare("ann@x.org", "ann@y.org") == 0.0


local = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCZ0123456789._+-", min_size=1, max_size=15)
domain = st.lists(st.text(alphabet="abcxyz09-", min_size=1, max_size=8), min_size=1, max_size=3)


@given(local, domain, st.sampled_from(["com", "org", "nz", "vn"]))
def test_generated_addresses(user: str, labels: list[str], tld: str) -> None:
    raw = f"{user}@{'.'.join(labels)}.{tld}"
    check_clean_properties(EMAIL, raw)
    check_clean_properties(EMAIL, f"mailto:{raw.upper()}")


@given(messy_text)
def test_clean_properties(raw: str) -> None:
    check_clean_properties(EMAIL, raw)


@given(local, local)
def test_compare_symmetric(a: str, b: str) -> None:
    check_compare(EMAIL, f"{a}@gmail.com", f"{b}@gmail.com")
