"""Ground truth: it matches the mentions in the files, and the planted structure is there."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
from anyascii import anyascii

from tests.synth.helpers import KEYS, SOURCES, emitted_entities, mapping_for, read_rows
from tiaki.synth import ScenarioSummary

Scenario = tuple[Path, ScenarioSummary]
NAMES = {
    "inz-border": {"traveller": "full_name", "agent": "agent_name"},
    "inz-compliance-engagement": {"worker": "worker.name", "operator": "operator.name"},
    "inz-compliance": {"person": "name"},
    "public-tips": {"about": "about_name"},
    "vn-mps": {"broker": "ho_ten"},
}


def _csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _quarantined(out: Path) -> set[tuple[str, str]]:
    return {
        (r["source_id"], r["record_key"])
        for r in _csv(out / "bad_rows.csv")
        if r["expect"] == "quarantine"
    }


@pytest.mark.parametrize("scenario", ["small", "medium"])
def test_truth_rows_match_the_mentions_in_the_files(
    scenario: str, request: pytest.FixtureRequest
) -> None:
    out, s = request.getfixturevalue(scenario)
    quarantined = _quarantined(out)
    expected: Counter[tuple[str, str, str]] = Counter()
    for name, sid in SOURCES.items():
        mapping = mapping_for(out / name)
        for row in read_rows(out / name):
            key = str(row[KEYS[sid]])
            if (sid, key) in quarantined:
                continue
            for entity in emitted_entities(mapping, row):
                expected[(sid, key, entity)] += 1
    truth = _csv(out / "truth.csv")
    got = Counter((t["source_id"], t["record_key"], t["entity"]) for t in truth)
    assert got == expected
    assert len(truth) == s.mentions
    people = {t["person_id"] for t in truth if t["person_id"].startswith("P")}
    # every person has a row, except the few whose only row was planted bad
    assert s.people - len(quarantined) <= len(people) <= s.people
    assert all(t["protected"] == ("true" if t["role"] == "worker" else "false") for t in truth)
    workers = {t["person_id"] for t in truth if t["role"] == "worker"}
    assert len(workers) <= s.protected_persons <= len(workers) + len(quarantined)


def _mentions_by_network(out: Path) -> dict[str, Counter[tuple[str, str]]]:
    seen: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for t in _csv(out / "truth.csv"):
        if t["network_id"] and t["person_id"].startswith("P"):
            seen[t["network_id"]][(t["source_id"], t["entity"])] += 1
    return seen


@pytest.mark.parametrize("scenario", ["small", "medium"])
def test_planted_networks_share_identifiers_and_appear_everywhere(
    scenario: str, request: pytest.FixtureRequest
) -> None:
    out, s = request.getfixturevalue(scenario)
    members: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _csv(out / "networks.csv"):
        members[row["network_id"]].append(row)
    assert len(members) == s.networks and sum(map(len, members.values())) == s.facilitators
    for nid, rows in members.items():
        assert 3 <= len(rows) <= 8
        shared: Counter[str] = Counter()
        for row in rows:
            for col in ("phones", "emails", "accounts", "addresses"):
                for value in set(filter(None, row[col].split(";"))):
                    shared[f"{col}:{value}"] += 1
        assert max(shared.values()) >= 3, nid
        assert {r["facilitator_role"] for r in rows} >= {
            "booking_agent",
            "venue_operator",
            "broker",
        }
    seen = _mentions_by_network(out)
    for nid in members:
        assert seen[nid][("vn-mps", "broker")] >= 1, nid
        assert seen[nid][("public-tips", "about")] >= 1, nid
    booked = sum(c[("inz-border", "agent")] for c in seen.values())
    at_venues = sum(c[("inz-compliance-engagement", "operator")] for c in seen.values())
    assert booked >= 0.02 * s.rows_by_source["inz-border"]
    assert at_venues >= 0.15 * s.rows_by_source["inz-compliance-engagement"]
    # a facilitator appears in several sources
    sources_per_person: dict[str, set[str]] = defaultdict(set)
    for t in _csv(out / "truth.csv"):
        if t["network_id"] and t["person_id"].startswith("P"):
            sources_per_person[t["person_id"]].add(t["source_id"])
    assert sum(len(v) >= 2 for v in sources_per_person.values()) >= s.facilitators / 3


def _names_by_person(out: Path) -> dict[str, list[tuple[str, str]]]:
    names: dict[tuple[str, str, str], Any] = {}
    for name, sid in SOURCES.items():
        for row in read_rows(out / name):
            for entity, col in NAMES.get(sid, {}).items():
                if row.get(col):
                    names[(sid, str(row[KEYS[sid]]), entity)] = str(row[col])
    by: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for t in _csv(out / "truth.csv"):
        value = names.get((t["source_id"], t["record_key"], t["entity"]))
        if value:
            by[t["person_id"]].append((t["source_id"], value))
    return by


def test_names_vary_across_records_of_one_person(medium: Scenario) -> None:
    out, s = medium
    by = _names_by_person(out)
    multi = {p: v for p, v in by.items() if len(v) > 1}
    varied = [p for p, v in multi.items() if len({n for _, n in v}) > 1]
    assert len(varied) > 0.3 * len(multi)
    # a Vietnamese name written with and without diacritics
    vn = [
        p
        for p, v in multi.items()
        if any(not n.isascii() and any(c in n for c in "ễăơưđĐạảấầẩậắằẳặếềểệ") for _, n in v)
        and any(n.isascii() for _, n in v)
    ]
    assert vn
    # a Chinese surname in two romanisations or in Hanzi, a Portuguese name with particles dropped
    romanised = [
        p
        for p, v in multi.items()
        if len({n for _, n in v}) > 1 and any("\u4e00" <= c <= "\u9fff" for _, n in v for c in n)
    ]
    assert romanised
    particles = [
        p
        for p, v in multi.items()
        if any(f" {w} " in n for _, n in v for w in ("da", "dos", "das", "de", "do"))
        and any(all(f" {w} " not in n for w in ("da", "dos", "das", "de", "do")) for _, n in v)
    ]
    assert particles
    # folding a variant often does not make it equal: order and parts differ too
    assert any(
        len({anyascii(n).upper().replace(",", "") for _, n in v}) > 1 for v in multi.values()
    )


def test_repeat_travellers(medium: Scenario) -> None:
    out, s = medium
    travellers = Counter(
        t["person_id"] for t in _csv(out / "truth.csv") if t["entity"] == "traveller"
    )
    repeats = sum(1 for c in travellers.values() if c >= 2)
    assert 0.03 * len(travellers) <= repeats <= 0.08 * len(travellers)


def _by_person(out: Path, columns: dict[str, dict[str, str]]) -> dict[str, list[str]]:
    values: dict[tuple[str, str, str], str] = {}
    for name, sid in SOURCES.items():
        for row in read_rows(out / name):
            for entity, col in columns.get(sid, {}).items():
                if row.get(col):
                    values[(sid, str(row[KEYS[sid]]), entity)] = str(row[col])
    by: dict[str, list[str]] = defaultdict(list)
    for t in _csv(out / "truth.csv"):
        value = values.get((t["source_id"], t["record_key"], t["entity"]))
        if value:
            by[t["person_id"]].append(value)
    return by


def test_ocr_slips_and_swapped_dates_between_records_of_one_person(medium: Scenario) -> None:
    from tests.synth.test_values import parse_date

    out, _ = medium
    passports = _by_person(
        out,
        {"inz-border": {"traveller": "passport_no"}, "inz-compliance": {"person": "passport_no"}},
    )
    confusable = {frozenset(p) for p in ("O0", "I1", "S5", "B8")}
    slips = 0
    for values in passports.values():
        for a, b in zip(values, values[1:], strict=False):
            diff = [frozenset((x, y)) for x, y in zip(a, b, strict=False) if x != y]
            if len(a) == len(b) and len(diff) == 1 and diff[0] in confusable:
                slips += 1
    assert slips >= 3
    births = _by_person(
        out, {"inz-border": {"traveller": "dob"}, "inz-compliance": {"person": "dob"}}
    )
    swaps = 0
    for values in births.values():
        dates = []
        for v in values:
            try:
                dates.append(parse_date(v, "DMY"))
            except (ValueError, AssertionError):
                continue  # a planted impossible date
        for a, b in zip(dates, dates[1:], strict=False):
            if a != b and (a.day, a.month, a.year) == (b.month, b.day, b.year):
                swaps += 1
    assert swaps >= 3
