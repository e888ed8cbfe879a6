"""Configuration from the environment, validated once at start-up.

Relative paths in settings (WIJKWIJZER_DB, WIJKWIJZER_KNOWLEDGE) are resolved against ONE base,
WIJKWIJZER_HOME (default: the project folder, where bot.py lives), never against the working
directory: a command run from another folder finds the same database.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from knowledge.loader import SAMPLE

PROJECT = Path(__file__).resolve().parent
SAMPLE_NAME = "sample"  # WIJKWIJZER_KNOWLEDGE=sample: the fictional Voorbeeldstad, chosen on purpose
SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a webhook secret_token


class ConfigError(ValueError):
    """A setting that cannot work; the message says which and why."""


@dataclass(frozen=True)
class Config:
    """Every setting the bot reads, with its default."""

    token: str | None
    base_url: str | None
    knowledge_dir: Path | None  # None: no knowledge base given where one is required (the Docker image)
    db_path: Path
    log_level: str = "INFO"
    followup_days: float = 5.0
    retention_days: float = 90.0
    tick_seconds: float = 5.0
    home: Path = PROJECT
    webhook_url: str | None = None  # set: Telegram posts updates to this HTTPS address instead of long polling
    webhook_secret: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8080

    @property
    def webhook_path(self) -> str:
        """The path the webhook server answers on: the path of the public URL (a proxy passes it through)."""
        return urlsplit(self.webhook_url or "").path or "/"

    @property
    def schedule_seconds(self) -> float:
        """How often reminders, escalations and retention run (the 'tick' the health check looks at)."""
        return max(self.tick_seconds, 30.0)

    @property
    def health_stale_seconds(self) -> float:
        """A bot whose last tick is older than this is unhealthy."""
        return 3 * self.schedule_seconds

    def resolve(self, value: str | Path) -> Path:
        """A path from a setting: relative ones are taken from WIJKWIJZER_HOME."""
        path = Path(value).expanduser()
        return path if path.is_absolute() else self.home / path

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
        home = Path(env.get("WIJKWIJZER_HOME") or PROJECT).expanduser()
        if not home.is_absolute():
            raise ConfigError(f"WIJKWIJZER_HOME must be an absolute path, got {str(home)!r}")
        webhook = _webhook(env)
        config = cls(
            followup_days=followup_days,
            retention_days=retention_days,
            tick_seconds=tick_seconds,
            token=(env.get("TELEGRAM_BOT_TOKEN") or "").strip() or None,
            base_url=base_url,
            knowledge_dir=None,
            db_path=Path(),
            log_level=log_level,
            home=home,
            **webhook,
        )
        knowledge = (env.get("WIJKWIJZER_KNOWLEDGE") or "").strip()
        if knowledge == SAMPLE_NAME or (not knowledge and env.get("WIJKWIJZER_REQUIRE_KNOWLEDGE") != "1"):
            knowledge_dir: Path | None = SAMPLE  # from the source tree the sample is the default; the image says no
        else:
            knowledge_dir = config.resolve(knowledge) if knowledge else None
        db_path = config.resolve(env.get("WIJKWIJZER_DB") or "data/wijkwijzer.sqlite3")
        return cls(**{**config.__dict__, "knowledge_dir": knowledge_dir, "db_path": db_path})


def _webhook(env: Mapping[str, str]) -> dict:
    """WIJKWIJZER_WEBHOOK_*: checked whenever a URL is set (the secret is required then)."""
    url = (env.get("WIJKWIJZER_WEBHOOK_URL") or "").strip() or None
    secret = (env.get("WIJKWIJZER_WEBHOOK_SECRET") or "").strip() or None
    listen = (env.get("WIJKWIJZER_WEBHOOK_LISTEN") or "127.0.0.1").strip()
    try:
        port = int(env.get("WIJKWIJZER_WEBHOOK_PORT") or 8080)
    except ValueError as exc:
        raise ConfigError(f"WIJKWIJZER_WEBHOOK_PORT must be a port number: {exc}") from exc
    if not 0 < port < 65536:
        raise ConfigError(f"WIJKWIJZER_WEBHOOK_PORT must be between 1 and 65535, got {port}")
    if url is not None:
        if urlsplit(url).scheme != "https" or not urlsplit(url).hostname:
            raise ConfigError(f"WIJKWIJZER_WEBHOOK_URL must be an https:// address (Telegram requires it), got {url!r}")
        if secret is None:
            raise ConfigError("webhook mode needs WIJKWIJZER_WEBHOOK_SECRET (1-256 letters, digits, _ or -), "
                              "so that only Telegram can post updates")
    if secret is not None and not SECRET.fullmatch(secret):
        raise ConfigError("WIJKWIJZER_WEBHOOK_SECRET may only hold 1-256 letters, digits, _ and -")
    return {"webhook_url": url, "webhook_secret": secret, "webhook_listen": listen, "webhook_port": port}
