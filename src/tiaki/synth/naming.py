"""Making a new random name of a culture (the renderers are in names.py and chinese.py)."""

from __future__ import annotations

from tiaki.synth.chinese import ChineseName
from tiaki.synth.names import GenericName, LusoName, Name, Rand, VietName
from tiaki.synth.pools import NamePools


def _pick(seq: tuple[str, ...], r: Rand) -> str:
    return seq[int(r() * len(seq))]


_SYSTEM = {"zh_cn": "cn", "zh_tw": "tw", "zh_hk": "hk", "zh_my": "my"}


def _luso_surnames(pools: NamePools, r: Rand) -> tuple[tuple[str, str], ...]:
    """One to three distinct surnames, each with its particle about a third of the time."""
    pick = pools.pt_surnames.pick
    u = r()
    count = 1 if u < 0.25 else (2 if u < 0.85 else 3)
    out: list[tuple[str, str]] = []
    seen: list[str] = []
    for _ in range(count):
        sur, particle = pick(r())
        if sur not in seen:
            out.append((particle if r() < 0.35 else "", sur))
            seen.append(sur)
    return tuple(out)


def make_name(culture: str, sex: str, r: Rand, pools: NamePools) -> Name:
    """A new random name of a culture (``vi``, ``zh_cn``, ``pt``, ``fil``...); sex is M or F."""
    if culture == "pt":
        given = _pick(pools.pt_compound[sex], r) if r() < 0.3 else _pick(pools.pt_given[sex], r)
        return LusoName(given, _luso_surnames(pools, r))
    if culture == "vi":
        mid = _pick(pools.vi_middle[sex], r) if r() < 0.92 else ""
        return VietName(pools.vi_family.pick(r()), mid, _pick(pools.vi_given[sex], r))
    system = _SYSTEM.get(culture)
    if system is not None:
        syl = pools.zh_given[sex]
        n = len(syl)
        first = syl[int(r() * n)]
        syllables = (first,) if r() < 0.2 else (first, syl[int(r() * n)])
        west = ""
        if system in ("hk", "my") and r() < (0.45 if system == "hk" else 0.25):
            west = _pick(pools.zh_western[sex], r)
        return ChineseName(pools.zh_surnames.pick(r()), syllables, system, west)
    pool = pools.generic[culture]
    if culture == "in" and r() < 0.45:
        sikh_given = pool.extra["sikh_male" if sex == "M" else "sikh_female"]
        families = pool.extra["sikh_families"]
        return GenericName(
            "sikh",
            sikh_given[int(r() * len(sikh_given))],
            "Singh" if sex == "M" else "Kaur",
            families[int(r() * len(families))] if r() < 0.6 else (),
        )
    spellings = pool.given[sex][int(r() * len(pool.given[sex]))]
    if culture == "ms":
        fathers = pool.extra["fathers"]
        return GenericName(
            "ms", spellings, "bin" if sex == "M" else "binti", fathers[int(r() * len(fathers))]
        )
    fam = pool.surnames[int(r() * len(pool.surnames))]
    if culture == "id" and r() < 0.35:
        fam = ()
    mid = ""
    if culture == "fil" and r() < 0.7:
        mid = pool.surnames[int(r() * len(pool.surnames))][0]
    return GenericName(culture, spellings, mid, fam)
