"""What goes well, what would help, the picture, the services in the area and the one person offered."""

from __future__ import annotations

import math

from flows import lifecycle, picture
from flows.markup import Rich, fit, shorten
from flows.replies import Reply
from flows.reports import report_button
from flows.resident import answers
from flows.resident.check import WORDS_IN_CARD
from flows.resident.steps import Step, StepSpec
from flows.resident.story import use_buttons
from flows.resident.turn import Turn
from knowledge.postcode import normalize_postcode
from knowledge.routing import Contact, choose_contact

MAX_SERVICES = 5


def ask_going_well(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("ask.going_well"), turn.choices(("skip", "common.skip")))]


async def choose_going_well(turn: Turn, choice: str) -> list[Reply] | None:
    if choice != "skip":
        return None
    turn.progress.step = Step.WOULD_HELP
    return turn.flow.ask(turn)


async def text_going_well(turn: Turn, text: str, match) -> list[Reply]:
    turn.progress.going_well = shorten(text, WORDS_IN_CARD)
    turn.progress.step = Step.WOULD_HELP
    return turn.flow.ask(turn)


def ask_would_help(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("ask.would_help"), turn.choices(("skip", "common.skip")))]


async def choose_would_help(turn: Turn, choice: str) -> list[Reply] | None:
    if choice != "skip":
        return None
    return picture_then_postcode(turn)


async def text_would_help(turn: Turn, text: str, match) -> list[Reply]:
    turn.progress.would_help = shorten(text, WORDS_IN_CARD)
    return picture_then_postcode(turn)


def picture_then_postcode(turn: Turn) -> list[Reply]:
    progress = turn.progress
    replies = [summary(turn)]
    if not progress.concerns():
        progress.step = Step.DONE
        replies.append(Reply(turn.voice("summary.no_concerns")))
        return replies
    progress.step = Step.POSTCODE
    return replies + turn.flow.ask(turn)


def summary(turn: Turn) -> Reply:
    """The whole picture: what goes well, what weighs most (as the resident said it), and the picture."""
    progress, voice = turn.progress, turn.voice
    heard = story_domains(progress)
    heaviest = picture.heaviest(progress.answers, heard)
    good = [d for d, s in progress.answers.items()  # only 'Nee, gaat goed' says it goes well ('een beetje' does not)
            if s == answers.GOING_WELL_SCORE and d not in heard + tuple(heaviest)]
    answered = sum(1 for s in progress.answers.values() if s is not None)
    drawn = answered >= 3  # fewer answers make no picture, and then no heading that promises one
    lines = [voice("summary.title")] if drawn else []
    if good:
        lines.append(voice("summary.good", domains=voice.domains(good)))
    if progress.going_well:
        lines.append(voice("summary.going_well", words=shorten(progress.going_well, 200)))
    if heaviest:
        lines.append(voice("summary.heavy", domains=voice.domains(heaviest[:3])))
    caption = fit(Rich.lines(lines or [voice("summary.no_picture")]), 1024)
    if not drawn:
        return Reply(caption)
    png = turn.flow.picture(voice, dict(progress.answers), heard, voice.plain("picture.title"))
    return Reply(caption, picture=png)


def story_domains(progress) -> tuple[str, ...]:
    """The domains heard in the resident's story and confirmed by them, most prominent first."""
    return tuple(d for d in progress.domains if d in progress.answers)


def ask_postcode(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("postcode.ask"), turn.choices(("none", "postcode.rather_not")))]


async def choose_postcode(turn: Turn, choice: str) -> list[Reply] | None:
    if choice != "none":
        return None
    turn.resident.postcode = None
    return await services_and_offer(turn)


async def text_postcode(turn: Turn, text: str, match) -> list[Reply]:
    postcode = normalize_postcode(text)
    if postcode is None:
        return [Reply(turn.voice("postcode.invalid"))] + turn.flow.ask(turn)
    turn.resident.postcode = postcode
    return await services_and_offer(turn)


