"""Value types: registered classes that clean, normalise, validate and compare cells.

Importing this package registers every built-in type; look one up with
:func:`get_type` (``get_type("phone").clean("021 123 4567", ctx)``).
"""

from __future__ import annotations

from tiaki.record.types import (  # noqa: F401 - imported to register the types
    account,
    address,
    country,
    date,
    email,
    handle,
    identity,
    name,
    phone,
    text,
)
from tiaki.record.types.base import (
    DEFAULT_CONTEXT,
    CleanContext,
    ValueType,
    all_types,
    get_type,
    register,
)

__all__ = ["ValueType", "CleanContext", "DEFAULT_CONTEXT", "get_type", "all_types", "register"]
