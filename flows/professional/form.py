"""/overdracht: a professional hands a resident over warmly, with the resident's consent, in a short form."""

from __future__ import annotations

from typing import Any

from flows import buttons, lifecycle
from flows.card import DAYPARTS, Card, Concern, Preference, Referrer
from flows.crisis import crisis_domains
from flows.fields import parse_phone
from flows.handoff import HandoffStart
from flows.markup import shorten
from flows.progress import toggled
from flows.replies import Answer, Choice, Reply
from flows.texts import Texts
from flows.voice import Voice
from knowledge.domains import DOMAIN_IDS
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase, Professional
from knowledge.postcode import normalize_postcode
from knowledge.routing import choose_contact, concerns_from_text
from store import Account, Store


class HandoffForm:
    """The /overdracht form, kept in the professional's account state until it is sent."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher, store: Store, texts: Texts, start: HandoffStart) -> None:
        self.kb, self.matcher, self.store, self.start = kb, matcher, store, start
        self.voice = Voice(texts, kb.default_language)

    async def begin(self, account: Account) -> list[Reply]:
        """/overdracht: begin the short form."""
        await self._set(account, {"form": {"step": "story"}})
        return [Reply(self.voice("pro.form.story"))]

    async def text(self, account: Account, form: dict[str, Any], text: str) -> list[Reply]:
        """A typed answer in the form."""
        voice, step = self.voice, form.get("step")
        if step == "story":
            match = self.matcher.match(text)
            form.update(story=shorten(text, 2000), domains=list(match.domain_ids[:4]), step="domains",
                        crisis=list(match.crisis.kinds))
            return await self._save(account, form, self._ask_domains(form))
        if step == "postcode":
            postcode = normalize_postcode(text)
            if postcode is None:
                return [Reply(voice("postcode.invalid"))]
            form.update(postcode=postcode, step="urgency")
            return await self._save(account, form, self.ask(form))
        if step == "phone":
            phone = parse_phone(text)
            if phone is None:
                return [Reply(voice("phone.invalid"))]
            form.update(phone=phone, step="daypart")
            return await self._save(account, form, self.ask(form))
        return self.ask(form)

    async def press(self, account: Account, form: dict[str, Any], choice: str) -> Answer:
        """A button in the form (o|<choice>)."""
        step = form.get("step")
        if step == "domains" and choice.startswith("t:") and choice[2:] in DOMAIN_IDS:
            form["domains"] = toggled(form["domains"], choice[2:])
            return Answer(await self._save(account, form, self._ask_domains(form)))
        if step == "domains" and choice == "done" and form.get("domains"):
            form["step"] = "postcode"
        elif step == "urgency" and choice in ("normal", "urgent"):
            form.update(urgent=choice == "urgent", step="contact")
        elif step == "contact" and choice in ("phone", "self"):
            form.update(contact=choice, step="phone" if choice == "phone" else "consent")
        elif step == "daypart" and choice in DAYPARTS:
            form.update(daypart=choice, step="consent")
        elif step == "consent" and choice == "agreed":
            return Answer(await self._submit(account, form))
        elif step == "consent" and choice == "cancel":
            await self._set(account, {})
            return Answer([Reply(self.voice("pro.form.cancelled"))])
        else:
            return Answer(self.ask(form), toast=self.voice.plain("stale.toast"))
        return Answer(await self._save(account, form, self.ask(form)))

    async def _set(self, account: Account, state: dict[str, Any]) -> None:
        async with self.store.transaction() as tx:
            await self.store.accounts.set_state(tx, account.person, state)

    async def _save(self, account: Account, form: dict[str, Any], replies: list[Reply]) -> list[Reply]:
        await self._set(account, {"form": form})
        return replies

    def _choice(self, choice: str, key: str) -> Choice:
        return Choice(buttons.encode(buttons.FORM, choice), self.voice.plain(key))

    def _ask_domains(self, form: dict[str, Any]) -> list[Reply]:
        voice = self.voice
        toggles = tuple(Choice(buttons.encode(buttons.FORM, f"t:{d}"),
                               ("✅ " if d in form["domains"] else "▫️ ") + voice.domain(d)) for d in DOMAIN_IDS)
        heard = voice.domains(form["domains"]) or voice.plain("pro.form.nothing_heard")
        return [Reply(voice("pro.form.domains", domains=heard), toggles + (self._choice("done", "story.fix_done"),))]

    def ask(self, form: dict[str, Any]) -> list[Reply]:
        """The question of the form's current step."""
        voice, step, c = self.voice, form.get("step"), self._choice
        if step == "domains":
            return self._ask_domains(form)
        if step == "postcode":
            return [Reply(voice("pro.form.postcode"))]
        if step == "urgency":
            return [Reply(voice("pro.form.urgency"), (c("normal", "pro.form.normal"), c("urgent", "pro.form.urgent")))]
        if step == "contact":
            return [Reply(voice("pro.form.contact"), (c("phone", "pro.form.by_phone"),
                                                      c("self", "pro.form.resident_calls")))]
        if step == "phone":
            return [Reply(voice("pro.form.phone"))]
        if step == "daypart":
            return [Reply(voice("daypart.ask"), tuple(c(p, f"daypart.{p}") for p in DAYPARTS), columns=2)]
        if step == "consent":
            return [Reply(voice("pro.form.consent"), (c("agreed", "pro.form.agreed"), c("cancel", "pro.form.cancel")))]
        return [Reply(voice("pro.form.story"))]

    async def _submit(self, account: Account, form: dict[str, Any]) -> list[Reply]:
        """Through the same delivery, card, lifecycle, reminders and audit as a resident's handoff."""
        kb_id = account.kb_id
        sender = self.kb.professional(kb_id) or self.kb.member(kb_id)
        organization = sender.organization if isinstance(sender, Professional) else \
            self.kb.team(sender.team_id).name if sender else ""
        concerns = concerns_from_text(tuple(form["domains"]), crisis_domains(form.get("crisis", [])))
        language = self.kb.default_language
        contact = choose_contact(self.kb, form.get("postcode"), concerns, language,
                                 open_counts=await self.store.handoffs.open_counts(lifecycle.OPEN))
        area = self.kb.area_for_postcode(form.get("postcode"))
        preference = Preference("phone", form.get("phone"), form.get("daypart", "any")) \
            if form.get("contact") == "phone" else Preference("self")
        urgent = bool(form.get("urgent") or form.get("crisis"))
        card = Card(
            concerns=tuple(Concern(d, s) for d, s in concerns.items()), story=form.get("story", ""),
            preference=preference, language=language, postcode=form.get("postcode"),
            area_id=area.id if area else None, crisis=tuple(form.get("crisis", [])), urgent=urgent,
            source="professional", professional=Referrer(kb_id, sender.name if sender else kb_id, organization),
        )
        actor = f"professional:{kb_id}"
        async with self.store.transaction() as tx:
            handoff_id = await self.start.send_new(
                tx, resident=None, member_id=contact.member.id, team_id=contact.team.id, card=card, urgent=urgent,
                actor=actor, source=actor)
            await self.store.audit.add(tx, actor, "consent_confirmed", handoff_id)
            await self.store.accounts.set_state(tx, account.person, {})
        return [Reply(self.voice("pro.form.sent", id=handoff_id, name=contact.member.name, team=contact.team.name))]
