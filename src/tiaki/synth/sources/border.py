"""border_refusals.csv: Immigration New Zealand refused-boarding / refused-entry list."""

from __future__ import annotations

from tiaki.synth.countries import FLIGHTS, NZ_PORTS
from tiaki.synth.pools import Weighted
from tiaki.synth.population import Facilitator, Network, Person
from tiaki.synth.sinks import CsvSink
from tiaki.synth.sources.base import OCR_SHARE, TYPO_SHARE, Ctx, Source, maybe_typo, pick
from tiaki.synth.truth import BAD_PHONE, EMPTY_NAME, FIELD_COUNT, FORMULA, FORMULAS, IMPOSSIBLE_DATE
from tiaki.synth.values import Phone, dmy, flight_no, intl, local, ocr_slip, swap_day_month, typo

HEADER = (
    "ref",
    "refusal_date",
    "refusal_type",
    "port",
    "flight_no",
    "full_name",
    "dob",
    "sex",
    "nationality",
    "passport_no",
    "passport_country",
    "phone",
    "email",
    "agent_name",
    "agent_phone",
    "agent_email",
    "reason",
    "reason_code",
    "officer_id",
)
_NO_FLIGHT = (("NZ", 1),)
_NET_BIAS = {"work_intent": 5.0, "false_documents": 4.0, "not_genuine_visitor": 1.5}


class BorderRefusals(Source):
    source_id = "inz-border"
    file_name = "border_refusals.csv"
    fmt = "csv"
    bad_kinds = {
        IMPOSSIBLE_DATE: "dob",
        BAD_PHONE: "phone",
        EMPTY_NAME: "full_name",
        FORMULA: "reason",
        FIELD_COUNT: "",
    }

    def __init__(self, ctx: Ctx) -> None:
        super().__init__(ctx)
        r = ctx.r
        self.sink = CsvSink(self.path, HEADER)
        self.officers = tuple(f"INZ{int(r() * 9000) + 1000}" for _ in range(150))
        reasons = ctx.texts.reasons
        self.reasons = reasons
        self.net_reasons = Weighted(
            (item, (c1 - c0) * _NET_BIAS.get(item[0], 0.5))
            for item, c0, c1 in zip(
                reasons.items, [0.0, *reasons.cum[:-1]], reasons.cum, strict=True
            )
        )
        self.seq = 0

    def write(
        self, p: Person, agent: Person | None, net: Network | None, contact: Phone | None = None
    ) -> None:
        ctx = self.ctx
        r = ctx.r
        day = ctx.day
        self.seq += 1
        ref = f"BR-{day.year}-{self.seq:07d}"
        rows = self.rows
        bad = self.plant(ref) if rows < 500 or rows % 500 == 250 else None
        country = p.country
        ports = country.ports
        if r() < 0.55:
            kind = "RB"
            port = origin = ports[int(r() * len(ports))]
        else:
            kind = "RE"
            port = NZ_PORTS[int(r() * len(NZ_PORTS))]
            origin = ports[int(r() * len(ports))]
        flights = FLIGHTS.get(origin, _NO_FLIGHT)
        airline, number = flights[int(r() * len(flights))]
        name = p.name.passport(r)
        if r() < TYPO_SHARE:
            name = typo(name, r)
        birth = dmy(swap_day_month(p.dob, r), r)
        passport = ocr_slip(p.passport, r) if r() < OCR_SHARE else p.passport
        phone = ""
        if contact is not None:
            phone = local(contact, r, "64")
        elif p.nz_phone is not None and r() < 0.5:
            phone = local(p.nz_phone, r, "64")
        elif p.phone is not None and r() < 0.7:
            phone = intl(p.phone, r)
        code, texts = (self.net_reasons if net else self.reasons).pick(r())
        reason = texts[int(r() * len(texts))]
        a_name = a_phone = a_mail = ""
        if agent is not None:
            a_name = maybe_typo(agent.name.casual(r), r)
            if isinstance(agent, Facilitator):
                ph = agent.phones[int(r() * len(agent.phones))]
                a_phone = local(ph, r, "64") if r() < 0.9 else ""
                a_mail = pick(agent.emails, r) if agent.emails and r() < 0.7 else ""
            else:
                own = agent.nz_phone or agent.phone
                a_phone = local(own, r, "64") if own is not None and r() < 0.8 else ""
                a_mail = agent.email or ""
        if bad is not None:
            if bad == IMPOSSIBLE_DATE:
                birth = f"{30 + (r() < 0.5)}/02/{p.dob.year}"
            elif bad == BAD_PHONE:
                phone = "12"
            elif bad == EMPTY_NAME:
                name = ""
            elif bad == FORMULA:
                reason = FORMULAS[self.bad.counts[FORMULA] % len(FORMULAS)]
        names = country.names
        row = [
            ref,
            ctx.day_dmy,
            kind,
            port,
            flight_no(airline, number, r),
            name,
            birth,
            p.sex if r() > 0.003 else "X",
            names[int(r() * len(names))],
            passport,
            country.alpha3,
            phone,
            p.email if p.email is not None and r() < 0.85 else "",
            a_name,
            a_phone,
            a_mail,
            reason,
            code,
            self.officers[int(r() * len(self.officers))],
        ]
        if bad == FIELD_COUNT:
            row = row[:-2] if self.bad.counts[FIELD_COUNT] % 2 else [*row, "EXTRA"]
        self.sink.writerow(row)
        self.rows = rows + 1
        if bad is None or self.stored(bad):
            mention = ctx.truth.mention
            mention(self.source_id, ref, "traveller", p.pid, "traveller")
            if agent is not None:
                if isinstance(agent, Facilitator):
                    mention(
                        self.source_id,
                        ref,
                        "agent",
                        agent.pid,
                        "booking_agent",
                        agent.network,
                        agent.role,
                    )
                else:
                    mention(self.source_id, ref, "agent", agent.pid, "booking_agent")

    def close(self) -> None:
        self.sink.close()
