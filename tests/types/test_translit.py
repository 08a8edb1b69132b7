from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.record.translit import collapse_ws, fold, nfkc, tokens

from .helpers import messy_text


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("Nguyễn Văn An", "nguyen van an"),
        ("ĐẶNG Thị đào", "dang thi dao"),
        ("Øster Straße", "oster strasse"),
        ("Æsir Łódź", "aesir lodz"),
        ("张伟", "zhang wei"),
        ("王小明", "wang xiao ming"),
        ("김민준", "gim min jun"),
        ("Владимир Путин", "vladimir putin"),
        ("สมชาย", "smchay"),
        ("O'Brien", "obrien"),
        ("O’Brien", "obrien"),
        ("Jean-Luc  Picard!", "jean luc picard"),
        ("ｆｕｌｌ　ｗｉｄｔｈ", "full width"),
        ("Nguye\u0302\u0303n", "nguyen"),  # decomposed input
        ("TRẦN THỊ HỒNG", "tran thi hong"),
        ("", ""),
        ("...", ""),
    ],
)
def test_fold_examples(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_tokens_and_helpers() -> None:
    assert tokens("  Nguyễn,  Văn-An ") == ["nguyen", "van", "an"]
    assert tokens("张伟") == ["zhang", "wei"]
    assert collapse_ws("  a \t\n b  ") == "a b"
    assert nfkc("ﬁ①") == "fi1"
    first = tokens("a b")
    first.append("c")
    assert tokens("a b") == ["a", "b"]  # callers get a fresh list


@given(messy_text)
def test_fold_is_ascii_lower_and_idempotent(s: str) -> None:
    out = fold(s)
    assert out.isascii()
    assert out == out.lower()
    assert out == out.strip() and "  " not in out
    assert all(ch.isalnum() or ch == " " for ch in out)
    assert fold(out) == out
    assert tokens(s) == out.split()


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", max_size=30))
def test_fold_keeps_plain_ascii_words(s: str) -> None:
    assert fold(s) == " ".join(s.split())
