"""Configuration from the environment, validated once at start-up."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from knowledge.loader import SAMPLE


class ConfigError(ValueError):
    """A setting that cannot work; the message says which and why."""


@dataclass(frozen=True)
class Config:
    """Every setting the bot reads, with its default."""

    token: str | None
    base_url: str | None
    knowledge_dir: Path
    db_path: Path
    log_level: str = "INFO"
    followup_days: float = 5.0
    retention_days: float = 90.0
    tick_seconds: float = 5.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Config:
        """Read TELEGRAM_* and WIJKWIJZER_* variables."""
        env = os.environ if env is None else env
        base_url = env.get("TELEGRAM_BASE_URL") or None
        if base_url and not base_url.startswith(("http://", "https://")):
            raise ConfigError(f"TELEGRAM_BASE_URL must start with http:// or https://, got {base_url!r}")
        log_level = (env.get("WIJKWIJZER_LOG_LEVEL") or "INFO").upper()
        if log_level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ConfigError(f"WIJKWIJZER_LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {log_level!r}")
        try:
            followup_days = float(env.get("WIJKWIJZER_FOLLOWUP_DAYS") or 5)
            retention_days = float(env.get("WIJKWIJZER_RETENTION_DAYS") or 90)
            tick_seconds = float(env.get("WIJKWIJZER_TICK_SECONDS") or 5)
        except ValueError as exc:
            raise ConfigError(
                f"WIJKWIJZER_FOLLOWUP_DAYS, _TICK_SECONDS and _RETENTION_DAYS must be numbers: {exc}"
            ) from exc
        if min(followup_days, tick_seconds, retention_days) <= 0:
            raise ConfigError("WIJKWIJZER_FOLLOWUP_DAYS, _TICK_SECONDS and _RETENTION_DAYS must be more than 0")
        return cls(
            followup_days=followup_days,
            retention_days=retention_days,
            tick_seconds=tick_seconds,
            token=(env.get("TELEGRAM_BOT_TOKEN") or "").strip() or None,
            base_url=base_url,
            knowledge_dir=Path(env.get("WIJKWIJZER_KNOWLEDGE") or SAMPLE),
            db_path=Path(env.get("WIJKWIJZER_DB") or "data/wijkwijzer.sqlite3"),
            log_level=log_level,
        )
