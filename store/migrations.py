"""The schema as numbered migrations: each a list of statements, applied once, in one transaction.

The database records how many it has had in PRAGMA user_version. Never edit a migration that
has shipped: add one.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    (  # 1: residents and the audit log
        """CREATE TABLE residents (
            user_id INTEGER PRIMARY KEY,
            language TEXT NOT NULL,
            postcode TEXT,
            progress TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            handoff_id INTEGER,
            detail TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX audit_by_handoff ON audit_log(handoff_id, id)",
    ),
    (  # 2: handoffs and their status history
        """CREATE TABLE handoffs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            resident_user_id INTEGER,
            member_id TEXT NOT NULL,
            team_id TEXT NOT NULL,
            status TEXT NOT NULL,
            urgent INTEGER NOT NULL DEFAULT 0,
            source TEXT NOT NULL DEFAULT 'resident',
            card TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "CREATE INDEX handoffs_by_resident ON handoffs(resident_user_id)",
        "CREATE INDEX handoffs_by_member ON handoffs(member_id, status)",
        """CREATE TABLE handoff_events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            handoff_id INTEGER NOT NULL REFERENCES handoffs(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX events_by_handoff ON handoff_events(handoff_id, id)",
    ),
    (  # 3: staff accounts, invites, durable delivery (outbox) and deadlines
        """CREATE TABLE staff_links (
            telegram_user_id INTEGER PRIMARY KEY,
            person_id TEXT NOT NULL,
            role TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT '{}',
            linked_at TEXT NOT NULL
        )""",
        """CREATE TABLE invites (
            code_hash TEXT PRIMARY KEY,
            person_id TEXT NOT NULL,
            role TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT,
            used_by INTEGER
        )""",
        """CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            handoff_id INTEGER,
            kind TEXT NOT NULL,
            recipient TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            delivered_at TEXT,
            chat_id INTEGER,
            message_id INTEGER,
            last_error TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX outbox_due ON outbox(delivered_at, next_attempt_at)",
        "ALTER TABLE handoffs ADD COLUMN sent_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN remind_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN deadline_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN reminded_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN accepted_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN followup_at TEXT",
        "ALTER TABLE handoffs ADD COLUMN followup_done_at TEXT",
    ),
    (  # 4: problems with a service or contact, reported from the bot, for the knowledge keepers
        """CREATE TABLE reports (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            reporter TEXT NOT NULL,
            target TEXT NOT NULL,
            kind TEXT NOT NULL,
            handled_at TEXT
        )""",
    ),
    (  # 5: a person is a channel plus an id ('telegram:123'); every existing row is kept
        """CREATE TABLE residents_v5 (
            person TEXT PRIMARY KEY,
            language TEXT NOT NULL,
            postcode TEXT,
            progress TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        "INSERT INTO residents_v5 SELECT 'telegram:' || user_id, language, postcode, progress, created_at, updated_at "
        "FROM residents",
        "DROP TABLE residents",
        "ALTER TABLE residents_v5 RENAME TO residents",
        "ALTER TABLE handoffs ADD COLUMN resident TEXT",
        "UPDATE handoffs SET resident = 'telegram:' || resident_user_id WHERE resident_user_id IS NOT NULL",
        "DROP INDEX handoffs_by_resident",
        "ALTER TABLE handoffs DROP COLUMN resident_user_id",
        "CREATE INDEX handoffs_by_resident ON handoffs(resident)",
        """CREATE TABLE accounts (
            person TEXT PRIMARY KEY,
            kb_id TEXT NOT NULL,
            role TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT '{}',
            linked_at TEXT NOT NULL
        )""",
        "INSERT INTO accounts SELECT 'telegram:' || telegram_user_id, person_id, role, state, linked_at "
        "FROM staff_links",
        "DROP TABLE staff_links",
        "CREATE INDEX accounts_by_kb_id ON accounts(kb_id, linked_at)",
        "ALTER TABLE invites ADD COLUMN used_by_person TEXT",
        "UPDATE invites SET used_by_person = 'telegram:' || used_by WHERE used_by IS NOT NULL",
        "ALTER TABLE invites DROP COLUMN used_by",
        # recipients: 'person:<professional id>' -> 'professional:<id>', 'resident:<n>' -> 'person:telegram:<n>'
        "UPDATE outbox SET recipient = 'professional:' || substr(recipient, 8) WHERE recipient LIKE 'person:%'",
        "UPDATE outbox SET recipient = 'person:telegram:' || substr(recipient, 10) WHERE recipient LIKE 'resident:%'",
        "ALTER TABLE outbox ADD COLUMN chat TEXT",
        "UPDATE outbox SET chat = 'telegram:' || chat_id WHERE chat_id IS NOT NULL",
        "ALTER TABLE outbox DROP COLUMN chat_id",
        "UPDATE audit_log SET actor = 'resident:telegram:' || substr(actor, 10) WHERE actor LIKE 'resident:%'",
        "UPDATE handoff_events SET actor = 'resident:telegram:' || substr(actor, 10) WHERE actor LIKE 'resident:%'",
    ),
    (  # 6: every reply goes through the outbox (a picture or file beside it); updates are stored before handling
        "ALTER TABLE outbox ADD COLUMN attachment BLOB",
        "CREATE INDEX outbox_by_recipient ON outbox(recipient, delivered_at, id)",
        """CREATE TABLE inbox (
            update_id INTEGER PRIMARY KEY,
            payload TEXT NOT NULL,
            received_at TEXT NOT NULL,
            done_at TEXT
        )""",
        "CREATE INDEX inbox_pending ON inbox(done_at, update_id)",
    ),
    (  # 7: a problem can only be reported from a list the bot showed that person
        """CREATE TABLE report_offers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            person TEXT NOT NULL,
            targets TEXT NOT NULL,
            created_at TEXT NOT NULL,
            reported TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX report_offers_by_person ON report_offers(person, created_at)",
    ),
    (  # 8: when an account's half-done form or note began (abandoned ones are cleared)
        "ALTER TABLE accounts ADD COLUMN state_at TEXT",
    ),
    (  # insight: anonymous counts per month, area and event, kept after erasure (store/figures.py)
        """CREATE TABLE figures (
            month TEXT NOT NULL,
            area TEXT NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (month, area, kind, key)
        )""",
        """CREATE TABLE figure_marks (
            subject TEXT NOT NULL,
            month TEXT NOT NULL,
            area TEXT NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (subject, month, kind, key)
        )""",
        """CREATE TABLE figure_handoffs (
            handoff_id INTEGER PRIMARY KEY,
            month TEXT NOT NULL,
            area TEXT NOT NULL,
            zone TEXT NOT NULL
        )""",
        """CREATE TABLE figure_subscriptions (
            member_id TEXT PRIMARY KEY,
            next_at TEXT NOT NULL
        )""",
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)
