"""Messages of the evaluation area: ``{key: {"en": ..., "ko": ...}}``."""

MESSAGES: dict[str, dict[str, str]] = {}
