"""Insight end to end: 40 residents through the real PTB stack against the fake Bot API, one of them
uses /vergeet, a coordinator asks /cijfers, and `python bot.py insight` writes the files from that database."""

from __future__ import annotations

import asyncio
import csv
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot import main
from testing.fakebot import FakeUser
from tests.conftest import RunningBot
from tests.test_handoff_e2e import Clock, register
from tests.test_resident_e2e import say, story_until_postcode, tap, texts

NOVEMBER = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
DECEMBER = datetime(2026, 12, 7, 8, 0, tzinfo=UTC)
BATCH = 4  # residents talking at the same time
STORIES = (  # (how many, story, postcode): fictional
    (14, "de deurwaarder staat steeds voor de deur en mijn zoon spijbelt", "5341"),  # Noord
    (12, "ik slaap slecht en ik zit de hele dag alleen thuis", "5351"),  # Zuid
    (10, "mijn huisbaas wil me eruit zetten en ik heb schulden", "5211"),  # Centrum
    (4, "ik slaap slecht en ik zit de hele dag alleen thuis", "5212"),  # Centrum: too few to show
)


async def resident_shares(user: FakeUser, story: str, postcode: str) -> None:
    await story_until_postcode(user, story)
    await say(user, postcode)
    await tap(user, "Ja, geef mijn verhaal door")
    await tap(user, "Via een bericht")


def drawn_once(draw):
    """The spider web, drawn once per set of answers: residents of a group answer alike (matplotlib is slow)."""
    pictures: dict[str, bytes] = {}

    def picture(*args: object) -> bytes:
        key = repr(args)
        if key not in pictures:
            pictures[key] = draw(*args)
        return pictures[key]

    return picture


async def test_40_residents_then_insight_and_cijfers(bot: RunningBot, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    clock = Clock(NOVEMBER)
    bot.store.clock = clock
    resident_flow = bot.house.router.resident
    resident_flow.picture = drawn_once(resident_flow.picture)
    users = []
    for group, (count, story, postcode) in enumerate(STORIES):  # a group at a time, a few residents at once
        group_users = [bot.fake.user(20000 + 100 * group + n, f"Qx{group}y{n}", language_code="nl")
                       for n in range(count)]
        for at in range(0, count, BATCH):
            await asyncio.gather(*(resident_shares(user, story, postcode) for user in group_users[at:at + BATCH]))
        users += group_users
    assert len(await bot.store.handoffs.where(("sent",))) == 40

    leaving = users[0]  # from Noord: after /vergeet, Noord counts 13
    await say(leaving, "/vergeet")
    assert "Alles is gewist" in texts(await tap(leaving, "Ja, wis alles"))

    out = tmp_path / "insight"
    monkeypatch.setenv("WIJKWIJZER_DB", str(bot.store_path))
    monkeypatch.setenv("WIJKWIJZER_INSIGHT_MIN_COUNT", "10")
    assert await asyncio.to_thread(main, ["insight", "--from", "2026-11-01", "--to", "2026-11-30",
                                          "--out", str(out)]) == 0
    rows = {(r["area"], r["month"]): r for r in csv.DictReader(
        (out / "cijfers-per-wijk-en-maand.csv").read_text().splitlines())}
    assert rows[("noord", "2026-11")]["finished"] == "13" and rows[("noord", "2026-11")]["handoffs"] == "13"
    assert rows[("zuid", "2026-11")]["finished"] == "12"
    assert rows[("centrum", "2026-11")]["finished"] == "14" and rows[("onbekend", "2026-11")]["finished"] == "0"
    assert rows[("gemeente", "all")]["finished"] == "39"
    pairs = {(r["area"], r["domain_a"], r["domain_b"]): r["residents"] for r in csv.DictReader(
        (out / "leefgebieden-samen.csv").read_text().splitlines())}
    assert pairs[("noord", "finances", "parenting")] == "13"
    assert pairs[("centrum", "mental_health", "social_contacts")] == "<10"  # 4
    assert pairs[("gemeente", "mental_health", "social_contacts")] == "16"
    assert pairs[("zuid", "mental_health", "social_contacts")] == "<10"  # 12, but 16 - 12 would give the 4 away
    assert pairs[("zuid", "finances", "parenting")] == "0"
    summary = (out / "samenvatting.md").read_text()
    assert "![Heel Voorbeeldstad](heatmap-gemeente.png)" in summary
    assert (out / "heatmap-gemeente.png").read_bytes().startswith(b"\x89PNG")
    everything = summary + "".join(p.read_text() for p in out.glob("*.csv"))
    for secret in ("deurwaarder", "huisbaas", "slaap", "5341", "5351", "5211", "5212", "Qx", "20000", "telegram"):
        assert secret not in everything

    clock.now = DECEMBER
    sanne = await register(bot, 7002, "sanne-bakker", "Sanne Bakker")  # coordinator of Noord
    said = texts(await say(sanne, "/cijfers"))
    assert "Cijfers van Wijkteam Noord, 2026-11" in said and "Noord: 13 inwoners" in said
    assert "Zuid" not in said
    assert "maandagochtend" in texts(await say(sanne, "/cijfers aan"))
    bot.fake.assert_clean()
