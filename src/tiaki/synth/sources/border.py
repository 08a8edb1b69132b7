"""border_refusals.csv: Immigration New Zealand refused-boarding / refused-entry list."""

from __future__ import annotations

from tiaki.synth.countries import FLIGHTS, NZ_PORTS
from tiaki.synth.pools import Weighted
from tiaki.synth.population import Facilitator, Network, Person
from tiaki.synth.sinks import CsvSink, csv_field
from tiaki.synth.sources.base import OCR_SHARE, TYPO_SHARE, Ctx, Source, maybe_typo, pick
from tiaki.synth.truth import BAD_PHONE, EMPTY_NAME, FIELD_COUNT, FORMULA, FORMULAS, IMPOSSIBLE_DATE
from tiaki.synth.values import Phone, dob_dmy, flight_texts, intl, local, ocr_slip, typo

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
# every way each port's flights are written, in one tuple per port
_FLIGHT_TEXTS = {
    port: tuple(text for airline, number in flights for text in flight_texts(airline, number))
    for port, flights in FLIGHTS.items()
}
_NO_FLIGHT = flight_texts("NZ", 1)
_NO_AGENT = ("", "", "")
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

    def write(
        self, p: Person, agent: Person | None, net: Network | None, contact: Phone | None = None
    ) -> None:
        ctx = self.ctx
        r = ctx.r
        day = ctx.day
        ref = f"BR-{day.year}-{self.rows + 1:07d}"
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
        flights = _FLIGHT_TEXTS.get(origin, _NO_FLIGHT)
        name = p.name.passport(r)
        slip = r()  # one draw for the rare slips: a typo (5 %), an OCR error (3 %), sex X
        if slip < TYPO_SHARE:
            name = typo(name, r)
        passport = p.passport
        if TYPO_SHARE <= slip < TYPO_SHARE + OCR_SHARE:
            passport = ocr_slip(passport, r)
        birth = dob_dmy(p.dob, r)
        phone = ""
        if contact is not None:
            phone = local(contact, r, "64")
        elif p.nz_phone is not None and r() < 0.5:
            phone = local(p.nz_phone, r, "64")
        elif r() < 0.7:
            phone = intl(p.phone, r)
        code, texts = (self.net_reasons if net else self.reasons).pick(r())
        reason = texts[int(r() * len(texts))]
        fac = agent if isinstance(agent, Facilitator) else None
        a_name, a_phone, a_mail = self._agent(agent, fac) if agent is not None else _NO_AGENT
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
        flight = flights[int(r() * len(flights))]
        sex = "X" if 0.997 < slip else p.sex
        nationality = names[int(r() * len(names))]
        mail = p.email if p.email is not None and r() < 0.85 else ""
        officer = self.officers[int(r() * len(self.officers))]
        if bad is None:
            # The hottest line of the generator: written without the csv module. Only the
            # free-text fields (names, reason) can hold a comma or a quote; every other value
            # is a code, a number, a date, a phone or an e-mail address.
            self.sink.write_line(
                f"{ref},{ctx.day_dmy},{kind},{port},{flight},{csv_field(name)},{birth},{sex},"
                f"{nationality},{passport},{country.alpha3},{phone},{mail},{csv_field(a_name)},"
                f"{a_phone},{a_mail},{csv_field(reason)},{code},{officer}\n"
            )
        else:
            row = [
                ref,
                ctx.day_dmy,
                kind,
                port,
                flight,
                name,
                birth,
                sex,
                nationality,
                passport,
                country.alpha3,
                phone,
                mail,
                a_name,
                a_phone,
                a_mail,
                reason,
                code,
                officer,
            ]
            if bad == FIELD_COUNT:
                row = row[:-2] if self.bad.counts[FIELD_COUNT] % 2 else [*row, "EXTRA"]
            self.sink.writerow(row)
        self.rows = rows + 1
        if bad is None or self.stored(bad):
            line = ctx.truth.line  # truth.csv lines written directly: the hottest path
            line(f"inz-border,{ref},traveller,{p.pid},traveller,,,false\n")
            if fac is not None:
                role = f"{fac.network},{fac.role}"
                line(f"inz-border,{ref},agent,{fac.pid},booking_agent,{role},false\n")
            elif agent is not None:
                line(f"inz-border,{ref},agent,{agent.pid},booking_agent,,,false\n")

    def _agent(self, agent: Person, fac: Facilitator | None) -> tuple[str, str, str]:
        """The booking agent's name, phone and e-mail as the booking shows them."""
        r = self.ctx.r
        name = maybe_typo(agent.name.casual(r), r)
        if fac is not None:
            phone = local(fac.phones[int(r() * len(fac.phones))], r, "64") if r() < 0.9 else ""
            return name, phone, pick(fac.emails, r) if fac.emails and r() < 0.7 else ""
        phone = local(agent.nz_phone or agent.phone, r, "64") if r() < 0.8 else ""
        return name, phone, agent.email or ""

    def close(self) -> None:
        self.sink.close()
