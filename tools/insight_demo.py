"""A realistic fictional run for the README's heatmap: residents of Voorbeeldstad go through the real
flows (the check, consent, staff accepting, escalation, follow-up, closing) over three months, and
`python bot.py insight` then draws the figures. Nobody here exists; the mix of worries is made up.

    .venv/bin/python -m tools.insight_demo [--residents 260] [--out /tmp/insight-demo]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from flows import buttons
from knowledge.domains import DOMAIN_IDS
from knowledge.loader import SAMPLE, read_knowledge
from tests.floor import town

# per area: postcode and (weight, worries) profiles; everything else is answered "nee"
PROFILES = {
    "5341": [(5, ["finances", "housing", "work_education"]), (3, ["finances", "parenting", "relationships"]),
             (2, ["mental_health", "social_contacts"]), (1, ["finances", "daily_living", "mental_health"])],
    "5211": [(4, ["mental_health", "social_contacts", "substance_use"]), (3, ["finances", "housing"]),
             (2, ["substance_use", "safety_justice", "finances"]), (1, ["mental_health", "work_education"])],
    "5351": [(4, ["physical_health", "daily_living", "social_contacts"]), (3, ["finances", "parenting"]),
             (2, ["relationships", "parenting", "mental_health"]), (1, ["housing", "finances"])],
}
AREA_SHARE = {"5341": 0.38, "5211": 0.34, "5351": 0.28}
START = datetime(2026, 9, 7, 7, 0, tzinfo=UTC)  # a Monday, 09:00 in Amsterdam


def worries_for(rng: random.Random, postcode: str) -> set[str]:
    weights, profiles = zip(*[(w, p) for w, p in PROFILES[postcode]], strict=True)
    worries = set(rng.choices(profiles, weights)[0])
    worries = {w for w in worries if rng.random() < 0.85}  # not everyone has every worry of their profile
    if rng.random() < 0.3:
        worries.add(rng.choice([d for d in DOMAIN_IDS if d != "safety_justice"]))
    return worries or {"finances"}


async def run(residents: int, out: Path, seed: int) -> None:
    rng = random.Random(seed)
    kb, _ = read_knowledge(SAMPLE)
    assert kb is not None
    with tempfile.TemporaryDirectory() as folder:
        async with town(Path(folder), kb) as place:
            staff = {m.id: await place.staff(m.id) for t in kb.teams for m in t.members if m.active}
            for n in range(residents):
                place.clock.now = START + timedelta(days=rng.uniform(0, 85), hours=rng.uniform(0, 9))
                postcode = rng.choices(list(AREA_SHARE), list(AREA_SHARE.values()))[0]
                worries = worries_for(rng, postcode)
                resident = place.resident(f"demo{n}")
                await resident.says("/start")
                await resident.taps("korte check")
                for domain in DOMAIN_IDS:
                    await resident.says("ja" if domain in worries else "nee")
                    if domain in worries:
                        await resident.says("sla over")
                await resident.says("sla over")
                await resident.says("sla over")
                await resident.says(postcode)
                if rng.random() < 0.15:
                    await resident.taps("Nee")
                    continue
                await resident.taps("Ja, geef mijn verhaal door")
                await resident.taps("Via een bericht")
                handoff = (await place.store.handoffs.of_resident(resident.person))[-1]
                roll = rng.random()
                if roll < 0.1:  # nobody reacts in time: the coordinator gets it
                    place.clock.now += timedelta(days=5)
                    await place.tick()
                    continue
                member = staff[handoff.member_id]
                if roll < 0.2 and len(member.newest_buttons()) >= 2:
                    await member.presses(buttons.encode(buttons.HANDOFF, handoff.id, "pass"))
                    await member.presses(buttons.encode(buttons.HANDOFF, handoff.id, "to", 0))
                    handoff = await place.handoff(handoff.id)
                    member = staff[handoff.member_id]
                place.clock.now += timedelta(hours=rng.choice([1, 2, 3, 4, 6, 8, 12, 20, 30]))
                await member.presses(buttons.encode(buttons.HANDOFF, handoff.id, "acc"))
                place.clock.now += timedelta(days=6)
                await place.tick()
                if rng.random() < 0.75:
                    answer = "yes" if rng.random() < 0.85 else "no"
                    await resident.presses(buttons.encode(buttons.FOLLOWUP, handoff.id, answer))
                if rng.random() < 0.6:
                    outcome = rng.choices(["contact", "passed", "unreachable", "resident_declined"], [6, 2, 1, 1])[0]
                    await member.presses(buttons.encode(buttons.HANDOFF, handoff.id, "end", outcome))
            os.environ["WIJKWIJZER_DB"] = str(Path(folder) / "floor.sqlite3")
            from bot import main

            await asyncio.to_thread(main, ["insight", "--from", "2026-09-01", "--to", "2026-11-30", "--out", str(out)])


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=260)
    parser.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "insight-demo"))
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    asyncio.run(run(args.residents, Path(args.out), args.seed))
