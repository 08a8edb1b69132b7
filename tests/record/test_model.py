from __future__ import annotations

from pathlib import Path

import pytest

from tiaki.errors import MappingError, ModelError
from tiaki.record.mapping import load_mapping
from tiaki.record.model import Model, load_model, read_spec


def test_model_has_the_kinds_the_field_needs(model: Model) -> None:
    things = {k.name for k in model.concrete("thing")}
    assert {
        "Person",
        "Organization",
        "Venue",
        "Phone",
        "Email",
        "IdentityDocument",
        "Address",
        "BankAccount",
        "MessagingHandle",
        "Flight",
    } <= things
    events = {k.name for k in model.concrete("event")}
    assert {
        "BorderRefusal",
        "FieldEngagement",
        "EmployerVisit",
        "ComplianceNotice",
        "PublicTip",
        "PartnerReferral",
    } <= events
    rels = {k.name for k in model.concrete("relationship")}
    assert {
        "BookedBy",
        "EmployedBy",
        "Operates",
        "Contacted",
        "Paid",
        "Associate",
        "Family",
    } <= rels
    for rel in model.concrete("relationship"):
        assert rel.edge is not None


def test_identifying_and_protected_are_data(model: Model) -> None:
    person = model.get("Person")
    assert {"name", "birth_date", "phone", "identity"} <= person.identifying
    assert "nationality" not in person.identifying
    assert model.protected_roles == {"worker", "victim", "witness", "informant"}
    assert model.get("Phone").get("number").pivot
    assert person.get("name").matchable and not person.get("name").pivot
    assert model.get("BorderRefusal").is_a("Event")


def test_unknown_names_are_model_errors(model: Model) -> None:
    with pytest.raises(ModelError, match="unknown kind"):
        model.get("Spaceship")
    with pytest.raises(ModelError, match="no property"):
        model.get("Person").get("wingspan")
    with pytest.raises(ModelError, match="unknown role"):
        model.role("astronaut")


def test_model_errors_for_broken_schema(tmp_path: Path) -> None:
    (tmp_path / "m.yml").write_text("kinds:\n  A: {extends: [B], category: thing}\n")
    with pytest.raises(ModelError, match="unknown kind"):
        Model(read_spec(tmp_path / "m.yml"))
    (tmp_path / "m.yml").write_text(
        "kinds:\n  A: {category: thing, properties: {x: {type: nope}}}\n"
    )
    with pytest.raises(ModelError, match="unknown value type"):
        Model(read_spec(tmp_path / "m.yml"))


def test_model_is_loaded_once() -> None:
    assert load_model() is load_model()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("source: {id: x1}\nentities: {p: {kind: Spaceship}}", "unknown kind"),
        (
            "source: {id: x1}\nentities: {p: {kind: Person, properties: {wings: {column: a}}}}",
            "no property",
        ),
        ("source: {id: x1}\nentities: {p: {kind: Person, role: astronaut}}", "unknown role"),
        ("source: {id: X 1}\nentities: {}", "source id"),
        ("entities: {}", "source"),
        (
            "source: {id: x1}\ndefaults: {grading: {system: uk-3x5x2, source: '9'}}\nentities: {}",
            "not a source grade",
        ),
        (
            "source: {id: x1}\ndefaults: {handling: {system: uk-3x5x2, code: C}}\nentities: {}",
            "conditions",
        ),
        (
            "source: {id: x1}\nentities: {e: {kind: BorderRefusal, properties: "
            "{subject: {entity: nobody}}}}",
            "not an entity",
        ),
        ("source: {id: x1}\nentities: [1, 2", "cannot read mapping"),
    ],
)
def test_bad_mappings_are_clear_errors(
    tmp_path: Path, model: Model, body: str, message: str
) -> None:
    path = tmp_path / "bad.mapping.yml"
    path.write_text(body)
    with pytest.raises(MappingError, match=message) as info:
        load_mapping(path, model)
    assert info.value.file == str(path)
