# Wijkwijzer on Telegram. Build: docker build -t wijkwijzer .
# Run:  docker run -e TELEGRAM_BOT_TOKEN=... -e WIJKWIJZER_KNOWLEDGE=/knowledge \
#           -v /srv/kennisbank:/knowledge:ro -v wijkwijzer-data:/data wijkwijzer
# The image has NO knowledge base by default: it asks for WIJKWIJZER_KNOWLEDGE (or =sample for the fictional demo).
# README "For the municipality's IT" has volumes, backups, webhook mode, logs and the privacy paperwork.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MPLBACKEND=Agg \
    MPLCONFIGDIR=/tmp/matplotlib \
    WIJKWIJZER_HOME=/data \
    WIJKWIJZER_DB=/data/wijkwijzer.sqlite3 \
    WIJKWIJZER_REQUIRE_KNOWLEDGE=1 \
    WIJKWIJZER_WEBHOOK_LISTEN=0.0.0.0 \
    WIJKWIJZER_WEBHOOK_PORT=8080

RUN useradd --create-home --uid 10001 wijkwijzer \
    && mkdir -p /data \
    && chown wijkwijzer:wijkwijzer /data

WORKDIR /app
# Dependencies first, in their own layer: only a change to pyproject.toml reinstalls them
# (an empty stand-in package is installed for its dependencies, then removed).
COPY pyproject.toml ./
RUN mkdir -p flows knowledge handlers store \
    && touch README.md bot.py cli.py config.py flows/__init__.py knowledge/__init__.py handlers/__init__.py store/__init__.py \
    && pip install --no-cache-dir . \
    && pip uninstall --yes wijkwijzer \
    && rm -rf README.md bot.py cli.py config.py flows knowledge handlers store build *.egg-info
# The program itself: run from /app as `python bot.py`.
COPY bot.py cli.py config.py ./
COPY store ./store
COPY flows ./flows
COPY knowledge ./knowledge
COPY handlers ./handlers

USER wijkwijzer
VOLUME ["/data"]
EXPOSE 8080
# Polling and webhook mode alike: the database answers and the last tick (every 30 s) is recent.
HEALTHCHECK --interval=30s --timeout=15s --start-period=60s --retries=3 CMD ["python", "bot.py", "health"]
CMD ["python", "bot.py"]
