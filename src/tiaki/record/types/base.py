"""The value-type protocol: small registered classes with clean / validate / compare."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, ClassVar, Generic, Literal, ParamSpec, TypeVar, cast

from tiaki.errors import InvalidValue

P = ParamSpec("P")
R = TypeVar("R", str, str | None)

DateOrder = Literal["DMY", "MDY", "YMD"]
NameOrder = Literal["given_first", "family_first", "auto"]


@dataclass(frozen=True, slots=True)
class CleanContext:
    """Per-source hints a type may use while cleaning. Hashable: usable as a cache key."""

    phone_region: str | None = None  # ISO 3166 alpha-2 default region for phones
    date_order: DateOrder = "DMY"  # day/month order of ambiguous dates in this source
    name_order: NameOrder = "auto"  # order of name parts in this source
    country: str | None = None  # country hint (e.g. issuing country of a document)


DEFAULT_CONTEXT = CleanContext()


class ValueType:
    """A value type. Subclasses set ``name`` and flags and override the methods.

    - ``clean(raw, ctx)`` turns a raw cell into the canonical string (or ``None`` when the
      cell is empty) and raises :class:`tiaki.errors.InvalidValue` with a reason when it
      cannot. It is pure: the same input gives the same output, so callers cache it.
    - ``normal(value)`` gives the comparison form of a cleaned value (ASCII, folded).
    - ``validate(value)`` tells whether a string is already a valid canonical value.
    - ``compare(a, b)`` scores two cleaned values in [0, 1].
    """

    name: ClassVar[str] = "string"
    label: ClassVar[str] = "Text"
    matchable: ClassVar[bool] = False  # useful evidence when resolving entities
    pivot: ClassVar[bool] = False  # values become graph nodes that connect entities
    max_length: ClassVar[int] = 4096

    def clean(self, raw: object, ctx: CleanContext = DEFAULT_CONTEXT) -> str | None:
        raise NotImplementedError

    def normal(self, value: str) -> str:
        return value

    def validate(self, value: str) -> bool:
        try:
            return self.clean(value) == value
        except Exception:  # noqa: BLE001 - validate answers yes/no
            return False

    def compare(self, a: str, b: str) -> float:
        return 1.0 if self.normal(a) == self.normal(b) else 0.0

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}>"


_REGISTRY: dict[str, ValueType] = {}


def register(cls: type[ValueType]) -> type[ValueType]:
    """Class decorator: register one instance of a value type under its ``name``."""
    _REGISTRY[cls.name] = cls()
    return cls


def get_type(name: str) -> ValueType:
    from tiaki.errors import ModelError

    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ModelError(f"unknown value type {name!r}; known types: {known}") from None


def all_types() -> dict[str, ValueType]:
    return dict(_REGISTRY)


# --- helpers shared by the type modules -------------------------------------------------


def raw_text(raw: object) -> str | None:
    """Turn a raw cell into stripped text, or ``None`` when it is empty.

    Accepts ``str``, ``int``, ``float`` (NaN is empty; integral floats lose their ``.0``,
    as spreadsheets store whole numbers as floats), ``Decimal``, ``bytes`` (UTF-8) and
    anything else through ``str()``.
    """
    if raw is None:
        return None
    if isinstance(raw, str):
        text = raw.strip()
    elif isinstance(raw, bool):
        text = "true" if raw else "false"
    elif isinstance(raw, int):
        text = str(raw)
    elif isinstance(raw, float):
        text = _float_text(raw)
    elif isinstance(raw, Decimal):
        text = "" if raw.is_nan() else format(raw, "f")
    elif isinstance(raw, bytes | bytearray):
        text = bytes(raw).decode("utf-8", errors="replace").strip()
    else:
        text = str(raw).strip()
    return text or None


def _float_text(value: float) -> str:
    if math.isnan(value):
        return ""
    if value.is_integer():
        return str(int(value))
    return repr(value)


@dataclass(frozen=True, slots=True)
class _Failure:
    reason: str


class CachedClean(Generic[P, R]):
    """An LRU cache around a pure cleaning function that may raise ``InvalidValue``.

    Unlike :func:`functools.lru_cache` it also remembers failures, so a column full of the
    same bad value is parsed once; each call still raises a fresh ``InvalidValue``.
    """

    def __init__(self, fn: Callable[P, R], maxsize: int) -> None:
        self._fn: Callable[P, R] = fn
        self._cached: functools._lru_cache_wrapper[R | _Failure] = functools.lru_cache(
            maxsize=maxsize
        )(self._outcome)
        functools.update_wrapper(self, fn)

    def _outcome(self, *args: Any, **kwargs: Any) -> R | _Failure:
        try:
            return self._fn(*args, **kwargs)
        except InvalidValue as exc:
            return _Failure(exc.message)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        result = self._cached(*args, **cast(dict[str, Hashable], kwargs))
        if isinstance(result, _Failure):
            raise InvalidValue(result.reason)
        return result

    def cache_clear(self) -> None:
        self._cached.cache_clear()

    def cache_info(self) -> Any:
        return self._cached.cache_info()


def cached_clean(maxsize: int) -> Callable[[Callable[P, R]], CachedClean[P, R]]:
    """Decorator form of :class:`CachedClean`; the arguments must be hashable."""

    def decorate(fn: Callable[P, R]) -> CachedClean[P, R]:
        return CachedClean(fn, maxsize)

    return decorate
