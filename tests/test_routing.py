"""The routing rule: one test per clause and per tie-break."""

from __future__ import annotations

from pathlib import Path

from knowledge.loader import SAMPLE, load_knowledge
from knowledge.model import Area, KnowledgeBase, Member, Municipality, Team
from knowledge.routing import BEST_MATCH, CONTINUITY, COORDINATOR, choose_contact, member_score


def member(member_id: str, team: str, domains: tuple[str, ...], languages=("nl",), active=True, cap=10) -> Member:
    return Member(member_id, member_id.title(), "Wijkcoach", team, domains, languages,
                  max_open_handoffs=cap, active=active)


def town(*noord_members: Member) -> KnowledgeBase:
    noord = Team("noord", "Team Noord", "coord", (member("coord", "noord", ("social_contacts",)), *noord_members))
    centrum = Team("centrum", "Team Centrum", "chef", (
        member("chef", "centrum", ("housing",)),
        member("zoe", "centrum", ("finances",)),
    ))
    municipality = Municipality("Stad", "Europe/Amsterdam", ("nl", "en"), "centrum", (
        Area("n", "Noord", ("5341", "5342"), "noord"),
        Area("c", "Centrum", ("5211", "5341AB"), "centrum"),
    ))
    return KnowledgeBase(Path("."), municipality, (noord, centrum), ())


MONEY_AND_KIDS = {"finances": 2, "parenting": 3}


def test_score_is_six_minus_zrm_per_covered_domain_plus_language() -> None:
    fatima = member("fatima", "noord", ("finances", "parenting"), ("nl", "ar"))
    assert member_score(fatima, MONEY_AND_KIDS, "nl") == (6 - 2) + (6 - 3) + 2
    assert member_score(fatima, MONEY_AND_KIDS, "tr") == 7
    assert member_score(fatima, {"housing": 1}, None) == 0


def test_clause_1_postcode_gives_area_and_team() -> None:
    kb = town(member("fatima", "noord", ("finances",)))
    contact = choose_contact(kb, "5342", MONEY_AND_KIDS, "nl")
    assert (contact.team.id, contact.area.id, contact.member.id) == ("noord", "n", "fatima")


def test_clause_1_pc6_before_pc4() -> None:
    kb = town(member("fatima", "noord", ("finances",)))
    assert choose_contact(kb, "5341 AB", MONEY_AND_KIDS, "nl").team.id == "centrum"
    assert choose_contact(kb, "5341AC", MONEY_AND_KIDS, "nl").team.id == "noord"


def test_clause_1_unknown_or_missing_postcode_gives_the_default_team() -> None:
    kb = town(member("fatima", "noord", ("finances",)))
    for postcode in (None, "", "9999", "not a postcode"):
        contact = choose_contact(kb, postcode, MONEY_AND_KIDS, "nl")
        assert (contact.team.id, contact.area, contact.member.id) == ("centrum", None, "zoe")


def test_clause_2_continuity_wins_over_a_better_score() -> None:
    kb = town(member("fatima", "noord", ("finances", "parenting")), member("piet", "noord", ("housing",), cap=1))
    contact = choose_contact(kb, "5341", MONEY_AND_KIDS, "nl", previous_member_id="piet", open_counts={"piet": 5})
    assert (contact.member.id, contact.reason) == ("piet", CONTINUITY)


def test_clause_2_not_when_the_person_is_inactive() -> None:
    kb = town(member("fatima", "noord", ("finances",)), member("piet", "noord", ("housing",), active=False))
    contact = choose_contact(kb, "5341", MONEY_AND_KIDS, "nl", previous_member_id="piet")
    assert (contact.member.id, contact.reason) == ("fatima", BEST_MATCH)


def test_clause_2_not_when_the_person_is_in_another_areas_team() -> None:
    kb = town(member("fatima", "noord", ("finances",)))
    contact = choose_contact(kb, "5341", MONEY_AND_KIDS, "nl", previous_member_id="zoe")
    assert (contact.member.id, contact.reason) == ("fatima", BEST_MATCH)


def test_clause_2_not_when_the_person_no_longer_exists() -> None:
    kb = town(member("fatima", "noord", ("finances",)))
    assert choose_contact(kb, "5341", MONEY_AND_KIDS, "nl", previous_member_id="gone").member.id == "fatima"


def test_clause_3_highest_score_wins() -> None:
    kb = town(member("fatima", "noord", ("finances", "parenting")), member("mehmet", "noord", ("finances",)))
    contact = choose_contact(kb, "5341", MONEY_AND_KIDS, "nl")
    assert (contact.member.id, contact.reason, contact.score) == ("fatima", BEST_MATCH, 9)


def test_clause_3_language_bonus_can_decide() -> None:
    kb = town(
        member("fatima", "noord", ("finances",), ("nl", "ar")),
        member("mehmet", "noord", ("finances",), ("nl", "tr")),
    )
    assert choose_contact(kb, "5341", {"finances": 2}, "tr").member.id == "mehmet"
    assert choose_contact(kb, "5341", {"finances": 2}, "ar").member.id == "fatima"


def test_clause_3_lower_zrm_score_weighs_more() -> None:
    kb = town(member("fatima", "noord", ("finances",)), member("mehmet", "noord", ("housing",)))
    assert choose_contact(kb, "5341", {"finances": 3, "housing": 1}, "nl").member.id == "mehmet"


def test_clause_3_skips_inactive_and_full_members() -> None:
    kb = town(
        member("fatima", "noord", ("finances", "parenting"), cap=2),
        member("mehmet", "noord", ("finances", "parenting"), active=False),
        member("piet", "noord", ("finances",)),
    )
    contact = choose_contact(kb, "5341", MONEY_AND_KIDS, "nl", open_counts={"fatima": 2})
    assert contact.member.id == "piet"


def test_tie_break_fewer_open_handoffs() -> None:
    kb = town(member("bea", "noord", ("finances",)), member("ann", "noord", ("finances",)))
    assert choose_contact(kb, "5341", {"finances": 2}, "nl", open_counts={"ann": 3, "bea": 1}).member.id == "bea"


def test_tie_break_id_in_alphabetical_order() -> None:
    kb = town(member("bea", "noord", ("finances",)), member("ann", "noord", ("finances",)))
    assert choose_contact(kb, "5341", {"finances": 2}, "nl", open_counts={"ann": 1, "bea": 1}).member.id == "ann"


def test_clause_4_nobody_available_gives_the_coordinator() -> None:
    kb = town(member("fatima", "noord", ("finances",), cap=1))
    contact = choose_contact(kb, "5341", MONEY_AND_KIDS, "nl", open_counts={"fatima": 1, "coord": 10})
    assert (contact.member.id, contact.reason) == ("coord", COORDINATOR)


def test_the_sample_sends_money_and_kids_in_noord_to_fatima() -> None:
    kb = load_knowledge(SAMPLE)
    contact = choose_contact(kb, "5341", {"finances": 2, "parenting": 3, "work_education": 3}, "nl")
    assert (contact.member.name, contact.team.name) == ("Fatima El Amrani", "Wijkteam Noord")
