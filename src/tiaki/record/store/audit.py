"""The hash chain of the audit log: each entry's hash covers its content and the previous hash."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


def entry_hash(
    prev: str, seq: int, at: datetime, actor: str, action: str, subject: str | None, detail: Any
) -> str:
    body = json.dumps(
        [seq, at.isoformat(), actor, action, subject, detail],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
        default=str,
    )
    return hashlib.sha256((prev + body).encode("utf-8")).hexdigest()
