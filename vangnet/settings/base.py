"""Settings shared by every profile. Deployment values come from the environment (see env.py)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url

from vangnet.env import env_adres, env_bool, env_int, env_json, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = BASE_DIR / "data"

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
# The site's public address (https://vangnet.be): canonical addresses, hreflang alternates,
# the sitemap and robots.txt use it, never the Host of a request. Empty (development): the
# request's own host. Production requires it (settings/production.py).
VANGNET_ADRES = env_adres("VANGNET_ADRES", "")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # Django's admin, on a site that asks for a second factor (accounts/beheersite.py).
    "vangnet.accounts.apps.BeheerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # /sitemap.xml with the pages in nl, fr and en (core/vindbaar.py).
    "django.contrib.sitemaps",
    "reversion",
    "vangnet.core",
    "vangnet.accounts",
    "vangnet.kaart",
    "vangnet.begrippen",
    "vangnet.zoeken",
    "vangnet.inhoud",
    "vangnet.api",
    "vangnet.wegwijzer",
    "vangnet.toolbox",
    "vangnet.verplichtingen",
    "vangnet.vorming",
    "vangnet.quickscan",
    "vangnet.pool",
    "vangnet.meldingen",
    "vangnet.aanvragen",
    "vangnet.reservekopie",
    "vangnet.monitoring",
    "vangnet.actieplan",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    # Outermost: one log line per request, whatever answered it (core/logboek.py).
    "vangnet.core.logboek.VerzoekLogMiddleware",
    "vangnet.core.middleware.SecurityHeadersMiddleware",
    # A database outage answers 503 (core/storing.py), with the headers above.
    "vangnet.core.storing.DatabankStoringMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "vangnet.meldingen.kluis.KluisMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "vangnet.urls"
WSGI_APPLICATION = "vangnet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "vangnet" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "vangnet.core.context_processors.site",
                "vangnet.core.vindbaar.context",
            ],
        },
    }
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'vangnet.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0),
        # A kept connection is tested before a request reuses it: after a database restart
        # the first request gets a new connection instead of an error (core/storing.py).
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL for concurrent readers, FULL sync so an acknowledged write survives a power loss,
    # IMMEDIATE transactions so writers queue instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; "
        "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("fr", _("Français")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "nl"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("nl",)
LOCALE_PATHS = [BASE_DIR / "vangnet" / "locale"]
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# What every app server must share lives in the database (docs/adr/0016-...): sessions
# (Django's database sessions, the default engine), rate limits and locks (accounts/drempels.py,
# rows locked with select_for_update), the content version (inhoud/versie.py), and on
# PostgreSQL the caches too. "database": Django's DatabaseCache, tables made by migrate
# (core/apps.py); "lokaal": this process's memory, enough for one server (the SQLite profile).
_GEDEELD = DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3"
VANGNET_CACHE = env_str("VANGNET_CACHE", "database" if _GEDEELD else "lokaal")
if VANGNET_CACHE not in {"database", "lokaal"}:
    raise ImproperlyConfigured("VANGNET_CACHE must be 'database' or 'lokaal'")


def _cache(naam: str, **instellingen) -> dict:
    if VANGNET_CACHE == "database":
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": f"vangnet_cache_{naam}",
            **instellingen,
        }
    return {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": naam,
        **instellingen,
    }


CACHES = {
    "default": _cache("default"),
    # Rendered public pages, keyed on the content version (see vangnet/core/pagecache.py).
    "pages": _cache(
        "pages",
        TIMEOUT=env_int("PAGE_CACHE_SECONDS", 600, minimum=0),
        OPTIONS={"MAX_ENTRIES": env_int("PAGE_CACHE_ENTRIES", 5000, minimum=1)},
    ),
    # Template fragments that are the same for everyone ({% cache ... using="fragmenten" %}):
    # the chrome of base.html, a contact point's part of a route step. Always in the process,
    # also on PostgreSQL: a key holds the content version or depends on nothing that changes
    # at run time, so a process never serves a stale fragment, and a fragment is cheaper to
    # render again than a query to fetch it (ADR 0019).
    "fragmenten": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "fragmenten",
        "TIMEOUT": None,
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

# Sessions and cookies: nothing readable by scripts, nothing sent cross-site.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = True
# A session cookie, not Django's default of a year: the token of a reporting form must not
# outlive the browser session on a shared device (docs/security.md).
CSRF_COOKIE_AGE = None
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# same-origin, not no-referrer: with no-referrer browsers send "Origin: null" on form posts,
# which Django's CSRF check rightly refuses. Other sites still never get a referrer.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Where the quick exit ("Snel weg") sends a person: a neutral site without personal content.
QUICK_EXIT_URL = env_str("QUICK_EXIT_URL", "https://www.meteo.be/nl/belgie")

# Set by the benchmark only: adds a Server-Timing header with the server-side duration.
SERVER_TIMING = env_bool("SERVER_TIMING", False)

# One JSON line per request and per event, without addresses, query strings, report content
# or receipts (core/logboek.py). The request lines are on in production (VANGNET_VERZOEKLOG).
VERZOEKLOG = env_bool("VANGNET_VERZOEKLOG", False)
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "vangnet.core.logboek.JsonFormatter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Django's request logger would write the path of every 4xx; keep it to errors.
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        "vangnet.verzoek": {
            "handlers": ["console"],
            "level": "INFO" if VERZOEKLOG else "WARNING",
            "propagate": False,
        },
    },
}

# How many proxies of our own stand in front of the app, each appending the address it saw to
# X-Forwarded-For (docs/deploy.md). 0: none, REMOTE_ADDR is the client and the header is
# ignored. Only used to count attempts per bucket of addresses (accounts/drempels.py).
TRUSTED_PROXY_HOPS = env_int("VANGNET_TRUSTED_PROXY_HOPS", 0, minimum=0)

# The reporting channel (vangnet/meldingen; docs/security.md).
# Argon2id cost for receipts and handlers' key passwords: OWASP's minimum is 19 MiB, 2 passes.
MELDINGEN_ARGON2_PASSES = env_int("MELDINGEN_ARGON2_PASSES", 2, minimum=2)
MELDINGEN_ARGON2_GEHEUGEN = env_int("MELDINGEN_ARGON2_MIB", 19, minimum=19) * 1024 * 1024
# Deployment-wide salt of the receipt lookup; changing it makes every receipt unusable.
MELDINGEN_ZOUT = env_str("MELDINGEN_ZOUT", "vangnet-ontwikkeling")
# Encrypted attachments; a copy of this folder reveals no content.
MELDINGEN_MAP = Path(env_str("MELDINGEN_MAP", str(BASE_DIR / "media" / "meldingen")))
# Through the storage API (meldingen/opslag.py): the default keeps them on this machine's
# disk and syncs every file before a receipt is shown; a deployment with several app servers
# names a shared backend (django-storages) and its options here (docs/deploy.md).
STORAGES["meldingen"] = {
    "BACKEND": env_str("MELDINGEN_OPSLAG", "vangnet.meldingen.opslag.DuurzameOpslag"),
    "OPTIONS": env_json(
        "MELDINGEN_OPSLAG_OPTIES",
        {
            "location": str(MELDINGEN_MAP),
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    ),
}
# Idle timeouts: a handler's session ends after 30 minutes, a reporter's after 15.
MELDINGEN_TIMEOUT_BEHANDELAAR = env_int("MELDINGEN_TIMEOUT_BEHANDELAAR", 30 * 60, minimum=60)
MELDINGEN_TIMEOUT_PARTIJ = env_int("MELDINGEN_TIMEOUT_PARTIJ", 15 * 60, minimum=60)
OTP_TOTP_ISSUER = "Vangnet"
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
# One attempt to hand a notice to the mail server may take this long; notices are sent
# outside requests (meldingen/post.py, manage.py verstuur_berichten).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10, minimum=1)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Vangnet <geen-antwoord@vangnet.be>")
