"""`python bot.py backup PATH` while a writer is busy: the copy opens, is sound, and has every committed row."""

from __future__ import annotations

import asyncio
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from store import SCHEMA_VERSION, Store
from tests.test_ops_e2e import ROOT, clean_env


def backup(db: Path, target: Path | str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "bot.py"), "backup", str(target)], capture_output=True,
                          text=True, env=clean_env(WIJKWIJZER_DB=str(db)), cwd=ROOT, timeout=120)


class Writer(threading.Thread):
    """Commits one inbox row at a time, like the running bot taking in updates, until told to stop."""

    def __init__(self, db: Path) -> None:
        super().__init__(daemon=True)
        self.db, self.written, self.halt = db, 0, threading.Event()

    def run(self) -> None:
        connection = sqlite3.connect(self.db, timeout=30)
        connection.execute("PRAGMA journal_mode=WAL")
        try:
            while not self.halt.is_set():
                with connection:
                    connection.execute("INSERT INTO inbox (update_id, payload, received_at) VALUES (?, ?, ?)",
                                       (self.written + 1, "x" * 2000, "2026-11-30T03:00:00+00:00"))
                self.written += 1
        finally:
            connection.close()


def rows(path: Path) -> list[int]:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        return [r[0] for r in connection.execute("SELECT update_id FROM inbox ORDER BY update_id")]
    finally:
        connection.close()


def test_a_backup_while_the_bot_writes_is_a_sound_copy_with_every_committed_row(tmp_path: Path) -> None:
    db = tmp_path / "data" / "wijkwijzer.sqlite3"

    async def create() -> None:
        store = await Store.open(db)
        await store.close()

    asyncio.run(create())
    writer = Writer(db)
    writer.start()
    try:
        while writer.written < 200:
            time.sleep(0.01)
        before = writer.written
        during = backup(db, tmp_path / "during.sqlite3")
        after = writer.written
    finally:
        writer.halt.set()
        writer.join()
    assert during.returncode == 0, during.stderr
    assert "integrity ok" in during.stdout and str(tmp_path / "during.sqlite3") in during.stdout
    copied = rows(tmp_path / "during.sqlite3")
    assert len(copied) >= before and copied == list(range(1, len(copied) + 1)), "a snapshot: no gaps, nothing torn"
    assert after > before, "the writer went on while the backup ran"
    assert not list(tmp_path.glob(".*partial")), "no half-written copy is left"

    folder = tmp_path / "backups"
    folder.mkdir()
    quiet = backup(db, folder)  # a folder: a dated file in it
    assert quiet.returncode == 0, quiet.stderr
    (copy,) = folder.glob("wijkwijzer-*.sqlite3")
    assert rows(copy) == list(range(1, writer.written + 1)), "every row"
    assert not Path(str(copy) + "-wal").exists(), "one self-contained file"


def test_backup_of_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    result = backup(tmp_path / "nope.sqlite3", tmp_path / "copy.sqlite3")
    assert result.returncode == 1 and "There is no database at" in result.stderr
    assert list(tmp_path.iterdir()) == []
