"""Mapping files: how the rows of one input file become statements (see docs/mapping.md)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tiaki.errors import InvalidValue, MappingError, ModelError
from tiaki.record.grading import Grade, Handling
from tiaki.record.model import Kind, Model, Property
from tiaki.record.types import CleanContext

_SOURCE_ID = re.compile(r"^[a-z0-9][a-z0-9-]{1,63}$")
FORMATS = ("csv", "xlsx", "jsonl")


@dataclass(frozen=True)
class ValueSpec:
    """Where a raw value comes from: columns (joined), or a constant; then an optional map."""

    columns: tuple[str, ...] = ()
    join: str = " "
    const: str | None = None
    map: dict[str, str] | None = None
    split: str | None = None


@dataclass(frozen=True)
class PropSpec:
    prop: Property
    value: ValueSpec | None
    ref: str | None  # the name of another entity of the row
    required: bool
    ctx: CleanContext
    country: ValueSpec | None = None  # identity documents: issuing country
    platform: ValueSpec | None = None  # messaging handles


@dataclass(frozen=True)
class EntitySpec:
    name: str
    kind: Kind
    role: ValueSpec | None
    key: tuple[str, ...]
    props: tuple[PropSpec, ...]
    own: tuple[PropSpec, ...] = field(init=False)  # the properties read from cells

    def __post_init__(self) -> None:
        object.__setattr__(self, "own", tuple(p for p in self.props if p.ref is None))


@dataclass(frozen=True)
class SourceSpec:
    id: str
    label: str
    agency: str | None
    country: str | None


@dataclass(frozen=True)
class FileSpec:
    format: str | None
    encoding: str
    delimiter: str
    sheet: str | None


@dataclass
class Mapping:
    name: str
    version: int
    path: Path
    sha256: str
    source: SourceSpec
    file: FileSpec
    record_key: tuple[str, ...]
    collected_at: ValueSpec | None
    officer: ValueSpec | None
    grading: tuple[str, ValueSpec | None, ValueSpec | None] | None
    handling: tuple[str, ValueSpec, ValueSpec | None] | None
    consent: dict[str, ValueSpec]
    entities: tuple[EntitySpec, ...]
    date_ctx: CleanContext = field(default_factory=CleanContext)

    def columns(self) -> set[str]:
        """Every input column the mapping reads."""
        specs: list[ValueSpec | None] = [self.collected_at, self.officer, *self.consent.values()]
        if self.grading:
            specs += [self.grading[1], self.grading[2]]
        if self.handling:
            specs += [self.handling[1], self.handling[2]]
        for ent in self.entities:
            specs.append(ent.role)
            for p in ent.props:
                specs += [p.value, p.country, p.platform]
        cols = {c for s in specs if s is not None for c in s.columns}
        return cols | set(self.record_key)


def load_mapping(path: Path, model: Model) -> Mapping:
    try:
        text = path.read_bytes()
        spec = yaml.safe_load(text.decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise MappingError(f"cannot read mapping: {exc}", file=str(path)) from None
    if not isinstance(spec, dict):
        raise MappingError("a mapping must be a YAML mapping", file=str(path))
    try:
        return _build(spec, path, hashlib.sha256(text).hexdigest(), model)
    except MappingError as exc:
        exc.file = exc.file or str(path)
        raise
    except ModelError as exc:
        raise MappingError(exc.message, file=str(path)) from None


def _build(spec: dict[str, Any], path: Path, sha: str, model: Model) -> Mapping:
    src = _need(spec, "source", dict)
    sid = str(_need(src, "id", str, "source"))
    if not _SOURCE_ID.match(sid):
        raise MappingError(
            "source id must be lower-case letters, digits and '-'", field="source.id"
        )
    defaults = spec.get("defaults") or {}
    base = CleanContext(
        phone_region=defaults.get("phone_region"),
        date_order=_choice(defaults.get("date_order", "DMY"), ("DMY", "MDY", "YMD"), "date_order"),
        name_order=_choice(
            defaults.get("name_order", "auto"),
            ("given_first", "family_first", "auto"),
            "name_order",
        ),
    )
    fspec = spec.get("file") or {}
    fmt = fspec.get("format")
    if fmt is not None and fmt not in FORMATS:
        raise MappingError(f"format must be one of {FORMATS}", field="file.format")
    raw_entities = _need(spec, "entities", dict)
    names = set(raw_entities)
    entities = tuple(_entity(n, e or {}, model, base, names) for n, e in raw_entities.items())
    return Mapping(
        name=str(spec.get("name") or path.stem),
        version=int(spec.get("version", 1)),
        path=path,
        sha256=sha,
        source=SourceSpec(sid, str(src.get("label", sid)), src.get("agency"), src.get("country")),
        file=FileSpec(
            fmt,
            str(fspec.get("encoding", "auto")),
            str(fspec.get("delimiter", ",")),
            fspec.get("sheet"),
        ),
        record_key=_columns(spec.get("record_key")),
        collected_at=_value(defaults.get("collected_at"), "defaults.collected_at"),
        officer=_value(defaults.get("officer"), "defaults.officer"),
        grading=_grading(defaults.get("grading"), model),
        handling=_handling(defaults.get("handling"), model),
        consent={
            k: _vs(v, f"consent.{k}")
            for k, v in (spec.get("consent") or {}).items()
            if _consent_prop(model, k)
        },
        entities=entities,
        date_ctx=base,
    )


def _entity(
    name: str, spec: dict[str, Any], model: Model, base: CleanContext, names: set[str]
) -> EntitySpec:
    where = f"entities.{name}"
    kind = model.get(str(_need(spec, "kind", str, where)))
    if kind.abstract:
        raise MappingError(f"kind {kind.name} is abstract", field=f"{where}.kind")
    role = spec.get("role")
    role_spec = _value(role, f"{where}.role")
    if role_spec is not None:
        if "role" not in kind.properties:
            raise MappingError(f"kind {kind.name} has no role", field=f"{where}.role")
        for r in ([role_spec.const] if role_spec.const else []) + list(
            (role_spec.map or {}).values()
        ):
            model.role(r)
    props = []
    for pname, pspec in (spec.get("properties") or {}).items():
        if pname not in kind.properties:
            raise MappingError(
                f"kind {kind.name} has no property {pname!r}", field=f"{where}.properties"
            )
        props.append(_prop(kind.properties[pname], pspec, base, names, f"{where}.{pname}"))
    key = tuple(spec.get("key") or kind.key)
    for k in key:
        kind.get(k)
    return EntitySpec(name, kind, role_spec, key, tuple(props))


def _prop(prop: Property, spec: Any, base: CleanContext, names: set[str], where: str) -> PropSpec:
    if not isinstance(spec, dict):
        spec = {"column": spec}
    ref = spec.get("entity")
    if ref is not None and (not prop.is_reference or ref not in names):
        raise MappingError(
            f"{ref!r} is not an entity of this mapping (or {prop.name} is not a reference)",
            field=where,
        )
    if prop.is_reference and ref is None:
        raise MappingError("a reference property takes 'entity: NAME'", field=where)
    ctx = CleanContext(
        phone_region=spec.get("phone_region", base.phone_region),
        date_order=spec.get("date_order", base.date_order),
        name_order=spec.get("name_order", base.name_order),
        country=spec["country"] if isinstance(spec.get("country"), str) else None,
    )
    country = spec.get("country")
    platform = spec.get("platform")
    return PropSpec(
        prop=prop,
        value=None if ref else _vs(spec, where),
        ref=ref,
        required=bool(spec.get("required", prop.required)),
        ctx=ctx,
        country=_vs(country, where + ".country") if isinstance(country, dict) else None,
        platform=_value(platform, where + ".platform"),
    )


def _vs(spec: Any, where: str) -> ValueSpec:
    value = _value(spec, where)
    if value is None:
        raise MappingError("needs 'column', 'columns' or 'value'", field=where)
    return value


def _value(spec: Any, where: str) -> ValueSpec | None:
    if spec is None:
        return None
    if not isinstance(spec, dict):
        return ValueSpec(const=str(spec))
    mapped = spec.get("map")
    if mapped is not None and not isinstance(mapped, dict):
        raise MappingError("'map' must be a mapping of raw value to value", field=where)
    cols = _columns(spec.get("columns", spec.get("column")))
    const = spec.get("value")
    if not cols and const is None:
        return None
    return ValueSpec(
        columns=cols,
        join=str(spec.get("join", " ")),
        const=None if const is None else str(const),
        map={str(k).strip().casefold(): str(v) for k, v in mapped.items()} if mapped else None,
        split=spec.get("split"),
    )


def _columns(spec: Any) -> tuple[str, ...]:
    if spec is None:
        return ()
    return (str(spec),) if isinstance(spec, str) else tuple(str(c) for c in spec)


def _grading(spec: Any, model: Model) -> tuple[str, ValueSpec | None, ValueSpec | None] | None:
    if spec is None:
        return None
    system = str(_need(spec, "system", str, "defaults.grading"))
    src, intel = spec.get("source"), spec.get("intelligence")
    if not isinstance(src, dict) and not isinstance(intel, dict):
        _check(lambda: model.grading.grade(system, src, intel), "defaults.grading")
    return system, _value(src, "grading.source"), _value(intel, "grading.intelligence")


def _handling(spec: Any, model: Model) -> tuple[str, ValueSpec, ValueSpec | None] | None:
    if spec is None:
        return None
    system = str(_need(spec, "system", str, "defaults.handling"))
    code, cond = spec.get("code"), spec.get("conditions")
    if not isinstance(code, dict) and not isinstance(cond, dict):
        _check(lambda: model.grading.handle(system, code, cond), "defaults.handling")
    return system, _vs(code, "defaults.handling.code"), _value(cond, "handling.conditions")


def _check(fn: Any, where: str) -> Grade | Handling:
    try:
        result: Grade | Handling = fn()
    except InvalidValue as exc:
        raise MappingError(exc.message, field=where) from None
    return result


def _consent_prop(model: Model, name: str) -> bool:
    if name not in model.get("Consent").properties:
        raise MappingError(f"Consent has no property {name!r}", field=f"consent.{name}")
    return True


def _choice(value: Any, options: tuple[str, ...], where: str) -> Any:
    if value not in options:
        raise MappingError(f"must be one of {options}", field=where)
    return value


def _need(spec: dict[str, Any], key: str, typ: type, where: str = "") -> Any:
    value = spec.get(key)
    if not isinstance(value, typ):
        name = f"{where}.{key}" if where else key
        raise MappingError(f"missing or invalid {key!r}", field=name)
    return value