async def services_and_offer(turn: Turn) -> list[Reply]:
    """The services that fit in the resident's area, and the one person the routing rule picks."""
    flow, progress, voice = turn.flow, turn.progress, turn.voice
    area = flow.kb.area_for_postcode(turn.resident.postcode)
    replies: list[Reply] = []
    if turn.resident.postcode and area is None:
        replies.append(Reply(voice("postcode.unknown_area", postcode=turn.resident.postcode)))
    weights = {d: (6 - s) / 5 for d, s in progress.concerns().items()}
    own_words = " ".join([progress.story or "", *progress.followups.values(), progress.would_help or ""])
    services = flow.matcher.services_for(weights, area.id if area else None, tuple(progress.crisis),
                                         MAX_SERVICES, keywords=flow.matcher.keywords_in(own_words))
    if services:
        lines = [voice("services.title")]
        for item in services:
            service = item.service
            reach = service.phone or service.url or service.email or ""
            lines.append(voice("services.line", name=service.name,
                               description=shorten(service.description_in(voice.language), 140), reach=reach))
        targets = [f"s:{flow.kb.services.index(item.service)}" for item in services]
        button = await report_button(flow.store, turn.resident.person, voice, targets)
        replies.append(Reply(fit(Rich.lines(lines)), (button,)))
    previous = await flow.store.handoffs.of_resident(turn.resident.person)
    contact = choose_contact(
        flow.kb, turn.resident.postcode, progress.concerns(), turn.resident.language,
        previous_member_id=previous[-1].member_id if previous else None,
        open_counts=await flow.store.handoffs.open_counts(lifecycle.OPEN),
    )
    progress.contact = {"member_id": contact.member.id, "team_id": contact.team.id, "reason": contact.reason}
    progress.step = Step.OFFER
    return replies + flow.ask(turn)


def contact_of(turn: Turn) -> Contact:
    """The person offered (the coordinator when the knowledge base lost them since)."""
    stored = turn.progress.contact
    assert stored is not None
    kb = turn.flow.kb
    member = kb.member(stored["member_id"])
    team = kb.team(stored["team_id"])
    return Contact(member or team.coordinator, team, None, stored.get("reason", ""))


def reaction_days(contact: Contact) -> int:
    """The team's reaction time as whole working days."""
    return max(1, math.ceil(contact.team.reaction_hours / 24))


def ask_offer(turn: Turn) -> list[Reply]:
    voice, contact = turn.voice, contact_of(turn)
    text = voice(
        "offer.urgent" if turn.progress.crisis else "offer.text",  # danger: the honest time in clock hours
        name=contact.member.name, role=contact.member.role.lower(), team=contact.team.name,
        first=contact.member.first_name, days=reaction_days(contact), hours=contact.team.urgent_reaction_hours,
        again=voice("offer.again", first=contact.member.first_name) if contact.reason == "continuity" else Rich(),
    )
    return [Reply(text, turn.choices(("yes", "offer.accept"), ("no", "offer.decline")), columns=1)]


async def choose_offer(turn: Turn, choice: str) -> list[Reply] | None:
    voice, contact = turn.voice, contact_of(turn)
    if choice == "yes":
        turn.progress.step = Step.PREFERENCE
        return [Reply(voice("offer.thanks"))] + turn.flow.ask(turn)
    if choice == "no":
        turn.progress.step = Step.DONE
        return [Reply(voice("offer.declined", team=contact.team.name, phone=contact.team.phone or ""))]
    return None


STEPS = {
    Step.GOING_WELL: StepSpec(ask_going_well, text_going_well, choose_going_well),
    Step.WOULD_HELP: StepSpec(ask_would_help, text_would_help, choose_would_help),
    Step.POSTCODE: StepSpec(ask_postcode, text_postcode, choose_postcode),
    Step.OFFER: StepSpec(ask_offer, use_buttons, choose_offer),
}
