"""gunicorn settings read from the project folder (gunicorn loads ./gunicorn.conf.py).
See docs/deploy.md ("The application servers").

The access log, when switched on (``--access-logfile``), records no client address, no
user agent and no query string: reporters are never identified by the platform's logs
(docs/security.md, "Meldingen").
"""

import multiprocessing
import os

access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

# Sync workers: a report's key derivation (Argon2id, 19 MiB) is CPU work, so one request
# per process; two per core plus one keeps the cores busy while others wait on the database.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
# A request slower than this is a fault: the worker is replaced, the proxy answers 502.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# On a restart (HUP) or shutdown (TERM) a worker finishes what it is doing first.
graceful_timeout = 30
# Replace each worker after about a thousand requests, not all at the same moment.
max_requests = 1000
max_requests_jitter = 100
keepalive = 5
# The heartbeat file lives in memory, not on a disk that may stall.
_GEHEUGEN = "/dev/shm"  # noqa: S108 - gunicorn's own heartbeat files, created by gunicorn
worker_tmp_dir = _GEHEUGEN if os.path.isdir(_GEHEUGEN) else None
# Only the proxy on this machine may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def on_starting(server) -> None:
    """Before any worker starts: refuse production with a development secret, DEBUG or a
    database that may lose a committed report (vangnet/core/opstartcontrole.py)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vangnet.settings.production")
    import django

    django.setup()
    from vangnet.core.opstartcontrole import weiger_onveilige_productie

    weiger_onveilige_productie(met_database=True)


def post_worker_init(worker) -> None:
    """The application is loaded: what it loaded lives as long as the worker, so the garbage
    collector stops walking it (vangnet/core/afvalophaling.py)."""
    from vangnet.core.afvalophaling import bevries_wat_blijft

    bevries_wat_blijft()


def post_request(worker, req, environ, resp) -> None:
    """After each request the worker forgets the address it was asked (query strings can
    name people: vangnet/core/sporen.py); after the first requests, what they built for
    good is frozen too."""
    from vangnet.core.afvalophaling import na_verzoek
    from vangnet.core.sporen import wis_verzoeksporen

    wis_verzoeksporen()
    na_verzoek(worker.nr)
