"""partner_brokers.csv: suspected brokers and recruiters listed by Viet Nam's Ministry of Public
Security under an information-sharing agreement (UTF-8 with BOM, Vietnamese headers)."""

from __future__ import annotations

from tiaki.synth.addresses import vn_address
from tiaki.synth.countries import VN_MOBILE
from tiaki.synth.population import Facilitator, Person
from tiaki.synth.sinks import CsvSink
from tiaki.synth.sources.base import OCR_SHARE, Ctx, Source, maybe_typo, pick
from tiaki.synth.truth import BAD_PHONE, EMPTY_NAME, FORMULA, FORMULAS, IMPOSSIBLE_DATE
from tiaki.synth.values import local, ocr_slip, vn_account

HEADER = (
    "ma_ho_so",
    "ho_ten",
    "ngay_sinh",
    "quoc_tich",
    "so_dien_thoai",
    "zalo",
    "email",
    "dia_chi",
    "so_ho_chieu",
    "account",
    "vai_tro",
    "ghi_chu",
)
# facilitator role -> how the partner list writes it (mapped back in the mapping)
ROLE_TEXT = {
    "broker": "môi giới",
    "booking_agent": "môi giới",
    "recruiter": "tuyển dụng",
    "money_collector": "thu tiền",
    "venue_operator": "đưa đón",
}
# ... and the role the mapping gives each (partner_brokers.mapping.yml, broker.role.map)
MAPPED_ROLE = {
    "môi giới": "broker",
    "tuyển dụng": "recruiter",
    "thu tiền": "money_collector",
    "đưa đón": "facilitator",
}


class PartnerBrokers(Source):
    source_id = "vn-mps"
    file_name = "partner_brokers.csv"
    fmt = "csv"
    encoding = "utf-8-sig"
    bad_kinds = {
        IMPOSSIBLE_DATE: "ngay_sinh",
        BAD_PHONE: "so_dien_thoai",
        EMPTY_NAME: "ho_ten",
        FORMULA: "ghi_chu",
    }

    def __init__(self, ctx: Ctx) -> None:
        super().__init__(ctx)
        self.sink = CsvSink(self.path, HEADER, encoding="utf-8-sig")

    def write(self, p: Person, role: str) -> None:
        """A list entry for ``p`` (a facilitator, or an unplanted broker) in ``role``."""
        ctx, r = self.ctx, self.ctx.r
        day = ctx.day
        ref = f"HS-{day.year}-{self.rows + 1:06d}"
        bad = self.plant(ref)
        fac = p if isinstance(p, Facilitator) else None
        phones = fac.phones if fac else [p.phone] + ([p.nz_phone] if p.nz_phone else [])
        vn_phones = [ph for ph in phones if ph.plan is VN_MOBILE]
        phone = vn_phones[0] if vn_phones else (phones[int(r() * len(phones))] if phones else None)
        phone_text = local(phone, r, "84", 0.1) if phone is not None and r() < 0.9 else ""
        zalo = f"0{vn_phones[-1].nsn}" if vn_phones and r() < 0.6 else ""
        mails = fac.emails if fac else ([p.email] if p.email else [])
        # the partner knows the Vietnamese address (the network's office) before any other
        address = fac.addresses[0] if fac and fac.addresses else vn_address(ctx.places, r)
        accounts = fac.accounts if fac else []
        account = (
            pick(accounts, r) if accounts and r() < 0.7 else (vn_account(r) if r() < 0.15 else "")
        )
        birth = p.dob.isoformat() if r() < 0.65 else str(p.dob.year)
        name = maybe_typo(p.name.native(r), r)
        note = pick(ctx.texts.partner_notes, r)
        if bad == IMPOSSIBLE_DATE:
            birth = f"{p.dob.year}-02-{30 + (r() < 0.5)}"
        elif bad == BAD_PHONE:
            phone_text = "12"
        elif bad == EMPTY_NAME:
            name = ""
        elif bad == FORMULA:
            note = FORMULAS[self.bad.counts[FORMULA] % len(FORMULAS)]
        passport = ocr_slip(p.passport, r) if r() < OCR_SHARE else p.passport
        self.sink.writerow(
            (
                ref,
                name,
                birth,
                p.country.alpha3,
                phone_text,
                zalo,
                pick(mails, r) if mails and r() < 0.6 else "",
                address,
                passport if r() < 0.7 else "",
                account,
                ROLE_TEXT.get(role, "môi giới"),
                note,
            )
        )
        self.rows += 1
        if self.stored(bad):
            mapped = MAPPED_ROLE[ROLE_TEXT.get(role, "môi giới")]
            if fac is not None:
                ctx.truth.mention(
                    self.source_id, ref, "broker", p.pid, mapped, fac.network, fac.role
                )
            else:
                ctx.truth.mention(self.source_id, ref, "broker", p.pid, mapped)

    def close(self) -> None:
        self.sink.close()
