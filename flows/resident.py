"""The resident's conversation: from the first message to a consented handoff.

Every entry point takes the resident's Telegram id and what they sent, loads their
progress from the store, decides, stores the new progress (committed) and only then
returns the replies. Nothing here knows about Telegram.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from flows import check
from flows.crisis import crisis_replies
from flows.fields import parse_phone
from flows.handoff import HandoffFlow
from flows.picture import spider_web
from flows.privacy import PrivacyCommands
from flows.progress import Progress, toggled
from flows.replies import Answer, Choice, Reply, shorten
from flows.reports import report_button
from flows.texts import Texts
from flows.voice import Markup, Voice, fit
from knowledge.domains import BOT_LANGUAGES, DOMAIN_IDS
from knowledge.matcher import CRISIS_DOMAINS, Matcher
from knowledge.model import KnowledgeBase
from knowledge.postcode import normalize_postcode
from knowledge.routing import Contact, choose_contact
from store import Resident, Store

WORDS_IN_CARD = 1000  # a resident's own words kept per answer
MAX_SERVICES = 5
FREE_TEXT_STEPS = ("story", "followup", "going_well", "would_help", "postcode", "phone")


@dataclass
class Turn:
    """One resident's state during one message: loaded, changed, saved once."""

    resident: Resident
    progress: Progress
    voice: Voice


