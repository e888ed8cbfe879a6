"""Insight for the municipality: counts kept as things happen, suppressed before they leave, and
taken back out when a resident uses /vergeet (but kept after retention)."""

from __future__ import annotations

import asyncio
import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from bot import main
from flows import buttons
from flows.insight.coordinator import min_count, next_monday
from flows.insight.report import Period, build, monthly_csv, pairs_csv
from flows.insight.suppress import suppress
from flows.insight.tables import ALL, monthly, pairs
from flows.privacy import erase_quiet
from store.figures import Figure
from tests.floor import Town, consent, town, waiting_for

AREAS = ["noord", "centrum", "zuid", ""]
MONTH = "2026-11"


def finished(counts: dict[str, int], month: str = MONTH) -> list[Figure]:
    return [Figure(month, area, "finished", "", n) for area, n in counts.items()]


# -- suppression, pure ----------------------------------------------------------------------
def test_primary_suppression_hides_every_cell_under_the_minimum_but_nobody() -> None:
    hidden = suppress({"a": 9, "b": 10, "c": 0, "d": 250, "e": 1}, [], 10)
    assert hidden == {"a", "e"}  # zero residents: nobody to recognise


def test_secondary_suppression_hides_a_second_cell_when_the_total_is_shown() -> None:
    values = {"a": 3, "b": 40, "c": 25, "total": 68}
    hidden = suppress(values, [["a", "b", "c", "total"]], 10)
    assert hidden == {"a", "c"}  # with only 'a' hidden, 68 - 40 - 25 would give it away
    values = {"a": 3, "total": 40}  # a part and its total alone: the total goes too
    assert suppress(values, [["a", "total"]], 10) == {"a", "total"}
    values = {"a": 3, "b": 4, "c": 0, "d": 50, "total": 57}  # a and b together are 7: still too few
    assert suppress(values, [["a", "b", "c", "d", "total"]], 10) == {"a", "b", "d"}


def test_a_small_rest_that_is_never_printed_is_protected_too() -> None:
    values = {"urgent": 45, "not_urgent": 5, "handoffs": 50}
    hidden = suppress(values, [["urgent", "not_urgent", "handoffs"]], 10, hidden=["not_urgent"])
    assert hidden == {"urgent"}  # 50 - 45 would show that 5 were not urgent
    values = {"urgent": 20, "not_urgent": 30, "handoffs": 50}
    assert suppress(values, [["urgent", "not_urgent", "handoffs"]], 10, hidden=["not_urgent"]) == set()


def test_the_monthly_grid_suppresses_across_areas_and_months() -> None:
    grid = monthly(finished({"noord": 4, "centrum": 12, "zuid": 30, "": 11}), AREAS, [MONTH], 10)
    assert grid.show("noord", MONTH, "finished") == "<10"
    assert grid.show(ALL, MONTH, "finished") == "57"
    assert grid.show("", MONTH, "finished") == "<10"  # 11, the smallest other: else 57 - 12 - 30 - 11 = 4
    assert grid.show("centrum", MONTH, "finished") == "12" and grid.show("zuid", MONTH, "finished") == "30"
    # and no row or column of what is shown leaves a single hidden cell
    shown = {a: grid.count(a, MONTH, "finished") for a in [*AREAS, ALL]}
    assert sum(v is None for v in shown.values()) != 1


