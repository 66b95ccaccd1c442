"""Typed access to environment variables that fails loudly on bad values.

Every setting that comes from the environment is read here, so that a typo in
a deployment (``DEBUG=ture``) stops the process at start-up instead of
silently meaning something else.
"""

import json
import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_str(name: str, default: str | None = None) -> str:
    """Return the variable as a string; without a default it is required."""
    value = os.environ.get(name)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"Environment variable {name} is required")
        return default
    return value


def env_bool(name: str, default: bool) -> bool:
    """Return a boolean; only 1/0, true/false, yes/no, on/off are accepted."""
    value = os.environ.get(name, "").strip().lower()
    if value == "":
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"Unexpected value {name}={os.environ[name]!r}; use true/false, yes/no, on/off or 1/0"
    )


def env_int(name: str, default: int, minimum: int | None = None) -> int:
    """Return an integer, refusing anything that is not one (or is below ``minimum``)."""
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(
            f"Unexpected value {name}={raw!r}; expected an integer"
        ) from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name}={value} is below the minimum of {minimum}")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    """Return a comma-separated list, stripped of blanks."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_json(name: str, default: dict) -> dict:
    """Return a JSON object (the options of a storage backend, say)."""
    raw = os.environ.get(name, "").strip()
    if raw == "":
        return dict(default)
    try:
        value = json.loads(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} is not valid JSON") from None
    if not isinstance(value, dict):
        raise ImproperlyConfigured(f"{name} must be a JSON object")
    return value


def env_adres(name: str, default: str | None = None) -> str:
    """Return a site's public address: ``https://host`` or ``https://host:port``, without a
    path, query or fragment (a trailing ``/`` is dropped). ``http://`` is accepted here; the
    production start-up check refuses it. Without a default it is required; an empty
    default means "not set"."""
    raw = os.environ.get(name, "").strip()
    if raw == "":
        if default is None:
            raise ImproperlyConfigured(f"Environment variable {name} is required")
        return default
    adres = raw[:-1] if raw.endswith("/") else raw
    try:
        delen = urlsplit(adres)
        delen.port  # noqa: B018 - reading it checks the port
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an address") from None
    if (
        delen.scheme not in ("https", "http")
        or not delen.hostname
        or delen.path
        or delen.query
        or delen.fragment
        or "@" in delen.netloc
    ):
        raise ImproperlyConfigured(
            f"{name}={raw!r}: expected the site's address alone, like https://vangnet.be"
        )
    return adres
