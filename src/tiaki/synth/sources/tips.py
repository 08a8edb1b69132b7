"""public_tips.jsonl: tips from the public about venues, phones and named people.

No tipster identity is ever written: only what the tip is about.
"""

from __future__ import annotations

from typing import Any

from tiaki.synth.pools import Weighted
from tiaki.synth.population import Facilitator, Person, Venue
from tiaki.synth.sinks import JsonlSink
from tiaki.synth.sources.base import Ctx, Source, maybe_typo, pick
from tiaki.synth.truth import BAD_PHONE, FORMULA, FORMULAS, IMPOSSIBLE_DATE
from tiaki.synth.values import local

_CHANNELS = (
    ("Online form", 45),
    ("Phone", 30),
    ("Email", 15),
    ("In person", 5),
    ("Partner agency", 3),
    ("Other", 2),
)


class PublicTips(Source):
    source_id = "public-tips"
    file_name = "public_tips.jsonl"
    fmt = "jsonl"
    bad_kinds = {IMPOSSIBLE_DATE: "received", BAD_PHONE: "about_phone", FORMULA: "text"}

    def __init__(self, ctx: Ctx) -> None:
        super().__init__(ctx)
        self.sink = JsonlSink(self.path)
        self.channels = Weighted(_CHANNELS)

    def write(self, venue: Venue | None, about: Person | None) -> None:
        """A tip about a venue, a person, or a person at a venue."""
        ctx, r = self.ctx, self.ctx.r
        day = ctx.day
        ref = f"TIP-{day.year}-{self.rows + 1:06d}"
        bad = self.plant(ref)
        received = f"{ctx.day_iso}T{int(r() * 24):02d}:{int(r() * 60):02d}:{int(r() * 60):02d}"
        t = ctx.texts
        name = phone = None
        if about is None:
            text = pick(t.tips_venue, r).format(venue=venue.name if venue else "the shop")
        else:
            u = r()
            if u < 0.6:
                name = maybe_typo(about.name.casual(r), r)
            elif u < 0.85:
                name = about.name.short(r)
            else:
                name = about.name.native(r)
            if isinstance(about, Facilitator):
                ph = about.phones[int(r() * len(about.phones))] if r() < 0.8 else None
            else:
                ph = (about.nz_phone or about.phone) if r() < 0.6 else None
            phone = local(ph, r, "64") if ph is not None else None
            if venue is not None:
                text = pick(t.tips_person_venue, r).format(name=name, venue=venue.name)
            else:
                text = pick(t.tips_person, r).format(name=name)
            if phone is not None:
                text += pick(t.tips_phone, r).format(phone=phone)
            if isinstance(about, Facilitator) and about.accounts and r() < 0.5:
                text += pick(t.tips_account, r).format(account=pick(about.accounts, r))
        if bad == IMPOSSIBLE_DATE:
            received = f"{day.year}-02-30T{received[11:]}"
        elif bad == BAD_PHONE:
            phone = "12"
        elif bad == FORMULA:
            text = f"{FORMULAS[self.bad.counts[FORMULA] % len(FORMULAS)]} {text}"
        record: dict[str, Any] = {
            "ref": ref,
            "received": received,
            "channel": self.channels.pick(r()),
            "text": text,
            "about_name": name,
            "about_phone": phone,
            "venue_name": venue.name if venue else None,
            "venue_address": venue.address if venue and r() < 0.7 else None,
            "sector": venue.sector if venue and r() < 0.5 else None,
        }
        self.sink.write(record)
        self.rows += 1
        if about is not None and self.stored(bad):
            if isinstance(about, Facilitator):
                ctx.truth.mention(
                    self.source_id, ref, "about", about.pid, "suspect", about.network, about.role
                )
            else:
                ctx.truth.mention(self.source_id, ref, "about", about.pid, "suspect")

    def close(self) -> None:
        self.sink.close()
