"""The staff side on the flows floor: erasure by the retention period, reports and their buttons, the file a
resident gets from /mijngegevens."""

from __future__ import annotations

import json
from datetime import timedelta

from tests.floor import MONDAY_9, Town, consent, text


async def test_the_retention_period_erases_without_telling_and_without_saying_vergeet(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    amira = noord.resident("amira")
    await consent(amira)
    await fatima.taps("Ik pak dit op")
    await fatima.taps("Afsluiten")
    await fatima.taps("Contact gehad")
    fatima.hears()
    noord.clock.now = MONDAY_9 + timedelta(days=90, seconds=1)
    await noord.tick()
    told = [r for r in fatima.hears() if r.replaces is None]
    assert not [r for r in told if "gewist" in r.text], "nobody is told about the retention period"
    assert "gewist" not in text(await fatima.says("/mijn")), "not erased by the resident: not listed as such"
    assert ("system", "retention:erased") in await noord.trail(1)
    assert "Er is niets meer te zien" in text(await fatima.says("/open 1"))


async def test_report_buttons_are_for_coordinators_only(noord: Town) -> None:
    amira = noord.resident("amira")
    async with noord.store.transaction() as tx:
        await noord.store.reports.add(tx, "resident", "schuldhulp-voorbeeldstad", "closed")
    answer = await amira.presses("rc|1")
    assert answer.toast and "coördinator" in answer.toast and not answer.replies
    jeroen = await noord.professional("jeroen-smit")
    assert "coördinator" in (await jeroen.presses("rc|1")).toast
    sanne = await noord.staff("sanne-bakker")
    unknown = await sanne.presses("rc|77")
    assert unknown.toast and not unknown.replies
    assert [r.id for r in await noord.store.reports.open()] == [1], "refused and unknown presses close nothing"
    assert "Melding #1 is afgehandeld" in text(await sanne.presses("rc|1"))
    assert await noord.store.reports.open() == []


async def test_the_mijngegevens_file_says_who_saw_the_handoff(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    amira = noord.resident("amira")
    await consent(amira)
    await noord.deliver()
    await fatima.says("/open 1")
    replies = await amira.says("/mijngegevens")
    document = next(r.document for r in replies if r.document)
    exported = json.loads(document[1])
    seen = exported["handoffs"][0]["seen_by"]
    assert any("Fatima El Amrani (Wijkcoach) bekeek je verhaal" in line for line in seen), seen
    assert "maandag 23 november om 09:00" in seen[0]
