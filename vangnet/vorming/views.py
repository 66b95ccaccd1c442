"""The training finder's page and the sessions feed.

Neither is kept in the page cache: both show only sessions that are not over yet, so they
depend on the time as well as on the content.
"""

from functools import partial

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from vangnet.core import vindbaar
from vangnet.vorming import kalender, vinder
from vangnet.vorming.forms import VormingForm
from vangnet.vorming.models import Sessie


def _komende_sessies():
    return Sessie.objects.komend().select_related("aanbod")


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The question, and once asked, the trainings that fit with their price for you."""
    gevraagd = any(name in request.GET for name in VormingForm.base_fields)
    form = VormingForm(request.GET if gevraagd else None)
    resultaten = None
    if gevraagd and form.is_valid():
        resultaten = vinder.zoek(form.vraag())
    context = {
        "form": form,
        "resultaten": resultaten,
        "sessies": _komende_sessies(),
    }
    status = 400 if gevraagd and form.errors else 200
    return render(request, "vorming/index.html", context, status=status)


@require_GET
def sessies_ics(request: HttpRequest) -> HttpResponse:
    """The upcoming sessions as an iCalendar feed (RFC 5545)."""
    body = kalender.feed(
        _komende_sessies(),
        partial(vindbaar.absoluut, request),
        gettext("Vangnet: vormingen tegen grensoverschrijdend gedrag"),
        nu=timezone.now(),
    )
    response = HttpResponse(body, content_type=kalender.MEDIA_TYPE)
    response["Content-Disposition"] = 'inline; filename="vangnet-sessies.ics"'
    return response
