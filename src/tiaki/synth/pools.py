"""Typed pools loaded once from ``synth/data/*.yml``: names, places and free text."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import accumulate
from typing import Any, Generic, TypeVar

import yaml
from anyascii import anyascii

T = TypeVar("T")

_ASCII: dict[str, str] = {}


def fold(text: str) -> str:
    """ASCII transliteration (đ -> d, ễ -> e, 张 -> Zhang), cached: pools are small."""
    out = _ASCII.get(text)
    if out is None:
        out = text if text.isascii() else str(anyascii(text))
        _ASCII[text] = out
    return out


def latin1(text: str) -> str:
    """Keep Latin-1 characters (é, ç, ü), transliterate the rest (ā -> a)."""
    try:
        text.encode("latin-1")
        return text
    except UnicodeEncodeError:
        return "".join(c if ord(c) < 256 else fold(c) for c in text)


class Weighted(Generic[T]):
    """Items with relative weights; ``pick(u)`` maps a uniform ``u`` in [0, 1) to an item."""

    __slots__ = ("items", "cum", "total", "_bounds")

    def __init__(self, pairs: Iterable[tuple[T, float]]) -> None:
        items: list[T] = []
        weights: list[float] = []
        for item, weight in pairs:
            items.append(item)
            weights.append(float(weight))
        if not items:
            raise ValueError("empty weighted pool")
        self.items: tuple[T, ...] = tuple(items)
        self.cum: list[float] = list(accumulate(weights))
        self.total: float = self.cum[-1]
        self._bounds = [*self.cum[:-1], float("inf")]  # u * total never falls off the end

    def pick(self, u: float) -> T:
        return self.items[bisect_right(self._bounds, u * self.total)]


def _strs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"expected a list of strings, got {value!r}")
    return tuple(value)


def _spellings(value: Any) -> tuple[tuple[str, ...], ...]:
    """``"Somchai|Somchay"`` -> one name with its spellings (the first is the usual one)."""
    return tuple(tuple(s.split("|")) for s in _strs(value))


@cache
def load_data(name: str) -> dict[str, Any]:
    """A YAML file of ``synth/data`` (parsed once)."""
    text = resources.files("tiaki.synth").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"synth data file {name} is not a mapping")
    return data


@dataclass(frozen=True, slots=True)
class GenericPool:
    """Given names by sex and surnames; every name is a tuple of spellings."""

    given: dict[str, tuple[tuple[str, ...], ...]]
    surnames: tuple[tuple[str, ...], ...]
    domains: tuple[str, ...]
    extra: dict[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True, slots=True)
class NamePools:
    vi_family: Weighted[str]
    vi_middle: dict[str, tuple[str, ...]]
    vi_given: dict[str, tuple[str, ...]]
    vi_domains: tuple[str, ...]
    zh_surnames: Weighted[tuple[str, ...]]  # see _zh
    zh_given: dict[str, tuple[tuple[str, ...], ...]]
    zh_western: dict[str, tuple[str, ...]]
    zh_domains: dict[str, tuple[str, ...]]
    pt_given: dict[str, tuple[str, ...]]
    pt_compound: dict[str, tuple[str, ...]]
    pt_surnames: Weighted[tuple[str, str]]  # surname, particle
    pt_domains: tuple[str, ...]
    generic: dict[str, GenericPool]
    nz_given: tuple[str, ...]
    nz_surnames: tuple[str, ...]


_GENERIC = {
    "fil": "filipino",
    "in": "indian",
    "th": "thai",
    "id": "indonesian",
    "ms": "malay",
    "sm": "samoan",
    "to": "tongan",
    "fj": "fijian",
    "ko": "korean",
    "en": "western",
}


def _generic(raw: dict[str, Any]) -> GenericPool:
    extra = {
        k: _spellings(v)
        for k, v in raw.items()
        if k not in ("given_male", "given_female", "surnames", "email_domains")
    }
    return GenericPool(
        given={"M": _spellings(raw["given_male"]), "F": _spellings(raw["given_female"])},
        surnames=_spellings(raw.get("surnames", [])) if raw.get("surnames") else (),
        domains=_strs(raw["email_domains"]),
        extra=extra,
    )


def _zh(row: list[Any]) -> tuple[str, ...]:
    """pinyin, Wade-Giles, Cantonese, simplified, traditional + Wade-Giles as passports write it
    (no apostrophes or umlauts)."""
    forms = tuple(str(x) for x in row[:5])
    return (*forms, forms[1].replace("'", "").replace("ü", "u"))


@cache
def names() -> NamePools:
    d = load_data("names.yml")
    vi, zh, pt = d["vietnamese"], d["chinese"], d["portuguese"]
    zh_given: dict[str, list[tuple[str, ...]]] = {"M": [], "F": []}
    for row in zh["given"]:
        syllable = _zh(row)
        sex = str(row[5])
        for key in ("M", "F"):
            if sex == "u" or sex == key.lower():
                zh_given[key].append(syllable)
    return NamePools(
        vi_family=Weighted((str(k), float(v)) for k, v in vi["family"].items()),
        vi_middle={"M": _strs(vi["middle_male"]), "F": _strs(vi["middle_female"])},
        vi_given={"M": _strs(vi["given_male"]), "F": _strs(vi["given_female"])},
        vi_domains=_strs(vi["email_domains"]),
        zh_surnames=Weighted((_zh(r), float(r[5])) for r in zh["surnames"]),
        zh_given={k: tuple(v) for k, v in zh_given.items()},
        zh_western={"M": _strs(zh["western_male"]), "F": _strs(zh["western_female"])},
        zh_domains={k: _strs(v) for k, v in zh["email_domains"].items()},
        pt_given={"M": _strs(pt["given_male"]), "F": _strs(pt["given_female"])},
        pt_compound={"M": _strs(pt["compound_male"]), "F": _strs(pt["compound_female"])},
        pt_surnames=Weighted(((str(k), str(v[0])), float(v[1])) for k, v in pt["surnames"].items()),
        pt_domains=_strs(pt["email_domains"]),
        generic={c: _generic(d[key]) for c, key in _GENERIC.items()},
        nz_given=_strs(d["new_zealand"]["given"]),
        nz_surnames=_strs(d["new_zealand"]["surnames"]),
    )


@dataclass(frozen=True, slots=True)
class VenueKind:
    venue_type: str
    sector: str
    towns: tuple[str, ...]
    templates: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PlacePools:
    venue_kinds: tuple[VenueKind, ...]
    venue_words: tuple[str, ...]
    legal_forms: tuple[str, ...]
    nz_streets: tuple[str, ...]
    nz_rural_roads: tuple[str, ...]
    vn_rural: tuple[tuple[str, str], ...]
    vn_communes: tuple[str, ...]
    vn_urban: tuple[tuple[str, str], ...]
    vn_streets: tuple[str, ...]
    vn_wards: tuple[str, ...]


def _pairs(value: Sequence[Any]) -> tuple[tuple[str, str], ...]:
    return tuple((str(a), str(b)) for a, b in value)


@cache
def places() -> PlacePools:
    d = load_data("places.yml")
    towns = {k: _strs(v) for k, v in d["nz_towns"].items()}
    kinds = tuple(
        VenueKind(str(vt), str(spec[0]), towns[str(spec[1])], _strs(spec[2]))
        for vt, spec in d["venues"].items()
    )
    vn = d["vn_places"]
    return PlacePools(
        venue_kinds=kinds,
        venue_words=_strs(d["venue_words"]),
        legal_forms=_strs(d["legal_forms"]),
        nz_streets=_strs(d["nz_streets"]),
        nz_rural_roads=_strs(d["nz_rural_roads"]),
        vn_rural=_pairs(vn["rural"]),
        vn_communes=_strs(vn["communes"]),
        vn_urban=_pairs(vn["urban"]),
        vn_streets=_strs(vn["streets"]),
        vn_wards=_strs(vn["wards"]),
    )


@dataclass(frozen=True, slots=True)
class TextPools:
    reasons: Weighted[tuple[str, tuple[str, ...]]]  # (reason code, texts)
    indicators: dict[str, tuple[str, ...]]  # strong / weak / none
    consent_purposes: tuple[str, ...]
    visit_topics: tuple[str, ...]
    tips_venue: tuple[str, ...]
    tips_person: tuple[str, ...]
    tips_person_venue: tuple[str, ...]
    tips_phone: tuple[str, ...]
    tips_account: tuple[str, ...]
    partner_notes: tuple[str, ...]


@cache
def texts() -> TextPools:
    d = load_data("text.yml")
    return TextPools(
        reasons=Weighted(
            ((str(code), _strs(spec[1])), float(spec[0]))
            for code, spec in d["refusal_reasons"].items()
        ),
        indicators={k: _strs(v) for k, v in d["indicators"].items()},
        consent_purposes=_strs(d["consent_purposes"]),
        visit_topics=_strs(d["visit_topics"]),
        tips_venue=_strs(d["tips_venue"]),
        tips_person=_strs(d["tips_person"]),
        tips_person_venue=_strs(d["tips_person_venue"]),
        tips_phone=_strs(d["tips_phone"]),
        tips_account=_strs(d["tips_account"]),
        partner_notes=_strs(d["partner_notes"]),
    )
