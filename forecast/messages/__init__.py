"""Korean and English text for everything a user reads, keyed by message id.

Each submodule (one per area, found automatically) holds its catalogue as ``{key: {"en": ..., "ko": ...}}``;
placeholders use ``str.format`` names (``{value}``, ``{window}`` ...). The app and the
CLI translate through :func:`translate`, so both show the same wording.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("en", "ko")


def _merge(*catalogues: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for catalogue in catalogues:
        clash = merged.keys() & catalogue.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice: {sorted(clash)}")
        merged.update(catalogue)
    return merged


def _load_catalogues() -> dict[str, dict[str, str]]:
    names = sorted(module.name for module in pkgutil.iter_modules(__path__))
    return _merge(*(importlib.import_module(f"{__name__}.{name}").MESSAGES for name in names))


MESSAGES = _load_catalogues()


class _KeepMissing(dict):
    """Format mapping that leaves unknown placeholders visible instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def translate(key: str, lang: str = "en", **params: Any) -> str:
    """Return the text of message ``key`` in ``lang``, with placeholders filled.

    An unknown key returns the key itself, so a missing entry shows up on screen
    and in ``tests/test_messages.py`` instead of crashing the caller.
    """
    entry = MESSAGES.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["en"]
    return text.format_map(_KeepMissing(params))


def default_language() -> str:
    """Return "ko" when the process locale (LC_ALL, LC_MESSAGES, LANG) is Korean, else "en"."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "ko" if value.lower().startswith("ko") else "en"
    return "en"


@dataclass(frozen=True)
class Message:
    """A translatable note, such as one line of a loading report."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return translate(self.key, lang, **self.params)
