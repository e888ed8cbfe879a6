"""The store: migrations, WAL, residents, handoffs with history, audit; and the erase and lifecycle rules on it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from flows import lifecycle
from flows.lifecycle import TransitionError
from flows.privacy import erase, export
from store import MIGRATIONS, SCHEMA_VERSION, Person, Resident, Store

SEVEN = Person("telegram", "7")


@pytest.fixture
async def store(tmp_path: Path):
    opened = await Store.open(tmp_path / "test.sqlite3")
    yield opened
    await opened.close()


async def save(store: Store, resident: Resident) -> None:
    async with store.transaction() as tx:
        await store.residents.save(tx, resident)


async def create(store: Store, resident: Person | None, member_id: str, card: dict, actor: str, *,
                 urgent: bool = False, source: str = "resident", team_id: str = "noord") -> int:
    async with store.transaction() as tx:
        return await store.handoffs.create(tx, resident=resident, member_id=member_id, team_id=team_id, card=card,
                                           urgent=urgent, source=source, status="proposed", actor=actor)


async def move(store: Store, handoff_id: int, to: str, actor: str, note: str = "") -> None:
    handoff = await store.handoffs.get(handoff_id)
    async with store.transaction() as tx:
        await lifecycle.move(store, tx, handoff, to, actor, note=note)


async def audit(store: Store, actor: str, action: str, handoff_id: int | None) -> None:
    async with store.transaction() as tx:
        await store.audit.add(tx, actor, action, handoff_id)


async def test_an_empty_file_is_migrated_to_the_latest_version(tmp_path: Path) -> None:
    path = tmp_path / "new" / "wijkwijzer.sqlite3"
    opened = await Store.open(path)
    assert await opened.schema_version() == SCHEMA_VERSION >= 2
    await opened.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"residents", "handoffs", "handoff_events", "audit_log", "accounts"} <= tables


async def test_an_older_file_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as raw:  # a database as version 1 of the program left it
        for statement in MIGRATIONS[0]:
            raw.execute(statement)
        raw.execute("PRAGMA user_version = 1")
        raw.execute(
            "INSERT INTO residents (user_id, language, progress, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            (42, "nl", '{"step": "check"}', "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00"),
        )
    opened = await Store.open(path)
    try:
        assert await opened.schema_version() == SCHEMA_VERSION
        assert (await opened.residents.get(Person("telegram", "42"))).progress == {"step": "check"}
        handoff_id = await create(opened, Person("telegram", "42"), "m", {}, "resident:telegram:42", team_id="t")
        assert (await opened.handoffs.get(handoff_id)).status == "proposed"
    finally:
        await opened.close()


async def test_version_4_rows_become_people_of_a_channel(tmp_path: Path) -> None:
    """Migration 5 keeps every row: Telegram ids become 'telegram:<id>' in every table that names a person."""
    path = tmp_path / "v4.sqlite3"
    at = "2026-01-01T00:00:00+00:00"
    with sqlite3.connect(path) as raw:
        for migration in MIGRATIONS[:4]:
            for statement in migration:
                raw.execute(statement)
        raw.execute("PRAGMA user_version = 4")
        raw.execute("INSERT INTO residents VALUES (1001, 'en', '5341', '{\"step\": \"done\"}', ?, ?)", (at, at))
        raw.execute("INSERT INTO handoffs (resident_user_id, member_id, team_id, status, card, created_at, updated_at) "
                    "VALUES (1001, 'fatima', 'noord', 'sent', '{\"story\": \"x\"}', ?, ?)", (at, at))
        raw.execute("INSERT INTO handoff_events (handoff_id, at, actor, to_status) VALUES (1, ?, 'resident:1001', "
                    "'sent')", (at,))
        raw.execute("INSERT INTO staff_links VALUES (7001, 'fatima', 'staff', '{\"relay_for\": 1}', ?)", (at,))
        raw.execute("INSERT INTO invites VALUES ('h', 'fatima', 'staff', ?, ?, ?, 7001)", (at, at, at))
        raw.execute("INSERT INTO outbox (handoff_id, kind, recipient, created_at, next_attempt_at, delivered_at, "
                    "chat_id) VALUES (1, 'notice', 'resident:1001', ?, ?, ?, 1001)", (at, at, at))
        raw.execute("INSERT INTO outbox (handoff_id, kind, recipient, created_at, next_attempt_at) "
                    "VALUES (1, 'notice', 'person:jeroen-smit', ?, ?)", (at, at))
        raw.execute("INSERT INTO audit_log (at, actor, action, handoff_id) VALUES (?, 'resident:1001', 'consent', 1)",
                    (at,))
    opened = await Store.open(path)
    try:
        amira = Person("telegram", "1001")
        resident = await opened.residents.get(amira)
        assert (resident.language, resident.postcode, resident.progress) == ("en", "5341", {"step": "done"})
        [handoff] = await opened.handoffs.of_resident(amira)
        assert (handoff.member_id, handoff.status, handoff.card) == ("fatima", "sent", {"story": "x"})
        assert [e.actor for e in await opened.handoffs.events(1)] == ["resident:telegram:1001"]
        account = await opened.accounts.get(Person("telegram", "7001"))
        assert (account.kb_id, account.role, account.state) == ("fatima", "staff", {"relay_for": 1})
        assert await opened.accounts.of("fatima") == [Person("telegram", "7001")]
        first, second = await opened.outbox.items()
        assert (first.recipient, first.chat) == ("person:telegram:1001", "telegram:1001")
        assert second.recipient == "professional:jeroen-smit"
        assert [a.actor for a in await opened.audit.of_handoff(1)] == ["resident:telegram:1001"]
        assert (await opened.invites.get("h")).used_at is not None
    finally:
        await opened.close()


async def test_a_newer_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer than this program"):
        await Store.open(path)


async def test_resident_progress_is_stored_and_read_back(store: Store) -> None:
    assert await store.residents.get(SEVEN) is None
    await save(store, Resident(SEVEN, "nl", "5341", {"step": "check", "answers": {"finances": 2}}))
    await save(store, Resident(SEVEN, "en", "5341AB", {"step": "check", "answers": {"finances": 3}}))
    again = await store.residents.get(SEVEN)
    assert (again.language, again.postcode, again.progress["answers"]) == ("en", "5341AB", {"finances": 3})


async def test_one_transaction_is_one_commit_or_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError):
        async with store.transaction() as tx:
            await store.residents.save(tx, Resident(SEVEN, "nl"))
            await store.audit.add(tx, "x", "y")
            raise RuntimeError("a crash halfway")
    rows = await store.table_rows()
    assert rows["residents"] == [] and rows["audit_log"] == []


async def test_handoff_lifecycle_records_every_transition(store: Store) -> None:
    handoff_id = await create(store, SEVEN, "fatima", {"concerns": ["finances"]}, "resident:7", urgent=True)
    await move(store, handoff_id, "sent", "resident:7")
    await move(store, handoff_id, "accepted", "staff:fatima")
    with pytest.raises(TransitionError):
        await move(store, handoff_id, "proposed", "staff:fatima")
    await move(store, handoff_id, "closed", "staff:fatima", note="contact_made")
    closed = await store.handoffs.get(handoff_id)
    assert closed.status == "closed" and closed.urgent
    history = [(e.from_status, e.to_status, e.actor) for e in await store.handoffs.events(handoff_id)]
    assert history == [
        (None, "proposed", "resident:7"),
        ("proposed", "sent", "resident:7"),
        ("sent", "accepted", "staff:fatima"),
        ("accepted", "closed", "staff:fatima"),
    ]
    assert await store.handoffs.open_counts(lifecycle.OPEN) == {}


async def test_a_status_change_is_compare_and_set(store: Store) -> None:
    handoff_id = await create(store, SEVEN, "fatima", {}, "resident:7")
    await move(store, handoff_id, "sent", "resident:7")
    seen_by_both = await store.handoffs.get(handoff_id)
    async with store.transaction() as tx:
        await lifecycle.move(store, tx, seen_by_both, "accepted", "staff:fatima")
    with pytest.raises(TransitionError):  # the deadline tick read 'sent' too: it loses, and changes nothing
        async with store.transaction() as tx:
            await lifecycle.move(store, tx, seen_by_both, "escalated", "system")
    assert (await store.handoffs.get(handoff_id)).status == "accepted"
    assert [e.to_status for e in await store.handoffs.events(handoff_id)] == ["proposed", "sent", "accepted"]


async def test_open_counts_per_member(store: Store) -> None:
    for member in ("a", "a", "b"):
        await create(store, Person("telegram", "1"), member, {}, "x", team_id="t")
    assert await store.handoffs.open_counts(lifecycle.OPEN) == {"a": 2, "b": 1}


async def test_audit_trail(store: Store) -> None:
    clock_times = iter([datetime(2026, 11, 23, 9, 0, tzinfo=UTC), datetime(2026, 11, 23, 9, 5, tzinfo=UTC)])
    store.clock = lambda: next(clock_times)
    await audit(store, "staff:fatima", "view", 3)
    await audit(store, "staff:fatima", "accept", 3)
    trail = await store.audit.of_handoff(3)
    assert [(a.actor, a.action, a.at.minute) for a in trail] == [
        ("staff:fatima", "view", 0),
        ("staff:fatima", "accept", 5),
    ]


async def test_forgetting_a_resident_keeps_only_an_anonymous_handoff_record(store: Store) -> None:
    actor = f"resident:{SEVEN.key}"
    await save(store, Resident(SEVEN, "nl", "5341", {"story": "mijn geheime verhaal"}))
    handoff_id = await create(store, SEVEN, "fatima", {"own_words": "mijn geheime verhaal"}, actor)
    await move(store, handoff_id, "sent", actor, note="mijn geheime verhaal")
    other = await create(store, None, "fatima", {"own_words": "ander verhaal"}, "professional:jeroen",
                         source="professional:jeroen")
    await audit(store, actor, "consent", handoff_id)
    assert await erase(store, SEVEN) == 1
    everything = repr(await store.table_rows())
    assert "mijn geheime verhaal" not in everything
    assert "telegram:7" not in everything and "': 7," not in everything
    assert await store.residents.get(SEVEN) is None
    anonymous = await store.handoffs.get(handoff_id)
    assert (anonymous.resident, anonymous.card, anonymous.status) == (None, {}, "closed")
    assert [e.to_status for e in await store.handoffs.events(handoff_id)] == ["proposed", "sent", "closed"]
    assert (await store.handoffs.get(other)).card == {"own_words": "ander verhaal"}, "other handoffs stay"


async def test_export_lists_everything_about_a_resident(store: Store) -> None:
    await save(store, Resident(SEVEN, "nl", "5341", {"step": "done"}))
    await create(store, SEVEN, "f", {"a": 1}, "r", team_id="n")
    exported = await export(store, SEVEN)
    assert exported["resident"]["postcode"] == "5341"
    assert exported["handoffs"][0]["card"] == {"a": 1}
    assert exported["handoffs"][0]["history"][0]["status"] == "proposed"


async def test_inactive_residents_without_an_open_handoff(store: Store) -> None:
    times = iter([datetime(2026, 1, 1, tzinfo=UTC)] * 3 + [datetime(2026, 11, 1, tzinfo=UTC)] * 10)
    store.clock = lambda: next(times)
    one, two = Person("telegram", "1"), Person("telegram", "2")
    await save(store, Resident(one, "nl"))  # quiet since January, nothing open
    await save(store, Resident(two, "nl"))  # quiet since January, but an open handoff
    await create(store, two, "f", {}, "r", team_id="n")
    await save(store, Resident(Person("telegram", "3"), "nl"))  # active in November
    assert await store.residents.quiet_since(datetime(2026, 8, 1, tzinfo=UTC), lifecycle.OPEN) == [one]
