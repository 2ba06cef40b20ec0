"""Messages of the prices area: ``{key: {"en": ..., "ko": ...}}``."""

MESSAGES: dict[str, dict[str, str]] = {}
