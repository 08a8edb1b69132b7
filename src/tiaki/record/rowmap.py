"""Apply a mapping to a chunk of rows, column by column.

Each distinct raw value is cleaned once (and remembered across chunks); rows are then
assembled from lookups. Pure (no store I/O). A row that cannot be mapped is rejected with
its column and reason, and the ingest quarantines it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from tiaki.errors import InvalidValue
from tiaki.record.mapping import EntitySpec, Mapping, PropSpec, ValueSpec
from tiaki.record.model import Model
from tiaki.record.protect import Protector
from tiaki.record.readers import ReadRow, cell_text
from tiaki.record.types import CleanContext, get_type

# A cleaned value: value, normal form, original text, column
Cleaned = tuple[str, str, str | None, str | None]
PerRow = list[tuple[Cleaned, ...] | None]
STMT_FIELDS = (
    "row",
    "entity_id",
    "kind",
    "prop",
    "value",
    "normal",
    "original",
    "protected",
    "column_name",
)
PROV_FIELDS = (
    "collected_at",
    "officer",
    "grade_system",
    "source_grade",
    "info_grade",
    "handling_system",
    "handling_code",
    "handling_conditions",
    "consent_id",
)
REC_FIELDS = ("record_id", "row_number", "record_key", "data", "protected")
QUAR_FIELDS = ("quarantine_id", "row_number", "column_name", "reason", "data")
CONSENT = "\x00consent"
_MISSING: Any = object()
_NO_GUARD: set[str] = set()


@dataclass
class Chunk:
    """A mapped chunk: records to store, rows to quarantine, statements column-wise."""

    records: list[tuple[str, int, str | None, str, bool]] = field(default_factory=list)
    prov: list[tuple[str | None, ...]] = field(default_factory=list)
    quarantined: list[tuple[str, int, str | None, str, str]] = field(default_factory=list)
    stmts: dict[str, list[Any]] = field(default_factory=lambda: {f: [] for f in STMT_FIELDS})

    def tables(self) -> ChunkTables:
        """The chunk as Arrow tables (cheap to send between processes)."""
        records = pa.table(_columns(self.records, len(REC_FIELDS)), names=REC_FIELDS)
        quarantined = pa.table(_columns(self.quarantined, len(QUAR_FIELDS)), names=QUAR_FIELDS)
        s = self.stmts
        idx = pa.array(s["row"], type=pa.int32())
        arrays = [
            pa.array(s[f], type=pa.bool_() if f == "protected" else pa.string())
            for f in STMT_FIELDS[1:]
        ]
        arrays.append(pa.array([r[0] for r in self.records], type=pa.string()).take(idx))
        prov = _columns(self.prov, len(PROV_FIELDS))
        arrays += [pa.array(c, type=pa.string()).take(idx) for c in prov]
        statements = pa.table(arrays, names=[*STMT_FIELDS[1:], "record_id", *PROV_FIELDS])
        return ChunkTables(records, statements, quarantined)


@dataclass
class ChunkTables:
    records: pa.Table
    statements: pa.Table
    quarantined: pa.Table


class ChunkMapper:
    def __init__(
        self, mapping: Mapping, model: Model, protector: Protector, pseudonymise: bool = True
    ) -> None:
        self.mapping = mapping
        self.model = model
        self.protector = protector
        self.pseudonymise = pseudonymise
        self.entities = list(mapping.entities)
        if mapping.consent:
            consent = model.get("Consent")
            props = tuple(
                PropSpec(consent.get(k), v, None, False, mapping.date_ctx)
                for k, v in mapping.consent.items()
            )
            self.entities.append(EntitySpec(CONSENT, consent, None, (), props))
        self._caches: dict[int, dict[Any, Cleaned | str]] = {}
        self._roles: dict[tuple[int, Any], str | None | InvalidValue] = {}
        self._ids: dict[tuple[str, ...], str] = {}
        self._seen: dict[str, int] = {}
        self.maybe_protected = self._maybe_protected_columns()
        consent = model.get("Consent")  # its date and text properties type provenance values
        self._prov_specs = [
            PropSpec(consent.get(prop), spec, None, False, mapping.date_ctx) if spec else None
            for prop, spec in (("date", mapping.collected_at), ("interpreter", mapping.officer))
        ]

    # --- the chunk --------------------------------------------------------------------------------
    def identify(self, rows: list[ReadRow]) -> tuple[list[str], list[str]]:
        """Each row's verbatim JSON and record id. Runs in order, in one process: a row that
        repeats an earlier one gets a new id from its occurrence count."""
        texts = [row_json(r.cells) for r in rows]
        return texts, [self._record_id(t) for t in texts]

    def map(self, rows: list[ReadRow], texts: list[str], rids: list[str]) -> Chunk:
        n = len(rows)
        cells = [r.cells for r in rows]
        reject: dict[int, tuple[str | None, str]] = {
            i: (None, r.error) for i, r in enumerate(rows) if r.error is not None
        }
        roles = {e.name: self._role_column(e, cells, reject) for e in self.entities}
        values = {
            e.name: [self._prop_column(p, cells, reject) for p in e.own] for e in self.entities
        }
        present = {e.name: self._presence(e, values[e.name], n, reject) for e in self.entities}
        prov = self._provenance(cells, reject)
        chunk = Chunk()
        for i, row in enumerate(rows):
            if i in reject:
                col, reason = reject[i]
                # a malformed row's cells cannot be told apart: seal them all if any may be
                # a protected person's
                whole = set(row.cells) if self.maybe_protected else _NO_GUARD
                sealed = self.seal(
                    row.cells, self.maybe_protected if row.error is None else whole, rids[i]
                )
                chunk.quarantined.append((rids[i], row.number, col, reason, row_json(sealed)))
        keep = [i for i in range(n) if i not in reject]
        guard = self._guards(keep, roles)
        for pos, i in enumerate(keep):
            ref = self._ref(cells[i], rids[i])
            text = (
                texts[i] if not guard[pos] else row_json(self.seal(cells[i], guard[pos], rids[i]))
            )
            chunk.records.append(
                (rids[i], rows[i].number, ref if ref != rids[i] else None, text, bool(guard[pos]))
            )
            ids = {
                e.name: self._entity_id(e, values[e.name], i, ref)
                for e in self.entities
                if present[e.name][i]
            }
            chunk.prov.append((*prov[i], ids.get(CONSENT)))
            for e in self.entities:
                if e.name in ids:
                    self._emit(
                        chunk.stmts, pos, e, values[e.name], i, ids, roles[e.name][i], guard[pos]
                    )
        return chunk

    # --- records ------------------------------------------------------------------------------
    def _record_id(self, text: str) -> str:
        digest = self.protector.digest(self.mapping.source.id, text)
        seen = self._seen.get(digest, 0)
        self._seen[digest] = seen + 1
        return digest if seen == 0 else self.protector.digest(digest, str(seen))

    def _ref(self, cells: dict[str, Any], record_id: str) -> str:
        if self.mapping.record_key:
            key = "\x1f".join(cell_text(cells.get(c)) for c in self.mapping.record_key)
            if key.strip("\x1f"):
                return key
        return record_id

    # --- columns ----------------------------------------------------------------------------
    def _raw_column(self, spec: ValueSpec, cells: list[dict[str, Any]]) -> list[Any]:
        if len(spec.columns) == 1:
            col = spec.columns[0]
            raw = [c.get(col) for c in cells]
        elif spec.columns:
            raw = [
                spec.join.join(p for p in (cell_text(c.get(k)).strip() for k in spec.columns) if p)
                for c in cells
            ]
        else:
            raw = [spec.const] * len(cells)
        if spec.const is not None and spec.columns:
            raw = [spec.const if v is None or v == "" else v for v in raw]
        return raw

    def _role_column(
        self,
        ent: EntitySpec,
        cells: list[dict[str, Any]],
        reject: dict[int, tuple[str | None, str]],
    ) -> list[str | None]:
        if ent.role is None:
            return [None] * len(cells)
        out: list[str | None] = []
        for i, raw in enumerate(self._raw_column(ent.role, cells)):
            key = (id(ent.role), raw)
            role = self._roles.get(key, _MISSING)
            if role is _MISSING:
                role = self._roles[key] = self._role_of(ent.role, raw)
            if isinstance(role, InvalidValue):
                reject.setdefault(i, (_col(ent.role), role.message))
                role = None
            out.append(role)
        return out

    def _role_of(self, spec: ValueSpec, raw: Any) -> str | None | InvalidValue:
        if raw is None or raw == "":
            return None
        role = str(raw).strip()
        if spec.map:
            role = spec.map.get(role.casefold(), role)
        if role not in self.model.roles:
            return InvalidValue(f"{role!r} is not a role of the model")
        return role

    def _prop_column(
        self, p: PropSpec, cells: list[dict[str, Any]], reject: dict[int, tuple[str | None, str]]
    ) -> PerRow:
        assert p.value is not None
        raws = self._raw_column(p.value, cells)
        countries = (
            self._raw_column(p.country, cells) if p.country is not None else [None] * len(cells)
        )
        platforms = self._raw_column(p.platform, cells) if p.platform is not None else None
        cache = self._caches.setdefault(id(p), {})
        if len(cache) > 500_000:
            cache.clear()
        out: PerRow = []
        for i, raw in enumerate(raws):
            if raw is None or raw == "":
                out.append(None)
                continue
            items = _split(raw, p.value.split)
            got = []
            for item in items:
                if platforms is not None and isinstance(item, str) and ":" not in item:
                    item = f"{platforms[i]}:{item}"
                key = (item, countries[i]) if countries[i] is not None else item
                if isinstance(key, list):
                    key = json.dumps(key)
                hit = cache.get(key)
                if hit is None:
                    hit = cache[key] = self._clean(p, item, countries[i])
                if isinstance(hit, str):
                    reject.setdefault(i, (_col(p.value), f"{p.prop.name}: {hit}"))
                elif hit[0]:
                    got.append(hit)
            out.append(tuple(got) or None)
        return out

    def _clean(self, p: PropSpec, raw: Any, country: Any) -> Cleaned | str:
        ctx = p.ctx
        if p.value is not None and p.value.map is not None and isinstance(raw, str):
            raw = p.value.map.get(raw.strip().casefold(), raw)
        if country not in (None, ""):
            try:
                code = get_type("country").clean(country)
            except InvalidValue as exc:
                return f"issuing country: {exc.message}"
            ctx = CleanContext(ctx.phone_region, ctx.date_order, ctx.name_order, code)
        vt = p.prop.type
        try:
            value = vt.clean(raw, ctx)
        except InvalidValue as exc:
            return exc.message
        if value is None:
            return ("", "", None, None)
        if p.prop.values is not None and value not in p.prop.values:
            return f"{value!r} is not one of {', '.join(sorted(p.prop.values))}"
        return (value, vt.normal(value), cell_text(raw), _col(p.value))

    def _presence(
        self, ent: EntitySpec, cols: list[PerRow], n: int, reject: dict[int, tuple[str | None, str]]
    ) -> list[bool]:
        present = [any(c[i] is not None for c in cols) for i in range(n)] if cols else [False] * n
        for p, col in zip(ent.own, cols, strict=True):
            if p.required:
                for i in range(n):
                    if present[i] and col[i] is None:
                        reject.setdefault(
                            i, (_col(p.value), f"{ent.name}.{p.prop.name} is required but empty")
                        )
        return present

    # --- protection ------------------------------------------------------------------------
    def _guards(self, keep: list[int], roles: dict[str, list[str | None]]) -> list[set[str]]:
        if not self.pseudonymise or not self.maybe_protected:
            return [_NO_GUARD] * len(keep)
        protected = self.model.protected_roles
        out = []
        for i in keep:
            cols: set[str] = set()
            for e in self.entities:
                if roles[e.name][i] in protected:
                    for p in e.own:
                        if p.prop.identifying and p.value is not None:
                            cols.update(p.value.columns)
            out.append(cols)
        return out

    def _maybe_protected_columns(self) -> set[str]:
        """Columns that may hold a protected person's values, whatever a row's role says."""
        cols: set[str] = set()
        for ent in self.entities:
            if ent.role is None:
                continue
            if (
                ent.role.const
                and not ent.role.columns
                and not self.model.is_protected_role(ent.role.const)
            ):
                continue
            for p in ent.own:
                if p.prop.identifying and p.value is not None:
                    cols.update(p.value.columns)
        return cols

    def seal(self, cells: dict[str, Any], columns: set[str], record_id: str) -> dict[str, Any]:
        """The raw row with protected cells sealed (or pseudonymised when no seal key)."""
        context = f"{self.mapping.source.id}|{record_id}"
        out = dict(cells)
        for k in columns:
            v = cells.get(k)
            if v not in (None, ""):
                text = cell_text(v)
                out[k] = (
                    self.protector.seal(text, f"{context}|{k}")
                    if self.protector.can_seal
                    else self.protector.pseudonym("raw", text)
                )
        return out

    # --- statements ---------------------------------------------------------------------------
    def _entity_id(self, ent: EntitySpec, cols: list[PerRow], i: int, ref: str) -> str:
        if ent.key:
            by_name = {p.prop.name: c[i] for p, c in zip(ent.own, cols, strict=True)}
            vals = [by_name.get(k) for k in ent.key]
            if all(vals):
                key = (ent.kind.name, *(v[0][1] for v in vals if v))
                got = self._ids.get(key)
                if got is None:
                    got = self._ids[key] = self.protector.digest(*key, size=10)
                return got
        return self.protector.digest(self.mapping.source.id, ref, ent.name, size=10)

    def _emit(
        self,
        out: dict[str, list[Any]],
        pos: int,
        ent: EntitySpec,
        cols: list[PerRow],
        i: int,
        ids: dict[str, str],
        role: str | None,
        guard: set[str],
    ) -> None:
        eid, kind = ids[ent.name], ent.kind.name
        protected = role in self.model.protected_roles
        rows: list[tuple[Any, ...]] = []
        for p, col in zip(ent.own, cols, strict=True):
            for value, normal, original, column in col[i] or ():
                if column in guard or (protected and p.prop.identifying and self.pseudonymise):
                    token = self.protector.pseudonym(p.prop.type.name, normal)
                    rows.append((pos, eid, kind, p.prop.name, token, token, None, True, column))
                else:
                    rows.append(
                        (pos, eid, kind, p.prop.name, value, normal, original, protected, column)
                    )
        for p in ent.props:
            if p.ref is not None and p.ref in ids:
                rows.append(
                    (pos, eid, kind, p.prop.name, ids[p.ref], ids[p.ref], None, protected, None)
                )
        if role:
            rows.append((pos, eid, kind, "role", role, role, None, protected, _col(ent.role)))
        for name, values in zip(STMT_FIELDS, zip(*rows, strict=True), strict=True):
            out[name].extend(values)

    def _provenance(
        self, cells: list[dict[str, Any]], reject: dict[int, tuple[str | None, str]]
    ) -> list[tuple[str | None, ...]]:
        n = len(cells)
        cols: list[list[str | None]] = []
        for ps in self._prov_specs:
            if ps is None:
                cols.append([None] * n)
            else:
                cols.append([c[0][0] if c else None for c in self._prop_column(ps, cells, reject)])
        grading = self._grading_column(cells, reject)
        return [(cols[0][i], cols[1][i], *grading[i]) for i in range(n)]

    def _grading_column(
        self, cells: list[dict[str, Any]], reject: dict[int, tuple[str | None, str]]
    ) -> list[tuple[str | None, ...]]:
        m, n = self.mapping, len(cells)
        g = m.grading
        h = m.handling
        gcols = [self._raw_column(s, cells) if s else [None] * n for s in (g[1:] if g else ())]
        hcols = [self._raw_column(s, cells) if s else [None] * n for s in (h[1:] if h else ())]
        memo: dict[tuple[Any, ...], tuple[str | None, ...] | str] = {}
        out: list[tuple[str | None, ...]] = []
        for i in range(n):
            key = tuple(c[i] for c in gcols) + tuple(c[i] for c in hcols)
            hit = memo.get(key)
            if hit is None:
                hit = memo[key] = self._grade(key[: len(gcols)], key[len(gcols) :])
            if isinstance(hit, str):
                reject.setdefault(i, (None, hit))
                hit = (None,) * 6
            out.append(hit)
        return out

    def _grade(self, g: tuple[Any, ...], h: tuple[Any, ...]) -> tuple[str | None, ...] | str:
        m, scheme = self.mapping, self.model.grading
        try:
            grade = scheme.grade(m.grading[0], *g) if m.grading else None
            handle = scheme.handle(m.handling[0], *h) if m.handling else None
        except InvalidValue as exc:
            return f"grading/handling: {exc.message}"
        return ((grade.system, grade.source, grade.intelligence) if grade else (None,) * 3) + (
            (handle.system, handle.code, handle.conditions) if handle else (None,) * 3
        )


def _columns(rows: list[Any], width: int) -> list[list[Any]]:
    return [list(c) for c in zip(*rows, strict=True)] if rows else [[] for _ in range(width)]


def row_json(cells: dict[str, Any]) -> str:
    return json.dumps(cells, ensure_ascii=False, default=cell_text, separators=(",", ":"))


def _split(raw: Any, sep: str | None) -> list[Any]:
    if isinstance(raw, (list, tuple)):
        return [r for r in raw if r not in (None, "")]
    if sep and isinstance(raw, str):
        return [s.strip() for s in raw.split(sep) if s.strip()]
    return [raw]


def _col(spec: ValueSpec | None) -> str | None:
    return spec.columns[0] if spec is not None and spec.columns else None
