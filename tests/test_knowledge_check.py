"""check-knowledge: one small broken knowledge base per rule, each reported with file, line, id."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from knowledge.fields import is_dutch_phone, is_email, is_url
from knowledge.loader import SAMPLE, load_knowledge, read_knowledge
from knowledge.problems import KnowledgeError, Problem
from tests.kbfixture import write_kb

TODAY = date(2026, 11, 23)


def check(folder: Path) -> list[Problem]:
    return read_knowledge(folder, today=TODAY)[1]


def only_error(problems: list[Problem]) -> Problem:
    errors = [p for p in problems if p.is_error]
    assert len(errors) == 1, "\n".join(map(str, problems))
    return errors[0]


def test_the_small_knowledge_base_is_valid(tmp_path: Path) -> None:
    kb, problems = read_knowledge(write_kb(tmp_path), today=TODAY)
    assert kb is not None, "\n".join(map(str, problems))
    assert problems == []
    assert kb.area_for_postcode("1013").id == "west"
    assert kb.area_for_postcode("1013 ab").id == "oost", "a PC6 wins over its PC4"
    assert kb.area_for_postcode("1013XY").id == "west"
    assert kb.area_for_postcode("9999") is None
    assert kb.team_for_postcode(None).id == "team-a"
    assert kb.member("bram").team_id == "team-a"
    assert kb.service("buurthuis-oost").serves("oost") and not kb.service("buurthuis-oost").serves("west")
    assert kb.synonyms == {"nl": {"finances": ("stadspas",)}}


def test_the_sample_knowledge_base_has_no_errors() -> None:
    kb, problems = read_knowledge(SAMPLE, today=TODAY)
    assert kb is not None, "\n".join(str(p) for p in problems if p.is_error)
    assert len(kb.municipality.areas) >= 3 and len(kb.teams) >= 3
    assert sum(len(t.members) for t in kb.teams) >= 12
    assert len(kb.services) >= 40


def test_missing_required_field(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, teams=("        role: Wijkcoach\n        domains: [finances",
                                                         "        domains: [finances"))))
    assert (problem.file, problem.entry_id) == ("teams.yaml", "bram")
    assert problem.line == 13  # the line where Bram's entry starts
    assert "'role' ontbreekt" in problem.message


def test_wrong_type(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, teams=("reaction_hours: 48", "reaction_hours: twee dagen"))))
    assert (problem.file, problem.line, problem.entry_id) == ("teams.yaml", 7, "team-a")
    assert "heel getal" in problem.message


def test_a_single_word_where_a_list_is_expected(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, services=("domains: [finances]", "domains: finances"))))
    assert (problem.file, problem.line, problem.entry_id) == ("services.yaml", 5, "schuldhulp")
    assert "moet een lijst zijn" in problem.message


def test_unknown_life_domain(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, teams=("[finances, housing]", "[finance, housing]"))))
    assert (problem.file, problem.line, problem.entry_id) == ("teams.yaml", 16, "bram")
    assert "'finance'" in problem.message and "Bedoel je 'finances'" in problem.message


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, professionals=("id: jeroen", "id: bram"))))
    assert (problem.file, problem.entry_id) == ("professionals.yaml", "bram")
    assert "teams.yaml:13" in problem.message


def test_area_with_unknown_team(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, municipality=("    team: team-b", "    team: team-c"))))
    assert (problem.file, problem.line, problem.entry_id) == ("municipality.yaml", 13, "west")
    assert "Team 'team-c' bestaat niet" in problem.message


def test_unknown_default_team(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, municipality=("default_team: team-a", "default_team: centrum"))))
    assert (problem.file, problem.line) == ("municipality.yaml", 4)
    assert "'centrum' bestaat niet" in problem.message


def test_coordinator_who_is_not_a_member(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, teams=("coordinator: cem", "coordinator: sanne"))))
    assert (problem.file, problem.line, problem.entry_id) == ("teams.yaml", 21, "team-b")
    assert "'sanne' is geen lid" in problem.message


def test_service_in_unknown_area(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, services=("areas: [oost]", "areas: [oost, zuid]"))))
    assert (problem.file, problem.line, problem.entry_id) == ("services.yaml", 14, "buurthuis-oost")
    assert "Onbekende wijk 'zuid'" in problem.message


def test_postcode_in_two_areas(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, municipality=('["1013", "1014"]', '["1013", "1012"]'))))
    assert (problem.file, problem.line, problem.entry_id) == ("municipality.yaml", 12, "west")
    assert "1012 staat al bij wijk 'oost'" in problem.message


@pytest.mark.parametrize("bad", ["123", "01234", "1012 A", "1012-AB", "12345", "ABCD"])
def test_malformed_postcode(tmp_path: Path, bad: str) -> None:
    problem = only_error(check(write_kb(tmp_path, municipality=('"1014"]', f'"1014", "{bad}"]'))))
    assert (problem.file, problem.line, problem.entry_id) == ("municipality.yaml", 12, "west")
    assert f"Postcode '{bad}' klopt niet" in problem.message


def test_malformed_phone_number(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, teams=('"06 1234 5678"', '"06 1234 567"'))))
    assert (problem.file, problem.line, problem.entry_id) == ("teams.yaml", 18, "bram")
    assert "Telefoonnummer '06 1234 567' klopt niet" in problem.message


def test_malformed_url(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, services=("https://www.teststad.nl/schulden", "www.teststad.nl"))))
    assert (problem.file, problem.line, problem.entry_id) == ("services.yaml", 8, "schuldhulp")
    assert "Webadres 'www.teststad.nl' klopt niet" in problem.message


def test_malformed_email(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, teams=("a@team.teststad.nl", "a@team"))))
    assert (problem.file, problem.line, problem.entry_id) == ("teams.yaml", 5, "team-a")
    assert "E-mailadres 'a@team' klopt niet" in problem.message


def test_team_without_active_members(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(
        tmp_path, teams=("        languages: [nl, tr]", "        languages: [nl, tr]\n        active: false")
    )))
    assert (problem.file, problem.entry_id) == ("teams.yaml", "team-b")
    assert "geen actieve leden" in problem.message


def test_checked_longer_than_six_months_ago_is_a_warning(tmp_path: Path) -> None:
    kb, problems = read_knowledge(write_kb(tmp_path, services=("2026-10-01", "2026-04-01")), today=TODAY)
    assert kb is not None, "warnings do not stop the bot"
    [problem] = problems
    assert not problem.is_error
    assert (problem.file, problem.line, problem.entry_id) == ("services.yaml", 9, "schuldhulp")
    assert "2026-04-01" in problem.message and "zes maanden" in problem.message


def test_missing_checked_is_a_warning(tmp_path: Path) -> None:
    kb, problems = read_knowledge(write_kb(tmp_path, services=("    checked: 2026-10-01\n", "")), today=TODAY)
    assert kb is not None
    assert [(p.is_error, p.entry_id) for p in problems] == [(False, "schuldhulp")]
    assert "'checked'" in problems[0].message


def test_unknown_language_code(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, teams=("[nl, tr]", "[nl, turks]"))))
    assert (problem.file, problem.line, problem.entry_id) == ("teams.yaml", 27, "cem")
    assert "Onbekende taalcode 'turks'" in problem.message


def test_unknown_field_is_a_warning_with_a_hint(tmp_path: Path) -> None:
    _, problems = read_knowledge(write_kb(tmp_path, services=("keywords:", "keywordz:")), today=TODAY)
    [problem] = problems
    assert not problem.is_error and problem.entry_id == "schuldhulp" and problem.line == 6
    assert "Bedoel je 'keywords'" in problem.message


def test_a_field_written_twice_is_a_warning_with_both_lines(tmp_path: Path) -> None:
    """YAML keeps the last of two `phone:` lines without a word: the keeper hears which one counts."""
    kb, problems = read_knowledge(write_kb(tmp_path, services=('    phone: "14 020"\n',
                                                               '    phone: "14 020"\n    phone: "020 555 1234"\n')),
                                  today=TODAY)
    [problem] = problems
    assert kb is not None and not problem.is_error
    assert (problem.file, problem.line, problem.entry_id) == ("services.yaml", 8, "schuldhulp")
    assert "'phone'" in problem.message and "regel 7" in problem.message
    assert kb.service("schuldhulp").phone == "020 555 1234"


def test_unknown_domain_in_synonyms(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, synonyms=("finances:", "money:"))))
    assert (problem.file, problem.line, problem.entry_id) == ("synonyms.yaml", 3, "nl")
    assert "Onbekend levensdomein 'money'" in problem.message


def test_yaml_syntax_error_shows_the_line(tmp_path: Path) -> None:
    problem = only_error(check(write_kb(tmp_path, services=("    name: Schuldhulp", "    name: [Schuldhulp"))))
    assert problem.file == "services.yaml" and problem.line is not None and 3 <= problem.line <= 5
    assert "geen geldige YAML" in problem.message


def test_missing_file(tmp_path: Path) -> None:
    folder = write_kb(tmp_path)
    (folder / "teams.yaml").unlink()
    problems = check(folder)
    assert any(p.file == "teams.yaml" and "ontbreekt" in p.message for p in problems)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder = write_kb(
        tmp_path,
        teams=("[finances, housing]", "[finance, housing]"),
        services=("https://www.teststad.nl/schulden", "teststad"),
        municipality=('"1014"]', '"1014", "999"]'),
    )
    errors = [p for p in check(folder) if p.is_error]
    assert {p.file for p in errors} == {"teams.yaml", "services.yaml", "municipality.yaml"}
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(folder, today=TODAY)
    assert len(raised.value.problems) == 3


@pytest.mark.parametrize(
    "phone", ["06 1234 5678", "0412 123 456", "0800-2000", "0800-0113", "0900-8020", "14 0412", "112",
              "113", "+31 20 123 4567", "088-0767000", "020-1234567"]
)
def test_phone_numbers_as_people_write_them(phone: str) -> None:
    assert is_dutch_phone(phone)


@pytest.mark.parametrize("phone", ["06 1234 567", "12", "bel ons", "0800 20", "+31 6 1234", "06-12345-678-9"])
def test_phone_numbers_that_are_wrong(phone: str) -> None:
    assert not is_dutch_phone(phone)


def test_urls_and_emails() -> None:
    assert is_url("https://www.113.nl") and is_url("http://localhost.test/x")
    assert not is_url("www.113.nl") and not is_url("https://") and not is_url("https://113 nl")
    assert is_email("noord@wijkteam.voorbeeldstad.nl") and not is_email("noord@wijkteam") and not is_email("a b@c.nl")
