from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tiaki.record.types.similarity import (
    INITIAL_SCORE,
    jaro_winkler,
    levenshtein,
    levenshtein_ratio,
    token_set_ratio,
)

words = st.text(alphabet="abcdeghimnorstu", max_size=12)
token_lists = st.lists(st.text(alphabet="abcdeghnu0123", min_size=1, max_size=6), max_size=6)


def test_known_values() -> None:
    assert jaro_winkler("martha", "marhta") == pytest.approx(0.9611, abs=1e-4)
    assert jaro_winkler("dixon", "dicksonx") == pytest.approx(0.8133, abs=1e-4)
    assert jaro_winkler("", "") == 0.0
    assert jaro_winkler("abc", "") == 0.0
    assert levenshtein("kitten", "sitting") == 3
    assert levenshtein_ratio("kitten", "sitting") == pytest.approx(1 - 3 / 7)
    assert levenshtein_ratio("", "") == 1.0


def test_token_set_ratio() -> None:
    assert token_set_ratio(["nguyen", "van", "an"], ["an", "nguyen", "van"]) == 1.0
    assert token_set_ratio([], []) == 1.0
    assert token_set_ratio(["a"], []) == 0.0
    assert token_set_ratio(["j", "smith"], ["john", "smith"]) == pytest.approx(
        (1 + INITIAL_SCORE) / 2
    )
    # numbers match only exactly: a different house number is a missing token
    assert token_set_ratio(["12", "queen"], ["14", "queen"]) == 0.5
    partial = token_set_ratio(["nguyen", "van", "an"], ["nguyen", "an"])
    assert 0.7 < partial < 1.0


@given(words, words)
def test_string_similarities_symmetric_and_bounded(a: str, b: str) -> None:
    for f in (jaro_winkler, levenshtein_ratio):
        assert f(a, b) == f(b, a)
        assert 0.0 <= f(a, b) <= 1.0
    if a:
        assert jaro_winkler(a, a) == 1.0
    assert levenshtein_ratio(a, a) == 1.0
    assert levenshtein(a, b) <= max(len(a), len(b))


@given(token_lists, token_lists)
def test_token_set_ratio_symmetric_and_bounded(a: list[str], b: list[str]) -> None:
    score = token_set_ratio(a, b)
    assert score == token_set_ratio(b, a)
    assert 0.0 <= score <= 1.0
    assert token_set_ratio(a, a) == 1.0
    assert token_set_ratio(a, list(reversed(a))) == 1.0
