"""Values are clean enough for the value types (apart from the planted bad rows)."""

from __future__ import annotations

import csv
import random
import re
from datetime import date, datetime
from pathlib import Path

import phonenumbers
import pytest

from tests.synth.helpers import KEYS, SOURCES, mapping_for, read_rows
from tiaki.synth import ScenarioSummary, pools
from tiaki.synth.countries import COUNTRIES, NZ_LANDLINE, NZ_MOBILE, VN_MOBILE
from tiaki.synth.naming import make_name
from tiaki.synth.values import intl, national, new_phone, ocr_slip, typo

Scenario = tuple[Path, ScenarioSummary]
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    )
}
PHONES = {
    "inz-border": ["phone", "agent_phone"],
    "inz-compliance-engagement": ["worker.phone", "employer.phone", "operator.phone"],
    "labour-inspectorate": ["phone", "phone#2"],
    "public-tips": ["about_phone"],
    "vn-mps": ["so_dien_thoai"],
}
DATES = {
    "inz-border": ["refusal_date", "dob"],
    "inz-compliance-engagement": ["date", "worker.dob"],
    "labour-inspectorate": ["visit_date"],
    "inz-compliance": ["dob"],
    "public-tips": ["received"],
    "vn-mps": ["ngay_sinh"],
}


def parse_date(text: str, order: str) -> date:
    """The formats the generator writes (DMY with / - . or month names; ISO; year only)."""
    text = text.split("T")[0]
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1)
    if m := re.fullmatch(r"(\d{1,2}) ([A-Z][a-z]{2}) (\d{4})", text):
        return date(int(m[3]), MONTHS[m[2]], int(m[1]))
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", text)
    assert m and order == "DMY", text
    year = int(m[3]) + (
        1900 if len(m[3]) == 2 and int(m[3]) >= 30 else 2000 if len(m[3]) == 2 else 0
    )
    return date(year, int(m[2]), int(m[1]))


def _bad_keys(out: Path) -> set[tuple[str, str]]:
    with open(out / "bad_rows.csv", encoding="utf-8", newline="") as f:
        return {
            (r["source_id"], r["record_key"])
            for r in csv.DictReader(f)
            if r["expect"] == "quarantine"
        }


def test_phones_dates_and_countries_are_valid(medium: Scenario) -> None:
    out, _ = medium
    bad = _bad_keys(out)
    names = {n.lower() for c in COUNTRIES.values() for n in c.names}
    checked = 0
    for name, sid in SOURCES.items():
        defaults = mapping_for(out / name)["defaults"]
        region, order = defaults["phone_region"], defaults.get("date_order", "DMY")
        for row in read_rows(out / name):
            if (sid, str(row[KEYS[sid]])) in bad:
                continue
            for col in PHONES.get(sid, []):
                if row.get(col):
                    number = phonenumbers.parse(str(row[col]), region)
                    assert phonenumbers.is_valid_number(number), (sid, col, row[col])
                    checked += 1
            for col in DATES[sid]:
                value = row.get(col)
                if isinstance(value, str) and value:
                    parse_date(value, order)
                elif value is not None and value != "":
                    assert isinstance(value, datetime)
            for col in ("nationality", "worker.nationality", "passport_country", "quoc_tich"):
                if row.get(col):
                    assert str(row[col]).lower() in names, (sid, col, row[col])
    assert checked > 10_000


def test_phone_plans_are_valid() -> None:
    r = random.Random(5).random
    plans = [c.phone for c in COUNTRIES.values()] + [NZ_MOBILE, NZ_LANDLINE, VN_MOBILE]
    for plan in plans:
        for _ in range(200):
            phone = new_phone(plan, r)
            assert sum(plan.groups) == len(phone.nsn)
            assert phonenumbers.is_valid_number(phonenumbers.parse(phone.e164)), phone
            assert phonenumbers.parse(intl(phone, r), "NZ") == phonenumbers.parse(phone.e164)
            if plan.trunk:
                region = "NZ" if plan.cc == "64" else "VN"
                assert phonenumbers.parse(national(phone, r), region) == phonenumbers.parse(
                    phone.e164
                )


def test_name_pools_load_and_every_culture_renders() -> None:
    names = pools.names()
    r = random.Random(1).random
    cultures = {c for country in COUNTRIES.values() for c, _ in country.cultures}
    for culture in sorted(cultures):
        for sex in ("M", "F"):
            for _ in range(50):
                n = make_name(culture, sex, r, names)
                for text in (n.passport(r), n.casual(r), n.native(r), n.short(r)):
                    assert text and text == text.strip() and "  " not in text, (culture, text)
                    assert not text.startswith(",") and "None" not in text
                g, f = n.email_parts()
                assert g.isascii() and f.isascii()


def test_slips() -> None:
    r = random.Random(2).random
    confusable = {
        ("O", "0"),
        ("0", "O"),
        ("I", "1"),
        ("1", "I"),
        ("S", "5"),
        ("5", "S"),
        ("B", "8"),
        ("8", "B"),
    }
    for _ in range(50):
        slipped = ocr_slip("C1234508", r)
        diffs = [(a, b) for a, b in zip("C1234508", slipped, strict=True) if a != b]
        assert len(diffs) == 1 and diffs[0] in confusable
    changed = [typo("Nguyen Van An", r) for _ in range(100)]
    assert all(abs(len(c) - len("Nguyen Van An")) <= 1 for c in changed)
    assert any(c != "Nguyen Van An" for c in changed)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("03/04/1990", date(1990, 4, 3)),
        ("3 Apr 1990", date(1990, 4, 3)),
        ("3-4-90", date(1990, 4, 3)),
    ],
)
def test_parse_date_helper(text: str, expected: date) -> None:
    assert parse_date(text, "DMY") == expected