def test_every_equation_of_a_real_grid_has_zero_or_two_unknowns() -> None:
    figures = finished({"noord": 14, "centrum": 12, "zuid": 30}) + finished({"noord": 12, "zuid": 3}, "2026-10")
    figures += [Figure(MONTH, "zuid", "handoff", "", 20), Figure(MONTH, "zuid", "urgent", "", 15),
                Figure(MONTH, "noord", "handoff", "", 11), Figure(MONTH, "noord", "urgent", "", 1)]
    grid = monthly(figures, AREAS, ["2026-10", MONTH], 10)
    for measure in ("finished", "handoffs", "urgent"):
        for month in ["2026-10", MONTH, ALL]:
            unknown = [a for a in [*AREAS, ALL] if grid.count(a, month, measure) is None]
            assert len(unknown) != 1, (measure, month, unknown)
        for area in [*AREAS, ALL]:
            unknown = [m for m in ["2026-10", MONTH, ALL] if grid.count(area, m, measure) is None]
            assert len(unknown) != 1, (measure, area, unknown)
    assert grid.share("zuid", MONTH, "urgent_share") == "-"  # 20 - 15 = 5 not urgent
    assert grid.show("zuid", MONTH, "urgent") == "<10"


def test_pairs_are_suppressed_per_area_with_the_municipality_as_total() -> None:
    figures = [Figure(MONTH, "noord", "pair", "finances+housing", 12), Figure(MONTH, "zuid", "pair",
                                                                              "finances+housing", 4),
               Figure(MONTH, "centrum", "pair", "finances+housing", 15)]
    table = pairs(figures, AREAS, [MONTH], 10)
    assert table.show("zuid", "housing", "finances") == "<10"
    assert table.show(ALL, "finances", "housing") == "31"
    assert table.show("noord", "finances", "housing") == "<10"  # the smallest other, else 31 - 12 - 15
    assert table.show("centrum", "finances", "housing") == "15"


def test_min_count_comes_from_the_environment() -> None:
    assert min_count({}) == 10
    assert min_count({"WIJKWIJZER_INSIGHT_MIN_COUNT": "5"}) == 5
    with pytest.raises(ValueError):
        min_count({"WIJKWIJZER_INSIGHT_MIN_COUNT": "1"})
    with pytest.raises(ValueError):
        min_count({"WIJKWIJZER_INSIGHT_MIN_COUNT": "tien"})


def test_the_monday_summary_is_due_on_the_next_monday_at_eight() -> None:
    sunday = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)
    assert next_monday(sunday, "Europe/Amsterdam") == datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
    monday_9 = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert next_monday(monday_9, "Europe/Amsterdam") == datetime(2026, 12, 7, 7, 0, tzinfo=UTC)


# -- counting at the flows floor ------------------------------------------------------------
async def figures(town: Town, kind: str) -> dict[tuple[str, str], int]:
    rows = await town.store.figures.between("2000-01", "2999-12")
    return {(f.area, f.key): f.count for f in rows if f.kind == kind}


async def test_a_finished_story_counts_once_with_its_domains(noord: Town) -> None:
    amira = noord.resident("amira")
    await consent(amira)
    assert await figures(noord, "finished") == {("noord", ""): 1}
    pairs_seen = await figures(noord, "pair")
    assert pairs_seen[("noord", "finances+finances")] == 1 and pairs_seen[("noord", "finances+parenting")] == 1
    assert await figures(noord, "handoff") == {("noord", ""): 1}
    await amira.says("/opnieuw")
    await consent(amira)  # the same month again: still one resident
    assert await figures(noord, "finished") == {("noord", ""): 1}


async def test_a_check_without_worries_counts_as_finished_without_domains(noord: Town) -> None:
    resident = noord.resident("sem")
    await resident.says("/start")
    await resident.taps("korte check")
    for _ in range(11):
        await resident.says("nee")
    await resident.says("sla over")
    await resident.says("sla over")
    assert await figures(noord, "finished") == {("", ""): 1}  # no postcode asked: area unknown
    assert await figures(noord, "pair") == {}


async def test_a_professionals_handoff_counts_without_a_resident(noord: Town) -> None:
    await waiting_for(noord, "fatima-el-amrani", urgent=True)
    assert await figures(noord, "handoff") == {("", ""): 1} and await figures(noord, "urgent") == {("", ""): 1}
    assert [m["subject"] for m in (await noord.store.table_rows())["figure_marks"]] == ["handoff:1", "handoff:1"]


