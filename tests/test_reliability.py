"""Reliability rules checked on the app's source: what may be shared between sessions."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP_FILES = [ROOT / "streamlit_app.py", *sorted((ROOT / "ui").glob("*.py"))]


def decorated_functions(decorator: str) -> dict[str, ast.FunctionDef]:
    """Return the app functions decorated with ``st.<decorator>`` (called or bare), by name."""
    found = {}
    for path in APP_FILES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef):
                continue
            for item in node.decorator_list:
                target = item.func if isinstance(item, ast.Call) else item
                if isinstance(target, ast.Attribute) and target.attr == decorator:
                    found[f"{path.name}:{node.name}"] = node
    return found


def test_cache_resource_holds_only_argument_free_shared_data():
    # cache_resource objects are shared by every session, so nothing a user chooses may key or fill them.
    shared = decorated_functions("cache_resource")
    assert set(shared) == {"mnist_settings.py:load_sample_cached"}
    for name, function in shared.items():
        assert not function.args.args, f"{name} takes arguments, so a user's input could reach the shared cache"


def test_user_data_loads_use_cache_data():
    cached = decorated_functions("cache_data")
    assert "mnist_settings.py:load_folder_cached" in cached
    assert any(name.startswith("prices_data.py:") for name in cached)


def test_upload_size_limit_is_configured():
    config = (ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "maxUploadSize" in config
    limit = int(config.split("maxUploadSize")[1].split("=")[1].split()[0])
    assert 1 <= limit <= 64
