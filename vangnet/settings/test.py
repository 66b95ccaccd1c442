"""Test profile: fast password hashing, no DEBUG, in-memory e-mail."""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key-never-use-in-production-0123456789abcdefghij")
os.environ["DEBUG"] = "false"

from vangnet.settings.base import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
