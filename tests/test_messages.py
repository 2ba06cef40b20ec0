import re
import string

import pytest

from forecast.errors import ForecastError
from forecast.messages import MESSAGES, Message, translate


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages(key):
    entry = MESSAGES[key]
    assert entry.get("en", "").strip(), f"{key} has no English text"
    assert entry.get("ko", "").strip(), f"{key} has no Korean text"


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_both_languages_use_same_placeholders(key):
    def fields(text):
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    assert fields(MESSAGES[key]["en"]) == fields(MESSAGES[key]["ko"])


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_korean_text_contains_hangul(key):
    text = MESSAGES[key]["ko"]
    # Labels that are field names in both languages (RMSE, GRU) need no Hangul.
    if re.fullmatch(r"[A-Za-z0-9 %().,:/+\-{}_]*", MESSAGES[key]["en"]) and MESSAGES[key]["en"] == text:
        return
    assert re.search("[가-힣]", text), f"{key}: {text!r}"


def test_error_renders_in_both_languages():
    error = ForecastError("unknown_model", "rnn", valid="gru, lstm, bilstm")
    assert "rnn" in error.message("en")
    assert "rnn" in error.message("ko")
    assert error.message("en") != error.message("ko")
    assert error.to_dict("ko") == {"error": "unknown_model", "message": error.message("ko")}


def test_unknown_key_and_placeholder_stay_visible():
    assert translate("no_such_key") == "no_such_key"
    assert "{needed}" in translate("too_few_rows", "en", value=3)
    assert Message("unknown_model", {"value": "x", "valid": "gru"}).text("ko").startswith("알 수 없는")
