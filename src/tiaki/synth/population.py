"""People, facilitators, networks, employers and venues of a scenario.

Ordinary people (travellers, workers, overstayers) are made one at a time and dropped once
their rows are written; only facilitators, networks, booking agents, employers and venues
(together about 1 % of the people) are held for the whole run.
"""

from __future__ import annotations

from datetime import date

from tiaki.synth.countries import COUNTRIES, NZ_LANDLINE, NZ_MOBILE, Country
from tiaki.synth.names import Name, Rand
from tiaki.synth.naming import make_name
from tiaki.synth.pools import NamePools, Weighted
from tiaki.synth.values import (
    MAX_AGE_DAYS,
    MIN_AGE_DAYS,
    Phone,
    age_days,
    email,
    new_phone,
    passport_no,
    phone_from_draw,
)


class Person:
    """One person's identity. The home-country mobile is drawn as a number in [0, 1) and only
    written out when a row needs it (most never do)."""

    __slots__ = (
        "pid",
        "country",
        "name",
        "sex",
        "dob",
        "passport",
        "phone_draw",
        "nz_phone",
        "email",
    )

    def __init__(
        self,
        pid: str,
        country: Country,
        name: Name,
        sex: str,
        birth: date,
        passport: str,
        phone_draw: float,
        nz_phone: Phone | None,
        mail: str | None,
    ) -> None:
        self.pid = pid
        self.country = country
        self.name = name
        self.sex = sex
        self.dob = birth
        self.passport = passport
        self.phone_draw = phone_draw
        self.nz_phone = nz_phone
        self.email = mail

    @property
    def phone(self) -> Phone:
        """The home-country mobile number."""
        return phone_from_draw(self.country.phone, self.phone_draw)


class Facilitator(Person):
    """A member of a planted network, with the identifiers it uses (own and shared)."""

    __slots__ = ("role", "network", "phones", "emails", "accounts", "addresses")

    def __init__(self, base: Person, role: str, network: str) -> None:
        super().__init__(
            base.pid,
            base.country,
            base.name,
            base.sex,
            base.dob,
            base.passport,
            base.phone_draw,
            base.nz_phone,
            base.email,
        )
        self.role = role
        self.network = network
        self.phones: list[Phone] = []
        self.emails: list[str] = []
        self.accounts: list[str] = []
        self.addresses: list[str] = []


class Employer:
    """A business (Organization): registered name, number, phone and the venues it runs."""

    __slots__ = ("oid", "legal", "reg_no", "phone", "sector", "venues", "network")

    def __init__(
        self, oid: str, legal: str, reg_no: str, phone: Phone, sector: str, network: Network | None
    ) -> None:
        self.oid = oid
        self.legal = legal
        self.reg_no = reg_no
        self.phone = phone
        self.sector = sector
        self.venues: list[Venue] = []
        self.network = network


class Venue:
    __slots__ = ("name", "address", "venue_type", "sector", "phone", "employer", "operator")

    def __init__(
        self,
        name: str,
        address: str,
        venue_type: str,
        sector: str,
        phone: Phone,
        employer: Employer,
        operator: Facilitator | None,
    ) -> None:
        self.name = name
        self.address = address
        self.venue_type = venue_type
        self.sector = sector
        self.phone = phone
        self.employer = employer
        self.operator = operator


class Network:
    __slots__ = ("nid", "country", "hub", "members", "venues", "company")

    def __init__(self, nid: str, country: Country, hub: Phone) -> None:
        self.nid = nid
        self.country = country
        self.hub = hub  # the contact number the whole network uses
        self.members: list[Facilitator] = []
        self.venues: list[Venue] = []
        self.company: Employer | None = None

    def with_role(self, *roles: str) -> list[Facilitator]:
        return [m for m in self.members if m.role in roles]


def mix(pairs: tuple[tuple[str, float], ...]) -> Weighted[Country]:
    return Weighted((COUNTRIES[code], w) for code, w in pairs)


class People:
    """Makes people: ``new(country)`` gives the next person id with a fresh identity."""

    def __init__(self, r: Rand, names: NamePools, ref_day: date) -> None:
        self.r = r
        self.names = names
        self.ref_ordinal = ref_day.toordinal()
        # every possible date of birth, oldest last: cheaper than a date per person
        self._births = [
            date.fromordinal(self.ref_ordinal - a) for a in range(MIN_AGE_DAYS, MAX_AGE_DAYS + 1)
        ]
        self.count = 0
        self._cultures = {c.alpha3: Weighted(c.cultures) for c in COUNTRIES.values()}
        self._domains = {
            "vi": names.vi_domains,
            "pt": names.pt_domains,
            "zh_cn": names.zh_domains["cn"],
            "zh_tw": names.zh_domains["tw"],
            "zh_hk": names.zh_domains["hk"],
            "zh_my": names.zh_domains["hk"],
            **{c: p.domains for c, p in names.generic.items()},
        }

    def new(self, country: Country, email_share: float = 0.5, nz_share: float = 0.0) -> Person:
        r = self.r
        sex = "M" if r() < 0.55 else "F"
        cultures = country.cultures
        culture = cultures[0][0] if len(cultures) == 1 else self._cultures[country.alpha3].pick(r())
        name = make_name(culture, sex, r, self.names)
        birth = self._births[age_days(r) - MIN_AGE_DAYS]
        mail = email(name, self._domains[culture], r, birth.year) if r() < email_share else None
        nz = new_phone(NZ_MOBILE, r) if r() < nz_share else None
        self.count += 1
        return Person(
            f"P{self.count:08d}",
            country,
            name,
            sex,
            birth,
            passport_no(country, r),
            r(),
            nz,
            mail,
        )

    def facilitator(self, country: Country, role: str, network: str) -> Facilitator:
        nz_side = role in ("venue_operator", "money_collector")
        f = Facilitator(
            self.new(country, email_share=0.7, nz_share=1.0 if nz_side else 0.3), role, network
        )
        if f.nz_phone is not None:
            f.phones.append(f.nz_phone)
        if not nz_side:
            f.phones.append(f.phone)
        if f.email:
            f.emails.append(f.email)
        return f


def landline(r: Rand) -> Phone:
    return new_phone(NZ_LANDLINE, r)
