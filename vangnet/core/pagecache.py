"""A server-side cache of whole public pages, keyed on the content version.

Public pages depend only on the content, the language and the address, so a rendered page
can be served again until the content changes. The key holds the content version read from
the database (one indexed query), so every process serves the same version and an edit is
visible at once everywhere; no process has to tell another. The cache itself is local to a
process (LocMemCache by default) and holds no personal data: only rendered public pages,
under a hash of their address. Browsers still get ``Cache-Control: no-store``.

A page for a search (``?q=``, or HSDS's ``?search=``) is never cached: it holds what a
person typed, which can name someone, and no query is kept anywhere, not even in memory
(docs/search.md, "Privacy").
"""

import hashlib
from collections.abc import Callable
from functools import wraps

from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

from vangnet.inhoud.versie import huidige

CACHE = "pages"
#: Parameters that carry what a person typed into a search box.
ZOEKPARAMETERS = ("q", "search")


def cached_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a GET view's 200 responses from the page cache while the content is unchanged."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method != "GET" or any(request.GET.get(p) for p in ZOEKPARAMETERS):
            return view(request, *args, **kwargs)
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"pagina:{huidige()}:{get_language()}:{address}"
        cache = caches[CACHE]
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            return HttpResponse(content, headers=headers)
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming and not response.cookies:
            headers = {k: v for k, v in response.items() if k.lower() not in {"set-cookie"}}
            cache.set(key, (response.content, headers))
        return response

    return wrapper
