"""Consent and contact: how the resident wants to be reached, and the handoff stored with the progress."""

from __future__ import annotations

from flows import lifecycle
from flows.card import DAYPARTS, MESSAGE, PHONE, SELF, Card, Concern, Danger, Preference
from flows.crisis import crisis_numbers
from flows.fields import parse_phone
from flows.markup import Rich
from flows.replies import Reply
from flows.resident import answers
from flows.resident.steps import Step, StepSpec, no_buttons
from flows.resident.story import use_buttons
from flows.resident.summary import contact_of, reaction_days, story_domains
from flows.resident.turn import Turn
from knowledge.routing import Contact
from store import Tx


def ask_preference(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("preference.ask", name=contact_of(turn).member.first_name),
                  turn.choices((MESSAGE, "preference.message"), (PHONE, "preference.phone"),
                               (SELF, "preference.self")))]


async def choose_preference(turn: Turn, choice: str) -> list[Reply] | None:
    progress, voice = turn.progress, turn.voice
    contact = contact_of(turn)
    if choice in (MESSAGE, "telegram"):  # 'telegram': buttons shown before the channel-neutral name
        progress.preference = {"kind": MESSAGE}
        return hand_off(turn)
    if choice == PHONE:
        progress.step = Step.PHONE
        return turn.flow.ask(turn)
    if choice == SELF:
        progress.preference = {"kind": SELF}
        progress.step = Step.DONE
        return [Reply(voice("preference.self_done", team=contact.team.name, phone=contact.team.phone or "",
                            name=contact.member.name))]
    return None


def ask_phone(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("phone.ask"), ask_contact=turn.voice.plain("phone.share"))]


async def text_phone(turn: Turn, text: str, match) -> list[Reply]:
    phone = parse_phone(text)
    if phone is None:
        return [Reply(turn.voice("phone.invalid"))] + turn.flow.ask(turn)
    turn.progress.preference = {"kind": PHONE, "phone": phone}
    turn.progress.step = Step.DAYPART
    return [Reply(turn.voice("phone.noted", phone=phone), clear_keyboard=True)] + turn.flow.ask(turn)


def ask_daypart(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("daypart.ask"), turn.choices(*((d, f"daypart.{d}") for d in DAYPARTS)), columns=2)]


async def choose_daypart(turn: Turn, choice: str) -> list[Reply] | None:
    if choice not in DAYPARTS:
        return None
    turn.progress.preference["daypart"] = choice
    return hand_off(turn)


def hand_off(turn: Turn) -> list[Reply]:
    """The consented handoff is written in the same commit as the progress; then we say what happens."""
    progress, voice = turn.progress, turn.voice
    contact = contact_of(turn)
    card = build_card(turn, contact)
    person = turn.resident.person

    async def store_handoff(tx: Tx) -> None:
        actor = f"resident:{person.key}"
        handoff_id = await turn.flow.handoffs.send_new(
            tx, resident=person, member_id=contact.member.id, team_id=contact.team.id, card=card,
            urgent=card.urgent, actor=actor)
        await turn.flow.store.audit.add(tx, actor, "consent", handoff_id)
        progress.handoff_id = handoff_id

    turn.effects.append(store_handoff)
    progress.step = Step.DONE
    preference = Preference.from_dict(progress.preference)
    how = voice.plain(f"done.how.{preference.kind}", daypart=voice.plain(f"daypart_phrase.{preference.daypart}"))
    if card.urgent:  # danger: the honest time in clock hours, and the numbers again
        text = voice("done.urgent", name=contact.member.name, first=contact.member.first_name,
                     hours=contact.team.urgent_reaction_hours, how=how)
        numbers = crisis_numbers(voice, (d.kind for d in card.dangers))
        return [Reply(Rich.join("\n\n", [text, voice("done.urgent_numbers"), numbers]), clear_keyboard=True)]
    return [Reply(voice("done.text", name=contact.member.name, first=contact.member.first_name,
                        days=reaction_days(contact), how=how), clear_keyboard=True)]


def build_card(turn: Turn, contact: Contact) -> Card:
    """Everything the one person needs, from the resident's answers and words."""
    progress = turn.progress
    area = turn.flow.kb.area_for_postcode(turn.resident.postcode)
    return Card(
        concerns=tuple(Concern(d, s, progress.followups.get(d, ""))
                       for d, s in sorted(progress.concerns().items(), key=lambda item: item[1])),
        answers=dict(progress.answers),
        heard=story_domains(progress),
        story=progress.story or "",
        going_well=progress.going_well or "",
        would_help=progress.would_help or "",
        preference=Preference.from_dict(progress.preference),
        language=turn.resident.language,
        postcode=turn.resident.postcode,
        area_id=area.id if area else None,
        crisis=tuple(progress.crisis),
        dangers=dangers_of(turn),
        urgent=bool(progress.crisis),
        continuity=contact.reason == "continuity",
        source=progress.source,
    )


def dangers_of(turn: Turn) -> tuple[Danger, ...]:
    """Each danger with the resident's own words; an 'unsafe' check answer with the label they tapped."""
    progress, found = turn.progress, []
    for kind in progress.crisis:
        words = progress.danger_words.get(kind, "")
        if words:
            found.append(Danger(kind, words))
        elif kind == "domestic_violence" and progress.answers.get("safety_justice") == answers.UNSAFE_SCORE:
            found.append(Danger(kind, turn.voice.plain("check.answer.safety_justice.heavy"), "answer"))
        else:
            found.append(Danger(kind))
    return tuple(found)


def ask_done(turn: Turn) -> list[Reply]:
    return [Reply(turn.voice("done.again"))]


async def text_done(turn: Turn, text: str, match) -> list[Reply]:
    """After the conversation: a message for the resident's person, when they chose messages. A danger written
    now makes their open handoff urgent (the numbers came first, from the flow)."""
    replies = await urgent_after_consent(turn) if match is not None and match.crisis.is_crisis else []
    if await turn.flow.relay.from_resident(turn.resident.person, text):
        return replies + [Reply(turn.voice("handoff.relayed"))]
    return replies or [Reply(turn.voice("done.again"))]


async def urgent_after_consent(turn: Turn) -> list[Reply]:
    """The open handoff becomes urgent in the same commit as the progress; the resident hears the honest time."""
    handoff = await turn.flow.handoffs.open_of(turn.resident.person)  # by person: also after /opnieuw
    if handoff is None or handoff.status not in lifecycle.OPEN or handoff.resident != turn.resident.person:
        return []
    dangers = dangers_of(turn)

    async def mark(tx: Tx) -> None:
        await turn.flow.handoffs.make_urgent(tx, handoff.id, dangers)

    turn.effects.append(mark)
    member = turn.flow.kb.member(handoff.member_id)
    return [Reply(turn.voice("done.now_urgent", first=member.first_name if member else "",
                             hours=turn.flow.kb.team(handoff.team_id).urgent_reaction_hours))]


STEPS = {
    Step.PREFERENCE: StepSpec(ask_preference, use_buttons, choose_preference),
    Step.PHONE: StepSpec(ask_phone, text_phone, no_buttons),
    Step.DAYPART: StepSpec(ask_daypart, use_buttons, choose_daypart),
    Step.DONE: StepSpec(ask_done, text_done, no_buttons),
}
