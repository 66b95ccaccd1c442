"""The wegwijzer's pages: the interview, its result, the disclosure guide and the vangnet.

Views stay thin: the questions live in ``vragen.py``, the route in ``routing.py``, the
person's answers in a cookie on their own device (``bewaring.py``).
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from vangnet.core.pagecache import cached_page
from vangnet.inhoud.versie import huidige
from vangnet.kaart.choices import Sector
from vangnet.wegwijzer import bewaring, schema, weergave
from vangnet.wegwijzer.kaartbeeld import punten
from vangnet.wegwijzer.models import Onderdeel, Opvangstap
from vangnet.wegwijzer.routing import route
from vangnet.wegwijzer.vragen import (
    PER_ID,
    PLAATS,
    VRAGEN,
    Vraag,
    afgeleid,
    gestelde,
    volgende,
)

ONZEKER = "onzeker"


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """What the wegwijzer is, how long it takes, and where the answers stay.

    This page sets no cookie: the interview begins with the first answer. A poster's QR code
    may bring a sector along (``?sector=``), never anything about a person.
    """
    bezig = bool(bewaring.lees(request).beantwoord)
    sector = request.GET.get("sector", "")
    eerste = reverse("wegwijzer:vraag", args=[VRAGEN[0].id])
    if sector in Sector.values:
        eerste += "?" + urlencode({"sector": sector})
    if not bezig:
        # The same for everyone who has not started: a public page, with no form and no cookie.
        return _start_voor_iedereen(request, eerste)
    return render(request, "wegwijzer/start.html", {"eerste": eerste, "bezig": True})


@cached_page
def _start_voor_iedereen(request: HttpRequest, eerste: str) -> HttpResponse:
    return render(request, "wegwijzer/start.html", {"eerste": eerste, "bezig": False})


@require_http_methods(["GET", "POST"])
def vraag(request: HttpRequest, vraag_id: str) -> HttpResponse:
    """One question per page; the answer goes into the cookie, then on to the next question."""
    v = PER_ID.get(vraag_id)
    if v is None:
        raise Http404
    gesprek = bewaring.lees(request)
    terug_naar_controle = request.GET.get("terug") == "controleren"
    fout = ""
    gekozen = _gekozen(v, gesprek) if v.id in gesprek.beantwoord else []
    if request.method == "POST":
        gekozen = request.POST.getlist("antwoord")
        waarde, fout = _lees_antwoord(v, gekozen)
        if not fout:
            gesprek = afgeleid(gesprek.beantwoord_met(v.id, waarde), v.id)
            sector = request.GET.get("sector", "")
            if sector in Sector.values and "sector" not in gesprek.beantwoord:
                gesprek = gesprek.beantwoord_met("sector", sector, afgeleid=True)
            doel = _volgende_url(gesprek)
            if terug_naar_controle and doel == reverse("wegwijzer:controleren"):
                doel = reverse("wegwijzer:controleren")
            response = HttpResponseRedirect(doel)
            bewaring.bewaar(response, gesprek)
            return response
    context = {
        "vraag": v,
        "fout": fout,
        "onzeker": ONZEKER,
        "terug_naar_controle": terug_naar_controle,
        # The title speaks to this person's place (a witness, the accused).
        "titel": v.titel_voor(gesprek.antwoorden),
        "stap": _stapnummer(v, gesprek),
        "terug": _vorige_url(v, gesprek, terug_naar_controle),
        "gekozen": [w for w in gekozen if w in v.waarden()],
    }
    return render(request, "wegwijzer/vraag.html", context, status=400 if fout else 200)


@require_GET
def controleren(request: HttpRequest) -> HttpResponse:
    """Check your answers, with a change link per answer (GOV.UK check-answers pattern)."""
    gesprek = bewaring.lees(request)
    if not gesprek.beantwoord:
        return HttpResponseRedirect(reverse("wegwijzer:start"))
    versie = huidige()
    gesteld = gestelde(gesprek.antwoorden, gesprek.beantwoord)
    rijen = [(v, v.labels(gesprek.antwoorden), _wijzig_url(v.id)) for v in gesteld]
    nog = volgende(gesprek.antwoorden, gesprek.beantwoord, punten(versie), gesprek.afgeleid)
    if nog:
        verder = (reverse("wegwijzer:vraag", args=[nog.id]), _("Nog een vraag beantwoorden"))
    else:
        verder = (reverse("wegwijzer:resultaat"), _("Toon mijn route"))
    context = {"rijen": rijen, "verder_url": verder[0], "verder_tekst": verder[1]}
    return render(request, "wegwijzer/controleren.html", context)


def _route_context(gesprek: bewaring.Gesprek) -> dict:
    """What every page of a person's route needs: the route itself, and the content version
    and language its fragments are kept under (read once per request)."""
    versie = huidige()
    r = route(gesprek.antwoorden, punten(versie))
    return {"route": weergave.route(r, timezone.now()), "versie": versie, "taal": get_language()}


@require_GET
def resultaat(request: HttpRequest) -> HttpResponse:
    """The route. It shows no answers, so printing it reveals only where to go."""
    gesprek = bewaring.lees(request)
    if not gesprek.beantwoord:
        return HttpResponseRedirect(reverse("wegwijzer:start"))
    context = _route_context(gesprek)
    # The questions this person was asked, to choose which answers go into the file.
    context["vragen"] = [(v.id, v.kort) for v in gestelde(gesprek.antwoorden, gesprek.beantwoord)]
    return render(request, "wegwijzer/resultaat.html", context)


@require_GET
def resultaat_meer(request: HttpRequest) -> HttpResponse:
    """The rest of the route and what does not fit, one tap from the first steps."""
    gesprek = bewaring.lees(request)
    if not gesprek.beantwoord:
        return HttpResponseRedirect(reverse("wegwijzer:start"))
    return render(request, "wegwijzer/resultaat_meer.html", _route_context(gesprek))


@require_POST
def bewaren(request: HttpRequest) -> HttpResponse:
    """The route as a file to keep, with only the answers the person ticked."""
    gesprek = bewaring.lees(request)
    if not gesprek.beantwoord:
        return HttpResponseRedirect(reverse("wegwijzer:start"))
    gekozen = set(request.POST.getlist("bewaar"))
    context = _route_context(gesprek) | {
        "alles_open": True,
        "antwoorden": [
            (v, v.labels(gesprek.antwoorden))
            for v in gestelde(gesprek.antwoorden, gesprek.beantwoord)
            if v.id in gekozen
        ],
        "gemaakt": timezone.localtime(),
    }
    response = render(request, "wegwijzer/bewaren.html", context)
    response["Content-Disposition"] = 'attachment; filename="vangnet-mijn-route.html"'
    return response


@require_POST
def wissen(request: HttpRequest) -> HttpResponse:
    """Forget every answer now (the cookie is deleted)."""
    response = HttpResponseRedirect(reverse("wegwijzer:start") + "?gewist=1")
    bewaring.wis(response)
    return response


@require_GET
@cached_page
def eerste_opvang(request: HttpRequest) -> HttpResponse:
    """For a colleague, stage manager or leader who is told what happened (action 1.5.c)."""
    stappen = Opvangstap.objects.prefetch_related("verwijst_naar").order_by("volgorde")
    onderdelen = [
        (onderdeel, [s for s in stappen if s.onderdeel == onderdeel.value])
        for onderdeel in Onderdeel
    ]
    return render(request, "wegwijzer/eerste_opvang.html", {"onderdelen": onderdelen})


@require_GET
@cached_page
def vangnet(request: HttpRequest) -> HttpResponse:
    """The vangnet as a flowchart and a directory, one accessible page from the kaart's data."""
    return render(request, "wegwijzer/vangnet.html", {"schema": schema.stroomschema()})


