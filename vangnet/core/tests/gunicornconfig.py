"""Test helper: the project's gunicorn.conf.py as a module, so tests can call its hooks."""

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[3]


def gunicorn_config() -> ModuleType:
    """gunicorn.conf.py loaded as gunicorn loads it (it is not an importable module name)."""
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
