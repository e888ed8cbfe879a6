"""The store: migrations, WAL, residents, handoffs with history, audit, forgetting."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

import store as store_module
from store import SCHEMA_VERSION, Resident, Store, TransitionError


@pytest.fixture
async def store(tmp_path: Path):
    opened = await Store.open(tmp_path / "test.sqlite3")
    yield opened
    await opened.close()


async def test_an_empty_file_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "new" / "wijkwijzer.sqlite3"
    opened = await Store.open(path)
    assert await opened.schema_version() == SCHEMA_VERSION >= 2
    await opened.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"residents", "handoffs", "handoff_events", "audit_log"} <= tables


async def test_an_older_file_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as raw:  # a database as version 1 of the program left it
        for statement in store_module.MIGRATIONS[0]:
            raw.execute(statement)
        raw.execute("PRAGMA user_version = 1")
        raw.execute(
            "INSERT INTO residents (user_id, language, progress, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (42, "nl", '{"step": "check"}', "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00"),
        )
    opened = await Store.open(path)
    try:
        assert await opened.schema_version() == SCHEMA_VERSION
        assert (await opened.resident(42)).progress == {"step": "check"}
        handoff = await opened.create_handoff(
            resident_user_id=42, member_id="m", team_id="t", card={}, urgent=False, actor="resident:42"
        )
        assert handoff.status == "proposed"
    finally:
        await opened.close()


async def test_a_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer than this program"):
        await Store.open(path)


async def test_resident_progress_is_stored_and_read_back(store: Store) -> None:
    assert await store.resident(7) is None
    await store.save_resident(Resident(7, "nl", "5341", {"step": "check", "answers": {"finances": 2}}))
    await store.save_resident(Resident(7, "en", "5341AB", {"step": "check", "answers": {"finances": 3}}))
    again = await store.resident(7)
    assert (again.language, again.postcode, again.progress["answers"]) == ("en", "5341AB", {"finances": 3})


async def test_handoff_lifecycle_records_every_transition(store: Store) -> None:
    handoff = await store.create_handoff(
        resident_user_id=7, member_id="fatima", team_id="noord", card={"concerns": ["finances"]},
        urgent=True, actor="resident:7",
    )
    await store.move_handoff(handoff.id, "sent", "resident:7")
    await store.move_handoff(handoff.id, "accepted", "staff:fatima")
    with pytest.raises(TransitionError):
        await store.move_handoff(handoff.id, "proposed", "staff:fatima")
    closed = await store.move_handoff(handoff.id, "closed", "staff:fatima", note="contact_made")
    assert closed.status == "closed" and closed.urgent
    history = [(e.from_status, e.to_status, e.actor) for e in await store.handoff_events(handoff.id)]
    assert history == [
        (None, "proposed", "resident:7"),
        ("proposed", "sent", "resident:7"),
        ("sent", "accepted", "staff:fatima"),
        ("accepted", "closed", "staff:fatima"),
    ]
    assert await store.open_counts() == {}


async def test_open_counts_per_member(store: Store) -> None:
    for member in ("a", "a", "b"):
        await store.create_handoff(resident_user_id=1, member_id=member, team_id="t", card={}, urgent=False, actor="x")
    assert await store.open_counts() == {"a": 2, "b": 1}


async def test_audit_trail(store: Store) -> None:
    clock_times = iter([datetime(2026, 11, 23, 9, 0, tzinfo=UTC), datetime(2026, 11, 23, 9, 5, tzinfo=UTC)])
    store.clock = lambda: next(clock_times)
    await store.audit("staff:fatima", "view", 3)
    await store.audit("staff:fatima", "accept", 3)
    trail = await store.audit_of(3)
    assert [(a.actor, a.action, a.at.minute) for a in trail] == [
        ("staff:fatima", "view", 0),
        ("staff:fatima", "accept", 5),
    ]


async def test_forgetting_a_resident_keeps_only_an_anonymous_handoff_record(store: Store) -> None:
    await store.save_resident(Resident(7, "nl", "5341", {"story": "mijn geheime verhaal"}))
    handoff = await store.create_handoff(
        resident_user_id=7, member_id="fatima", team_id="noord", card={"own_words": "mijn geheime verhaal"},
        urgent=False, actor="resident:7",
    )
    await store.move_handoff(handoff.id, "sent", "resident:7", note="mijn geheime verhaal")
    other = await store.create_handoff(
        resident_user_id=None, member_id="fatima", team_id="noord", card={"own_words": "ander verhaal"},
        urgent=False, actor="professional:jeroen", source="professional:jeroen",
    )
    await store.audit("resident:7", "consent", handoff.id)
    assert await store.forget_resident(7) == 1
    everything = repr(await store.table_rows())
    assert "mijn geheime verhaal" not in everything
    assert "resident:7" not in everything and "': 7," not in everything
    assert await store.resident(7) is None
    anonymous = await store.handoff(handoff.id)
    assert (anonymous.resident_user_id, anonymous.card, anonymous.status) == (None, {}, "closed")
    assert [e.to_status for e in await store.handoff_events(handoff.id)] == ["proposed", "sent", "closed"]
    assert (await store.handoff(other.id)).card == {"own_words": "ander verhaal"}, "other handoffs stay"


async def test_export_lists_everything_about_a_resident(store: Store) -> None:
    await store.save_resident(Resident(7, "nl", "5341", {"step": "done"}))
    await store.create_handoff(resident_user_id=7, member_id="f", team_id="n", card={"a": 1}, urgent=False, actor="r")
    exported = await store.export_resident(7)
    assert exported["resident"]["postcode"] == "5341"
    assert exported["handoffs"][0]["card"] == {"a": 1}
    assert exported["handoffs"][0]["history"][0]["status"] == "proposed"


async def test_inactive_residents_without_an_open_handoff(store: Store) -> None:
    times = iter([datetime(2026, 1, 1, tzinfo=UTC)] * 3 + [datetime(2026, 11, 1, tzinfo=UTC)] * 10)
    store.clock = lambda: next(times)
    await store.save_resident(Resident(1, "nl"))  # quiet since January, nothing open
    await store.save_resident(Resident(2, "nl"))  # quiet since January, but an open handoff
    await store.create_handoff(resident_user_id=2, member_id="f", team_id="n", card={}, urgent=False, actor="r")
    await store.save_resident(Resident(3, "nl"))  # active in November
    assert await store.inactive_residents(datetime(2026, 8, 1, tzinfo=UTC)) == [1]
