"""The conversation itself: what to ask next and what to say. Never imports telegram."""
