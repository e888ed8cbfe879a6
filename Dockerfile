# Wijkwijzer on Telegram. Build: docker build -t wijkwijzer .
# Run:   docker run -e TELEGRAM_BOT_TOKEN=... -v wijkwijzer-data:/data wijkwijzer
# Own knowledge base: -v /path/to/kennisbank:/knowledge:ro -e WIJKWIJZER_KNOWLEDGE=/knowledge
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MPLBACKEND=Agg \
    MPLCONFIGDIR=/tmp/matplotlib \
    WIJKWIJZER_DB=/data/wijkwijzer.sqlite3 \
    WIJKWIJZER_KNOWLEDGE=/app/knowledge/voorbeeldstad

RUN useradd --create-home --uid 10001 wijkwijzer \
    && mkdir -p /data \
    && chown wijkwijzer:wijkwijzer /data

WORKDIR /app
# Dependencies first, in their own layer: a change to the code does not reinstall them.
COPY pyproject.toml README.md ./
RUN mkdir -p flows knowledge handlers store \
    && touch bot.py config.py flows/__init__.py knowledge/__init__.py handlers/__init__.py store/__init__.py \
    && pip install --no-cache-dir . \
    && pip uninstall --yes wijkwijzer
COPY bot.py config.py ./
COPY store ./store
COPY flows ./flows
COPY knowledge ./knowledge
COPY handlers ./handlers
RUN pip install --no-cache-dir --no-deps .

USER wijkwijzer
VOLUME ["/data"]
CMD ["python", "bot.py"]
