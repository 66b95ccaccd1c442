"""What a request leaves behind in a worker: nothing that names a person outlives it.

A search can name somebody ("mijn regisseur Jansens ..."), a one-time enrolment link and a
personal calendar address carry a secret in their path. The platform stores and logs none of
these (docs/security.md); this module makes sure the process does not keep them either.

Python 3.11 caches ``urllib.parse.urlsplit`` (the last 128 distinct addresses). gunicorn
splits every request's address with it, so without this the worker would hold the last
128 addresses asked of it, query strings included, until they were pushed out.
"""

import urllib.parse


def wis_verzoeksporen() -> None:
    """Forget the addresses that parsing requests cached in the process (call it after each
    request; it costs microseconds)."""
    urllib.parse.urlsplit.cache_clear()
