"""Test tooling that lives in the repository: the fake Telegram Bot API (``testing.fakebot``)."""
