"""Settings come from the environment through typed helpers that refuse bad values."""

import os
import subprocess
import sys
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

import pytest

from vangnet.env import env_adres, env_bool, env_int, env_list, env_str

ROOT = Path(__file__).resolve().parents[3]


def test_a_boolean_accepts_the_usual_spellings(monkeypatch):
    for value, expected in [
        ("true", True),
        ("Yes", True),
        ("1", True),
        ("off", False),
        ("0", False),
    ]:
        monkeypatch.setenv("VANGNET_FLAG", value)
        assert env_bool("VANGNET_FLAG", not expected) is expected


def test_a_misspelt_boolean_stops_the_start(monkeypatch):
    monkeypatch.setenv("VANGNET_FLAG", "ture")
    with pytest.raises(ImproperlyConfigured, match="VANGNET_FLAG"):
        env_bool("VANGNET_FLAG", False)


def test_an_integer_below_its_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("VANGNET_HSTS", "600")
    with pytest.raises(ImproperlyConfigured, match="minimum"):
        env_int("VANGNET_HSTS", 63072000, minimum=31536000)


def test_a_non_integer_is_refused(monkeypatch):
    monkeypatch.setenv("VANGNET_N", "veel")
    with pytest.raises(ImproperlyConfigured, match="integer"):
        env_int("VANGNET_N", 1)


def test_a_required_string_without_default_is_refused(monkeypatch):
    monkeypatch.delenv("VANGNET_SECRET", raising=False)
    with pytest.raises(ImproperlyConfigured, match="required"):
        env_str("VANGNET_SECRET")


def test_a_list_is_split_on_commas(monkeypatch):
    monkeypatch.setenv("VANGNET_HOSTS", " a.be, b.be ,,")
    assert env_list("VANGNET_HOSTS", []) == ["a.be", "b.be"]


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("waarde", "verwacht"),
    [
        ("https://vangnet.be", "https://vangnet.be"),
        ("https://vangnet.be:8443/", "https://vangnet.be:8443"),
    ],
)
def test_the_sites_address_is_an_origin_without_a_trailing_slash(monkeypatch, waarde, verwacht):
    monkeypatch.setenv("VANGNET_ADRES", waarde)
    assert env_adres("VANGNET_ADRES") == verwacht


@pytest.mark.parametrize(
    "waarde",
    [
        "vangnet.be",
        "ftp://vangnet.be",
        "https://vangnet.be/nl/",
        "https://vangnet.be?x=1",
        "https://iemand@vangnet.be",
        "https://vangnet.be:poort",
        "https://",
    ],
)
def test_a_sites_address_with_a_path_or_without_a_scheme_stops_the_start(monkeypatch, waarde):
    monkeypatch.setenv("VANGNET_ADRES", waarde)
    with pytest.raises(ImproperlyConfigured, match="VANGNET_ADRES"):
        env_adres("VANGNET_ADRES", "")


def test_the_production_profile_refuses_to_start_without_the_sites_address():
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="vangnet.settings.production",
        SECRET_KEY="x7#kLp2!qZ9vR4mN8wT1yB6cF3hJ0sD5gA" + "eU2iO7pX4zV9nM1bQ8",
        MELDINGEN_ZOUT="een-vaste-zout-voor-deze-installatie",
        VANGNET_ADRES="",
    )
    assert result.returncode != 0
    assert "VANGNET_ADRES is required" in result.stderr


def test_the_production_profile_passes_the_deploy_check_without_warnings():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="vangnet.settings.production",
        SECRET_KEY="x7#kLp2!qZ9vR4mN8wT1yB6cF3hJ0sD5gA" + "eU2iO7pX4zV9nM1bQ8",
        ALLOWED_HOSTS="vangnet.example",
        MELDINGEN_ZOUT="een-vaste-zout-voor-deze-installatie",
        VANGNET_ADRES="https://vangnet.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_production_profile_refuses_to_start_without_a_secret_key():
    result = _manage("check", DJANGO_SETTINGS_MODULE="vangnet.settings.production", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY is required" in result.stderr


def test_the_production_profile_refuses_to_start_without_a_receipt_salt():
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="vangnet.settings.production",
        SECRET_KEY="x7#kLp2!qZ9vR4mN8wT1yB6cF3hJ0sD5gA" + "eU2iO7pX4zV9nM1bQ8",
        MELDINGEN_ZOUT="",
    )
    assert result.returncode != 0
    assert "MELDINGEN_ZOUT is required" in result.stderr


def test_a_bad_debug_value_stops_the_development_server():
    result = _manage("check", DJANGO_SETTINGS_MODULE="vangnet.settings.dev", DEBUG="ja")
    assert result.returncode != 0
    assert "DEBUG" in result.stderr
