"""What each outbox item says, and to whom: the card and its picture, reminders, notices, relayed words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from flows import buttons, lifecycle
from flows.card import Card, Danger
from flows.crisis import crisis_domains, crisis_numbers
from flows.handoff.start import HandoffStart, Outgoing
from flows.markup import Rich, fit, shorten
from flows.recipients import ToMember, ToPerson, decode
from flows.replies import Choice, Reply
from flows.texts import Texts
from flows.voice import Voice
from knowledge.model import KnowledgeBase
from store import Handoff, OutboxItem, Person, Store


@dataclass(frozen=True)
class Delivery:
    """Where an outbox item goes and what it says; `to` is None when nobody can receive it."""

    to: Person | None
    replies: list[Reply]


class Renderer:
    """Turns outbox items into messages, in the recipient's language."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts, start: HandoffStart, picture) -> None:
        self.kb, self.store, self.texts, self.start, self.picture = kb, store, texts, start, picture
        self.staff_voice = Voice(texts, kb.default_language)

    async def person_of(self, kb_id: str) -> Person | None:
        """The account a member or professional linked most recently (or the one named in the knowledge base)."""
        accounts = await self.store.accounts.of(kb_id)
        if accounts:
            return accounts[0]
        member = self.kb.member(kb_id)
        if member is not None and member.telegram_user_id:
            return Person("telegram", str(member.telegram_user_id))
        return None

    async def render(self, item: OutboxItem) -> Delivery:
        """What to send for an outbox item, and to whom."""
        to = decode(item.recipient)
        handoff = await self.store.handoffs.get(item.handoff_id) if item.handoff_id else None
        if isinstance(to, ToPerson) and item.kind == "retract":
            message_id = item.payload["message_id"]
            if item.payload.get("picture"):
                return Delivery(to.person, [Reply("", removes=message_id)])
            return Delivery(to.person, [Reply(self.staff_voice("staff.erased_card", id=item.handoff_id),
                                              replaces=message_id)])
        if isinstance(to, ToPerson) and item.kind == "reply":
            return Delivery(to.person, [Reply.from_json(item.payload["reply"], item.attachment)])
        if isinstance(to, ToPerson):
            resident = await self.store.residents.get(to.person)
            voice = Voice(self.texts, resident.language if resident else None)
            return Delivery(to.person, self._for_resident(item.kind, item.payload, handoff, voice))
        if to is None:
            return Delivery(None, [])
        person = await self.person_of(to.member_id if isinstance(to, ToMember) else to.kb_id)
        if item.kind == "notice":
            return Delivery(person, [Reply(self.staff_voice(item.payload["key"], **item.payload.get("params", {})))])
        card = Card.from_dict(handoff.card) if handoff else Card()
        if handoff is None or card.empty:
            return Delivery(person, [])  # forgotten by the resident meanwhile: nothing to show
        return Delivery(person, self._for_staff(item.kind, item.payload, handoff, card))

    def _for_staff(self, kind: str, payload: dict[str, Any], handoff: Handoff, card: Card) -> list[Reply]:
        voice = self.staff_voice
        if kind == "card":
            return [self.card(handoff, payload.get("note", ""))]
        if kind == "picture":
            if sum(1 for v in card.answers.values() if v is not None) < 3:
                return []
            png = self.picture(voice, card.answers, card.heard, voice.plain("picture.staff_title", id=handoff.id))
            return [Reply(voice("staff.picture_caption", id=handoff.id), picture=png)]
        if kind == "reminder":
            key = "staff.reminder_urgent" if handoff.urgent else "staff.reminder"
            if payload.get("escalated"):
                key = "staff.reminder_escalated_urgent"
            return [Reply(voice(key, id=handoff.id, hours=payload.get("hours", "")),
                          self.card_buttons(handoff))]
        if kind == "relay":
            return [Reply(voice("staff.relay_from_resident", id=handoff.id, text=payload.get("text", "")),
                          (Choice(buttons.encode(buttons.HANDOFF, handoff.id, "msg"),
                                  voice.plain("staff.button.message")),))]
        if kind == "no_contact":
            member = self.kb.member(handoff.member_id)
            return [Reply(voice("staff.no_contact_alert", id=handoff.id, name=member.name if member else "?"))]
        return []

    def _for_resident(self, kind: str, payload: dict[str, Any], handoff: Handoff | None, voice: Voice) -> list[Reply]:
        if kind == "notice":
            params = dict(payload.get("params", {}))
            if "daypart" in params:
                params["daypart"] = voice.plain(f"daypart_phrase.{params['daypart']}")
            if "crisis" in payload:  # the numbers for these dangers (all of them when none is known), each a line
                return [Reply(Rich.lines([voice(payload["key"], **params), crisis_numbers(voice, payload["crisis"])]))]
            return [Reply(voice(payload["key"], **params))]
        if kind == "relay":
            return [Reply(voice("handoff.relay_to_resident", name=payload.get("name", ""), team=payload.get("team", ""),
                                text=payload.get("text", "")))]
        if kind == "followup" and handoff is not None:
            member = self.kb.member(handoff.member_id)
            choices = tuple(Choice(buttons.encode(buttons.FOLLOWUP, handoff.id, answer),
                                   voice.plain(f"handoff.followup_{answer}")) for answer in ("yes", "no"))
            return [Reply(voice("handoff.followup", first=member.first_name if member else ""), choices, columns=2)]
        return []

    def card(self, handoff: Handoff, note: str = "") -> Reply:
        """The whole story on one card, with the buttons that fit its status."""
        voice, card = self.staff_voice, Card.from_dict(handoff.card)
        area = self.kb.area(card.area_id or "")
        lines = [voice("staff.card.title", id=handoff.id) + (voice("staff.card.urgent") if handoff.urgent else "")]
        head = 1 + len(card.dangers)  # the title, each danger, then how to reach and when: never cut off
        lines += [self._danger_line(voice, danger) for danger in card.dangers]
        if note:
            lines.append(voice("staff.card.note", note=note))
        if card.continuity:
            lines.append(voice("staff.card.continuity"))
        source = card.professional
        lines.append(voice("staff.card.source_professional", name=source.name, organization=source.organization)
                     if source else voice("staff.card.source_resident"))
        lines.append(voice("staff.card.where", area=area.name if area else voice.plain("staff.card.area_unknown"),
                           postcode=card.postcode or "-",
                           language=voice.plain(f"language.{card.language or self.kb.default_language}")))
        lines.append(voice("staff.card.concerns"))
        for concern in card.concerns:
            words = voice("staff.card.words", words=shorten(concern.words, 300)) if concern.words else Rich()
            score = self._score(voice, card, concern)
            lines.append(voice("staff.card.concern", domain=voice.domain(concern.domain), score=score,
                               words=words))
        lines.insert(head, self._preference_line(voice, card))  # never cut off
        if handoff.deadline_at and handoff.status in lifecycle.WAITING:
            local = handoff.deadline_at.astimezone(ZoneInfo(self.kb.municipality.timezone))
            when = local.strftime("%d-%m %H:%M")
            lines.insert(head + 1, voice("staff.card.deadline_urgent", when=when) if handoff.urgent
                         else voice("staff.card.deadline", when=when))
        for key in ("story", "going_well", "would_help"):
            if getattr(card, key):
                lines.append(voice(f"staff.card.{key}", words=shorten(getattr(card, key), 600)))
        if not self.kb.municipality.demo:
            return Reply(fit(Rich.lines(lines)), self.card_buttons(handoff))
        notice = voice("demo.notice")  # a demo knowledge base says so at the foot of every card, never cut off
        return Reply(Rich.lines([fit(Rich.lines(lines), 4000 - len(notice) - 1), notice]), self.card_buttons(handoff))

    @staticmethod
    def _score(voice: Voice, card: Card, concern) -> str | int:
        """The resident's own number for a concern; a domain made acute by a danger that the resident did not
        answer (skipped, or a story without the check) or mention shows no number it never had."""
        answered = card.answers.get(concern.domain)
        if concern.domain in card.heard:
            return voice.plain("picture.heard_staff")
        if answered is not None:
            return answered if answered == concern.score or concern.domain not in crisis_domains(card.crisis) \
                else voice.plain("staff.card.score_and_danger", score=answered)
        if concern.domain in crisis_domains(card.crisis):
            return voice.plain("staff.card.score_danger")
        return concern.score

    @staticmethod
    def _danger_line(voice: Voice, danger: Danger) -> Rich:
        """Which danger, and the resident's words that showed it (or the answer they tapped)."""
        kind = voice.plain(f"staff.danger.{danger.kind}")
        if not danger.words:
            return voice("staff.card.danger", kind=kind)
        key = "staff.card.danger_answer" if danger.source == "answer" else "staff.card.danger_words"
        return voice(key, kind=kind, words=shorten(danger.words, 300))

    @staticmethod
    def _preference_line(voice: Voice, card: Card) -> Rich:
        preference = card.preference
        if preference.kind == "phone":
            return voice("staff.card.call", phone=preference.phone or "",
                         daypart=voice.plain(f"daypart_phrase.{preference.daypart}"))
        if preference.kind == "message":
            return voice("staff.card.message")
        return voice("staff.card.no_preference")

    def card_buttons(self, handoff: Handoff) -> tuple[Choice, ...]:
        """Accept, pass on, not for me while it waits; message and close once accepted."""
        voice = self.staff_voice

        def button(action: str, key: str) -> Choice:
            return Choice(buttons.encode(buttons.HANDOFF, handoff.id, action), voice.plain(key))

        if handoff.status in lifecycle.WAITING:
            choices = [button("acc", "staff.button.accept"), button("pass", "staff.button.pass")]
            if handoff.member_id != self.kb.team(handoff.team_id).coordinator_id:
                choices.append(button("no", "staff.button.not_for_me"))
            return tuple(choices)
        if handoff.status == "accepted":
            choices = [button("close", "staff.button.close")]
            if Card.from_dict(handoff.card).by_message and handoff.resident:
                choices.insert(0, button("msg", "staff.button.message"))
            return tuple(choices)
        return ()

    async def instead(self, item: OutboxItem) -> tuple[Outgoing, ...]:
        """Nobody can receive this item. A card for a member without an account goes to the coordinator."""
        to = decode(item.recipient)
        if item.kind != "card" or item.handoff_id is None or not isinstance(to, ToMember):
            return ()
        handoff = await self.store.handoffs.get(item.handoff_id)
        if handoff is None:
            return ()
        team = self.kb.team(handoff.team_id)
        if to.member_id == team.coordinator_id:
            return ()  # nobody linked at all: it waits in /team once someone registers
        member = self.kb.member(to.member_id)
        note = self.staff_voice.plain("staff.card.no_account", name=member.name if member else to.member_id)
        messages: list[Outgoing] = list(self.start.card_messages(team.coordinator_id, note))
        if handoff.resident and Card.from_dict(handoff.card).preference.kind != "self":
            messages.append(Outgoing("notice", ToPerson(handoff.resident), {
                "key": "handoff.team_phone", "params": {
                    "team": team.name, "phone": team.phone or "", "name": team.coordinator.name,
                    "first": member.first_name if member else ""}}))
        return tuple(messages)
