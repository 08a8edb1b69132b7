"""Settings, declared once: environment variables with the ``TIAKI_`` prefix.

Every setting is documented here and in ``docs/settings.md``; ``tiaki settings`` prints the
values in force (secrets masked). Keys come from configuration (environment or key files
outside the store), never from the store or the repository.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tiaki.errors import ConfigError

_MEMORY = re.compile(r"^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", re.IGNORECASE)


class Settings(BaseSettings):
    """tiaki's settings. Set them as ``TIAKI_<NAME>`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="TIAKI_", extra="ignore", frozen=True)

    home: Path = Field(Path("tiaki-data"), description="Folder of the store, keys and models.")
    store: Path | None = Field(None, description="DuckDB store file (default HOME/tiaki.duckdb).")
    memory_limit: str = Field("1GB", description="DuckDB memory limit, e.g. 1GB, 512MB.")
    threads: int = Field(2, ge=1, le=256, description="DuckDB worker threads.")
    workers: int = Field(
        default_factory=lambda: max(1, min(4, os.cpu_count() or 1)),
        ge=1,
        le=64,
        description="Processes used to clean rows during ingest (1 = in-process).",
    )
    chunk_rows: int = Field(50_000, ge=100, le=5_000_000, description="Rows per ingest chunk.")
    pseudonym_key: SecretStr | None = Field(
        None, description="HMAC key for protected persons' pseudonyms (hex or text, ≥ 32 chars)."
    )
    pseudonym_key_file: Path | None = Field(
        None, description="File holding the pseudonym key (default HOME/keys/pseudonym.key)."
    )
    seal_key: SecretStr | None = Field(
        None, description="AES-256-GCM key (64 hex chars) sealing protected cells of raw records."
    )
    seal_key_file: Path | None = Field(
        None, description="File holding the seal key (default HOME/keys/seal.key)."
    )
    protect: Literal["pseudonymise", "clear"] = Field(
        "pseudonymise",
        description="How protected persons' identifying values are stored. 'clear' must be a "
        "deliberate operator choice.",
    )
    user: str = Field(
        default_factory=lambda: os.environ.get("USER", "unknown"),
        description="Who is acting (recorded in imports and the audit log).",
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "INFO", description="Log level."
    )

    @field_validator("memory_limit")
    @classmethod
    def _memory(cls, value: str) -> str:
        if not _MEMORY.match(value.strip()):
            raise ValueError("use a size like 512MB or 2GB")
        return value.strip()

    # --- derived paths and keys -------------------------------------------------------------
    @property
    def store_path(self) -> Path:
        return self.store if self.store is not None else self.home / "tiaki.duckdb"

    @property
    def key_dir(self) -> Path:
        return self.home / "keys"

    def pseudonym_secret(self) -> bytes:
        return _secret(
            self.pseudonym_key,
            self.pseudonym_key_file,
            self.key_dir / "pseudonym.key",
            "TIAKI_PSEUDONYM_KEY",
        )

    def seal_secret(self) -> bytes | None:
        try:
            key = _secret(
                self.seal_key, self.seal_key_file, self.key_dir / "seal.key", "TIAKI_SEAL_KEY"
            )
        except ConfigError:
            return None
        if len(key) != 32:
            raise ConfigError("TIAKI_SEAL_KEY must be 32 bytes (64 hex characters)")
        return key

    def public(self) -> dict[str, str]:
        """Settings as text, secrets masked."""
        out: dict[str, str] = {}
        for name in type(self).model_fields:
            value = getattr(self, name)
            out[name] = "****" if isinstance(value, SecretStr) else str(value)
        out["store_path"] = str(self.store_path)
        return out


def _secret(value: SecretStr | None, file: Path | None, default: Path, env: str) -> bytes:
    if value is not None:
        text = value.get_secret_value().strip()
    else:
        path = file or default
        try:
            text = path.read_text(encoding="utf-8").strip()
        except OSError:
            raise ConfigError(
                f"no key configured: set {env} or {env}_FILE, or run 'tiaki init' to create "
                f"{default}"
            ) from None
    key = _decode(text)
    if len(key) < 32:
        raise ConfigError(f"{env} is too short: at least 32 bytes are needed")
    return key


def _decode(text: str) -> bytes:
    if re.fullmatch(r"[0-9a-fA-F]{64,}", text) and len(text) % 2 == 0:
        return bytes.fromhex(text)
    return text.encode("utf-8")


def new_key_hex() -> str:
    return secrets.token_hex(32)


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (e.g. from CLI options)."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    try:
        return Settings(**clean)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"setting TIAKI_{name.upper()}: {first['msg']}") from None
