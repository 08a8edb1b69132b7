"""compliance_notices.xlsx: notices served by Immigration compliance, and their outcomes.

``served`` is a real Excel date cell; ``outcome_date`` an Excel serial stored as a plain
integer, as some spreadsheets hold dates.
"""

from __future__ import annotations

from datetime import timedelta

from tiaki.synth.addresses import company_variant
from tiaki.synth.population import Employer, Person
from tiaki.synth.sinks import XlsxSink, excel_serial
from tiaki.synth.sources.base import OCR_SHARE, Ctx, Source, maybe_typo, pick
from tiaki.synth.truth import EMPTY_NAME, FORMULA, FORMULAS, IMPOSSIBLE_DATE
from tiaki.synth.values import dob_dmy, ocr_slip

HEADER = (
    "notice_ref",
    "served",
    "outcome_date",
    "name",
    "dob",
    "nationality",
    "passport_no",
    "notice_type",
    "outcome",
    "employer_name",
)
CAP = 200_000
_TYPES = (
    ("Deportation Liability Notice",) * 12
    + ("Infringement Notice",) * 3
    + ("Warning Letter",) * 3
    + ("Improvement Notice", "Other")
)
_DLN_OUTCOMES = (
    ("Deported",) * 3
    + ("Departed voluntarily",) * 3
    + ("Pending",) * 2
    + ("Appeal lodged", "Visa granted", "Appeal allowed", "Withdrawn")
)
_OTHER_OUTCOMES = ("Complied",) * 4 + ("Pending", "Withdrawn", "Prosecuted")


class ComplianceNotices(Source):
    source_id = "inz-compliance"
    file_name = "compliance_notices.xlsx"
    fmt = "xlsx"
    encoding = ""
    bad_kinds = {IMPOSSIBLE_DATE: "dob", EMPTY_NAME: "name", FORMULA: "employer_name"}

    def __init__(self, ctx: Ctx) -> None:
        super().__init__(ctx)
        self.sink = XlsxSink(self.path, "Notices", HEADER)

    @property
    def full(self) -> bool:
        return self.rows >= CAP

    def write(self, p: Person, known_employer: Employer, employer_known: bool) -> None:
        """A notice served on ``p``; the employer column is filled when ``employer_known``."""
        ctx, r = self.ctx, self.ctx.r
        served = ctx.day
        ref = f"CN-{served.year}-{self.rows + 1:06d}"
        bad = self.plant(ref)
        employer = known_employer if employer_known or bad == FORMULA else None
        notice_type = pick(_TYPES, r)
        outcome = pick(_DLN_OUTCOMES if notice_type.startswith("Deport") else _OTHER_OUTCOMES, r)
        outcome_serial = None
        if outcome != "Pending":
            outcome_serial = excel_serial(served + timedelta(days=14 + int(r() * 220)))
        name = maybe_typo(p.name.passport(r), r)
        birth = dob_dmy(p.dob, r)
        passport = ocr_slip(p.passport, r) if r() < OCR_SHARE else p.passport
        emp_name = company_variant(employer.legal, r) if employer is not None else None
        if bad == IMPOSSIBLE_DATE:
            birth = f"31/02/{p.dob.year}"
        elif bad == EMPTY_NAME:
            name = ""
        elif bad == FORMULA:  # typed into a name cell: valid text, kept and escaped on export
            emp_name = FORMULAS[self.bad.counts[FORMULA] % len(FORMULAS)]
        self.sink.append(
            (
                ref,
                served,
                outcome_serial,
                name,
                birth,
                pick(p.country.names, r),
                passport if r() < 0.95 else None,
                notice_type,
                outcome,
                emp_name,
            )
        )
        self.rows += 1
        if self.stored(bad):
            ctx.truth.mention(self.source_id, ref, "person", p.pid, "traveller")
            if employer is not None:
                ctx.truth.mention(
                    self.source_id,
                    ref,
                    "employer",
                    employer.oid,
                    "employer",
                    employer.network.nid if employer.network else "",
                )

    def close(self) -> None:
        self.sink.close()
