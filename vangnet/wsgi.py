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

# Refuse a development secret or DEBUG before serving anyone; the database's durability is
# checked by gunicorn's master before it forks (gunicorn.conf.py), so importing this module
# never opens a connection.
from vangnet.core.opstartcontrole import weiger_onveilige_productie  # noqa: E402

weiger_onveilige_productie(met_database=False)

# Import every view now, while the worker boots, not in its first request: a worker that
# gunicorn starts (at boot, after max_requests, after a crash) must not spend its first
# request, and its time-out, on loading the URLconf.
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018 - the import is the point
