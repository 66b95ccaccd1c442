"""WSGI entry point (gunicorn vangnet.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vangnet.settings.dev")

application = get_wsgi_application()
