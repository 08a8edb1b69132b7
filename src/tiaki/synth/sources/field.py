"""field_engagements.jsonl: compliance officers' field engagements and outreach meetings."""

from __future__ import annotations

from tiaki.synth.addresses import company_variant
from tiaki.synth.population import Person, Venue
from tiaki.synth.sinks import JsonlSink, js
from tiaki.synth.sources.base import Ctx, Source, maybe_typo, pick
from tiaki.synth.truth import BAD_PHONE, EMPTY_NAME, FORMULA, FORMULAS, IMPOSSIBLE_DATE
from tiaki.synth.values import dmy, intl, local, swap_day_month

_CHAT = {"VNM": "zalo", "CHN": "wechat", "TWN": "line", "HKG": "whatsapp", "THA": "line"}


class FieldEngagements(Source):
    source_id = "inz-compliance-engagement"
    file_name = "field_engagements.jsonl"
    fmt = "jsonl"
    bad_kinds = {
        IMPOSSIBLE_DATE: "worker.dob",
        BAD_PHONE: "worker.phone",
        EMPTY_NAME: "worker.name",
        FORMULA: "notes",
    }

    def __init__(self, ctx: Ctx) -> None:
        super().__init__(ctx)
        r = ctx.r
        self.sink = JsonlSink(self.path)
        self.officers = tuple(f"CO-{int(r() * 9000) + 1000}" for _ in range(60))

    def _handle(self, p: Person) -> tuple[str, str] | tuple[None, None]:
        r = self.ctx.r
        if r() < 0.4:
            return None, None
        platform = _CHAT.get(p.country.alpha3, "whatsapp")
        if platform == "zalo":
            return f"zalo:0{p.phone.nsn}", "zalo"
        if platform in ("wechat", "line"):
            g, f = p.name.email_parts()
            return f"{platform}:{g}{f[:3]}{int(r() * 1000)}", platform
        phone = p.nz_phone or p.phone
        return f"whatsapp:{phone.e164}", "whatsapp"

    def _notes(self, exploited: bool) -> str:
        r, ind = self.ctx.r, self.ctx.texts.indicators
        if exploited:
            parts = [pick(ind["strong"], r) for _ in range(2 + int(r() * 2))]
            if r() < 0.6:
                parts.append(pick(ind["weak"], r))
            return " ".join(dict.fromkeys(parts))
        if r() < 0.15:
            return pick(ind["weak"] if r() < 0.8 else ind["strong"], r)
        return pick(ind["none"], r)

    def write(self, p: Person, venue: Venue) -> None:
        ctx, r = self.ctx, self.ctx.r
        day = ctx.day
        ref = f"FE-{day.year}-{self.rows + 1:07d}"
        bad = self.plant(ref)
        outreach = r() < 0.3
        emp = venue.employer
        op = venue.operator
        exploited = op is not None and r() < 0.85
        phone = None
        if p.nz_phone is not None and r() < 0.85:
            phone = local(p.nz_phone, r, "64", 0.05)
        elif r() < 0.6:
            phone = intl(p.phone, r)
        handle, platform = self._handle(p)
        birth = swap_day_month(p.dob, r)
        dob: str | None = birth.isoformat() if r() < 0.75 else dmy(birth, r)
        if r() < 0.1:
            dob = None
        name = maybe_typo(p.name.casual(r), r)
        notes = self._notes(exploited)
        if bad == IMPOSSIBLE_DATE:
            dob = f"{p.dob.year}-02-{30 + (r() < 0.5)}"
        elif bad == BAD_PHONE:
            phone = "12"
        elif bad == EMPTY_NAME:
            name = ""
        elif bad == FORMULA:
            notes = f"{FORMULAS[self.bad.counts[FORMULA] % len(FORMULAS)]} {notes}"
        officer = pick(self.officers, r)
        nationality = pick(p.country.names, r)
        employer = company_variant(emp.legal, r) if r() < 0.8 else venue.name
        employer_phone = local(emp.phone, r, "64") if r() < 0.6 else None
        operator = ""
        if op is not None:
            op_phone = op.phones[int(r() * len(op.phones))]
            op_name = maybe_typo(op.name.casual(r) if r() < 0.7 else op.name.short(r), r)
            op_text = local(op_phone, r, "64") if r() < 0.8 else None
            operator = f', "operator": {{"name": {js(op_name)}, "phone": {js(op_text)}}}'
        attendees = 3 + int(r() * 15) if outreach else 1 + int(r() * 4)
        language = p.country.language if r() < 0.7 else "English"
        consent = r() < 0.85
        purposes = pick(ctx.texts.consent_purposes, r) if consent else None
        # JSON written from a template (a third of the cost of json.dumps on a nested dict)
        self.sink.write_line(
            f'{{"ref": "{ref}", "date": "{ctx.day_iso}", "engagement_type": '
            f'"{"outreach meeting" if outreach else "field engagement"}", "officer": "{officer}", '
            f'"venue": {{"name": {js(venue.name)}, "address": {js(venue.address)}, '
            f'"sector": "{venue.sector}", "type": "{venue.venue_type}"}}, '
            f'"worker": {{"name": {js(name)}, "phone": {js(phone)}, "handle": {js(handle)}, '
            f'"platform": {js(platform)}, "nationality": {js(nationality)}, "dob": {js(dob)}}}, '
            f'"employer": {{"name": {js(employer)}, "phone": {js(employer_phone)}}}{operator}, '
            f'"attendees": {attendees}, "language": {js(language)}, "notes": {js(notes)}, '
            f'"consent": "{"yes" if consent else "no"}", "consent_purposes": {js(purposes)}}}\n'
        )
        self.rows += 1
        if self.stored(bad):
            truth = ctx.truth
            truth.mention(self.source_id, ref, "worker", p.pid, "worker", protected=True)
            truth.mention(
                self.source_id,
                ref,
                "employer",
                emp.oid,
                "employer",
                emp.network.nid if emp.network else "",
            )
            if op is not None:
                truth.mention(
                    self.source_id, ref, "operator", op.pid, "venue_operator", op.network, op.role
                )

    def close(self) -> None:
        self.sink.close()
