"""The warm handoff after consent: the card, the one person's buttons, closing the loop.

Everything that must reach someone goes through the outbox (stored in the same commit as
the change that causes it) and is rendered here when the delivery worker sends it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from flows.picture import spider_web
from flows.replies import Answer, Choice, Reply, shorten
from flows.schedule import add_working_hours, working_hours_between
from flows.texts import Texts
from flows.voice import Markup, Voice, fit
from knowledge.domains import DOMAIN_IDS
from knowledge.model import KnowledgeBase, Member, Team
from store import Handoff, OutboxItem, Store, TransitionError

Deliver = tuple[str, str, dict[str, Any]]
OUTCOMES = ("contact", "passed", "unreachable", "resident_declined", "other")
ACTIVE = ("sent", "escalated", "reassigned")  # waiting for someone to pick it up
STAFF_LANGUAGE = "nl"


@dataclass(frozen=True)
class Delivery:
    """Where an outbox item goes and what it says; chat_id None when nobody can receive it."""

    chat_id: int | None
    replies: list[Reply]


def parse_id(text: str) -> int | None:
    """A handoff id from a button or a command: plain ASCII digits only, of a sane length."""
    text = text.strip()
    return int(text) if re.fullmatch(r"[0-9]{1,9}", text) else None


def member_recipient(member_id: str) -> str:
    return f"member:{member_id}"


def resident_recipient(user_id: int) -> str:
    return f"resident:{user_id}"


class HandoffFlow:
    """The staff side of a handoff and the deliveries around it."""

    def __init__(self, kb: KnowledgeBase, store: Store, texts: Texts, followup_days: float = 5,
                 picture=spider_web, retention_days: float = 90) -> None:
        self.kb, self.store, self.texts = kb, store, texts
        self.followup_days, self.retention_days = followup_days, retention_days
        self.picture = picture

    def voice(self, language: str = STAFF_LANGUAGE) -> Voice:
        return Voice(self.texts, language)

    def now(self) -> datetime:
        return self.store.clock()

    # -- starting: called by the resident flow on consent ----------------------------------
    def deadlines(self, team: Team, sent_at: datetime) -> dict[str, datetime | None]:
        """Half-time reminder and the deadline, in working hours."""
        timezone = self.kb.municipality.timezone
        return {
            "sent_at": sent_at,
            "remind_at": add_working_hours(sent_at, team.reaction_hours / 2, timezone),
            "deadline_at": add_working_hours(sent_at, team.reaction_hours, timezone),
            "reminded_at": None,
        }

    def card_deliveries(self, member_id: str, note: str = "") -> tuple[Deliver, ...]:
        """The card (with buttons) and its picture, for one member."""
        return (("card", member_recipient(member_id), {"note": note}),
                ("picture", member_recipient(member_id), {}))

    async def send_new(self, *, resident_user_id: int | None, member_id: str, team_id: str, card: dict[str, Any],
                       urgent: bool, actor: str, source: str = "resident") -> Handoff:
        """Store a consented handoff as sent, with its deadlines and its card in the outbox."""
        team = self.kb.team(team_id)
        return await self.store.create_handoff(
            resident_user_id=resident_user_id, member_id=member_id, team_id=team_id, card=card, urgent=urgent,
            actor=actor, source=source, status="proposed", then="sent",
            times=self.deadlines(team, self.now()), deliver=self.card_deliveries(member_id),
        )

    # -- rendering deliveries --------------------------------------------------------------
    async def render(self, item: OutboxItem) -> Delivery:
        """What to send for an outbox item, and to which chat."""
        kind, recipient = item.kind, item.recipient
        handoff = await self.store.handoff(item.handoff_id) if item.handoff_id else None
        if recipient.startswith("resident:"):
            chat_id = int(recipient.split(":", 1)[1])
            resident = await self.store.resident(chat_id)
            language = resident.language if resident else self.kb.default_language
            return Delivery(chat_id, self._for_resident(kind, item.payload, handoff, self.voice(language)))
        person_id = recipient.split(":", 1)[1]
        accounts = await self.store.accounts_of(person_id)
        member = self.kb.member(person_id)
        chat_id = accounts[0] if accounts else (member.telegram_user_id if member else None)
        if kind == "notice":
            return Delivery(chat_id, [Reply(self.voice()(item.payload["key"], **item.payload.get("params", {})))])
        if handoff is None or not handoff.card:
            return Delivery(chat_id, [])  # forgotten by the resident meanwhile: nothing to show
        return Delivery(chat_id, self._for_staff(kind, item.payload, handoff))

    def _for_staff(self, kind: str, payload: dict[str, Any], handoff: Handoff) -> list[Reply]:
        voice = self.voice()
        if kind == "card":
            return [self.card(handoff, payload.get("note", ""))]
        if kind == "picture":
            answers = handoff.card.get("answers") or {}
            if sum(1 for v in answers.values() if v is not None) < 3:
                return []
            png = self.picture(answers, {d: voice.domain(d) for d in DOMAIN_IDS},
                               voice.plain("staff.picture_title", id=handoff.id), voice.plain("summary.not_asked"))
            return [Reply(voice("staff.picture_caption", id=handoff.id), picture=png)]
        if kind == "reminder":
            return [Reply(voice("staff.reminder", id=handoff.id, hours=payload.get("hours", "")),
                          self.card_buttons(handoff))]
        if kind == "relay":
            return [Reply(voice("staff.relay_from_resident", id=handoff.id, text=payload.get("text", "")),
                          (Choice(f"h|{handoff.id}|msg", voice.plain("staff.button.message")),))]
        if kind == "no_contact":
            member = self.kb.member(handoff.member_id)
            return [Reply(voice("staff.no_contact_alert", id=handoff.id, name=member.name if member else "?"))]
        return []

    def _for_resident(self, kind: str, payload: dict[str, Any], handoff: Handoff | None, voice: Voice) -> list[Reply]:
        if kind == "notice":
            params = dict(payload.get("params", {}))
            if "daypart" in params:
                params["daypart"] = voice.plain(f"daypart.{params['daypart']}").lower()
            return [Reply(voice(payload["key"], **params))]
        if kind == "relay":
            return [Reply(voice("handoff.relay_to_resident", name=payload.get("name", ""), team=payload.get("team", ""),
                                text=payload.get("text", "")))]
        if kind == "followup" and handoff is not None:
            member = self.kb.member(handoff.member_id)
            choices = (Choice(f"f|{handoff.id}|yes", voice.plain("handoff.followup_yes")),
                       Choice(f"f|{handoff.id}|no", voice.plain("handoff.followup_no")))
            return [Reply(voice("handoff.followup", first=member.first_name if member else ""), choices, columns=2)]
        return []

    def card(self, handoff: Handoff, note: str = "") -> Reply:
        """The whole story on one card, with the buttons that fit its status."""
        voice, card = self.voice(), handoff.card
        area = self.kb.area(card.get("area_id") or "")
        lines = [voice("staff.card.title", id=handoff.id)
                 + (voice("staff.card.urgent") if handoff.urgent else Markup(""))]
        if note:
            lines.append(voice("staff.card.note", note=note))
        if card.get("continuity"):
            lines.append(voice("staff.card.continuity"))
        source = card.get("professional")
        lines.append(voice("staff.card.source_professional", name=source["name"], organization=source["organization"])
                     if source else voice("staff.card.source_resident"))
        lines.append(voice("staff.card.where", area=area.name if area else voice.plain("staff.card.area_unknown"),
                           postcode=card.get("postcode") or "-",
                           language=voice.plain(f"language.{card.get('language', 'nl')}")))
        lines.append(voice("staff.card.concerns"))
        for concern in card.get("concerns", []):
            words = concern.get("words")
            lines.append(voice("staff.card.concern", domain=voice.domain(concern["domain"]), score=concern["score"],
                               words=Markup(voice("staff.card.words", words=shorten(words, 300)) if words else "")))
        lines.insert(1, self._preference_line(voice, card.get("preference") or {}))  # never cut off
        if handoff.deadline_at and handoff.status in ACTIVE:
            local = handoff.deadline_at.astimezone(_zone(self.kb))
            lines.insert(2, voice("staff.card.deadline", when=local.strftime("%d-%m %H:%M")))
        for key in ("story", "going_well", "would_help"):
            if card.get(key):
                lines.append(voice(f"staff.card.{key}", words=shorten(card[key], 600)))
        return Reply(fit("\n".join(lines)), self.card_buttons(handoff))

    @staticmethod
    def _preference_line(voice: Voice, preference: dict[str, Any]) -> Markup:
        kind = preference.get("kind")
        if kind == "phone":
            return voice("staff.card.call", phone=preference.get("phone", ""),
                         daypart=voice.plain(f"daypart.{preference.get('daypart', 'any')}").lower())
        if kind == "telegram":
            return voice("staff.card.telegram")
        return voice("staff.card.no_preference")

    def card_buttons(self, handoff: Handoff) -> tuple[Choice, ...]:
        voice, prefix = self.voice(), f"h|{handoff.id}|"
        if handoff.status in ACTIVE:
            choices = [Choice(prefix + "acc", voice.plain("staff.button.accept")),
                       Choice(prefix + "pass", voice.plain("staff.button.pass"))]
            team = self.kb.team(handoff.team_id)
            if handoff.member_id != team.coordinator_id:
                choices.append(Choice(prefix + "no", voice.plain("staff.button.not_for_me")))
            return tuple(choices)
        if handoff.status == "accepted":
            choices = [Choice(prefix + "close", voice.plain("staff.button.close"))]
            if (handoff.card.get("preference") or {}).get("kind") == "telegram" and handoff.resident_user_id:
                choices.insert(0, Choice(prefix + "msg", voice.plain("staff.button.message")))
            return tuple(choices)
        return ()

    async def on_unreachable(self, item: OutboxItem) -> tuple[Deliver, ...]:
        """Nobody can receive this item. A card for a member without Telegram goes to the coordinator."""
        if item.kind != "card" or item.handoff_id is None:
            return ()
        handoff = await self.store.handoff(item.handoff_id)
        if handoff is None:
            return ()
        team = self.kb.team(handoff.team_id)
        member_id = item.recipient.split(":", 1)[1]
        if member_id == team.coordinator_id:
            return ()  # nobody linked at all: it waits in /team once someone registers
        member = self.kb.member(member_id)
        note = self.voice().plain("staff.card.no_account", name=member.name if member else member_id)
        deliveries: list[Deliver] = list(self.card_deliveries(team.coordinator_id, note))
        if handoff.resident_user_id and (handoff.card.get("preference") or {}).get("kind") != "self":
            deliveries.append(("notice", resident_recipient(handoff.resident_user_id),
                               {"key": "handoff.team_phone", "params": {"team": team.name, "phone": team.phone or ""}}))
        return tuple(deliveries)

    # -- staff actions ---------------------------------------------------------------------
    async def may_act(self, person_id: str, handoff: Handoff | None) -> bool:
        """Only the assigned member and the team's coordinator see or act on a handoff."""
        member = self.kb.member(person_id)
        if handoff is None or member is None or not member.active:
            return False  # removed or inactive in the knowledge base: no more access
        team = self._team(handoff.team_id)
        return team is not None and person_id in (handoff.member_id, team.coordinator_id)

    def _team(self, team_id: str) -> Team | None:
        try:
            return self.kb.team(team_id)
        except KeyError:
            return None

    async def press(self, telegram_user_id: int, person_id: str, data: str) -> Answer:
        """A staff member's button: checked against the database, whatever the button says."""
        voice = self.voice()
        parts = data.split("|")
        handoff_id = parse_id(parts[1]) if len(parts) >= 3 else None
        handoff = await self.store.handoff(handoff_id) if handoff_id else None
        action, argument = (parts[2], parts[3] if len(parts) > 3 else "") if len(parts) >= 3 else ("", "")
        if not await self.may_act(person_id, handoff):
            await self.store.audit(f"staff:{person_id}", "refused", handoff_id, detail=f"button:{action[:20]}")
            return Answer([], toast=voice.plain("staff.refused"))
        assert handoff is not None
        await self.store.audit(f"staff:{person_id}", f"button:{action}", handoff.id, detail=argument[:40])
        try:
            replies = await self._act(telegram_user_id, person_id, handoff, action, argument)
        except TransitionError:
            replies = None
        if replies is None:
            return Answer([], toast=voice.plain("staff.stale"))
        return Answer(replies)

    async def _act(self, telegram_user_id: int, person_id: str, handoff: Handoff, action: str,
                   argument: str) -> list[Reply] | None:
        voice = self.voice()
        if action == "acc" and handoff.status in ACTIVE:
            return await self.accept(person_id, handoff)
        if action == "pass" and handoff.status in ACTIVE:
            return [await self._colleagues(handoff)]
        if action == "to" and handoff.status in ACTIVE:
            return await self._reassign(person_id, handoff, argument)
        if action == "no" and handoff.status in ACTIVE:
            await self.store.set_staff_state(telegram_user_id, {"reason_for": handoff.id})
            return [Reply(voice("staff.ask_reason", id=handoff.id))]
        if action == "close" and handoff.status == "accepted":
            choices = tuple(Choice(f"h|{handoff.id}|end|{o}", voice.plain(f"staff.outcome.{o}")) for o in OUTCOMES)
            return [Reply(voice("staff.ask_outcome", id=handoff.id), choices)]
        if action == "end" and handoff.status == "accepted" and argument in OUTCOMES:
            if argument == "other":
                await self.store.set_staff_state(telegram_user_id, {"note_for": handoff.id})
                return [Reply(voice("staff.ask_note", id=handoff.id))]
            await self.store.move_handoff(handoff.id, "closed", f"staff:{person_id}", note=argument)
            return [Reply(voice("staff.closed", id=handoff.id, outcome=voice.plain(f"staff.outcome.{argument}")))]
        wants_telegram = (handoff.card.get("preference") or {}).get("kind") == "telegram"
        if action == "msg" and handoff.status == "accepted" and handoff.resident_user_id and wants_telegram:
            await self.store.set_staff_state(telegram_user_id, {"relay_for": handoff.id})
            return [Reply(voice("staff.ask_message", id=handoff.id))]
        return None

    async def accept(self, person_id: str, handoff: Handoff) -> list[Reply]:
        """Ik pak dit op: the resident hears it by name; a professional who sent it hears it too."""
        voice, member = self.voice(), self.kb.member(person_id)
        assert member is not None
        now = self.now()
        deliveries: list[Deliver] = []
        preference = handoff.card.get("preference") or {}
        if handoff.resident_user_id:
            deliveries.append(("notice", resident_recipient(handoff.resident_user_id), {
                "key": f"handoff.accepted_{preference.get('kind', 'telegram')}",
                "params": {"first": member.first_name, "daypart": preference.get("daypart", "any")},
            }))
        professional = handoff.card.get("professional")
        if professional:
            deliveries.append(("notice", f"person:{professional['id']}", {
                "key": "staff.professional_accepted", "params": {"id": handoff.id, "name": member.name,
                                                                 "team": self.kb.team(member.team_id).name}}))
        accepted = await self.store.move_handoff(
            handoff.id, "accepted", f"staff:{person_id}", member_id=person_id,
            times={"accepted_at": now, "followup_at": now + timedelta(days=self.followup_days)},
            deliver=tuple(deliveries),
        )
        return [Reply(voice("staff.accepted", id=handoff.id), self.card_buttons(accepted))]

    async def _colleagues(self, handoff: Handoff) -> Reply:
        """Active colleagues of the team, each with how many open handoffs they have."""
        voice, team = self.voice(), self.kb.team(handoff.team_id)
        counts = await self.store.open_counts()
        colleagues = [m for m in team.active_members if m.id != handoff.member_id]
        choices = tuple(Choice(f"h|{handoff.id}|to|{i}", voice.plain("staff.colleague", name=m.name, role=m.role,
                                                                      open=counts.get(m.id, 0)))
                        for i, m in enumerate(colleagues))
        return Reply(voice("staff.choose_colleague", id=handoff.id), choices)

    async def _reassign(self, person_id: str, handoff: Handoff, argument: str) -> list[Reply] | None:
        team = self.kb.team(handoff.team_id)
        colleagues = [m for m in team.active_members if m.id != handoff.member_id]
        index = parse_id(argument)
        if index is None or index >= len(colleagues):
            return None
        colleague = colleagues[index]
        await self._send_to(handoff, colleague, f"staff:{person_id}", note="",
                            path="reassigned>sent")
        return [Reply(self.voice()("staff.passed_on", id=handoff.id, name=colleague.name))]

    async def _send_to(self, handoff: Handoff, member: Member, actor: str, note: str, path: str) -> None:
        team = self.kb.team(handoff.team_id)
        by = self.kb.member(actor.split(":", 1)[1]) if actor.startswith("staff:") else None
        card_note = self.voice().plain("staff.card.passed_by", name=by.name) if by else ""
        if note:
            card_note = (card_note + " " if card_note else "") + self.voice().plain("staff.card.reason", reason=note)
        await self.store.move_handoff(
            handoff.id, path, actor, note=note, member_id=member.id,
            times=self.deadlines(team, self.now()), deliver=self.card_deliveries(member.id, card_note),
        )

    async def text(self, telegram_user_id: int, person_id: str, state: dict[str, Any], text: str) -> list[Reply]:
        """Text from a staff member: a reason, a closing note, or a message for a resident."""
        voice = self.voice()
        await self.store.set_staff_state(telegram_user_id, {})
        handoff_id = state.get("reason_for") or state.get("note_for") or state.get("relay_for")
        handoff = await self.store.handoff(int(handoff_id)) if isinstance(handoff_id, int) else None
        if handoff is None or not await self.may_act(person_id, handoff):
            return [Reply(voice("staff.help"))]
        actor = f"staff:{person_id}"
        if state.get("reason_for") and handoff.status in ACTIVE:
            coordinator = self.kb.team(handoff.team_id).coordinator
            await self._send_to(handoff, coordinator, actor, note=shorten(text, 300), path="reassigned>sent")
            await self.store.audit(actor, "declined", handoff.id)
            return [Reply(voice("staff.back_to_coordinator", id=handoff.id, name=coordinator.name))]
        if state.get("note_for") and handoff.status == "accepted":
            await self.store.move_handoff(handoff.id, "closed", actor, note="other: " + shorten(text, 300))
            return [Reply(voice("staff.closed", id=handoff.id, outcome=shorten(text, 100)))]
        if state.get("relay_for") and handoff.status == "accepted" and handoff.resident_user_id:
            member, team = self.kb.member(person_id), self.kb.team(handoff.team_id)
            await self.store.enqueue("relay", resident_recipient(handoff.resident_user_id), {
                "text": shorten(text, 3000), "name": member.first_name if member else "", "team": team.name,
            }, handoff_id=handoff.id)
            await self.store.audit(actor, "message_to_resident", handoff.id)
            return [Reply(voice("staff.message_sent", id=handoff.id))]
        return [Reply(voice("staff.stale_text"))]

    # -- staff commands --------------------------------------------------------------------
    async def mine(self, person_id: str) -> list[Reply]:
        """/mijn: my open handoffs, oldest first, with their age."""
        voice = self.voice()
        handoffs = await self.store.handoffs_where(member_id=person_id)
        if not handoffs:
            return [Reply(voice("staff.mine_none"))]
        lines = [voice("staff.mine_title")] + [self._line(voice, h) for h in handoffs]
        return [Reply(Markup("\n".join(lines)))]

    async def team_overview(self, person_id: str) -> list[Reply]:
        """/team: for coordinators, every open handoff of the team and who has it."""
        voice, member = self.voice(), self.kb.member(person_id)
        if member is None or self.kb.team(member.team_id).coordinator_id != person_id:
            return [Reply(voice("staff.team_only_coordinator"))]
        handoffs = await self.store.handoffs_where(team_id=member.team_id)
        if not handoffs:
            return [Reply(voice("staff.team_none"))]
        lines = [voice("staff.team_title", team=self.kb.team(member.team_id).name)]
        for handoff in handoffs:
            owner = self.kb.member(handoff.member_id)
            lines.append(self._line(voice, handoff) + voice("staff.team_owner", name=owner.name if owner else "?"))
        return [Reply(Markup("\n".join(lines)))]

    def _line(self, voice: Voice, handoff: Handoff) -> Markup:
        hours = working_hours_between(handoff.created_at, self.now(), self.kb.municipality.timezone)
        days = (self.now() - handoff.created_at).days
        concerns = ", ".join(voice.domain(c["domain"]).lower() for c in handoff.card.get("concerns", [])[:3])
        return voice("staff.line", id=handoff.id, status=voice.plain(f"status.{handoff.status}"),
                     age=voice.plain("staff.age_days", days=days) if days else
                     voice.plain("staff.age_hours", hours=math.floor(hours)),
                     concerns=concerns or "-", urgent=voice.plain("staff.urgent_mark") if handoff.urgent else "")

    async def open(self, person_id: str, argument: str) -> list[Reply]:
        """/open <id>: the card again (logged)."""
        voice = self.voice()
        handoff_id = parse_id(argument)
        handoff = await self.store.handoff(handoff_id) if handoff_id else None
        if not await self.may_act(person_id, handoff):
            await self.store.audit(f"staff:{person_id}", "refused", handoff.id if handoff else None, detail="open")
            return [Reply(voice("staff.not_yours"))]
        assert handoff is not None
        await self.store.audit(f"staff:{person_id}", "view", handoff.id)
        return [self.card(handoff)]

    async def close(self, telegram_user_id: int, person_id: str, argument: str) -> list[Reply]:
        """/sluit <id>: choose the outcome."""
        handoff_id = parse_id(argument)
        handoff = await self.store.handoff(handoff_id) if handoff_id else None
        if not await self.may_act(person_id, handoff):
            return [Reply(self.voice()("staff.not_yours"))]
        assert handoff is not None
        answer = await self.press(telegram_user_id, person_id, f"h|{handoff.id}|close")
        return answer.replies or [Reply(self.voice()("staff.close_only_accepted"))]

    # -- the resident's side of an accepted handoff ----------------------------------------
    async def resident_followup(self, user_id: int, data: str) -> Answer:
        """The resident answers 'did {first} contact you?'; no alerts the coordinator."""
        parts = data.split("|")
        handoff_id = parse_id(parts[1]) if len(parts) == 3 else None
        handoff = await self.store.handoff(handoff_id) if handoff_id else None
        resident = await self.store.resident(user_id)
        voice = self.voice(resident.language if resident else self.kb.default_language)
        if (handoff is None or handoff.resident_user_id != user_id or handoff.followup_done_at is not None
                or parts[2] not in ("yes", "no") or handoff.status not in ("accepted", "closed")):
            return Answer([], toast=voice.plain("stale.toast"))
        deliveries: tuple[Deliver, ...] = ()
        if parts[2] == "no":
            coordinator = self.kb.team(handoff.team_id).coordinator_id
            deliveries = (("no_contact", member_recipient(coordinator), {}),)
        await self.store.mark_handoff(handoff.id, {"followup_done_at": self.now()}, deliver=deliveries)
        await self.store.audit(f"resident:{user_id}", f"followup:{parts[2]}", handoff.id)
        thanks = "handoff.followup_thanks_yes" if parts[2] == "yes" else "handoff.followup_thanks_no"
        return Answer([Reply(voice(thanks))])

    async def resident_relay(self, user_id: int, text: str) -> bool:
        """A resident's message for their person, when they chose Telegram and the handoff was accepted."""
        handoffs = [h for h in await self.store.handoffs_of(user_id)
                    if h.status == "accepted" and (h.card.get("preference") or {}).get("kind") == "telegram"]
        if not handoffs:
            return False
        handoff = handoffs[-1]
        await self.store.enqueue("relay", member_recipient(handoff.member_id), {"text": shorten(text, 3000)},
                                 handoff_id=handoff.id)
        return True

    # -- background: reminders, escalation, follow-up -------------------------------------
    async def tick(self) -> int:
        """Do what is due now; everything is read from and written to the database. Returns how much."""
        done = 0
        for handoff in await self.store.handoffs_due("deadline_at", ACTIVE):
            if self._team(handoff.team_id) is None:
                continue  # its team left the knowledge base: /team of another coordinator shows nothing
            team = self.kb.team(handoff.team_id)
            if handoff.member_id == team.coordinator_id and handoff.status == "escalated":
                continue
            member = self.kb.member(handoff.member_id)
            note = self.voice().plain("staff.card.escalated", name=member.name if member else "?",
                                      hours=team.reaction_hours)
            try:
                await self.store.move_handoff(
                    handoff.id, "escalated", "system", note="deadline", member_id=team.coordinator_id,
                    times={"deadline_at": None, "remind_at": None},
                    deliver=self.card_deliveries(team.coordinator_id, note),
                )
            except TransitionError:
                continue  # accepted in the meantime
            done += 1
        for handoff in await self.store.handoffs_due("remind_at", ACTIVE, done_column="reminded_at"):
            team = self._team(handoff.team_id)
            if team is None:
                continue
            left = working_hours_between(self.now(), handoff.deadline_at, self.kb.municipality.timezone) \
                if handoff.deadline_at else team.reaction_hours / 2
            await self.store.mark_handoff(handoff.id, {"reminded_at": self.now()}, deliver=(
                ("reminder", member_recipient(handoff.member_id), {"hours": math.ceil(left)}),))
            done += 1
        for handoff in await self.store.handoffs_due("followup_at", ("accepted", "closed"),
                                                      done_column="followup_done_at"):
            if handoff.resident_user_id:
                await self.store.mark_handoff(handoff.id, {"followup_at": None}, deliver=(
                    ("followup", resident_recipient(handoff.resident_user_id), {}),))
            else:
                await self.store.mark_handoff(handoff.id, {"followup_at": None})
            done += 1
        for user_id in await self.store.inactive_residents(self.now() - timedelta(days=self.retention_days)):
            await self.store.forget_resident(user_id)  # the retention period has passed
            await self.store.audit("system", "retention:forgotten")
        return done


def _zone(kb: KnowledgeBase) -> ZoneInfo:
    return ZoneInfo(kb.municipality.timezone)
