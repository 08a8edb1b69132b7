"""The scenario's timeline: one new person per step, each with a story that writes their rows.

Stories: refused traveller (sometimes booked by a planted network; 5 % refused again later
under another spelling), engaged worker (a quarter at network venues), overstayer served a
notice, person named in a tip, broker on the partner list. Background rows (employer visits,
venue tips) and the planned facilitator appearances are interleaved by step. Later rows of a
person wait in a small heap (bounded by the longest delay), so memory stays flat.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tiaki.synth.countries import COUNTRIES, OVERSTAYER_MIX, REFUSAL_MIX, WORKER_MIX
from tiaki.synth.population import Employer, Network, People, Person, Venue, mix
from tiaki.synth.sources import (
    BorderRefusals,
    ComplianceNotices,
    Ctx,
    EmployerVisits,
    FieldEngagements,
    PartnerBrokers,
    PublicTips,
)
from tiaki.synth.values import passport_no
from tiaki.synth.world import World

START = date(2023, 7, 1)
END = date(2025, 12, 31)
MAX_DELAY = 5000  # steps between a person's first and a later row
NETWORK_BOOKED = 0.04  # share of travellers booked by a planted network
AGENT_KNOWN = 0.38  # share of other travellers whose (independent) booking agent is recorded
# The story of each new person, as cumulative shares: refused traveller 77.5 %, engaged worker
# 16.5 %, overstayer served a notice 1.5 %, person named in a tip 2.5 %, broker on the partner
# list 2 %. With repeats and background rows: about 1.13 rows per person, 72 % of them refusals.
TRAVELLER, WORKER, OVERSTAYER, TIPPED = 0.775, 0.94, 0.955, 0.98
VISIT, VENUE_TIP = 0.04, 0.055  # background rows per step (cumulative)
_BROKER_ROLES = ("broker",) * 5 + ("recruiter",) * 3 + ("money_collector",)

Later = Literal["refusal", "engagement", "notice", "partner"]


@dataclass
class _Pending:
    kind: Later
    person: Person
    agent: Person | None = None
    network: Network | None = None
    venue: Venue | None = None
    employer: Employer | None = None
    role: str = ""


class Timeline:
    def __init__(self, ctx: Ctx, world: World, people: People, steps: int) -> None:
        self.ctx, self.world, self.people, self.steps = ctx, world, people, steps
        self.border = BorderRefusals(ctx)
        self.field = FieldEngagements(ctx)
        self.visits = EmployerVisits(ctx)
        self.notices = ComplianceNotices(ctx)
        self.tips = PublicTips(ctx)
        self.partner = PartnerBrokers(ctx)
        self.sources = (self.border, self.field, self.visits, self.notices, self.tips, self.partner)
        self.refusal_mix, self.worker_mix = mix(REFUSAL_MIX), mix(WORKER_MIX)
        self.overstayer_mix = mix(OVERSTAYER_MIX)
        # foreigners on the Vietnamese list: mostly Chinese-speaking network contacts
        self.foreign_brokers = mix((("CHN", 8), ("TWN", 4), ("HKG", 3)))
        self.vn = COUNTRIES["VNM"]
        self.heap: list[tuple[int, int, _Pending]] = []  # (due step, sequence, row to write)
        self.seq = 0
        self.protected = 0

    def _later(self, step: int, item: _Pending) -> None:
        """Write ``item`` 50 to MAX_DELAY steps later."""
        self.seq += 1
        due = step + 50 + int(self.ctx.r() * (MAX_DELAY - 50))
        heapq.heappush(self.heap, (due, self.seq, item))

    def run(self, progress: Callable[[int], None] | None = None) -> None:
        r, ctx, steps = self.ctx.r, self.ctx, self.steps
        start, span = START.toordinal(), END.toordinal() - START.toordinal()
        schedule, si = self.world.schedule, 0
        last = -1
        heap, employers = self.heap, self.world.employers
        next_due = heap[0][0] if heap else steps
        next_appearance = schedule[0][0] if schedule else steps
        for step in range(steps):
            ordinal = start + step * span // steps
            if ordinal != last:
                ctx.set_day(date.fromordinal(ordinal))
                last = ordinal
                if progress is not None:
                    progress(self.rows())
            if step >= next_due:
                while heap and heap[0][0] <= step:
                    self._emit(heapq.heappop(heap)[2])
            u = r()
            if u < TRAVELLER or (WORKER <= u < OVERSTAYER and self.notices.full):
                self._traveller(step)
            elif u < WORKER:
                self._worker(step)
            elif u < OVERSTAYER:
                self._overstayer()
            elif u < TIPPED:
                self._tipped()
            else:
                self._broker(step)
            next_due = heap[0][0] if heap else steps
            u = r()
            if u < VENUE_TIP:  # background rows: employer visits, tips about a venue
                if u < VISIT:
                    self.visits.write(employers[int(r() * len(employers))])
                else:
                    self.tips.write(self._venue(), None)
            if step >= next_appearance:
                while si < len(schedule) and schedule[si][0] <= step:
                    self._appear(*schedule[si][1])
                    si += 1
                next_appearance = schedule[si][0] if si < len(schedule) else steps
        while heap:
            self._emit(heapq.heappop(heap)[2])
        for _, appearance in schedule[si:]:
            self._appear(*appearance)
        if progress is not None:
            progress(self.rows())

    def rows(self) -> int:
        return sum(s.rows for s in self.sources)

    def _venue(self) -> Venue:
        venues = self.world.venues
        return venues[int(self.ctx.r() * len(venues))]

    def _traveller(self, step: int) -> None:
        r, world = self.ctx.r, self.world
        net: Network | None = None
        agent: Person | None = None
        contact = None
        if r() < NETWORK_BOOKED:
            net = world.networks[int(r() * len(world.networks))]
            country = net.country if r() < 0.7 else self.vn
            agents = net.with_role("booking_agent")
            agent = agents[int(r() * len(agents))]
            if r() < 0.15:
                contact = net.hub
        else:
            country = self.refusal_mix.pick(r())
            pool = world.agents.get(country.alpha3)
            if pool and r() < AGENT_KNOWN:
                agent = pool[int(r() * len(pool))]
        p = self.people.new(country, 0.35, 0.1)
        self.border.write(p, agent, net, contact)
        if r() < 0.05:
            again = _Pending("refusal", p, agent=agent if r() < 0.6 else None, network=net)
            self._later(step, again)
        elif r() < 0.01:
            employer = world.employers[int(r() * len(world.employers))]
            self._later(step, _Pending("notice", p, employer=employer))

    def _worker(self, step: int) -> None:
        r, world = self.ctx.r, self.world
        if r() < 0.25:
            net = world.networks[int(r() * len(world.networks))]
            venue = net.venues[int(r() * len(net.venues))]
            country = net.country if r() < 0.5 else self.vn
        else:
            venue, country = self._venue(), self.worker_mix.pick(r())
        p = self.people.new(country, email_share=0.0, nz_share=0.9)
        self.field.write(p, venue)
        self.protected += 1
        if r() < 0.08:
            again = _Pending("engagement", p, venue=venue if r() < 0.7 else self._venue())
            self._later(step, again)
        if r() < 0.05:
            self._later(step, _Pending("notice", p, employer=venue.employer))

    def _overstayer(self) -> None:
        r, world = self.ctx.r, self.world
        p = self.people.new(self.overstayer_mix.pick(r()), email_share=0.0, nz_share=0.8)
        self.notices.write(p, world.employers[int(r() * len(world.employers))], r() < 0.5)

    def _tipped(self) -> None:
        r = self.ctx.r
        p = self.people.new(self.worker_mix.pick(r()), email_share=0.0, nz_share=0.9)
        self.tips.write(self._venue() if r() < 0.6 else None, p)

    def _broker(self, step: int) -> None:
        r = self.ctx.r
        country = self.vn if r() < 0.85 else self.foreign_brokers.pick(r())
        p = self.people.new(country, email_share=0.6, nz_share=0.05)
        role = _BROKER_ROLES[int(r() * len(_BROKER_ROLES))]
        self.partner.write(p, role)
        if r() < 0.1:
            self._later(step, _Pending("partner", p, role=role))

    def _emit(self, item: _Pending) -> None:
        r, p = self.ctx.r, item.person
        if item.kind == "refusal":
            if r() < 0.2:  # a new passport since the first refusal
                p.passport = passport_no(p.country, r)
            self.border.write(p, item.agent, item.network)
        elif item.kind == "engagement" and item.venue is not None:
            self.field.write(p, item.venue)
        elif item.kind == "notice" and item.employer is not None and not self.notices.full:
            self.notices.write(p, item.employer, r() < 0.7)
        elif item.kind == "partner":
            self.partner.write(p, item.role)

    def _appear(self, kind: str, net_index: int, member_index: int) -> None:
        r = self.ctx.r
        net = self.world.networks[net_index]
        member = net.members[member_index]
        if kind == "partner":
            self.partner.write(member, member.role)
        else:
            self.tips.write(net.venues[int(r() * len(net.venues))] if r() < 0.7 else None, member)
