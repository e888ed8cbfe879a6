"""The one-person promise at the flows floor: the resident's message about a move is stored in the same commit as
the move, and a move someone else made first tells the resident nothing."""

from __future__ import annotations

import pytest

from flows.lifecycle import TransitionError
from tests.floor import Town, consent, text


async def test_a_move_and_its_message_to_the_resident_are_one_commit(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    sanne = await noord.staff("sanne-bakker")
    resident = noord.resident("amira")
    await consent(resident)
    stale = await noord.handoff(1)
    fatima.hears()  # the card
    await sanne.says("/open 1")
    await sanne.taps("Ik pak dit op")  # the coordinator was first
    await noord.deliver()
    took = text(resident.hears())
    assert "Sanne Bakker, coördinator van Wijkteam Noord, heeft je verhaal van Fatima overgenomen." in took
    before = len(await noord.store.outbox.items(1))
    with pytest.raises(TransitionError):
        await noord.house.router.resident.handoffs.send_to(stale, noord.kb.member("mehmet-yilmaz"),
                                                          "staff:fatima-el-amrani")
    assert len(await noord.store.outbox.items(1)) == before, "no card, no message: the move did not happen"
    await noord.deliver()
    assert resident.hears() == [] and fatima.hears() == []


async def test_a_member_without_an_account_the_resident_hears_the_coordinator_by_name(noord: Town) -> None:
    await noord.staff("sanne-bakker")
    resident = noord.resident("amira")
    await consent(resident)
    told = text(resident.hears())
    assert "Fatima is hier nog niet bereikbaar. Je verhaal ligt daarom ook bij Sanne Bakker, coördinator van " \
           "Wijkteam Noord." in told
