"""While the database is away: a clear 503 instead of a 500, and nothing cached broken.

A lost or refused database connection (``OperationalError``, ``InterfaceError``: the server
is down, restarting or unreachable, the file cannot be opened, a lock that does not clear)
is not a bug in a page but an outage. People then get a short page that says so, in their
language, with the quick exit and the emergency numbers, rendered without the database;
the API answers the same in JSON. Django opens a new connection for the next request
(``CONN_HEALTH_CHECKS`` in settings/base.py), so the site recovers by itself.

The reporting form handles an outage itself (meldingen/views_melder.py): it keeps what was
typed and says plainly that nothing was sent.
"""

import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

# Seconds a client (or a load balancer) should wait before trying again.
OPNIEUW_NA = 30


def is_storing(fout: BaseException | None) -> bool:
    """Whether ``fout`` means the database is unreachable (an outage, not a bug)."""
    return isinstance(fout, OperationalError | InterfaceError)


def antwoord(request: HttpRequest, template: str = "503.html", context=None) -> HttpResponse:
    """The 503 for this request: JSON under /api/, else a page. Touches no database."""
    if request.path.startswith("/api/"):
        response = JsonResponse(
            {"fout": "De databank is tijdelijk niet bereikbaar. Probeer het later opnieuw."},
            status=503,
        )
    else:
        # Without a RequestContext on purpose: no context processor may reach for the
        # session or the user, which live in the database.
        inhoud = render_to_string(template, {"request": request, **(context or {})})
        response = HttpResponse(inhoud, status=503)
    response["Retry-After"] = str(OPNIEUW_NA)
    return response


def meld(request: HttpRequest, fout: BaseException) -> None:
    """Log the outage (the path only: no query string, no address)."""
    logger.error("Databank onbereikbaar bij %s %s: %s", request.method, request.path, fout)


class DatabankStoringMiddleware:
    """Turns a database outage in a view into the 503 of ``antwoord``."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_storing(exception):
            return None
        meld(request, exception)
        return antwoord(request)


def serverfout(request: HttpRequest) -> HttpResponse:
    """``handler500``: an outage met outside a view (e.g. saving the session) is a 503 too."""
    fout = sys.exc_info()[1]
    if is_storing(fout):
        return antwoord(request)
    return HttpResponse(render_to_string("500.html", {"request": request}), status=500)
