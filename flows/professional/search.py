"""/zoek and /wie: the one right colleague in seconds, for registered professionals and wijkteam staff.

Contact details of individual staff and professionals are shown only to registered staff
and professionals (knowledge.md, "Who may see what"); the router checks who is asking.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from flows import lifecycle
from flows.crisis import crisis_domains
from flows.markup import Rich, fit
from flows.replies import Reply
from flows.reports import report_button
from flows.texts import Texts
from flows.voice import Voice
from knowledge.domains import DOMAIN_IDS
from knowledge.matcher import Matcher
from knowledge.model import KnowledgeBase, Member, Professional
from knowledge.postcode import find_postcode, normalize_postcode
from knowledge.routing import choose_contact, concerns_from_text
from store import Person, Store

NAME_SCORE = 80  # rapidfuzz WRatio for a name like "fatma" → "Fatima"
MAX_OTHERS = 4


class Lookup:
    """/zoek and /wie."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher, store: Store, texts: Texts) -> None:
        self.kb, self.matcher, self.store, self.texts = kb, matcher, store, texts
        self.voice = Voice(texts, kb.default_language)
        self.people: list[Member | Professional] = [m for t in kb.teams for m in t.members if m.active]
        self.people += list(kb.professionals)
        self._names = [p.name.lower() for p in self.people]
        self._first_names = [p.name.split()[0].lower() for p in self.people]
        self._roles = [p.role.lower() for p in self.people]

    # -- look-ups --------------------------------------------------------------------------
    def _person_lines(self, person: Member | Professional, counts: dict[str, int]) -> Rich:
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

    def _area_in_text(self, text: str) -> tuple[str | None, str]:
        """The area a query names ("in noord"), and the query without that name: a place is not a concern."""
        areas = {a.name.lower(): a for a in self.kb.municipality.areas}
        words = text.split()
        for position, word in enumerate(words):
            best = process.extractOne(word.lower(), list(areas), scorer=fuzz.ratio, score_cutoff=85)
            if best:
                return areas[best[0]].id, " ".join(words[:position] + words[position + 1:])
        return None, text

    async def search(self, asker: Person, query: str) -> list[Reply]:
        """/zoek: the one contact first, then other colleagues and services."""
        voice = self.voice
        if not query.strip():
            return [Reply(voice("pro.search_help"))]
        postcode, rest = find_postcode(query)
        area_id, rest = self._area_in_text(rest) if postcode is None else (None, rest)
        area = self.kb.area(area_id) if area_id else self.kb.area_for_postcode(postcode)
        if area_id and postcode is None:
            postcode = area.postcodes[0] if area and area.postcodes else None
        match = self.matcher.match(rest, area.id if area else None)
        counts = await self.store.handoffs.open_counts(lifecycle.OPEN)
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
            acute = crisis_domains(match.crisis.kinds)
            contact = choose_contact(self.kb, postcode, concerns_from_text(tuple(domains), acute), None,
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
        return [Reply(fit(Rich.lines(lines)), (await report_button(self.store, asker, voice, targets),))]

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
        return [Reply(fit(Rich.lines(lines)))]