async def test_the_handoff_events_are_counted_in_the_handoffs_month_and_area(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    amira = noord.resident("amira")
    await consent(amira)
    noord.clock.now += timedelta(hours=3)
    await fatima.taps("Ik pak dit op")
    assert await figures(noord, "accepted") == {("noord", ""): 1}
    assert await figures(noord, "accept_hours") == {("noord", "3"): 1}
    noord.clock.now += timedelta(days=6)
    await noord.tick()
    await amira.taps("Ja")
    assert await figures(noord, "followup") == {("noord", "yes"): 1}
    await fatima.says("/sluit 1")
    await fatima.taps("Contact gehad")
    assert await figures(noord, "closed") == {("noord", "contact"): 1}


async def test_escalation_and_passing_on_are_counted_once_per_handoff(noord: Town) -> None:
    fatima = await noord.staff("fatima-el-amrani")
    await consent(noord.resident("amira"))
    await fatima.taps("Geef door aan collega")
    await fatima.presses(fatima.newest_buttons()[0].id)
    assert await figures(noord, "passed_on") == {("noord", ""): 1}
    noord.clock.now += timedelta(days=7)
    await noord.tick()
    assert await figures(noord, "escalated") == {("noord", ""): 1}


async def test_vergeet_takes_the_residents_counts_back_out_but_retention_keeps_them(noord: Town) -> None:
    amira, bram = noord.resident("amira"), noord.resident("bram")
    await consent(amira)
    await consent(bram, story="ik slaap slecht en ik zit de hele dag alleen thuis", postcode="5351")
    assert await figures(noord, "finished") == {("noord", ""): 1, ("zuid", ""): 1}
    await amira.says("/vergeet")
    await amira.taps("Ja")
    assert await figures(noord, "finished") == {("zuid", ""): 1}
    assert ("noord", "") not in await figures(noord, "handoff")
    assert not [p for p in await figures(noord, "pair") if p[0] == "noord"]
    marks = (await noord.store.table_rows())["figure_marks"]
    assert not [m for m in marks if m["subject"] == amira.person.key]

    # bram's handoff is closed, he goes quiet: retention erases him, his counts stay
    handoff = (await noord.store.handoffs.of_resident(bram.person))[0]
    owner = await noord.staff(handoff.member_id)
    await owner.presses(buttons.encode(buttons.HANDOFF, handoff.id, "acc"))
    await owner.says(f"/sluit {handoff.id}")
    await owner.taps("Contact gehad")
    noord.clock.now += timedelta(days=200)
    assert await erase_quiet(noord.store, 90) == 1
    assert await noord.store.residents.get(bram.person) is None
    assert await figures(noord, "finished") == {("zuid", ""): 1}
    assert await figures(noord, "closed") == {("zuid", "contact"): 1}
    marks = (await noord.store.table_rows())["figure_marks"]
    assert not [m for m in marks if bram.person.key in m["subject"]]


# -- /cijfers and the Monday summary --------------------------------------------------------
async def fill(town: Town, month: str, area: str, residents: int) -> None:
    async with town.store.transaction() as tx:
        for n in range(residents):
            await town.store.figures.count(tx, f"test:{area}{n}", month, area, "finished")


async def test_cijfers_shows_last_month_of_the_coordinators_areas_suppressed(noord: Town) -> None:
    await fill(noord, "2026-10", "noord", 14)
    await fill(noord, "2026-10", "zuid", 3)
    await fill(noord, "2026-10", "centrum", 12)
    sanne = await noord.staff("sanne-bakker")  # coordinator of wijkteam-noord
    said = "\n".join(str(r.text) for r in await sanne.says("/cijfers"))
    assert "2026-10" in said and "Noord" in said and "14 inwoners" in said
    assert "Zuid" not in said and "Centrum" not in said
    ruud = await noord.staff("ruud-kuipers")  # zuid: 3 is under 10
    said = "\n".join(str(r.text) for r in await ruud.says("/cijfers"))
    assert "<10 inwoners" in said and "3 inwoners" not in said
    fatima = await noord.staff("fatima-el-amrani")
    assert "Alleen de coördinator" in "\n".join(str(r.text) for r in await fatima.says("/cijfers"))


async def test_the_monday_summary_goes_once_a_week_and_survives_a_restart(tmp_path: Path, sample_kb) -> None:
    async with town(tmp_path, sample_kb) as first:
        await fill(first, "2026-10", "noord", 14)
        sanne = await first.staff("sanne-bakker")
        await sanne.says("/cijfers aan")
        first.clock.now = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)  # Sunday
        await first.tick()
        assert not [r for r in sanne.hears() if "Maandagcijfers" in str(r.text)]
    async with town(tmp_path, sample_kb) as second:  # restarted: the row says it is due
        sanne = await second.staff("sanne-bakker")
        second.clock.now = datetime(2026, 11, 30, 7, 30, tzinfo=UTC)  # Monday 08:30
        await second.tick()
        await second.tick()
        weekly = [r for r in sanne.hears() if "Maandagcijfers" in str(r.text)]
        assert len(weekly) == 1 and "14 inwoners" in str(weekly[0].text)
        second.clock.now += timedelta(days=7)
        await second.tick()
        assert len([r for r in sanne.hears() if "Maandagcijfers" in str(r.text)]) == 1
        await sanne.says("/cijfers uit")
        second.clock.now += timedelta(days=7)
        await second.tick()
        assert not [r for r in sanne.hears() if "Maandagcijfers" in str(r.text)]


