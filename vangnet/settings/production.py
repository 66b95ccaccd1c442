"""Production profile: every value that matters must come from the environment.

Passes ``manage.py check --deploy`` with no warnings (pinned by a test).
"""

from vangnet.env import env_adres, env_bool, env_int, env_list, env_str
from vangnet.settings.base import *  # noqa: F403

DEBUG = False
# One JSON line per request (core/logboek.py), unless VANGNET_VERZOEKLOG=false.
VERZOEKLOG = env_bool("VANGNET_VERZOEKLOG", True)
LOGGING["loggers"]["vangnet.verzoek"]["level"] = "INFO" if VERZOEKLOG else "WARNING"  # noqa: F405
# The start-up check refuses unsafe values under this profile (vangnet/core/opstartcontrole.py).
VANGNET_PRODUCTIE = True
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["vangnet.be"])

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000, minimum=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# __Host-: only over HTTPS, for this exact host, Path=/ (bound to the host, so a sibling
# domain cannot plant one). The vault and the wegwijzer's cookies follow the same rule
# (core/toestelcookie.py). Development over plain http cannot use the prefix.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
LANGUAGE_COOKIE_NAME = "__Host-django_language"

# Receipts are looked up with this salt: it must be set, and never change.
MELDINGEN_ZOUT = env_str("MELDINGEN_ZOUT")
# Required: what search engines are told is this site's address (core/vindbaar.py).
VANGNET_ADRES = env_adres("VANGNET_ADRES")
