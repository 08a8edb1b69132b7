"""field_engagements.jsonl: compliance officers' field engagements and outreach meetings."""

from __future__ import annotations

from typing import Any

from tiaki.synth.addresses import company_variant
from tiaki.synth.population import Person, Venue
from tiaki.synth.sinks import JsonlSink
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
        self.seq = 0

    def _handle(self, p: Person) -> tuple[str, str] | tuple[None, None]:
        r = self.ctx.r
        if r() < 0.4:
            return None, None
        platform = _CHAT.get(p.country.alpha3, "whatsapp")
        if platform == "zalo" and p.phone is not None:
            return f"zalo:0{p.phone.nsn}", "zalo"
        if platform in ("wechat", "line"):
            g, f = p.name.email_parts()
            return f"{platform}:{g}{f[:3]}{int(r() * 1000)}", platform
        phone = p.nz_phone or p.phone
        return (f"whatsapp:{phone.e164}", "whatsapp") if phone is not None else (None, None)

    def _notes(self, exploited: bool) -> str:
        r, ind = self.ctx.r, self.ctx.texts.indicators
        if exploited:
            parts = [pick(ind["strong"], r) for _ in range(2 + int(r() * 2))]
            if r() < 0.6:
                parts.append(pick(ind["weak"], r))
        elif r() < 0.15:
            parts = [pick(ind["weak"] if r() < 0.8 else ind["strong"], r)]
        else:
            parts = [pick(ind["none"], r)]
        return " ".join(dict.fromkeys(parts))

    def write(self, p: Person, venue: Venue) -> None:
        ctx, r = self.ctx, self.ctx.r
        day = ctx.day
        self.seq += 1
        ref = f"FE-{day.year}-{self.seq:06d}"
        bad = self.plant(ref)
        outreach = r() < 0.3
        emp = venue.employer
        op = venue.operator
        exploited = op is not None and r() < 0.85
        phone = None
        if p.nz_phone is not None and r() < 0.85:
            phone = local(p.nz_phone, r, "64", 0.05)
        elif p.phone is not None and r() < 0.6:
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
        record: dict[str, Any] = {
            "ref": ref,
            "date": ctx.day_iso,
            "engagement_type": "outreach meeting" if outreach else "field engagement",
            "officer": pick(self.officers, r),
            "venue": {
                "name": venue.name,
                "address": venue.address,
                "sector": venue.sector,
                "type": venue.venue_type,
            },
            "worker": {
                "name": name,
                "phone": phone,
                "handle": handle,
                "platform": platform,
                "nationality": pick(p.country.names, r),
                "dob": dob,
            },
            "employer": {
                "name": company_variant(emp.legal, r) if r() < 0.8 else venue.name,
                "phone": local(emp.phone, r, "64") if r() < 0.6 else None,
            },
        }
        if op is not None:
            op_phone = op.phones[int(r() * len(op.phones))]
            record["operator"] = {
                "name": maybe_typo(op.name.casual(r) if r() < 0.7 else op.name.short(r), r),
                "phone": local(op_phone, r, "64") if r() < 0.8 else None,
            }
        record["attendees"] = 3 + int(r() * 15) if outreach else 1 + int(r() * 4)
        record["language"] = p.country.language if r() < 0.7 else "English"
        record["notes"] = notes
        consent = r() < 0.85
        record["consent"] = "yes" if consent else "no"
        record["consent_purposes"] = pick(ctx.texts.consent_purposes, r) if consent else None
        self.sink.write(record)
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