class ResidentFlow(PrivacyCommands):
    """The conversation with residents; one instance serves them all."""

    def __init__(self, kb: KnowledgeBase, matcher: Matcher, store: Store, texts: Texts,
                 picture: Callable[..., bytes] = spider_web, handoffs: HandoffFlow | None = None) -> None:
        self.kb, self.matcher, self.store, self.texts = kb, matcher, store, texts
        self.picture = picture
        self.handoffs = handoffs or HandoffFlow(kb, store, texts, picture=picture)

    # -- loading and saving ----------------------------------------------------------------
    async def _turn(self, user_id: int, telegram_language: str | None) -> Turn:
        resident = await self.store.resident(user_id)
        if resident is None:
            language = telegram_language if telegram_language in BOT_LANGUAGES else self.kb.default_language
            resident = Resident(user_id, self.texts.language(language))
        progress = Progress.from_dict(resident.progress)
        return Turn(resident, progress, Voice(self.texts, resident.language))

    async def _save(self, turn: Turn) -> None:
        turn.progress.rev += 1
        turn.resident.progress = turn.progress.to_dict()
        await self.store.save_resident(turn.resident)

    def _choices(self, turn: Turn, *pairs: tuple[str, str]) -> tuple[Choice, ...]:
        """Buttons for the current step; their ids carry the step's revision."""
        rev = turn.progress.rev + 1  # the revision the progress will have once saved
        return tuple(Choice(f"{rev}|{cid}", turn.voice.plain(key)) for cid, key in pairs)

    # -- entry points ----------------------------------------------------------------------
    async def command(self, user_id: int, telegram_language: str | None, name: str, args: str = "") -> list[Reply]:
        """A command typed by a resident: /start, /opnieuw, /taal, /privacy, /mijngegevens, /vergeet, /stop."""
        name = name.lower()
        if name in ("start", "help"):
            return await self.start(user_id, telegram_language, args or None)
        if name in ("opnieuw", "restart"):
            return await self.restart(user_id, telegram_language)
        if name in ("taal", "language"):
            return await self.language(user_id, telegram_language, args.strip().lower() or None)
        if name == "privacy":
            return await self.privacy(user_id, telegram_language)
        if name in ("mijngegevens", "mydata"):
            return await self.my_data(user_id, telegram_language)
        if name in ("vergeet", "forget"):
            return await self.forget_asked(user_id, telegram_language)
        if name == "stop":
            return await self.stop(user_id, telegram_language)
        turn = await self._turn(user_id, telegram_language)
        return [Reply(turn.voice("common.unknown_command"))] + await self._ask_again(turn)

    async def press(self, user_id: int, telegram_language: str | None, data: str) -> Answer:
        """Any button press of a resident."""
        if data.startswith("forget|"):
            return await self.forget(user_id, telegram_language, data == "forget|yes")
        return await self.choice(user_id, telegram_language, data)

    async def start(self, user_id: int, telegram_language: str | None, payload: str | None = None) -> list[Reply]:
        """/start: greet, explain, and offer the two ways in."""
        turn = await self._turn(user_id, telegram_language)
        replies = [Reply(turn.voice("start.welcome"))]
        if turn.progress.step not in ("welcome", "done"):  # in the middle: go on, lose nothing
            turn.progress.stopped = False
            replies += [Reply(turn.voice("stop.welcome_back"))] + self._ask(turn)
            await self._save(turn)
            return replies
        turn.progress = Progress(source=shorten(payload, 64) if payload else None)
        replies += self._ask(turn)
        await self._save(turn)
        return replies

    async def resume(self, user_id: int, telegram_language: str | None) -> list[Reply]:
        """Coming back (console start): go on where we were, or greet a newcomer."""
        turn = await self._turn(user_id, telegram_language)
        if not turn.resident.progress:
            return await self.start(user_id, telegram_language)
        return [Reply(turn.voice("stop.welcome_back"))] + await self._ask_again(turn)

    async def restart(self, user_id: int, telegram_language: str | None) -> list[Reply]:
        """/opnieuw: start over, forgetting the answers of this round."""
        turn = await self._turn(user_id, telegram_language)
        turn.progress = Progress(step="welcome")
        replies = [Reply(turn.voice("start.again"))] + self._ask(turn)
        await self._save(turn)
        return replies

    async def text(self, user_id: int, telegram_language: str | None, text: str) -> list[Reply]:
        """Anything the resident typed that is not a command."""
        turn = await self._turn(user_id, telegram_language)
        progress = turn.progress
        replies: list[Reply] = []
        match = self.matcher.match(text)
        if match.crisis.is_crisis:  # crisis interrupts anything, before anything else
            for kind in match.crisis.kinds:
                if kind not in progress.crisis:
                    progress.crisis.append(kind)
            replies += crisis_replies(turn.voice, match.crisis.kinds)
        elif match.crisis.hint and not progress.danger_asked:  # a risk word alone: ask once, gently
            progress.danger_asked = True
            replies.append(Reply(turn.voice("crisis.check")))
        progress.stopped = False
        handler = getattr(self, f"_text_{progress.step}", None)
        if handler is None:
            replies += await self._text_elsewhere(turn, text, match)
        else:
            replies += await handler(turn, text, match)
        await self._save(turn)
        return replies

    async def choice(self, user_id: int, telegram_language: str | None, data: str) -> Answer:
        """A button press; stale or unknown buttons change nothing and get a polite answer."""
        turn = await self._turn(user_id, telegram_language)
        rev, _, choice_id = data.partition("|")
        if not rev.isdigit() or int(rev) != turn.progress.rev or turn.resident.progress == {}:
            replies = await self._ask_again(turn) if turn.resident.progress else [Reply(turn.voice("stale.unknown"))]
            return Answer(replies, toast=turn.voice.plain("stale.toast"))
        handler = getattr(self, f"_choice_{turn.progress.step}", None)
        replies = await handler(turn, choice_id) if handler else None
        if replies is None:
            return Answer(await self._ask_again(turn), toast=turn.voice.plain("stale.toast"))
        turn.progress.stopped = False
        await self._save(turn)
        return Answer(replies)

    async def contact_shared(self, user_id: int, telegram_language: str | None, phone: str, own: bool) -> list[Reply]:
        """The resident shared a phone number with Telegram's contact button."""
        turn = await self._turn(user_id, telegram_language)
        if turn.progress.step != "phone":
            return [Reply(turn.voice("phone.not_now"), clear_keyboard=True)] + await self._ask_again(turn)
        if not own:
            return [Reply(turn.voice("phone.not_yours"))] + await self._ask_again(turn)
        replies = await self._text_phone(turn, phone, None)
        await self._save(turn)
        return replies

    async def not_text(self, user_id: int, telegram_language: str | None, kind: str) -> list[Reply]:
        """A sticker, photo, voice note, location, file or edited message: say what we can read."""
        turn = await self._turn(user_id, telegram_language)
        return [Reply(turn.voice(f"unreadable.{kind}"))] + await self._ask_again(turn)

    async def language(self, user_id: int, telegram_language: str | None, wanted: str | None = None) -> list[Reply]:
        """/taal: switch between Dutch and English (or to the one named)."""
        turn = await self._turn(user_id, telegram_language)
        current = turn.resident.language
        choice = wanted if wanted in BOT_LANGUAGES else BOT_LANGUAGES[(BOT_LANGUAGES.index(current) + 1) % 2]
        turn.resident.language = choice
        turn.voice = Voice(self.texts, choice)
        replies = [Reply(turn.voice("language.switched"))] + self._ask(turn)
        await self._save(turn)
        return replies

    async def stop(self, user_id: int, telegram_language: str | None) -> list[Reply]:
        """/stop: pause; the answers stay until /vergeet."""
        turn = await self._turn(user_id, telegram_language)
        if await self.store.resident(user_id) is None:
            return [Reply(turn.voice("stop.nothing"))]
        turn.progress.stopped = True
        await self._save(turn)
        return [Reply(turn.voice("stop.paused"), clear_keyboard=True)]

    def group_chat(self, telegram_language: str | None) -> list[Reply]:
        """A message in a group: we only talk in private, and store nothing."""
        return [Reply(Voice(self.texts, telegram_language or self.kb.default_language)("group.only_private"))]

    def slow_down(self, telegram_language: str | None) -> list[Reply]:
        """Too many messages too fast."""
        return [Reply(Voice(self.texts, telegram_language or self.kb.default_language)("flood.slow_down"))]

    def sorry(self, telegram_language: str | None) -> list[Reply]:
        """Something went wrong on our side."""
        return [Reply(Voice(self.texts, telegram_language or self.kb.default_language)("error.sorry"))]

    # -- asking: what to show for the current step -----------------------------------------
    async def _ask_again(self, turn: Turn) -> list[Reply]:
        """Show the current question once more; its new buttons make all older ones stale."""
        if not turn.resident.progress:
            return []  # a stranger: nothing to ask, nothing to store
        replies = self._ask(turn)
        await self._save(turn)
        return replies

    def _ask(self, turn: Turn) -> list[Reply]:
        progress, voice = turn.progress, turn.voice
        step = progress.step
        if progress.stopped:
            return [Reply(voice("stop.welcome_back"))] + self._ask_step(turn, step)
        return self._ask_step(turn, step)

    def _ask_step(self, turn: Turn, step: str) -> list[Reply]:
        progress, voice = turn.progress, turn.voice
        c = self._choices
        if step == "welcome":
            return [Reply(voice("start.choose"), c(turn, ("story", "start.way_story"), ("check", "start.way_check")))]
        if step == "story":
            return [Reply(voice("story.ask"))]
        if step == "story_confirm":
            return [Reply(voice("story.heard", domains=voice.domains(progress.domains)),
                          c(turn, ("ok", "story.right"), ("fix", "story.not_quite")), columns=2)]
        if step == "story_fix":
            rev = progress.rev + 1
            toggles = tuple(
                Choice(f"{rev}|t:{d}", ("✅ " if d in progress.domains else "▫️ ") + voice.domain(d))
                for d in DOMAIN_IDS
            )
            done = Choice(f"{rev}|done", voice.plain("story.fix_done"))
            return [Reply(voice("story.fix"), toggles + (done,))]
        if step == "story_more":
            return [Reply(voice("story.more"), c(turn, ("yes", "story.more_yes"), ("no", "story.more_no")))]
        if step == "check":
            domain = check.next_domain(progress.answers)
            number = len(progress.answers) + 1
            rev = progress.rev + 1
            answers = tuple(Choice(f"{rev}|{aid}", f"{face} {voice.plain(self._answer_key(domain, aid))}")
                            for aid, _score, face in check.ANSWERS)
            skip = Choice(f"{rev}|skip", voice.plain("common.skip"))
            question = voice(f"check.question.{domain}")
            return [Reply(voice("check.frame", number=number, total=len(DOMAIN_IDS), question=question),
                          answers + (skip,))]
        if step == "followup":
            return [Reply(voice("check.followup", domain=voice.domain(progress.pending or "")),
                          c(turn, ("skip", "common.skip")))]
        if step == "going_well":
            return [Reply(voice("ask.going_well"), c(turn, ("skip", "common.skip")))]
        if step == "would_help":
            return [Reply(voice("ask.would_help"), c(turn, ("skip", "common.skip")))]
        if step == "postcode":
            return [Reply(voice("postcode.ask"), c(turn, ("none", "postcode.rather_not")))]
        if step == "offer":
            return self._offer(turn)
        if step == "preference":
            return [Reply(voice("preference.ask", name=self._contact(progress).member.first_name),
                          c(turn, ("telegram", "preference.telegram"), ("phone", "preference.phone"),
                            ("self", "preference.self")))]
        if step == "phone":
            return [Reply(voice("phone.ask"), ask_contact=voice.plain("phone.share"))]
        if step == "daypart":
            return [Reply(voice("daypart.ask"), c(turn, ("morning", "daypart.morning"),
                                                    ("afternoon", "daypart.afternoon"),
                                                    ("evening", "daypart.evening"), ("any", "daypart.any")),
                          columns=2)]
        if step == "done":
            return [Reply(voice("done.again"))]
        return [Reply(voice("done.again"))]

    def _answer_key(self, domain: str, answer: str) -> str:
        specific = f"check.answer.{domain}.{answer}"
        return specific if self.texts.has(self.kb.default_language, specific) else f"check.answer.{answer}"

    # -- the two ways in -------------------------------------------------------------------
    async def _choice_welcome(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice not in ("story", "check"):
            return None
        turn.progress.way = choice
        turn.progress.step = "story" if choice == "story" else "check"
        return self._ask(turn)

    async def _text_welcome(self, turn: Turn, text: str, match) -> list[Reply]:
        if match.domains or match.crisis.is_crisis:  # they started telling: take it as their story
            turn.progress.way = "story"
            return await self._text_story(turn, text, match)
        if match.unsupported:
            return [Reply(turn.voice("story.unsupported_language"))] + self._ask(turn)
        return [Reply(turn.voice("start.use_buttons"))] + self._ask(turn)

    async def _text_story(self, turn: Turn, text: str, match) -> list[Reply]:
        progress = turn.progress
        progress.story = shorten((progress.story + " " if progress.story else "") + text, WORDS_IN_CARD * 4)
        if match.unsupported or match.empty:
            progress.step = "check"
            progress.way = "check"
            return [Reply(turn.voice("story.unsupported_language"))] + self._ask(turn)
        if not match.domains:
            return [Reply(turn.voice("story.not_understood"), self._choices(turn, ("check", "start.way_check")))]
        progress.domains = list(match.domain_ids[:4])
        progress.step = "story_confirm"
        return self._ask(turn)

    async def _choice_story(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice != "check":
            return None
        turn.progress.way = "check"
        turn.progress.step = "check"
        return self._ask(turn)

    async def _choice_story_confirm(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice == "ok":
            return self._story_confirmed(turn)
        if choice == "fix":
            turn.progress.step = "story_fix"
            return self._ask(turn)
        return None

    async def _choice_story_fix(self, turn: Turn, choice: str) -> list[Reply] | None:
        progress = turn.progress
        if choice.startswith("t:") and choice[2:] in DOMAIN_IDS:
            domain = choice[2:]
            progress.domains = toggled(progress.domains, domain)
            return self._ask(turn)
        if choice == "done":
            if not progress.domains:
                return [Reply(turn.voice("story.fix_none"))] + self._ask(turn)
            return self._story_confirmed(turn)
        return None

    def _story_confirmed(self, turn: Turn) -> list[Reply]:
        progress = turn.progress
        crisis_domains = {d for kind in progress.crisis for d in CRISIS_DOMAINS[kind]}
        for rank, domain in enumerate(progress.domains):
            progress.answers[domain] = 1 if domain in crisis_domains else (2 if rank == 0 else 3)
        progress.step = "story_more"
        return [Reply(turn.voice("story.thanks"))] + self._ask(turn)

    async def _choice_story_more(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice == "yes":
            turn.progress.step = "check"
            if check.next_domain(turn.progress.answers) is None:
                turn.progress.step = "going_well"
            return self._ask(turn)
        if choice == "no":
            turn.progress.step = "going_well"
            return self._ask(turn)
        return None

    # -- the check -------------------------------------------------------------------------
    async def _choice_check(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice not in {a for a, _, _ in check.ANSWERS} | {"skip"}:
            return None
        return self._record_answer(turn, choice)

    async def _text_check(self, turn: Turn, text: str, match) -> list[Reply]:
        answer = check.typed_answer(text)
        if answer is None:
            if match.crisis.is_crisis:
                return self._ask(turn)
            return [Reply(turn.voice("check.use_buttons"))] + self._ask(turn)
        return self._record_answer(turn, answer)

    def _record_answer(self, turn: Turn, answer: str) -> list[Reply]:
        progress = turn.progress
        domain = check.next_domain(progress.answers)
        if domain is None:
            progress.step = "going_well"
            return self._ask(turn)
        score = check.score_of(domain, answer)
        progress.answers[domain] = score
        replies: list[Reply] = []
        if score == check.UNSAFE_SCORE:  # one 'unsafe' answer is enough: the numbers at once
            if "domestic_violence" not in progress.crisis:
                progress.crisis.append("domestic_violence")
            replies += crisis_replies(turn.voice, ("domestic_violence",))
        if check.is_concern(score):
            progress.pending = domain
            progress.step = "followup"
        else:
            self._after_answer(progress)
        return replies + self._ask(turn)

    @staticmethod
    def _after_answer(progress: Progress) -> None:
        progress.pending = None
        progress.step = "check" if check.next_domain(progress.answers) else "going_well"

    async def _choice_followup(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice != "skip":
            return None
        self._after_answer(turn.progress)
        return self._ask(turn)

    async def _text_followup(self, turn: Turn, text: str, match) -> list[Reply]:
        progress = turn.progress
        if progress.pending:
            progress.followups[progress.pending] = shorten(text, WORDS_IN_CARD)
        self._after_answer(progress)
        return [Reply(turn.voice("common.noted"))] + self._ask(turn)

    # -- what goes well, what would help ---------------------------------------------------
    async def _choice_going_well(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice != "skip":
            return None
        turn.progress.step = "would_help"
        return self._ask(turn)

    async def _text_going_well(self, turn: Turn, text: str, match) -> list[Reply]:
        turn.progress.going_well = shorten(text, WORDS_IN_CARD)
        turn.progress.step = "would_help"
        return self._ask(turn)

    async def _choice_would_help(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice != "skip":
            return None
        return self._picture_then_postcode(turn)

    async def _text_would_help(self, turn: Turn, text: str, match) -> list[Reply]:
        turn.progress.would_help = shorten(text, WORDS_IN_CARD)
        return self._picture_then_postcode(turn)

    def _picture_then_postcode(self, turn: Turn) -> list[Reply]:
        progress, voice = turn.progress, turn.voice
        replies = [self._summary(turn)]
        if not progress.concerns():
            progress.step = "done"
            replies.append(Reply(voice("summary.no_concerns")))
            return replies
        progress.step = "postcode"
        return replies + self._ask(turn)

    def _summary(self, turn: Turn) -> Reply:
        progress, voice = turn.progress, turn.voice
        concerns = sorted(progress.concerns().items(), key=lambda item: (item[1], DOMAIN_IDS.index(item[0])))
        good = [d for d, s in progress.answers.items() if s is not None and s >= 4]
        lines = [voice("summary.title")]
        if good:
            lines.append(voice("summary.good", domains=voice.domains(good)))
        if progress.going_well:
            lines.append(voice("summary.going_well", words=shorten(progress.going_well, 200)))
        if concerns:
            lines.append(voice("summary.heavy", domains=voice.domains([d for d, _ in concerns[:3]])))
        caption = fit("\n".join(lines), 1024)
        answered = sum(1 for s in progress.answers.values() if s is not None)
        if answered < 3:
            return Reply(caption)
        labels = {d: voice.domain(d) for d in DOMAIN_IDS}
        png = self.picture(dict(progress.answers), labels, voice.plain("summary.picture_title"),
                           voice.plain("summary.not_asked"), voice.plain("mydata.skipped"))
        return Reply(caption, picture=png)

    # -- postcode, services and the one person ---------------------------------------------
    async def _choice_postcode(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice != "none":
            return None
        turn.resident.postcode = None
        return await self._services_and_offer(turn)

    async def _text_postcode(self, turn: Turn, text: str, match) -> list[Reply]:
        postcode = normalize_postcode(text)
        if postcode is None:
            return [Reply(turn.voice("postcode.invalid"))] + self._ask(turn)
        turn.resident.postcode = postcode
        return await self._services_and_offer(turn)

    async def _services_and_offer(self, turn: Turn) -> list[Reply]:
        progress, voice = turn.progress, turn.voice
        area = self.kb.area_for_postcode(turn.resident.postcode)
        replies: list[Reply] = []
        if turn.resident.postcode and area is None:
            replies.append(Reply(voice("postcode.unknown_area", postcode=turn.resident.postcode)))
        weights = {d: (6 - s) / 5 for d, s in progress.concerns().items()}
        own_words = " ".join([progress.story or "", *progress.followups.values(), progress.would_help or ""])
        services = self.matcher.services_for(weights, area.id if area else None, tuple(progress.crisis),
                                             MAX_SERVICES, keywords=self.matcher.keywords_in(own_words))
        if services:
            lines = [voice("services.title")]
            for item in services:
                service = item.service
                reach = service.phone or service.url or service.email or ""
                lines.append(voice("services.line", name=service.name,
                                   description=shorten(service.description_in(voice.language), 140), reach=reach))
            targets = [f"s:{self.kb.services.index(item.service)}" for item in services]
            replies.append(Reply(fit("\n".join(lines)), (report_button(voice, targets),)))
        previous = await self.store.handoffs_of(turn.resident.user_id)
        contact = choose_contact(
            self.kb, turn.resident.postcode, progress.concerns(), turn.resident.language,
            previous_member_id=previous[-1].member_id if previous else None,
            open_counts=await self.store.open_counts(),
        )
        progress.contact = {"member_id": contact.member.id, "team_id": contact.team.id, "reason": contact.reason}
        progress.step = "offer"
        return replies + self._ask(turn)

    def _contact(self, progress: Progress) -> Contact:
        assert progress.contact is not None
        member = self.kb.member(progress.contact["member_id"])
        team = self.kb.team(progress.contact["team_id"])
        if member is None:  # the knowledge base changed since: ask the rule again
            member = team.coordinator
        return Contact(member, team, None, progress.contact.get("reason", ""))

    def _offer(self, turn: Turn) -> list[Reply]:
        voice, contact = turn.voice, self._contact(turn.progress)
        days = max(1, math.ceil(contact.team.reaction_hours / 24))
        text = voice(
            "offer.text",
            name=contact.member.name, role=contact.member.role.lower(), team=contact.team.name,
            first=contact.member.first_name, days=days,
            again=Markup(voice("offer.again", first=contact.member.first_name)
                         if contact.reason == "continuity" else ""),
        )
        return [Reply(text, self._choices(turn, ("yes", "offer.accept"), ("no", "offer.decline")), columns=1)]

    async def _choice_offer(self, turn: Turn, choice: str) -> list[Reply] | None:
        voice, contact = turn.voice, self._contact(turn.progress)
        if choice == "yes":
            turn.progress.step = "preference"
            return [Reply(voice("offer.thanks"))] + self._ask(turn)
        if choice == "no":
            turn.progress.step = "done"
            return [Reply(voice("offer.declined", team=contact.team.name, phone=contact.team.phone or ""))]
        return None

    async def _choice_preference(self, turn: Turn, choice: str) -> list[Reply] | None:
        progress, voice = turn.progress, turn.voice
        contact = self._contact(progress)
        if choice == "telegram":
            progress.preference = {"kind": "telegram"}
            return await self._hand_off(turn)
        if choice == "phone":
            progress.step = "phone"
            return self._ask(turn)
        if choice == "self":
            progress.preference = {"kind": "self"}
            progress.step = "done"
            return [Reply(voice("preference.self_done", team=contact.team.name, phone=contact.team.phone or "",
                                name=contact.member.name))]
        return None

    async def _text_phone(self, turn: Turn, text: str, match) -> list[Reply]:
        phone = parse_phone(text)
        if phone is None:
            return [Reply(turn.voice("phone.invalid"))] + self._ask(turn)
        turn.progress.preference = {"kind": "phone", "phone": phone}
        turn.progress.step = "daypart"
        return [Reply(turn.voice("phone.noted", phone=phone), clear_keyboard=True)] + self._ask(turn)

    async def _choice_daypart(self, turn: Turn, choice: str) -> list[Reply] | None:
        if choice not in ("morning", "afternoon", "evening", "any"):
            return None
        turn.progress.preference["daypart"] = choice
        return await self._hand_off(turn)

    async def _hand_off(self, turn: Turn) -> list[Reply]:
        """Store the consented handoff with everything the card needs, then say what happens."""
        progress, voice = turn.progress, turn.voice
        contact = self._contact(progress)
        card = self._card(turn, contact)
        handoff = await self.handoffs.send_new(
            resident_user_id=turn.resident.user_id, member_id=contact.member.id, team_id=contact.team.id,
            card=card, urgent=bool(progress.crisis), actor=f"resident:{turn.resident.user_id}",
        )
        await self.store.audit(f"resident:{turn.resident.user_id}", "consent", handoff.id)
        progress.handoff_id = handoff.id
        progress.step = "done"
        days = max(1, math.ceil(contact.team.reaction_hours / 24))
        how = voice.plain(f"done.how.{progress.preference['kind']}",
                          daypart=voice.plain(f"daypart.{progress.preference.get('daypart', 'any')}").lower())
        return [Reply(voice("done.text", name=contact.member.name, first=contact.member.first_name, days=days,
                            how=how), clear_keyboard=True)]

    def _card(self, turn: Turn, contact: Contact) -> dict:
        progress = turn.progress
        area = self.kb.area_for_postcode(turn.resident.postcode)
        return {
            "concerns": [
                {"domain": d, "score": s, "words": progress.followups.get(d, "")}
                for d, s in sorted(progress.concerns().items(), key=lambda item: item[1])
            ],
            "answers": progress.answers,
            "story": progress.story or "",
            "going_well": progress.going_well or "",
            "would_help": progress.would_help or "",
            "preference": progress.preference,
            "language": turn.resident.language,
            "postcode": turn.resident.postcode,
            "area_id": area.id if area else None,
            "crisis": progress.crisis,
            "urgent": bool(progress.crisis),
            "continuity": contact.reason == "continuity",
            "source": progress.source,
        }

    # -- anything typed where we did not ask for text --------------------------------------
    async def _text_elsewhere(self, turn: Turn, text: str, match) -> list[Reply]:
        if match.crisis.is_crisis and turn.progress.step != "done":
            return self._ask(turn)
        if turn.progress.step == "done":
            if await self.handoffs.resident_relay(turn.resident.user_id, text):
                return [Reply(turn.voice("handoff.relayed"))]
            return [Reply(turn.voice("done.again"))]
        return [Reply(turn.voice("common.use_buttons"))] + self._ask(turn)

