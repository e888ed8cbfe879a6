"""The Bot API's HTTP client (handlers/transport.py): what PTB gets back when the network misbehaves, and proxies."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from handlers.transport import AiohttpRequest


@pytest.fixture
async def server():
    """A local server: /slow never answers in time, /drop closes the connection, /echo returns what came."""
    seen: list[tuple[str, bytes]] = []

    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(2)
        return web.json_response({"ok": True, "result": True})

    async def drop(request: web.Request) -> web.Response:
        request.transport.close()
        await asyncio.sleep(1)
        return web.Response()

    async def echo(request: web.Request) -> web.Response:
        seen.append((request.content_type, await request.read()))
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_post("/slow", slow)
    app.router.add_post("/drop", drop)
    app.router.add_post("/echo", echo)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", seen
    await runner.cleanup()


@pytest.fixture
async def client():
    request = AiohttpRequest(read_timeout=0.3, connect_timeout=1)
    await request.initialize()
    yield request
    await request.shutdown()


async def test_a_slow_answer_is_a_time_out_and_a_dropped_connection_a_network_error(server, client) -> None:
    base, _ = server
    with pytest.raises(TimedOut):
        await client.do_request(f"{base}/slow", "POST")
    with pytest.raises(NetworkError) as dropped:
        await client.do_request(f"{base}/drop", "POST")
    assert not isinstance(dropped.value, TimedOut)


async def test_parameters_go_as_one_json_body(server, client) -> None:
    base, seen = server
    data = RequestData([RequestParameter.from_input("chat_id", 5),
                         RequestParameter.from_input("text", "één <b>twee</b>")])
    status, body = await client.do_request(f"{base}/echo", "POST", data)
    assert status == 200 and body == b'{"ok": true, "result": true}'
    assert seen == [("application/json", '{"chat_id": 5, "text": "één <b>twee</b>"}'.encode())]


def test_proxies_come_from_the_environment_once_per_host(monkeypatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "localhost")
    request = AiohttpRequest()
    assert request._proxy_for("https://api.telegram.org/bot1:A/sendMessage") == "http://proxy.example:3128"
    assert request._proxy_for("http://localhost:8081/bot1:A/getMe") is None
    monkeypatch.delenv("HTTPS_PROXY")
    assert request._proxy_for("https://api.telegram.org/bot1:A/getMe") == "http://proxy.example:3128", "cached"
