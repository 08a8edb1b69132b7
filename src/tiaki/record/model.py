"""The record model: kinds, properties, roles and grading, loaded once from YAML.

Nothing in tiaki's logic names a kind or property; it asks the :class:`Model`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from tiaki.errors import ModelError
from tiaki.record.grading import GradingScheme
from tiaki.record.types import ValueType, get_type

CATEGORIES = ("thing", "event", "relationship")


@dataclass(frozen=True)
class Role:
    name: str
    label: str
    protected: bool
    kind_of: str | None = None


@dataclass(frozen=True)
class Property:
    name: str
    kind: str  # the kind that declares it
    type: ValueType
    label: str
    identifying: bool = False
    required: bool = False
    range: str | None = None  # for entity references: the kind referred to
    values: frozenset[str] | None = None  # for enums

    @property
    def qname(self) -> str:
        return f"{self.kind}:{self.name}"

    @property
    def matchable(self) -> bool:
        return self.type.matchable

    @property
    def pivot(self) -> bool:
        return self.type.pivot

    @property
    def is_reference(self) -> bool:
        return self.type.name == "entity"


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    label: str
    directed: bool = True


@dataclass
class Kind:
    name: str
    label: str
    category: str
    abstract: bool = False
    extends: tuple[str, ...] = ()
    caption: str | None = None
    key: tuple[str, ...] = ()
    edge: Edge | None = None
    properties: dict[str, Property] = field(default_factory=dict)
    ancestors: frozenset[str] = frozenset()

    def get(self, prop: str) -> Property:
        try:
            return self.properties[prop]
        except KeyError:
            raise ModelError(f"kind {self.name} has no property {prop!r}") from None

    def is_a(self, other: str) -> bool:
        return other == self.name or other in self.ancestors

    @property
    def identifying(self) -> frozenset[str]:
        return frozenset(p.name for p in self.properties.values() if p.identifying)


class Model:
    """The whole model. Build it with :func:`load_model`; it is immutable after loading."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.version = int(spec.get("version", 1))
        self.name = str(spec.get("name", "tiaki"))
        self.lists: dict[str, tuple[str, ...]] = {
            k: tuple(v) for k, v in spec.items() if isinstance(v, list) and k != "includes"
        }
        self.roles = {n: _role(n, r) for n, r in spec.get("roles", {}).items()}
        self._protected = frozenset(r.name for r in self.roles.values() if r.protected)
        self.grading = GradingScheme(spec.get("grading", {}), spec.get("handling", {}))
        self.kinds: dict[str, Kind] = {}
        raw_kinds: dict[str, Any] = spec.get("kinds", {})
        for name in raw_kinds:
            self._build_kind(name, raw_kinds, ())

    # --- building -----------------------------------------------------------------------
    def _build_kind(self, name: str, raw: dict[str, Any], path: tuple[str, ...]) -> Kind:
        if name in self.kinds:
            return self.kinds[name]
        if name in path:
            raise ModelError(f"kind {name} extends itself via {' -> '.join(path)}")
        if name not in raw:
            raise ModelError(f"kind {path[-1] if path else '?'} extends unknown kind {name!r}")
        spec = raw[name]
        parents = [self._build_kind(p, raw, (*path, name)) for p in spec.get("extends", [])]
        category = spec.get("category") or next((p.category for p in parents), None)
        if category not in CATEGORIES:
            raise ModelError(f"kind {name} needs a category among {CATEGORIES}")
        props: dict[str, Property] = {}
        for parent in parents:
            props.update(parent.properties)
        for pname, pspec in (spec.get("properties") or {}).items():
            props[pname] = self._build_property(name, pname, pspec)
        kind = Kind(
            name=name,
            label=spec.get("label", name),
            category=category,
            abstract=bool(spec.get("abstract", False)),
            extends=tuple(p.name for p in parents),
            caption=spec.get("caption") or next((p.caption for p in parents if p.caption), None),
            key=tuple(spec.get("key", ())),
            edge=Edge(**spec["edge"]) if spec.get("edge") else None,
            properties=props,
            ancestors=frozenset(a for p in parents for a in (p.name, *p.ancestors)),
        )
        for k in (*kind.key, *((kind.edge.source, kind.edge.target) if kind.edge else ())):
            kind.get(k)
        self.kinds[name] = kind
        return kind

    def _build_property(self, kind: str, name: str, spec: dict[str, Any]) -> Property:
        values = spec.get("values")
        if "values_from" in spec:
            src = spec["values_from"]
            values = list(self.roles) if src == "roles" else self.lists.get(src)
            if values is None:
                raise ModelError(f"{kind}:{name} takes values from unknown list {src!r}")
        return Property(
            name=name,
            kind=kind,
            type=get_type(spec.get("type", "string")),
            label=spec.get("label", name),
            identifying=bool(spec.get("identifying", False)),
            required=bool(spec.get("required", False)),
            range=spec.get("range"),
            values=frozenset(values) if values is not None else None,
        )

    # --- queries --------------------------------------------------------------------------
    def get(self, name: str) -> Kind:
        try:
            kind = self.kinds[name]
        except KeyError:
            known = ", ".join(k for k, v in self.kinds.items() if not v.abstract)
            raise ModelError(f"unknown kind {name!r}; kinds: {known}") from None
        return kind

    def role(self, name: str) -> Role:
        try:
            return self.roles[name]
        except KeyError:
            raise ModelError(f"unknown role {name!r}; roles: {', '.join(self.roles)}") from None

    def is_protected_role(self, name: str | None) -> bool:
        return bool(name) and self.role(str(name)).protected

    @property
    def protected_roles(self) -> frozenset[str]:
        return self._protected

    def concrete(self, category: str | None = None) -> list[Kind]:
        return [k for k in self.kinds.values() if not k.abstract and category in (None, k.category)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "kinds": {
                k.name: {
                    "label": k.label,
                    "category": k.category,
                    "key": list(k.key),
                    "properties": {
                        p.name: {
                            "type": p.type.name,
                            "identifying": p.identifying,
                            "matchable": p.matchable,
                            "pivot": p.pivot,
                        }
                        for p in k.properties.values()
                    },
                }
                for k in self.concrete()
            },
            "roles": {r.name: {"protected": r.protected} for r in self.roles.values()},
        }


def _role(name: str, spec: dict[str, Any]) -> Role:
    return Role(name, spec.get("label", name), bool(spec.get("protected")), spec.get("kind_of"))


def read_spec(path: Path) -> dict[str, Any]:
    """Read a model root file and merge the files it includes."""
    try:
        root: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ModelError(f"cannot read model: {exc}", file=str(path)) from None
    for inc in root.pop("includes", []):
        part = read_spec(path.parent / inc)
        for key, value in part.items():
            if isinstance(value, dict) and isinstance(root.get(key), dict):
                dup = set(root[key]) & set(value)
                if dup:
                    raise ModelError(f"{key} defined twice: {sorted(dup)}", file=inc)
                root[key].update(value)
            else:
                root[key] = value
    return root


@cache
def load_model(path: str | None = None) -> Model:
    """Load (once) the model from ``path``, or the built-in schema."""
    if path is None:
        root = Path(str(resources.files("tiaki.record").joinpath("schema/model.yml")))
    else:
        root = Path(path)
    return Model(read_spec(root))
