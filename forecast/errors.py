"""The package's one exception type, translated at the edge (CLI or app)."""

from __future__ import annotations

from typing import Any


class ForecastError(Exception):
    """A problem the user can fix: bad input, impossible settings, a failed download.

    Parameters
    ----------
    key : str
        Message key in ``forecast.messages``; the UI and the CLI turn it into
        Korean or English text.
    value : object, optional
        The offending value (a column name, a date string, a setting).
    **params
        Further placeholders used by the message text.
    """

    def __init__(self, key: str, value: Any = None, **params: Any) -> None:
        self.key = key
        self.value = value
        self.params = {"value": value, **params}
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """Return the message text in ``lang`` ("en" or "ko")."""
        from forecast.messages import translate

        return translate(self.key, lang, **self.params)

    def to_dict(self, lang: str = "en") -> dict[str, str]:
        """Return ``{"error": key, "message": text}`` for JSON output."""
        return {"error": self.key, "message": self.message(lang)}


class TrainingCancelled(ForecastError):
    """Raised when a progress callback requests a stop. No result is kept."""

    def __init__(self) -> None:
        super().__init__("training_cancelled")
