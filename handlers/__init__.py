"""python-telegram-bot glue: Updates in, Bot API calls out. No decisions live here."""
