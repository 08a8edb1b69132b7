"""The held part of a scenario: planted networks, booking agents, employers and venues."""

from __future__ import annotations

from dataclasses import dataclass, field

from tiaki.synth.addresses import company_name, nz_address, venue_name, vn_address
from tiaki.synth.countries import COUNTRIES, NETWORK_MIX, NZ_MOBILE, REFUSAL_MIX
from tiaki.synth.names import Rand
from tiaki.synth.pools import NamePools, PlacePools, VenueKind
from tiaki.synth.population import (
    Employer,
    Network,
    People,
    Person,
    Venue,
    landline,
    mix,
)
from tiaki.synth.values import new_phone, nz_account, vn_account

_EXTRA_ROLES = (
    "recruiter",
    "money_collector",
    "booking_agent",
    "broker",
    "venue_operator",
    "recruiter",
    "money_collector",
)
_NETWORK_VENUES = (
    "massage_parlour",
    "massage_parlour",
    "nail_salon",
    "restaurant",
    "orchard",
    "construction_site",
    "packhouse",
    "vineyard",
)
_MAIL_WORDS = ("vieclam.nz", "nzjobs", "visa.nz", "work.nz", "kiwi.jobs", "job.newzealand")

# (kind, network index, member index) appearances of facilitators in partner data and tips
Appearance = tuple[str, int, int]


@dataclass
class World:
    networks: list[Network]
    employers: list[Employer]
    venues: list[Venue]  # venues of ordinary employers
    agents: dict[str, list[Person]]  # country alpha-3 -> independent booking agents
    schedule: list[tuple[int, Appearance]] = field(default_factory=list)  # sorted by step


def _kind(kinds: tuple[VenueKind, ...], venue_type: str) -> VenueKind:
    return next(k for k in kinds if k.venue_type == venue_type)


def _employer(
    places: PlacePools,
    names: NamePools,
    r: Rand,
    kind: VenueKind,
    n_venues: int,
    oid: str,
    network: Network | None,
) -> Employer:
    town = kind.towns[int(r() * len(kind.towns))]
    first = venue_name(kind, town, places, names, r)
    reg = f"94290{int(r() * 10**8):08d}" if r() < 0.6 else f"{int(r() * 9 * 10**6) + 10**6}"
    emp = Employer(oid, company_name(first, places, r), reg, landline(r), kind.sector, network)
    rural = kind.sector in ("horticulture", "viticulture", "dairy")
    for i in range(n_venues):
        name = (
            first
            if i == 0
            else venue_name(kind, kind.towns[int(r() * len(kind.towns))], places, names, r)
        )
        emp.venues.append(
            Venue(
                name,
                nz_address(town, rural and r() < 0.7, places, r),
                kind.venue_type,
                kind.sector,
                landline(r),
                emp,
                None,
            )
        )
    return emp


def _network(
    idx: int, people: People, places: PlacePools, names: NamePools, r: Rand, oid: str
) -> Network:
    home = mix(NETWORK_MIX).pick(r())
    vn = COUNTRIES["VNM"]
    net = Network(f"N{idx + 1:04d}", home, new_phone(NZ_MOBILE, r))
    size = 3 + int(r() * 6)
    roles = ["booking_agent", "venue_operator", "broker"]
    roles += [_EXTRA_ROLES[int(r() * len(_EXTRA_ROLES))] for _ in range(size - 3)]
    for i, role in enumerate(roles):
        country = home
        if (role == "broker" and i == 2) or (role == "recruiter" and r() < 0.5):
            country = vn
        net.members.append(people.facilitator(country, role, net.nid))
    # identifiers shared inside the network: the hub phone is on the agent, operator and broker
    # (so at least three members share it), the rest on some members each
    shared_mail = f"{_MAIL_WORDS[int(r() * len(_MAIL_WORDS))]}{int(r() * 900) + 100}@gmail.com"
    nz_acct, vn_acct = nz_account(r), vn_account(r)
    towns = _kind(places.venue_kinds, "restaurant").towns
    safe_house = nz_address(towns[int(r() * len(towns))], False, places, r)
    office = vn_address(places, r)
    for i, m in enumerate(net.members):
        if i < 3 or r() < 0.4:
            m.phones.append(net.hub)
        if m.role in ("booking_agent", "recruiter", "broker") and r() < 0.8:
            m.emails.append(shared_mail)
        if m.role in ("money_collector", "venue_operator") or r() < 0.3:
            m.accounts.append(nz_acct)
        if m.country is vn:
            m.accounts.append(vn_acct)
            m.addresses.append(office)
        if m.role in ("venue_operator", "money_collector") or i < 3 or r() < 0.3:
            m.addresses.append(safe_house)
    kind = _kind(places.venue_kinds, _NETWORK_VENUES[int(r() * len(_NETWORK_VENUES))])
    company = _employer(places, names, r, kind, 1 + int(r() * 3), oid, net)
    operators = net.with_role("venue_operator")
    for i, v in enumerate(company.venues):
        v.operator = operators[i % len(operators)]
    net.company = company
    net.venues = company.venues
    return net


def build_world(
    people_total: int, people: People, places: PlacePools, names: NamePools, r: Rand
) -> World:
    n_networks = max(3, round(people_total / 2000))
    networks = [_network(i, people, places, names, r, f"O{i + 1:08d}") for i in range(n_networks)]
    n_agents = max(8, people_total // 800)
    agents: dict[str, list[Person]] = {}
    countries = mix(REFUSAL_MIX)
    for i in range(n_agents):
        country = countries.items[i] if i < 6 else countries.pick(r())
        agent = people.new(country, email_share=0.9, nz_share=0.2)
        agents.setdefault(country.alpha3, []).append(agent)
    n_employers = max(20, people_total // 300)
    employers = [net.company for net in networks if net.company is not None]
    kinds = places.venue_kinds
    for i in range(n_employers):
        kind = kinds[int(r() * len(kinds))]
        employers.append(
            _employer(
                places,
                names,
                r,
                kind,
                1 + int(r() * r() * 3),
                f"O{n_networks + i + 1:08d}",
                None,
            )
        )
    venues = [v for e in employers if e.network is None for v in e.venues]
    return World(networks, employers, venues, agents)


def plan_appearances(world: World, steps: int, r: Rand) -> None:
    """Give every facilitator at least one row in the partner list or tips, every network at
    least one partner entry and two tips, at random steps of the timeline."""
    plan: list[tuple[int, Appearance]] = []
    vn = COUNTRIES["VNM"]
    for ni, net in enumerate(world.networks):
        partner_seen = False
        for mi, m in enumerate(net.members):
            if m.country is vn or r() < 0.2:
                for _ in range(1 + (r() < 0.4)):
                    plan.append((int(r() * steps), ("partner", ni, mi)))
                partner_seen = True
            if m.country is not vn or r() < 0.3:
                plan.append((int(r() * steps), ("tip", ni, mi)))
        if not partner_seen:
            plan.append((int(r() * steps), ("partner", ni, 0)))
        for _ in range(2 + int(r() * 3)):
            plan.append((int(r() * steps), ("tip", ni, int(r() * len(net.members)))))
    plan.sort()
    world.schedule = plan
