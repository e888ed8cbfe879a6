"""Bot API calls over aiohttp instead of PTB's default httpx.

python-telegram-bot lets the HTTP client be swapped (`BaseRequest`; its own `HTTPXRequest` is one). Every
update costs Wijkwijzer about three Bot API calls (the poll, the button's answer, the replies) and through
httpx/httpcore/anyio each call cost 1.4-2 ms of CPU; through aiohttp the same call costs 0.3-0.5 ms
(bench/throughput.py, README "Throughput"). PTB still builds every request and reads every answer: the
status codes, Telegram's errors (RetryAfter, BadRequest, Forbidden, ...) and the JSON are its own. Here only
the bytes go back and forth: the parameters as one JSON body (the Bot API takes JSON; a form would JSON-encode
every value and then URL-encode it), pictures and files as multipart. A time-out or a broken connection
becomes PTB's TimedOut or NetworkError, as with httpx, so the outbox retries them the same way.
"""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import urlsplit

import aiohttp
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

USER_AGENT = BaseRequest.USER_AGENT
JSON_BODY = {"Content-Type": "application/json"}
NOT_GIVEN = type(BaseRequest.DEFAULT_NONE)  # PTB's DefaultValue: what it passes for a timeout nobody set


def _seconds(value: object, default: float | None) -> float | None:
    """A timeout PTB passed (a number, or None: none) or its 'not given' marker (then our default)."""
    return default if isinstance(value, NOT_GIVEN) else value  # type: ignore[return-value]


class AiohttpRequest(BaseRequest):
    """One aiohttp session with a pool of keep-alive connections; opened in initialize, closed in shutdown."""

    def __init__(self, connection_pool_size: int = 256, read_timeout: float | None = 5.0,
                 connect_timeout: float | None = 5.0) -> None:
        self._pool_size = connection_pool_size
        self._read, self._connect = read_timeout, connect_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size), headers={"User-Agent": USER_AGENT},
                timeout=aiohttp.ClientTimeout(total=None))

    async def shutdown(self) -> None:
        if self._session is not None:
            session, self._session = self._session, None
            await session.close()

    def _proxy_for(self, url: str) -> str | None:
        """HTTPS_PROXY / NO_PROXY from the environment, as httpx honours them; looked up once per host (aiohttp's
        own trust_env would look twice per request, in a thread each time)."""
        parts = urlsplit(url)
        key = (parts.scheme, parts.netloc)
        if key not in self._proxies:
            bypass = parts.hostname is not None and urllib.request.proxy_bypass(parts.hostname)
            self._proxies[key] = None if bypass else urllib.request.getproxies().get(parts.scheme)
        return self._proxies[key]

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: float | None = BaseRequest.DEFAULT_NONE,
        write_timeout: float | None = BaseRequest.DEFAULT_NONE,
        connect_timeout: float | None = BaseRequest.DEFAULT_NONE,
        pool_timeout: float | None = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send the request; Telegram's answer as (status, body)."""
        if self._session is None:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        data: aiohttp.FormData | bytes | None = None
        headers = None
        if files:  # a picture or a file: multipart, as PTB's own client sends it
            data = aiohttp.FormData()
            for name, value in request_data.json_parameters.items():
                data.add_field(name, value)
            for name, (filename, content, mime) in files.items():
                data.add_field(name, content, filename=filename, content_type=mime)
        elif request_data is not None and request_data.parameters:  # one JSON body (Telegram takes JSON)
            data, headers = json.dumps(request_data.parameters, ensure_ascii=False).encode(), JSON_BODY
        connect, read = _seconds(connect_timeout, self._connect), _seconds(read_timeout, self._read)
        pool = _seconds(pool_timeout, None)
        # aiohttp has no write timeout of its own; reading the answer waits at most `read` between chunks
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=connect, sock_read=read,
                                        connect=None if connect is None else connect + (pool or 0))
        try:
            async with self._session.request(method, url, data=data, headers=headers, timeout=timeout,
                                             proxy=self._proxy_for(url)) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp.{type(exc).__name__}: {exc}") from exc
