"""Countries of the scenario: how their nationals are named, numbered and written down
(data in ``synth/data/countries.yml``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tiaki.synth.pools import load_data


@dataclass(frozen=True, slots=True)
class PhonePlan:
    """Valid numbers of one country: a prefix of the national significant number, then
    ``rest`` random digits; ``groups`` split the NSN for display."""

    cc: str
    prefixes: tuple[str, ...]
    rest: int
    groups: tuple[int, ...]
    trunk: bool = False  # also written nationally, with a leading 0
    cuts: tuple[slice, ...] = field(default=(), compare=False, hash=False)  # slices of groups

    def __post_init__(self) -> None:
        ends = [sum(self.groups[: i + 1]) for i in range(len(self.groups))]
        starts = [0, *ends[:-1]]
        object.__setattr__(
            self, "cuts", tuple(slice(a, b) for a, b in zip(starts, ends, strict=True))
        )


@dataclass(frozen=True, slots=True)
class Country:
    alpha3: str
    alpha2: str
    names: tuple[str, ...]  # how the nationality is written (repeats act as weights)
    cultures: tuple[tuple[str, float], ...]  # name culture -> share of nationals
    passport: tuple[str, int, str]  # letter prefix pattern, digits, letter suffix pattern
    phone: PhonePlan
    ports: tuple[str, ...]  # airports where boarding is refused
    language: str


def _plan(spec: dict[str, Any]) -> PhonePlan:
    return PhonePlan(
        str(spec["cc"]),
        tuple(str(spec["prefixes"]).split()),
        int(spec["rest"]),
        tuple(int(g) for g in spec["groups"]),
        bool(spec.get("trunk", False)),
    )


def _mix(spec: dict[str, Any]) -> tuple[tuple[str, float], ...]:
    return tuple((str(k), float(v)) for k, v in spec.items())


_DATA = load_data("countries.yml")
_PLANS = {str(k): _plan(v) for k, v in _DATA["phone_plans"].items()}

NZ_MOBILE = _PLANS["NZ_MOBILE"]
NZ_LANDLINE = _PLANS["NZ_LANDLINE"]
VN_MOBILE = _PLANS["VN_MOBILE"]

COUNTRIES: dict[str, Country] = {
    str(code): Country(
        alpha3=str(code),
        alpha2=str(c["alpha2"]),
        names=tuple(str(n) for n in c["names"]),
        cultures=_mix(c["cultures"]),
        passport=(str(c["passport"][0]), int(c["passport"][1]), str(c["passport"][2])),
        phone=_PLANS[c["phone"]] if isinstance(c["phone"], str) else _plan(c["phone"]),
        ports=tuple(str(p) for p in c["ports"]),
        language=str(c["language"]),
    )
    for code, c in _DATA["countries"].items()
}

REFUSAL_MIX = _mix(_DATA["mixes"]["refusal"])
WORKER_MIX = _mix(_DATA["mixes"]["worker"])
OVERSTAYER_MIX = _mix(_DATA["mixes"]["overstayer"])
NETWORK_MIX = _mix(_DATA["mixes"]["network"])

FLIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    str(port): tuple((f.split()[0], int(f.split()[1])) for f in flights)
    for port, flights in _DATA["flights"].items()
}
NZ_PORTS: tuple[str, ...] = tuple(str(p) for p in _DATA["nz_ports"])
