"""The mapping file written beside each source file (format: docs/mapping.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tiaki.synth.pools import TextPools

Spec = dict[str, Any]


def col(name: str, **extra: Any) -> Spec:
    return {"column": name, **extra}


def ref(entity: str) -> Spec:
    return {"entity": entity}


def _uk(source: str, intel: str, code: str = "P", conditions: str | None = None) -> Spec:
    handling: Spec = {"system": "uk-3x5x2", "code": code}
    if conditions:
        handling["conditions"] = conditions
    return {"grading": {"system": "uk-3x5x2", "source": source, "intelligence": intel},
            "handling": handling}


def _nz_defaults(date_column: str, officer: str | None, grading: Spec) -> Spec:
    out: Spec = {"phone_region": "NZ", "date_order": "DMY", "name_order": "auto",
                 "collected_at": col(date_column)}
    if officer:
        out["officer"] = col(officer)
    out.update(grading)
    return out


def _source(sid: str, label: str, agency: str, country: str = "NZ") -> Spec:
    return {"id": sid, "label": label, "agency": agency, "country": country}


def border() -> Spec:
    return {
        "name": "inz-border-refusals", "version": 1,
        "source": _source("inz-border", "Immigration New Zealand - border refusals",
                          "Immigration New Zealand"),
        "file": {"format": "csv", "encoding": "utf-8", "delimiter": ","},
        "record_key": "ref",
        "defaults": _nz_defaults("refusal_date", "officer_id", _uk("1", "A")),
        "entities": {
            "traveller": {"kind": "Person", "role": "traveller", "properties": {
                "name": col("full_name", required=True), "birth_date": col("dob"),
                "gender": col("sex"), "nationality": col("nationality"),
                "identity": col("passport_no", country=col("passport_country")),
                "phone": col("phone"), "email": col("email")}},
            "agent": {"kind": "Person", "role": "booking_agent", "properties": {
                "name": col("agent_name"), "phone": col("agent_phone"), "email": col("agent_email")}},
            "flight": {"kind": "Flight", "properties": {
                "flight_number": col("flight_no"), "date": col("refusal_date")}},
            "refusal": {"kind": "BorderRefusal", "properties": {
                "subject": ref("traveller"),
                "refusal_type": col("refusal_type", map={"RB": "refused_boarding", "RE": "refused_entry"}),
                "date": col("refusal_date"), "port": col("port"), "flight": ref("flight"),
                "booked_by": ref("agent"), "reason": col("reason_code"), "reason_text": col("reason"),
                "reference": col("ref"), "officer": col("officer_id")}},
            "booking": {"kind": "BookedBy", "properties": {
                "traveller": ref("traveller"), "agent": ref("agent")}},
        },
    }


def field() -> Spec:
    return {
        "name": "inz-field-engagements", "version": 1,
        "source": _source("inz-compliance-engagement",
                          "Immigration New Zealand - compliance field engagements and outreach",
                          "Immigration New Zealand"),
        "file": {"format": "jsonl"},
        "record_key": "ref",
        # workers speak to officers in confidence: shared only for NGO referral
        "defaults": _nz_defaults("date", "officer", _uk("1", "B", "C", "NGO referral only")),
        "consent": {"given": col("consent"), "purposes": col("consent_purposes"), "date": col("date")},
        "entities": {
            "worker": {"kind": "Person", "role": "worker", "properties": {
                "name": col("worker.name", required=True), "phone": col("worker.phone"),
                "handle": col("worker.handle", platform=col("worker.platform")),
                "nationality": col("worker.nationality"), "birth_date": col("worker.dob")}},
            "venue": {"kind": "Venue", "properties": {
                "name": col("venue.name"), "address": col("venue.address"),
                "sector": col("venue.sector"), "venue_type": col("venue.type")}},
            "employer": {"kind": "Organization", "role": "employer", "properties": {
                "name": col("employer.name"), "phone": col("employer.phone")}},
            "operator": {"kind": "Person", "role": "venue_operator", "properties": {
                "name": col("operator.name"), "phone": col("operator.phone")}},
            "engagement": {"kind": "FieldEngagement", "properties": {
                "engagement_type": col("engagement_type", map={
                    "field engagement": "field_engagement", "outreach meeting": "outreach_meeting"}),
                "participant": ref("worker"), "venue": ref("venue"), "sector": col("venue.sector"),
                "attendees": col("attendees"), "language": col("language"), "notes": col("notes"),
                "date": col("date"), "officer": col("officer"), "reference": col("ref")}},
            "employment": {"kind": "EmployedBy", "properties": {
                "employee": ref("worker"), "employer": ref("employer")}},
            "operator_employment": {"kind": "EmployedBy", "properties": {
                "employee": ref("worker"), "employer": ref("operator")}},
            "runs": {"kind": "Operates", "properties": {"operator": ref("employer"), "venue": ref("venue")}},
            "operator_runs": {"kind": "Operates", "properties": {
                "operator": ref("operator"), "venue": ref("venue")}},
        },
    }


def visits(texts: TextPools) -> Spec:
    return {
        "name": "labour-inspectorate-visits", "version": 1,
        "source": _source("labour-inspectorate", "Labour Inspectorate - employer education visits",
                          "Employment New Zealand - Labour Inspectorate"),
        # legacy export: Latin-1; the second "phone" column (the site's) is read as phone#2
        "file": {"format": "csv", "encoding": "latin-1", "delimiter": ","},
        "record_key": "visit_id",
        "defaults": _nz_defaults("visit_date", "inspector", _uk("1", "A")),
        "entities": {
            "employer": {"kind": "Organization", "role": "employer", "properties": {
                "name": col("employer_name", required=True),
                "registration_number": col("registration_number"), "phone": col("phone"),
                "sector": col("sector")}},
            "venue": {"kind": "Venue", "properties": {
                "name": col("site_name"), "address": col("site_address"), "phone": col("phone#2"),
                "sector": col("sector")}},
            "visit": {"kind": "EmployerVisit", "properties": {
                "employer": ref("employer"), "venue": ref("venue"),
                "workers_present": col("workers_present"), "topics": col("topics"),
                "outcome": col("outcome", map=dict(texts.visit_outcomes)), "date": col("visit_date"),
                "officer": col("inspector"), "reference": col("visit_id")}},
            "operates": {"kind": "Operates", "properties": {"operator": ref("employer"), "venue": ref("venue")}},
        },
    }


def notices(texts: TextPools) -> Spec:
    return {
        "name": "inz-compliance-notices", "version": 1,
        "source": _source("inz-compliance", "Immigration New Zealand - compliance notices and outcomes",
                          "Immigration New Zealand"),
        "file": {"format": "xlsx", "sheet": "Notices"},
        "record_key": "notice_ref",
        "defaults": _nz_defaults("served", None, _uk("1", "A")),
        "entities": {
            "person": {"kind": "Person", "role": "traveller", "properties": {
                "name": col("name", required=True), "birth_date": col("dob"),
                "nationality": col("nationality"),
                "identity": col("passport_no", country=col("nationality"))}},
            "employer": {"kind": "Organization", "role": "employer", "properties": {
                "name": col("employer_name")}},
            "notice": {"kind": "ComplianceNotice", "properties": {
                "subject": ref("person"), "employer": ref("employer"), "date": col("served"),
                "notice_type": col("notice_type", map=dict(texts.notice_types)),
                "outcome": col("outcome", map=dict(texts.notice_outcomes)),
                "outcome_date": col("outcome_date"), "reference": col("notice_ref")}},
        },
    }


def tips(texts: TextPools) -> Spec:
    return {
        "name": "public-tips", "version": 1,
        "source": _source("public-tips", "Public tips (tipster identities never recorded here)",
                          "Immigration New Zealand"),
        "file": {"format": "jsonl"},
        "record_key": "ref",
        "defaults": _nz_defaults("received", None, _uk("2", "C")),
        "entities": {
            "about": {"kind": "Person", "role": "suspect", "properties": {
                "name": col("about_name"), "phone": col("about_phone")}},
            "venue": {"kind": "Venue", "properties": {
                "name": col("venue_name"), "address": col("venue_address"), "sector": col("sector")}},
            "tip": {"kind": "PublicTip", "properties": {
                "channel": col("channel", map=dict(texts.tip_channels)), "about": ref("about"),
                "venue": ref("venue"), "text": col("text"), "sector": col("sector"),
                "date": col("received"), "reference": col("ref")}},
        },
    }


def partner(texts: TextPools) -> Spec:
    return {
        "name": "vn-mps-partner-brokers", "version": 1,
        "source": _source("vn-mps", "Bộ Công an (Ministry of Public Security), Viet Nam - suspected "
                          "brokers and recruiters", "Ministry of Public Security of Viet Nam", "VN"),
        "file": {"format": "csv", "encoding": "auto", "delimiter": ","},
        "record_key": "ma_ho_so",
        "defaults": {"phone_region": "VN", "date_order": "YMD", "name_order": "family_first",
                     "grading": {"system": "admiralty", "source": "B", "intelligence": "2"},
                     "handling": {"system": "tlp", "code": "AMBER"}},
        "entities": {
            "broker": {"kind": "Person", "role": col("vai_tro", map=dict(texts.partner_roles)),
                       "properties": {
                "name": col("ho_ten", required=True), "birth_date": col("ngay_sinh"),
                "nationality": col("quoc_tich"), "phone": col("so_dien_thoai"),
                "handle": col("zalo", platform="zalo"), "email": col("email"),
                "address": col("dia_chi"), "identity": col("so_ho_chieu", country=col("quoc_tich")),
                "account": col("account"), "notes": col("ghi_chu")}},
            "referral": {"kind": "PartnerReferral", "properties": {
                "partner_agency": {"value": "Ministry of Public Security (Viet Nam)"},
                "partner_country": {"value": "VN"}, "subject": ref("broker"),
                "reason": col("ghi_chu"), "reference": col("ma_ho_so"),
                "agreement": {"value": "NZ-Viet Nam information-sharing arrangement"}}},
        },
    }


def all_mappings(texts: TextPools) -> dict[str, Spec]:
    """File stem -> mapping."""
    return {"border_refusals": border(), "field_engagements": field(),
            "employer_visits": visits(texts), "compliance_notices": notices(texts),
            "public_tips": tips(texts), "partner_brokers": partner(texts)}


def write_mappings(out_dir: Path, texts: TextPools) -> list[str]:
    written = []
    for stem, spec in all_mappings(texts).items():
        name = f"{stem}.mapping.yml"
        body = yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, default_flow_style=None,
                              width=100)
        (out_dir / name).write_text(
            "# Generated by tiaki.synth: synthetic demo data, every person fictional.\n" + body,
            encoding="utf-8")
        written.append(name)
    return written
