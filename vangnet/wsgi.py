"""WSGI entry point (gunicorn vangnet.wsgi).

Without ``DJANGO_SETTINGS_MODULE`` a server gets the production profile, which refuses to
start until SECRET_KEY, MELDINGEN_ZOUT and the other required values are set: a forgotten
variable must never serve the world with DEBUG on and the published development key.
(``manage.py`` keeps the development profile as its default, for developers.)
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vangnet.settings.production")

application = get_wsgi_application()
