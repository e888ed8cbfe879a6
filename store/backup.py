"""A consistent copy of the database while the bot runs: SQLite's online backup API.

The copy is read in one step inside one read transaction, so it is the database as it was at one
moment (every committed row up to then, nothing half-written); in WAL mode the running bot goes
on writing meanwhile. The copy is written beside the target first, checked, and then moved in place.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class Copy:
    """What the backup wrote."""

    path: Path
    size: int
    schema_version: int


class BackupError(RuntimeError):
    """The copy could not be made or is not sound; the message says why."""


def target_of(target: Path | str, now: datetime | None = None) -> Path:
    """A folder gets a dated file name (one a run: for cron; the time in UTC, marked Z), a file name is used as it
    is. A path ending in "/" is a folder, made when it does not exist yet."""
    text = str(target)
    folder = Path(text)
    if text.endswith(("/", os.sep)):
        folder.mkdir(parents=True, exist_ok=True)
    if folder.is_dir():
        stamp = (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return folder / f"wijkwijzer-{stamp}.sqlite3"
    return folder


def backup(source: Path, target: Path | str) -> Copy:
    """Copy the live database at `source` to `target` (replaced if it exists); never creates `source`."""
    if not source.is_file():
        raise BackupError(f"there is no database at {source}")
    target = target_of(target)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        reading = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
        writing = sqlite3.connect(partial)
        try:
            reading.backup(writing)  # all pages in one step: one consistent snapshot
            writing.execute("PRAGMA journal_mode=DELETE")  # one self-contained file; the bot sets WAL on open
            verdict = writing.execute("PRAGMA integrity_check").fetchone()[0]
            version = writing.execute("PRAGMA user_version").fetchone()[0]
        finally:
            writing.close()
            reading.close()
        if verdict != "ok":
            raise BackupError(f"the copy failed its integrity check: {verdict}")
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except sqlite3.Error as exc:
        raise BackupError(f"SQLite could not copy {source}: {exc}") from exc
    finally:
        partial.unlink(missing_ok=True)
    return Copy(target, target.stat().st_size, version)
