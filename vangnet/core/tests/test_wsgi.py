"""The server entry point never falls back to the development profile (audit, issue 12)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SECRET = "x7#kLp2!qZ9vR4mN8wT1yB6cF3hJ0sD5gA" + "eU2iO7pX4zV9nM1bQ8"
LOAD = (
    "import vangnet.wsgi; from django.conf import settings; "
    "print(settings.SETTINGS_MODULE, settings.DEBUG)"
)


def _load_wsgi(**env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"DJANGO_SETTINGS_MODULE", "DEBUG", "SECRET_KEY", "MELDINGEN_ZOUT", "VANGNET_ADRES"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", LOAD],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_wsgi_without_a_settings_module_falls_back_to_production_not_to_dev_settings():
    result = _load_wsgi()
    assert result.returncode != 0, result.stdout
    assert "SECRET_KEY is required" in result.stderr


def test_wsgi_without_a_settings_module_runs_production_once_its_values_are_set():
    result = _load_wsgi(
        SECRET_KEY=SECRET, MELDINGEN_ZOUT="een-vaste-zout", VANGNET_ADRES="https://vangnet.be"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["vangnet.settings.production", "False"]
