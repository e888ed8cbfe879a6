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
COPY pyproject.toml README.md ./
COPY bot.py config.py ./
COPY store ./store
COPY flows ./flows
COPY knowledge ./knowledge
COPY handlers ./handlers
RUN pip install --no-cache-dir .

USER wijkwijzer
VOLUME ["/data"]
CMD ["python", "bot.py"]
