"""Protection of people: keyed pseudonyms (HMAC-SHA256) and sealed raw cells (AES-256-GCM).

Protected persons' identifying values are stored only as pseudonyms: ``psn:`` + 26 base32
characters of HMAC-SHA256(key, type ‖ normal form). The same value gives the same pseudonym,
so protected records can still be linked among themselves, but nothing in the store reveals it.
Raw cells that held such values are sealed with a separate key, or replaced by the pseudonym
when no seal key is configured.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
from functools import lru_cache

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PSEUDONYM_PREFIX = "psn:"
SEALED_PREFIX = "sealed:v1:"


class Protector:
    """Pseudonymises and seals with keys from configuration. Holds no state in the store."""

    def __init__(self, pseudonym_key: bytes, seal_key: bytes | None = None) -> None:
        self._key = pseudonym_key
        self._aead = AESGCM(seal_key) if seal_key else None
        self.pseudonym = lru_cache(maxsize=1 << 17)(self._pseudonym)

    def _pseudonym(self, type_name: str, normal: str) -> str:
        mac = hmac.new(self._key, f"{type_name}\x1f{normal}".encode(), hashlib.sha256).digest()
        return PSEUDONYM_PREFIX + base64.b32encode(mac[:16]).decode("ascii").rstrip("=").lower()

    def digest(self, *parts: str, size: int = 16) -> str:
        """A keyed digest for ids derived from content (record ids): no clear fingerprint."""
        data = "\x1f".join(parts).encode()
        return hashlib.blake2b(data, key=self._key[:64], digest_size=size).hexdigest()

    @property
    def can_seal(self) -> bool:
        return self._aead is not None

    def seal(self, text: str, context: str) -> str:
        """Encrypt one raw cell; ``context`` (source/record/column) is bound as associated data."""
        if self._aead is None:
            raise RuntimeError("no seal key configured")
        nonce = os.urandom(12)
        ct = self._aead.encrypt(nonce, text.encode("utf-8"), context.encode("utf-8"))
        return SEALED_PREFIX + base64.b64encode(nonce + ct).decode("ascii")

    def unseal(self, token: str, context: str) -> str:
        if self._aead is None:
            raise RuntimeError("no seal key configured")
        blob = base64.b64decode(token[len(SEALED_PREFIX) :])
        return self._aead.decrypt(blob[:12], blob[12:], context.encode("utf-8")).decode("utf-8")


def is_pseudonym(value: str) -> bool:
    return value.startswith(PSEUDONYM_PREFIX)
