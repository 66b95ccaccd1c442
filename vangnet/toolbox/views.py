"""The toolbox for organisations: its index, the reaction guide and the peer-support page."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from vangnet.core.pagecache import cached_page
from vangnet.toolbox import lotgenoten as peer
from vangnet.toolbox.choices import Fase
from vangnet.toolbox.models import Reactiestap

# (URL name, title, one line) of every tool, in the order an organisation needs them.
# Tools of other apps are shown only when their URL exists.
TOOLS = (
    (
        "quickscan:start",
        _("Quickscan van je beleid"),
        _("Kijk in een paar minuten hoe ver je organisatie staat met haar beleid."),
    ),
    (
        "verplichtingen:index",
        _("Wat moet je organisatie doen?"),
        _("Welke wettelijke plichten je hebt, volgens je grootte en wie er voor je werkt."),
    ),
    (
        "vorming:index",
        _("Vorming en opleiding vinden"),
        _("Trainingen voor leidinggevenden, vertrouwenspersonen en teams, met de prijs voor jou."),
    ),
    (
        "toolbox:na-een-incident",
        _("Na een incident"),
        _("Een stappenplan van het eerste gesprek tot de nazorg, om af te drukken."),
    ),
    (
        "pool:index",
        _("Freelance vertrouwenspersonen"),
        _("Een vertrouwenspersoon buiten je organisatie, gekozen op taal, regio en discipline."),
    ),
    (
        "toolbox:lotgenoten",
        _("Lotgenoten en peer support"),
        _("Praatgroepen en ontmoetingen met mensen die hetzelfde meemaakten."),
    ),
)


def _tools() -> list[dict]:
    tools = []
    for naam, titel, uitleg in TOOLS:
        try:
            url = reverse(naam)
        except NoReverseMatch:
            continue  # that tool is not there (yet)
        tools.append({"url": url, "titel": titel, "uitleg": uitleg})
    return tools


@require_GET
@cached_page
def index(request: HttpRequest) -> HttpResponse:
    """The organisation tools, one line each."""
    return render(request, "toolbox/index.html", {"tools": _tools()})


@require_GET
def na_een_incident(request: HttpRequest) -> HttpResponse:
    """The reaction guide (action 3.2): the steps per phase, printable."""
    stappen = list(Reactiestap.objects.prefetch_related("wie_bellen").order_by("volgorde"))
    fasen = [(fase, [s for s in stappen if s.fase == fase.value]) for fase in Fase]
    advies = {p.pk: p for s in stappen for p in s.wie_bellen.all()}
    context = {
        "fasen": [(fase, lijst) for fase, lijst in fasen if lijst],
        "adviespunten": sorted(advies.values(), key=lambda p: p.naam.casefold()),
        "bronnen": list(dict.fromkeys(b for s in stappen for b in s.bron)),
    }
    return render(request, "toolbox/na_een_incident.html", context)


@require_GET
@cached_page
def lotgenoten(request: HttpRequest) -> HttpResponse:
    """Peer support (action 2.7), from the kaart's peer-support contact points and offering."""
    context = {
        "initiatieven": peer.initiatieven(),
        "centraal": peer.centraal_aanspreekpunt(),
    }
    return render(request, "toolbox/lotgenoten.html", context)
