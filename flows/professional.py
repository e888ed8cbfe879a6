"""Professionals: find the one right colleague in seconds, and hand a resident over warmly.

Contact details of individual staff and professionals are shown only to registered staff
and professionals (knowledge.md, "Who may see what"); the router checks who is asking.
"""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process

from flows.fields import parse_phone
from flows.handoff import HandoffFlow
from flows.progress import toggled
from flows.replies import Answer, Choice, Reply, shorten
from flows.reports import report_button
from flows.texts import Texts
from flows.voice import Markup, Voice, fit
from knowledge.domains import DOMAIN_IDS
from knowledge.matcher import CRISIS_DOMAINS, Matcher
from knowledge.model import KnowledgeBase, Member, Professional
from knowledge.postcode import find_postcode, normalize_postcode
from knowledge.routing import choose_contact, concerns_from_text
from store import Store

LANGUAGE = "nl"
NAME_SCORE = 80  # rapidfuzz WRatio for a name like "fatma" → "Fatima"
MAX_OTHERS = 4


class ProfessionalFlow:
    """/zoek, /wie and /overdracht for registered professionals (and wijkteam staff)."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher, store: Store, texts: Texts, handoffs: HandoffFlow) -> None:
        self.kb, self.matcher, self.store, self.texts, self.handoffs = kb, matcher, store, texts, handoffs
        self.voice = Voice(texts, LANGUAGE)
        self.people: list[Member | Professional] = [m for t in kb.teams for m in t.members if m.active]
        self.people += list(kb.professionals)
        self._names = [p.name.lower() for p in self.people]
        self._first_names = [p.name.split()[0].lower() for p in self.people]
        self._roles = [p.role.lower() for p in self.people]

    # -- look-ups --------------------------------------------------------------------------
    def _person_lines(self, person: Member | Professional, counts: dict[str, int]) -> Markup:
        voice = self.voice
        if isinstance(person, Member):
            team = self.kb.team(person.team_id)
            where = team.name
            open_now = counts.get(person.id, 0)
            capacity = voice.plain("pro.capacity_yes", open=open_now, max=person.max_open_handoffs) \
                if open_now < person.max_open_handoffs else voice.plain("pro.capacity_no")
        else:
            where, capacity = person.organization, voice.plain("pro.capacity_unknown")
        domains = ", ".join(voice.domain(d).lower() for d in person.domains) or "-"
        return voice("pro.person", name=person.name, role=person.role, where=where, phone=person.phone or "-",
                     email=person.email or "-", languages=", ".join(person.languages), capacity=capacity,
                     domains=domains)

    def _by_name(self, text: str) -> list[Member | Professional]:
        """People whose name or role the text mentions, typos allowed."""
        words = [w for w in text.lower().split() if len(w) >= 3]
        found: dict[str, Member | Professional] = {}
        for word in words:
            for index_list in (self._first_names, self._names):
                for _, score, index in process.extract(word, index_list, scorer=fuzz.WRatio, limit=3):
                    if score >= NAME_SCORE and len(word) >= 4:
                        found.setdefault(self.people[index].id, self.people[index])
            if len(word) >= 5:  # a role: "wijkagent", "huisarts", "schuldhulpverlener"
                for _, _, index in process.extract(word, self._roles, scorer=fuzz.ratio, score_cutoff=85, limit=5):
                    found.setdefault(self.people[index].id, self.people[index])
        return list(found.values())

    def _area_in_text(self, text: str) -> str | None:
        areas = {a.name.lower(): a for a in self.kb.municipality.areas}
        for word in text.lower().split():
            best = process.extractOne(word, list(areas), scorer=fuzz.ratio, score_cutoff=85)
            if best:
                return areas[best[0]].id
        return None

    async def search(self, query: str) -> list[Reply]:
        """/zoek: the one contact first, then other colleagues and services."""
        voice = self.voice
        if not query.strip():
            return [Reply(voice("pro.search_help"))]
        postcode, rest = find_postcode(query)
        area_id = self._area_in_text(rest) if postcode is None else None
        area = self.kb.area(area_id) if area_id else self.kb.area_for_postcode(postcode)
        if area_id and postcode is None:
            postcode = area.postcodes[0] if area and area.postcodes else None
        match = self.matcher.match(rest, area.id if area else None)
        counts = await self.store.open_counts()
        lines: list[str] = []
        named = self._by_name(rest)
        domains = list(match.domain_ids)
        for label_domain in DOMAIN_IDS:  # "wie doet opvoeding": domain labels count too
            label = voice.domain(label_domain).lower()
            mentioned = any(fuzz.partial_ratio(w, label) >= 90 for w in rest.lower().split() if len(w) >= 5)
            if mentioned and label_domain not in domains:
                domains.append(label_domain)
        targets: list[str] = []
        where = area.name if area else voice.plain("pro.whole_town")
        if domains:
            crisis_domains = frozenset(d for kind in match.crisis.kinds for d in CRISIS_DOMAINS[kind])
            contact = choose_contact(self.kb, postcode, concerns_from_text(tuple(domains), crisis_domains), None,
                                     open_counts=counts)
            lines.append(voice("pro.one_contact", domains=voice.domains(domains[:3]), where=where))
            lines.append(self._person_lines(contact.member, counts))
            targets.append(f"p:{contact.member.id}")
            others = [p for p in self.people if p.id != contact.member.id and set(p.domains) & set(domains)
                      and (getattr(p, "team_id", None) == contact.team.id or
                           (isinstance(p, Professional) and (p.areas is None or not area or area.id in p.areas)))]
            others.sort(key=lambda p: (-len(set(p.domains) & set(domains)), p.id))
            if others:
                lines.append(voice("pro.others"))
                lines += [self._person_lines(p, counts) for p in others[:MAX_OTHERS]]
                targets += [f"p:{p.id}" for p in others[:MAX_OTHERS]]
        named = [p for p in named if f"p:{p.id}" not in targets]
        if named:
            lines.append(voice("pro.by_name"))
            for person in named[:MAX_OTHERS]:
                lines.append(self._person_lines(person, counts))
                targets.append(f"p:{person.id}")
        if match.services:
            lines.append(voice("pro.services"))
            for item in match.services[:3]:
                service = item.service
                lines.append(voice("pro.service", name=service.name, phone=service.phone or service.url or "-"))
                targets.append(f"s:{self.kb.services.index(service)}")
        if not lines:
            return [Reply(voice("pro.nothing_found"))]
        return [Reply(fit("\n".join(lines)), (report_button(voice, targets),))]

    def who(self, argument: str) -> list[Reply]:
        """/wie <postcode>: the team, its phone, coordinator and members with their domains."""
        voice = self.voice
        postcode = normalize_postcode(argument)
        if postcode is None:
            return [Reply(voice("pro.who_help"))]
        area = self.kb.area_for_postcode(postcode)
        team = self.kb.team_for_postcode(postcode)
        lines = [voice("pro.who_title", postcode=postcode, area=area.name if area else voice.plain("pro.no_area"),
                       team=team.name, phone=team.phone or "-", email=team.email or "-",
                       coordinator=team.coordinator.name)]
        for member in team.active_members:
            domains = ", ".join(voice.domain(d).lower() for d in member.domains)
            lines.append(voice("pro.member", name=member.name, role=member.role, domains=domains,
                               phone=member.phone or "-"))
        return [Reply(fit("\n".join(lines)))]

    # -- the warm handoff by a professional ------------------------------------------------
    async def start_handoff(self, user_id: int) -> list[Reply]:
        """/overdracht: begin the short form."""
        await self.store.set_staff_state(user_id, {"form": {"step": "story"}})
        return [Reply(self.voice("pro.form.story"))]

    async def form_text(self, user_id: int, person_id: str, form: dict[str, Any], text: str) -> list[Reply]:
        """A typed answer in the form."""
        voice, step = self.voice, form.get("step")
        if step == "story":
            match = self.matcher.match(text)
            form.update(story=shorten(text, 2000), domains=list(match.domain_ids[:4]), step="domains",
                        crisis=list(match.crisis.kinds))
            return await self._save(user_id, form, self._ask_domains(form))
        if step == "postcode":
            postcode = normalize_postcode(text)
            if postcode is None:
                return [Reply(voice("postcode.invalid"))]
            form.update(postcode=postcode, step="urgency")
            return await self._save(user_id, form, self._ask(form))
        if step == "phone":
            phone = parse_phone(text)
            if phone is None:
                return [Reply(voice("phone.invalid"))]
            form.update(phone=phone, step="daypart")
            return await self._save(user_id, form, self._ask(form))
        return self._ask(form)

    async def form_press(self, user_id: int, person_id: str, form: dict[str, Any], choice: str) -> Answer:
        """A button in the form (o|<choice>)."""
        step = form.get("step")
        if step == "domains" and choice.startswith("t:") and choice[2:] in DOMAIN_IDS:
            domain = choice[2:]
            form["domains"] = toggled(form["domains"], domain)
            return Answer(await self._save(user_id, form, self._ask_domains(form)))
        if step == "domains" and choice == "done" and form.get("domains"):
            form["step"] = "postcode"
        elif step == "urgency" and choice in ("normal", "urgent"):
            form.update(urgent=choice == "urgent", step="contact")
        elif step == "contact" and choice in ("phone", "self"):
            form.update(contact=choice, step="phone" if choice == "phone" else "consent")
        elif step == "daypart" and choice in ("morning", "afternoon", "evening", "any"):
            form.update(daypart=choice, step="consent")
        elif step == "consent" and choice == "agreed":
            return Answer(await self._submit(user_id, person_id, form))
        elif step == "consent" and choice == "cancel":
            await self.store.set_staff_state(user_id, {})
            return Answer([Reply(self.voice("pro.form.cancelled"))])
        else:
            return Answer(self._ask(form), toast=self.voice.plain("stale.toast"))
        return Answer(await self._save(user_id, form, self._ask(form)))

    async def _save(self, user_id: int, form: dict[str, Any], replies: list[Reply]) -> list[Reply]:
        await self.store.set_staff_state(user_id, {"form": form})
        return replies

    def _ask_domains(self, form: dict[str, Any]) -> list[Reply]:
        voice = self.voice
        toggles = tuple(Choice(f"o|t:{d}", ("✅ " if d in form["domains"] else "▫️ ") + voice.domain(d))
                        for d in DOMAIN_IDS)
        heard = voice.domains(form["domains"]) or voice.plain("pro.form.nothing_heard")
        return [Reply(voice("pro.form.domains", domains=heard), toggles + (Choice("o|done", voice.plain(
            "story.fix_done")),))]

    def _ask(self, form: dict[str, Any]) -> list[Reply]:
        voice, step = self.voice, form.get("step")
        if step == "domains":
            return self._ask_domains(form)
        if step == "postcode":
            return [Reply(voice("pro.form.postcode"))]
        if step == "urgency":
            return [Reply(voice("pro.form.urgency"), (Choice("o|normal", voice.plain("pro.form.normal")),
                                                      Choice("o|urgent", voice.plain("pro.form.urgent"))))]
        if step == "contact":
            return [Reply(voice("pro.form.contact"), (Choice("o|phone", voice.plain("pro.form.by_phone")),
                                                      Choice("o|self", voice.plain("pro.form.resident_calls"))))]
        if step == "phone":
            return [Reply(voice("pro.form.phone"))]
        if step == "daypart":
            return [Reply(voice("daypart.ask"), tuple(Choice(f"o|{p}", voice.plain(f"daypart.{p}"))
                                                      for p in ("morning", "afternoon", "evening", "any")), columns=2)]
        if step == "consent":
            return [Reply(voice("pro.form.consent"), (Choice("o|agreed", voice.plain("pro.form.agreed")),
                                                      Choice("o|cancel", voice.plain("pro.form.cancel"))))]
        return [Reply(voice("pro.form.story"))]

    async def _submit(self, user_id: int, person_id: str, form: dict[str, Any]) -> list[Reply]:
        """Through the same delivery, card, lifecycle, reminders and audit as a resident's handoff."""
        professional = next((p for p in self.kb.professionals if p.id == person_id), None) or self.kb.member(person_id)
        organization = professional.organization if isinstance(professional, Professional) else \
            self.kb.team(professional.team_id).name if professional else ""
        crisis_domains = frozenset(d for kind in form.get("crisis", []) for d in CRISIS_DOMAINS[kind])
        concerns = concerns_from_text(tuple(form["domains"]), crisis_domains)
        contact = choose_contact(self.kb, form.get("postcode"), concerns, "nl",
                                 open_counts=await self.store.open_counts())
        area = self.kb.area_for_postcode(form.get("postcode"))
        preference = {"kind": "phone", "phone": form.get("phone"), "daypart": form.get("daypart", "any")} \
            if form.get("contact") == "phone" else {"kind": "self"}
        card = {
            "concerns": [{"domain": d, "score": s, "words": ""} for d, s in concerns.items()],
            "answers": {}, "story": form.get("story", ""), "going_well": "", "would_help": "",
            "preference": preference, "language": "nl", "postcode": form.get("postcode"),
            "area_id": area.id if area else None, "crisis": form.get("crisis", []),
            "urgent": bool(form.get("urgent") or form.get("crisis")), "continuity": False, "source": "professional",
            "professional": {"id": person_id, "name": professional.name if professional else person_id,
                             "organization": organization},
        }
        handoff = await self.handoffs.send_new(
            resident_user_id=None, member_id=contact.member.id, team_id=contact.team.id, card=card,
            urgent=card["urgent"], actor=f"professional:{person_id}", source=f"professional:{person_id}",
        )
        await self.store.audit(f"professional:{person_id}", "consent_confirmed", handoff.id)
        await self.store.set_staff_state(user_id, {})
        return [Reply(self.voice("pro.form.sent", id=handoff.id, name=contact.member.name, team=contact.team.name))]

