"""Messages of the mnist area: ``{key: {"en": ..., "ko": ...}}``."""

MESSAGES: dict[str, dict[str, str]] = {}
