"""The home page, the quick exit, the safe-browsing page and the health check."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from vangnet.begrippen.models import Begrip
from vangnet.core import gereedheid
from vangnet.core.pagecache import cached_page
from vangnet.kaart.models import Aanbod, Aanspreekpunt


@require_GET
@cached_page
def home(request: HttpRequest) -> HttpResponse:
    counts = {
        "aanspreekpunten": Aanspreekpunt.objects.count(),
        "aanbod": Aanbod.objects.count(),
        "begrippen": Begrip.objects.count(),
    }
    return render(request, "core/home.html", {"counts": counts})


@require_GET
@cached_page
def veilig_surfen(request: HttpRequest) -> HttpResponse:
    return render(request, "core/veilig_surfen.html")


def snel_weg(request: HttpRequest) -> HttpResponse:
    """Quick exit: forget this visit on the server and in the browser, then leave.

    The session is flushed, every cookie of this site is cleared (Clear-Site-Data), and the
    person lands on a neutral site. The link works without JavaScript; the script only adds
    the Shift-three-times shortcut.
    """
    request.session.flush()
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    for name in request.COOKIES:
        response.delete_cookie(name)
    return response


@require_GET
def gereed(request: HttpRequest) -> HttpResponse:
    """Readiness for a load balancer: the database answers and the cache keeps a value.
    503 with the part that failed, so the balancer sends people to another server."""
    delen = {"database": gereedheid.database(), "cache": gereedheid.cache()}
    status = 200 if all(delen.values()) else 503
    return JsonResponse(
        {deel: "ok" if goed else "fout" for deel, goed in delen.items()}, status=status
    )


def gezond(request: HttpRequest) -> HttpResponse:
    """Health check for load balancers; also the floor of the benchmark (no database)."""
    return HttpResponse("ok", content_type="text/plain")
