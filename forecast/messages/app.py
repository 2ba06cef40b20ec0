"""Messages of the app area: ``{key: {"en": ..., "ko": ...}}``."""

MESSAGES: dict[str, dict[str, str]] = {}