@require_GET
def kort(request: HttpRequest, punt_id: str) -> HttpResponse:
    """``/a/<id>/``, the short address a poster prints: on to the contact point's page."""
    punt = punten().get(punt_id)
    if punt is None:
        raise Http404
    return HttpResponseRedirect(punt.url)


# -- helpers ------------------------------------------------------------------------------


def _gekozen(v: Vraag, gesprek: bewaring.Gesprek) -> list[str]:
    waarde = v.waarde(gesprek.antwoorden)
    if isinstance(waarde, list):
        return waarde or [ONZEKER]
    return [waarde] if waarde else [ONZEKER]


def _lees_antwoord(v: Vraag, gekozen: list[str]) -> tuple[object, str]:
    """The answer from the form, or a message that says what to do."""
    toegelaten = {k.waarde for k in v.keuzes} | {ONZEKER}
    if not gekozen:
        if v.meervoud:
            return None, _("Kies minstens één antwoord, of kies '%(onzeker)s'.") % {
                "onzeker": v.onzeker
            }
        return None, _("Kies een antwoord, of kies '%(onzeker)s'.") % {"onzeker": v.onzeker}
    if any(g not in toegelaten for g in gekozen) or (not v.meervoud and len(gekozen) > 1):
        return None, _("Dit antwoord kennen we niet. Kies een van de antwoorden hieronder.")
    if ONZEKER in gekozen and len(gekozen) > 1:
        return None, _("Kies antwoorden of '%(onzeker)s', niet allebei.") % {"onzeker": v.onzeker}
    if ONZEKER in gekozen:
        return v.als_antwoord([]), ""
    return v.als_antwoord(gekozen), ""


def _volgende_url(gesprek: bewaring.Gesprek) -> str:
    v = volgende(gesprek.antwoorden, gesprek.beantwoord, punten(), gesprek.afgeleid)
    if v is None:
        return reverse("wegwijzer:controleren")
    return reverse("wegwijzer:vraag", args=[v.id])


def _vorige_url(v: Vraag, gesprek: bewaring.Gesprek, terug_naar_controle: bool) -> str:
    if terug_naar_controle:
        return reverse("wegwijzer:controleren")
    # Back to the last question the person answered themselves, not one filled in for them.
    eerder = [
        x for x in gesprek.beantwoord if x not in gesprek.afgeleid and PLAATS[x] < PLAATS[v.id]
    ]
    if not eerder:
        return reverse("wegwijzer:start")
    return reverse("wegwijzer:vraag", args=[max(eerder, key=PLAATS.__getitem__)])


def _wijzig_url(vraag_id: str) -> str:
    return reverse("wegwijzer:vraag", args=[vraag_id]) + "?terug=controleren"


def _stapnummer(v: Vraag, gesprek: bewaring.Gesprek) -> int:
    eerder = [x for x in gesprek.beantwoord if x not in gesprek.afgeleid]
    return 1 + sum(1 for x in eerder if PLAATS[x] < PLAATS[v.id])
