"""Fast pure-Python string similarity used by the name and address types.

All scores lie in [0, 1] and are symmetric: ``f(a, b) == f(b, a)``.

- :func:`jaro_winkler` suits short tokens (names) and rewards a shared prefix.
- :func:`levenshtein_ratio` is ``1 - edit distance / longer length``.
- :func:`token_set_ratio` compares two bags of tokens regardless of order: tokens are
  paired greedily by their best Jaro-Winkler score (an initial such as ``j`` against
  ``john`` scores :data:`INITIAL_SCORE`; tokens with a digit match only exactly), and
  the paired scores are combined Dice-style, ``2 * sum / (len(a) + len(b))``, so tokens
  left unpaired count against the score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

__all__ = ["jaro_winkler", "levenshtein_ratio", "token_set_ratio", "INITIAL_SCORE"]

INITIAL_SCORE = 0.85  # a one-letter token against a longer token with that first letter


def _jaro(a: str, b: str) -> float:
    la, lb = len(a), len(b)
    if la == 0 or lb == 0:
        return 0.0
    window = max(max(la, lb) // 2 - 1, 0)
    b_used = [False] * lb
    a_hits: list[str] = []
    for i, ch in enumerate(a):
        lo, hi = max(0, i - window), min(lb, i + window + 1)
        for j in range(lo, hi):
            if not b_used[j] and b[j] == ch:
                b_used[j] = True
                a_hits.append(ch)
                break
    m = len(a_hits)
    if m == 0:
        return 0.0
    b_hits = [b[j] for j in range(lb) if b_used[j]]
    transpositions = sum(x != y for x, y in zip(a_hits, b_hits, strict=True)) / 2
    return (m / la + m / lb + (m - transpositions) / m) / 3


@lru_cache(maxsize=2**16)
def _jaro_winkler(a: str, b: str) -> float:
    jaro = _jaro(a, b)
    prefix = 0
    for x, y in zip(a[:4], b[:4], strict=False):
        if x != y:
            break
        prefix += 1
    return jaro + prefix * 0.1 * (1.0 - jaro)


def jaro_winkler(a: str, b: str) -> float:
    """Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4 characters)."""
    if a == b:
        return 1.0 if a else 0.0
    # Order the pair so the cache and the (slightly asymmetric) Jaro matching are symmetric.
    return _jaro_winkler(a, b) if a <= b else _jaro_winkler(b, a)


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insertions, deletions, substitutions each cost 1)."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]


def levenshtein_ratio(a: str, b: str) -> float:
    """``1 - levenshtein(a, b) / max(len(a), len(b))``; two empty strings score 1."""
    if a == b:
        return 1.0
    longest = max(len(a), len(b))
    return 1.0 - levenshtein(a, b) / longest


def _has_digit(token: str) -> bool:
    return any(ch.isdigit() for ch in token)


def _token_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    if _has_digit(a) or _has_digit(b):
        return 0.0  # house numbers, unit numbers: equal or not at all
    if (len(a) == 1 or len(b) == 1) and a[0] == b[0]:
        return INITIAL_SCORE
    return jaro_winkler(a, b)


def token_set_ratio(a: Sequence[str], b: Sequence[str]) -> float:
    """Order-insensitive similarity of two token bags (see the module docstring)."""
    if not a or not b:
        return 1.0 if not a and not b else 0.0
    ca, cb = Counter(a), Counter(b)
    if ca == cb:
        return 1.0
    common = ca & cb
    rest_a = list((ca - common).elements())
    rest_b = list((cb - common).elements())
    total = float(sum(common.values())) + _greedy_pairs(rest_a, rest_b)
    return min(1.0, 2.0 * total / (len(a) + len(b)))


def _greedy_pairs(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    pairs = sorted(
        ((_token_score(x, y), i, j) for i, x in enumerate(a) for j, y in enumerate(b)),
        key=lambda p: (-p[0], min(a[p[1]], b[p[2]]), max(a[p[1]], b[p[2]])),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    total = 0.0
    for score, i, j in pairs:
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        total += score
        if len(used_a) == len(a) or len(used_b) == len(b):
            break
    return total
