"""What residents can always ask: /privacy, /mijngegevens (a message and a JSON file), /vergeet."""

from __future__ import annotations

import json

from flows.replies import Answer, Choice, Reply, shorten
from flows.voice import Voice, fit

WORDS_SHOWN = 300  # a resident's own words quoted back in a message


class PrivacyCommands:
    """Mixed into the resident flow: it brings `_turn`, `store`, `kb` and `texts`."""

    async def privacy(self, user_id: int, telegram_language: str | None) -> list[Reply]:
        """/privacy: what we keep, who sees it, how to see and erase it."""
        turn = await self._turn(user_id, telegram_language)
        return [Reply(turn.voice("privacy.text"))]

    async def my_data(self, user_id: int, telegram_language: str | None) -> list[Reply]:
        """/mijngegevens: everything stored about me, readable and as a JSON file."""
        turn = await self._turn(user_id, telegram_language)
        exported = await self.store.export_resident(user_id)
        if exported["resident"] is None and not exported["handoffs"]:
            return [Reply(turn.voice("mydata.nothing"))]
        progress = turn.progress
        lines = [turn.voice("mydata.intro")]
        lines.append(turn.voice("mydata.language", language=turn.voice.plain(f"language.{turn.resident.language}")))
        if turn.resident.postcode:
            lines.append(turn.voice("mydata.postcode", postcode=turn.resident.postcode))
        if progress.story:
            lines.append(turn.voice("mydata.story", words=shorten(progress.story, WORDS_SHOWN)))
        for domain, score in progress.answers.items():
            answer = turn.voice.plain("mydata.skipped") if score is None else str(score)
            lines.append(turn.voice("mydata.answer", domain=turn.voice.domain(domain), answer=answer))
        for domain, words in progress.followups.items():
            lines.append(turn.voice("mydata.followup", domain=turn.voice.domain(domain),
                                    words=shorten(words, WORDS_SHOWN)))
        for key in ("going_well", "would_help"):
            if getattr(progress, key):
                lines.append(turn.voice(f"mydata.{key}", words=shorten(getattr(progress, key), WORDS_SHOWN)))
        for handoff in exported["handoffs"]:
            member = self.kb.member(handoff["member_id"])
            lines.append(turn.voice("mydata.handoff", name=member.name if member else handoff["member_id"],
                                    status=turn.voice.plain(f"status.{handoff['status']}")))
        lines.append(turn.voice("mydata.file"))
        text = fit("\n".join(lines))
        content = json.dumps(exported, ensure_ascii=False, indent=2).encode()
        return [Reply(text), Reply(turn.voice("mydata.caption"), document=("mijngegevens.json", content))]

    async def forget_asked(self, user_id: int, telegram_language: str | None) -> list[Reply]:
        """/vergeet: ask for confirmation first."""
        turn = await self._turn(user_id, telegram_language)
        choices = (Choice("forget|yes", turn.voice.plain("forget.accept")),
                   Choice("forget|no", turn.voice.plain("forget.decline")))
        return [Reply(turn.voice("forget.ask"), choices=choices, columns=2)]

    async def forget(self, user_id: int, telegram_language: str | None, confirmed: bool) -> Answer:
        """The answer to /vergeet's question."""
        voice = Voice(self.texts, (await self._turn(user_id, telegram_language)).resident.language)
        if not confirmed:
            return Answer([Reply(voice("forget.kept"))])
        await self.store.forget_resident(user_id)
        return Answer([Reply(voice("forget.done"), clear_keyboard=True)])
