"""Test profile: fast password hashing, no DEBUG, in-memory e-mail."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("SECRET_KEY", "test-only-key-never-use-in-production-0123456789abcdefghij")
os.environ["DEBUG"] = "false"

from vangnet.settings.base import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Cheap Argon2id so the suite stays fast; production's cost is pinned by a test.
MELDINGEN_ARGON2_PASSES = 1
MELDINGEN_ARGON2_GEHEUGEN = 64 * 1024
# Encrypted attachments of the test run go to a private temporary folder.
MELDINGEN_MAP = Path(tempfile.mkdtemp(prefix="vangnet-meldingen-"))
STORAGES["meldingen"]["OPTIONS"]["location"] = str(MELDINGEN_MAP)

# Each test process keeps its caches in memory, whatever the database: the database cache is
# tested by the scale-out test (core/tests/test_schaal.py) and core/tests/test_cache.py.
CACHES = {
    naam: {**instellingen, "BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    for naam, instellingen in CACHES.items()  # noqa: F405
}