# -- the files: only counts ----------------------------------------------------------------
async def test_insight_writes_files_without_personal_data(noord: Town, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(12):
        await consent(noord.resident(f"zq{n}x"))
    out = tmp_path / "out"
    monkeypatch.setenv("WIJKWIJZER_DB", str(tmp_path / "floor.sqlite3"))
    monkeypatch.setenv("WIJKWIJZER_INSIGHT_MIN_COUNT", "10")
    assert await asyncio.to_thread(main, ["insight", "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "samenvatting.md" in names and "heatmap-gemeente.png" in names and "heatmap-noord.png" in names
    rows = list(csv.DictReader((out / "cijfers-per-wijk-en-maand.csv").read_text().splitlines()))
    row = next(r for r in rows if r["area"] == "noord" and r["month"] == "2026-11")
    assert row["finished"] == "12" and row["handoffs"] == "12"
    secret = ["5341", "zq", "test:", "Fatima", "El Amrani", "mijn moeder helpt", "iemand die meedenkt",
              "deurwaarder", "spijbelt", "zoon"]
    for path in out.iterdir():
        if path.suffix == ".png":  # the words a picture carries: its metadata (its labels are domain names)
            with Image.open(path) as image:
                content = " ".join(f"{k} {v}" for k, v in image.info.items())
        else:
            content = path.read_text(encoding="utf-8")
        for word in secret:
            assert word not in content, (path.name, word)
    summary = (out / "samenvatting.md").read_text()
    assert "](heatmap-gemeente.png)" in summary and "Geld en schulden" in summary


def test_the_csv_shows_suppressed_cells_as_under_the_minimum() -> None:
    figures = finished({"noord": 14, "centrum": 3, "zuid": 30, "": 12})
    figures.append(Figure(MONTH, "zuid", "pair", "housing+housing", 3))
    insight = build(figures, _kb(), Period(MONTH, MONTH), 10)
    table = monthly_csv(insight)
    assert "noord,2026-11,14," in table and "centrum,2026-11,<10," in table
    assert "3," not in table.replace("2026-11,", "")
    assert "zuid,housing,housing,<10" in pairs_csv(insight) and "gemeente,housing,housing,<10" in pairs_csv(insight)


def _kb():
    from knowledge.loader import SAMPLE, read_knowledge

    kb, _ = read_knowledge(SAMPLE)
    return kb
