"""employer_visits.csv: Labour Inspectorate employer education visits.

A legacy export: Latin-1, CRLF line ends, the ``phone`` header twice (employer, then site) and
now and then a blank line between rows.
"""

from __future__ import annotations

from tiaki.synth.addresses import company_variant, nz_person
from tiaki.synth.pools import latin1
from tiaki.synth.population import Employer
from tiaki.synth.sinks import CsvSink
from tiaki.synth.sources.base import Ctx, Source, pick
from tiaki.synth.truth import BAD_PHONE, EMPTY_NAME, FORMULA, FORMULAS, IMPOSSIBLE_DATE
from tiaki.synth.values import national

HEADER = (
    "visit_id",
    "visit_date",
    "employer_name",
    "registration_number",
    "phone",
    "site_name",
    "site_address",
    "phone",
    "sector",
    "workers_present",
    "topics",
    "outcome",
    "inspector",
)
_OUTCOMES = ("Education delivered",) * 6 + ("Follow-up needed",) * 3 + ("Referred to compliance",)
_NET_OUTCOMES = (
    "Follow-up needed",
    "Referred to compliance",
    "Referred to compliance",
    "Refused entry to site",
    "Education delivered",
)


class EmployerVisits(Source):
    source_id = "labour-inspectorate"
    file_name = "employer_visits.csv"
    fmt = "csv"
    encoding = "latin-1"
    bad_kinds = {
        IMPOSSIBLE_DATE: "visit_date",
        BAD_PHONE: "phone",
        EMPTY_NAME: "employer_name",
        FORMULA: "topics",
    }

    def __init__(self, ctx: Ctx) -> None:
        super().__init__(ctx)
        r = ctx.r
        self.sink = CsvSink(self.path, HEADER, encoding="latin-1", lineterminator="\r\n")
        # inspectors: accented Latin-1 names (José, Zoë, Renée) stay; macrons are folded
        self.inspectors = ("Zoë Nuñez", *(latin1(nz_person(ctx.names, r)) for _ in range(40)))

    def write(self, emp: Employer) -> None:
        ctx, r = self.ctx, self.ctx.r
        day = ctx.day
        ref = f"LI-V-{self.rows + 1:07d}"
        bad = self.plant(ref)
        venue = emp.venues[int(r() * len(emp.venues))]
        network = emp.network is not None
        topics = "; ".join(
            dict.fromkeys(pick(ctx.texts.visit_topics, r) for _ in range(1 + int(r() * 3)))
        )
        date_text = ctx.day_dmy
        name = latin1(company_variant(emp.legal, r))
        phone = national(emp.phone, r) if r() < 0.85 else ""
        if bad == IMPOSSIBLE_DATE:
            date_text = f"{30 + (r() < 0.5)}/02/{day.year}"
        elif bad == BAD_PHONE:
            phone = "12"
        elif bad == EMPTY_NAME:
            name = ""
        elif bad == FORMULA:
            topics = FORMULAS[self.bad.counts[FORMULA] % len(FORMULAS)]
        if r() < 0.01:
            self.sink.blank_line()
        self.sink.writerow(
            (
                ref,
                date_text,
                name,
                emp.reg_no if r() < 0.7 else "",
                phone,
                latin1(venue.name),
                latin1(venue.address),
                national(venue.phone, r) if r() < 0.6 else "",
                venue.sector,
                int(r() * (12 if network else 40)),
                topics,
                pick(_NET_OUTCOMES if network else _OUTCOMES, r),
                pick(self.inspectors, r) if self.rows else self.inspectors[0],
            )
        )
        self.rows += 1
        if self.stored(bad):
            ctx.truth.mention(
                self.source_id,
                ref,
                "employer",
                emp.oid,
                "employer",
                emp.network.nid if emp.network else "",
            )

    def close(self) -> None:
        self.sink.close()
