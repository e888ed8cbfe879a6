"""FakeTelegram: the aiohttp server, the method table, fault injection and the commands the bot registers."""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from typing import Any, Self

from aiohttp import web

from .inspection import Inspection, scope_key
from .markup import check_commands
from .messages import Messages
from .records import ErrorRecord, FailedRequest, Fault
from .spec import JSON, ApiError, ApiSpec, bad_request, check_required, coerce_params, read_params, summarize
from .updates import Updates
from .users import FakeChat, FakeUser
from .webhook import WebhookDelivery

Handler = Callable[[JSON], Awaitable[Any]]

MAX_BODY_SIZE = 60 * 1024 * 1024
VIOLATION_CODES = frozenset({400, 401, 404})
FAULT_KINDS = frozenset({"429", "502", "drop", "timeout"})
MENU_BUTTON_TYPES = frozenset({"commands", "web_app", "default"})


class FakeTelegram(Updates, Messages, Inspection, WebhookDelivery):
    """Fake Bot API server on 127.0.0.1 with simulated users, checks and fault injection.

    Records: ``requests`` (method, params) in order, ``violations`` (rule breaches that got
    a 400/401/404), ``errors`` (every error answer), ``failed_requests`` (injected faults),
    ``conflicts`` (overlapping getUpdates), ``withheld`` (group messages hidden by privacy
    mode) and ``answers``. Methods missing from ``botapi.json`` get 404 like unknown ones.
    """

    def __init__(
        self,
        token: str = "123:ABC",
        bot_username: str = "wijkwijzer_test_bot",
        *,
        bot_first_name: str = "Wijkwijzer",
        privacy_mode: bool = True,
        fault_hold: float = 3.0,
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        """Configure the fake; the server starts with ``start()`` or ``async with``."""
        self.token = token
        self.bot_username = bot_username
        self.bot_first_name = bot_first_name
        self.privacy_mode = privacy_mode
        self.fault_hold = fault_hold
        self.spec = ApiSpec.load()
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self._init_state()
        self._init_webhook()
        self._handlers = self._build_handlers()

    # ----------------------------------------------------------------- lifecycle

    async def start(self) -> None:
        """Start the HTTP server on a free port."""
        app = web.Application(client_max_size=MAX_BODY_SIZE)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        self._closing = False
        self._runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=1.0
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, self._host, self._port).start()

    async def stop(self) -> None:
        """Answer pending long polls and stop the server."""
        self._closing = True
        self._notify()
        await self._stop_webhooks()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        """Start the server."""
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        """Stop the server."""
        await self.stop()

    @property
    def port(self) -> int:
        """TCP port the server listens on."""
        if self._runner is None or not self._runner.addresses:
            raise RuntimeError("FakeTelegram is not running")
        return int(self._runner.addresses[0][1])

    @property
    def base_url(self) -> str:
        """Value for PTB's ``base_url`` (PTB appends ``{token}/{method}``)."""
        return f"http://{self._host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for PTB's ``base_file_url``."""
        return f"http://{self._host}:{self.port}/file/bot"

    # ----------------------------------------------------------------- setup

    def user(
        self,
        user_id: int,
        first_name: str = "Test",
        *,
        last_name: str | None = None,
        username: str | None = None,
        language_code: str | None = None,
    ) -> FakeUser:
        """Create a simulated user with a private chat whose id equals ``user_id``."""
        if user_id in self._chats:
            raise ValueError(f"chat {user_id} already exists")
        user = FakeUser(
            self,
            user_id,
            first_name,
            last_name=last_name,
            username=username,
            language_code=language_code,
        )
        self._chats[user_id] = user.chat
        return user

    def group_chat(
        self,
        chat_id: int,
        title: str,
        *,
        chat_type: str | None = None,
        username: str | None = None,
    ) -> FakeChat:
        """Create a group the bot is a member of (ids starting with -100 are supergroups)."""
        if chat_id in self._chats:
            raise ValueError(f"chat {chat_id} already exists")
        kind = chat_type or ("supergroup" if str(chat_id).startswith("-100") else "group")
        chat = FakeChat(chat_id, kind, title=title, username=username)
        self._chats[chat_id] = chat
        return chat

    def fail_next(
        self,
        method: str,
        kind: str,
        count: int = 1,
        retry_after: int = 1,
        hold: float | None = None,
        chat_id: int | None = None,
    ) -> None:
        """Make the next ``count`` calls of ``method`` fail with ``kind`` (only those to ``chat_id``, if given).

        Kinds: "429" (flood control with ``retry_after``), "502" (Bad Gateway), "drop"
        (connection closed without an answer) and "timeout" (hold the request ``hold``
        seconds, default ``fault_hold``, then drop it). Other methods are not affected.
        """
        canonical = self.spec.canonical(method)
        if canonical is None:
            raise ValueError(f"{method!r} is not a Bot API method the fake knows")
        if kind not in FAULT_KINDS:
            raise ValueError(f"fault kind must be one of {sorted(FAULT_KINDS)}")
        fault = Fault(kind, retry_after, self.fault_hold if hold is None else hold, chat_id)
        self._faults.setdefault(canonical.lower(), deque()).extend([fault] * count)

    # ----------------------------------------------------------------- HTTP layer

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        busy = method.lower() != "getupdates"
        if busy:
            self._busy += 1
            self._touch()
        try:
            return await self._process(request, method)
        finally:
            if busy:
                self._busy -= 1
                self._touch()

    async def _process(self, request: web.Request, method: str) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            self._record(method, {})
            return self._error_response(method, {}, ApiError(401, "Unauthorized", "wrong token"))
        try:
            raw = await read_params(request)
        except ApiError as exc:
            self._record(method, {})
            return self._error_response(method, {}, exc)
        canonical = self.spec.canonical(method)
        if canonical is None:
            self._record(method, raw)
            detail = f"{method!r} is not a Bot API method the fake knows (testing/fakebot/botapi.json)"
            not_found = ApiError(404, "Not Found", detail)
            return self._error_response(method, raw, not_found)
        fault = self._take_fault(canonical, raw)
        if fault is not None:
            return await self._inject_fault(request, canonical, raw, fault)
        return await self._dispatch(canonical, raw)

    async def _dispatch(self, method: str, raw: JSON) -> web.Response:
        try:
            params = coerce_params(self.spec, method, raw)
        except ApiError as exc:
            self._record(method, raw)
            return self._error_response(method, raw, exc)
        self._record(method, params)
        try:
            check_required(self.spec, method, params)
            result = await self._handlers[method.lower()](params)
        except ApiError as exc:
            return self._error_response(method, params, exc)
        return web.json_response({"ok": True, "result": result})

    def _record(self, method: str, params: JSON) -> None:
        """Log a processed request and wake anything waiting in ``wait_for``."""
        self.requests.append((method, params))
        self._notify()

    def _error_response(self, method: str, params: JSON, exc: ApiError) -> web.Response:
        self.errors.append(ErrorRecord(method, exc.code, exc.description))
        if exc.code in VIOLATION_CODES:
            detail = f" ({exc.detail})" if exc.detail else ""
            context = summarize(params)
            self.violations.append(
                f"{method}: {exc.description}{detail}" + (f" | {context}" if context else "")
            )
        body: JSON = {"ok": False, "error_code": exc.code, "description": exc.description}
        if exc.parameters:
            body["parameters"] = exc.parameters
        return web.json_response(body, status=exc.code)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.Response(status=401, text="Unauthorized")
        stored = self._file_paths.get(request.match_info["path"])
        if stored is None:
            return web.Response(status=404, text="Not Found")
        return web.Response(
            body=stored.content, content_type=stored.mime_type or "application/octet-stream"
        )

    # ----------------------------------------------------------------- fault injection

    def _take_fault(self, method: str, raw: JSON) -> Fault | None:
        queue = self._faults.get(method.lower())
        if not queue:
            return None
        for fault in queue:
            if fault.chat_id is None or str(fault.chat_id) == str(raw.get("chat_id")):
                queue.remove(fault)
                return fault
        return None

    async def _inject_fault(
        self, request: web.Request, method: str, raw: JSON, fault: Fault
    ) -> web.StreamResponse:
        self.failed_requests.append(FailedRequest(method, raw, fault.kind))
        self._notify()
        if fault.kind == "429":
            body = {
                "ok": False,
                "error_code": 429,
                "description": f"Too Many Requests: retry after {fault.retry_after}",
                "parameters": {"retry_after": fault.retry_after},
            }
            return web.json_response(body, status=429)
        if fault.kind == "502":
            body = {"ok": False, "error_code": 502, "description": "Bad Gateway"}
            return web.json_response(body, status=502)
        if fault.kind == "timeout":
            await self._wait_until(lambda: False, fault.hold)
        return await self._drop(request)

    async def _drop(self, request: web.Request) -> web.StreamResponse:
        """Close the connection without an answer (aiohttp then cancels this handler)."""
        if request.transport is not None:
            request.transport.close()
        await self._wait_until(lambda: False, 1.0)
        return web.Response(status=500)

    # ----------------------------------------------------------------- method table

    def _build_handlers(self) -> dict[str, Handler]:
        handlers: dict[str, Handler] = {
            "getMe": self._get_me,
            "getUpdates": self._get_updates,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "setChatMenuButton": self._set_chat_menu_button,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "sendChatAction": self._send_chat_action,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "getChat": self._get_chat,
            "getFile": self._get_file,
            "close": self._ok,
            "logOut": self._ok,
        }
        return {name.lower(): handler for name, handler in handlers.items()}

    async def _ok(self, params: JSON) -> bool:
        return True

    async def _get_me(self, params: JSON) -> JSON:
        return {
            **self.bot_user,
            "can_join_groups": True,
            "can_read_all_group_messages": not self.privacy_mode,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
            "has_topics_enabled": False,
            "allows_users_to_create_topics": False,
            "can_manage_bots": False,
            "supports_guest_queries": False,
        }

    async def _set_my_commands(self, params: JSON) -> bool:
        key = scope_key(params.get("scope"), params.get("language_code") or "")
        self._commands[key] = check_commands(self.spec, params["commands"])
        return True

    async def _get_my_commands(self, params: JSON) -> list[JSON]:
        return self.commands(params.get("scope"), params.get("language_code") or "")

    async def _set_chat_menu_button(self, params: JSON) -> bool:
        if "chat_id" in params:
            self._chat(params["chat_id"])
        button = params.get("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in MENU_BUTTON_TYPES:
            raise bad_request("can't parse menu button JSON object", f"got {button!r}")
        return True
