"""Development profile: the defaults `make run` uses. Safe on a laptop, never in production."""

import os

os.environ.setdefault("DEBUG", "true")
# A fixed development key: sessions made with it are worthless anywhere else.
os.environ.setdefault("SECRET_KEY", "dev-only-key-never-use-in-production-0123456789abcdefghij")

from vangnet.settings.base import *  # noqa: E402, F403

SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# Serve static files straight from the apps (no collectstatic needed), also with DEBUG=false.
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG  # noqa: F405

# E-mails ("there is news" notices) are written to files instead of sent: printed, they would
# put a reporter's address in the server's log.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = BASE_DIR / ".mail"  # noqa: F405
