"""The typed protocols at the flows floor: button data, recipients, the card, rich text, the step table."""

from __future__ import annotations

import pytest

from flows import buttons
from flows.card import Card, Concern, Preference, Referrer
from flows.markup import Rich, Span, fit, render_template
from flows.progress import Progress
from flows.recipients import ToMember, ToPerson, ToProfessional, decode
from flows.replies import Choice, Reply
from flows.resident.flow import STEPS
from flows.resident.steps import Step
from store import Person


def test_button_data_round_trips_and_stays_within_64_bytes() -> None:
    data = buttons.encode(buttons.HANDOFF, 12, "to", 3)
    assert data == "h|12|to|3"
    button = buttons.decode(data)
    assert (button.kind, button.number(0), button.part(1), button.number(2)) == ("h", 12, "to", 3)
    step = buttons.decode(buttons.encode(buttons.STEP, 7, "yes"))
    assert (step.kind, step.number(0), step.part(1)) == (buttons.STEP, 7, "yes")
    with pytest.raises(ValueError):
        buttons.encode(buttons.REPORT_PICK, "s:1," * 20)
    with pytest.raises(ValueError):
        buttons.encode(buttons.FORM, "a|b")  # a part may not carry the separator


@pytest.mark.parametrize("forged", ["", "x" * 65, "zz|1|acc", "h", "¹|yes", "h|²|acc"])
def test_forged_button_data_means_nothing_or_no_number(forged: str) -> None:
    button = buttons.decode(forged)
    assert button is None or button.number(0) is None


def test_choices_check_their_data() -> None:
    with pytest.raises(ValueError):
        Choice("x" * 65, "label")


def test_recipients_are_typed_and_round_trip() -> None:
    for recipient in (ToPerson(Person("telegram", "42")), ToMember("fatima"), ToProfessional("jeroen")):
        assert decode(recipient.encode()) == recipient
    assert decode("resident") is None, "an erased resident's deliveries go nowhere"


def test_the_card_round_trips_and_reads_cards_written_before_it_existed() -> None:
    card = Card(concerns=(Concern("finances", 2, "deurwaarder"),), story="s", preference=Preference("phone", "06"),
                language="nl", crisis=("suicide",), urgent=True, professional=Referrer("j", "Jeroen", "Politie"))
    assert Card.from_dict(card.to_dict()) == card
    old = Card.from_dict({"concerns": [{"domain": "housing", "score": 3}], "preference": {"kind": "telegram"}})
    assert old.by_message and old.concerns == (Concern("housing", 3),)
    assert Card.from_dict({}).empty


def test_values_are_plain_text_whatever_they_contain() -> None:
    rich = render_template("Ik hoor: **{domains}**. __Klopt__?", {"domains": "<b>geld</b> & **wonen**"})
    assert str(rich) == "Ik hoor: <b>geld</b> & **wonen**. Klopt?"
    assert Span("<b>geld</b> & **wonen**", "b") in rich.spans, "a value never becomes markup"
    assert Span("Klopt", "i") in rich.spans


def test_rich_text_keeps_its_styles_when_joined_and_fitted() -> None:
    bold = render_template("**a**", {})
    joined = Rich.lines([bold, "b"])
    assert joined.spans == (Span("a", "b"), Span("\nb"))
    long = Rich.lines([bold] + ["x" * 50] * 200)
    fitted = fit(long, 1000)
    assert len(fitted) <= 1000 and fitted.spans[0] == Span("a", "b") and str(fitted).endswith("…")
    assert Reply(joined).rich == joined


def test_every_step_has_a_question_a_text_handler_and_a_button_handler() -> None:
    assert set(STEPS) == set(Step)
    for spec in STEPS.values():
        assert callable(spec.ask) and callable(spec.on_text) and callable(spec.on_choice)


def test_a_step_written_by_another_version_starts_again_instead_of_falling_through() -> None:
    assert Progress.from_dict({"step": "chek"}).step == Step.WELCOME
    assert Progress.from_dict({"step": "check"}).step == Step.CHECK
