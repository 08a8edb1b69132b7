"""Addresses, venue and business names (fictional businesses at real place names)."""

from __future__ import annotations

from tiaki.synth.names import Rand
from tiaki.synth.pools import NamePools, PlacePools, VenueKind


def _pick(seq: tuple[str, ...], r: Rand) -> str:
    return seq[int(r() * len(seq))]


def nz_address(town: str, rural: bool, pools: PlacePools, r: Rand) -> str:
    if rural:
        road = _pick(pools.nz_rural_roads, r)
        return f"{int(r() * 2400) + 12} {road}, RD {int(r() * 6) + 1}, {town}"
    unit = f"{int(r() * 12) + 1}/" if r() < 0.2 else ""
    return f"{unit}{int(r() * 480) + 1} {_pick(pools.nz_streets, r)}, {town}"


def vn_address(pools: PlacePools, r: Rand) -> str:
    if r() < 0.6:
        district, province = pools.vn_rural[int(r() * len(pools.vn_rural))]
        commune = _pick(pools.vn_communes, r)
        return f"Xóm {int(r() * 12) + 1}, xã {commune}, huyện {district}, tỉnh {province}"
    district, city = pools.vn_urban[int(r() * len(pools.vn_urban))]
    lane = f"ngõ {int(r() * 200) + 1}, " if r() < 0.4 else ""
    return (
        f"Số {int(r() * 300) + 1}, {lane}đường {_pick(pools.vn_streets, r)}, "
        f"phường {_pick(pools.vn_wards, r)}, {district}, {city}"
    )


def venue_name(kind: VenueKind, town: str, places: PlacePools, names: NamePools, r: Rand) -> str:
    template = _pick(kind.templates, r)
    return template.format(
        town=town, word=_pick(places.venue_words, r), family=_pick(names.nz_surnames, r)
    )


def company_name(base: str, places: PlacePools, r: Rand) -> str:
    """The registered company behind a venue: ``Lotus Spa Holdings Limited``."""
    tail = ("", " Holdings", " Group", " Services", " Enterprises")[int(r() * 5)]
    return f"{base}{tail} {_pick(places.legal_forms, r)}"


def company_variant(legal: str, r: Rand) -> str:
    """How one company name appears across records: Ltd/Limited, case, dropped suffix."""
    u = r()
    if u < 0.55:
        return legal
    if u < 0.70:
        return legal.upper()
    for long, short in (
        (" Limited", " Ltd"),
        (" Ltd.", " Limited"),
        (" LTD", " Ltd"),
        (" Ltd", " Limited"),
    ):
        if legal.endswith(long):
            return legal[: -len(long)] + (short if u < 0.85 else "")
    return legal


def nz_person(names: NamePools, r: Rand) -> str:
    return f"{_pick(names.nz_given, r)} {_pick(names.nz_surnames, r)}"
