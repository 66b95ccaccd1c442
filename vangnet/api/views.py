"""The public JSON API (/api/v1/): read-only, open data, no cookies needed.

Lists are small (the whole directory is a few hundred items) and returned whole; search
returns the best 50 by default.
"""

import json
from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.views import defaults
from django.views.decorators.csrf import csrf_exempt

from vangnet.api import hsds, serializers
from vangnet.api.openapi import document as openapi_document
from vangnet.begrippen.models import Begrip
from vangnet.core import vindbaar
from vangnet.core.pagecache import cached_page
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Organisatie
from vangnet.wegwijzer.antwoorden import Antwoorden, OngeldigAntwoord
from vangnet.wegwijzer.kaartbeeld import punten
from vangnet.wegwijzer.routing import route
from vangnet.zoeken.hulp import altijd_documenten
from vangnet.zoeken.search import Zoekvraag, documents, zoek

LANGUAGES = ("nl", "fr", "en")
MAX_LIMIT = 200


def error(status: int, message: str, **extra) -> JsonResponse:
    return JsonResponse({"fout": message, **extra}, status=status)


def methods(*allowed: str) -> Callable[[Callable], Callable]:
    """Answer any other HTTP method with a 405 in JSON that names the allowed ones (also in
    ``Allow``, as RFC 9110 asks).

    The view is exempt from CSRF: the API reads no cookie and no session, so a forged request
    could borrow nothing, and an unknown method must get this 405, not the CSRF failure page.
    """

    def decorator(view: Callable) -> Callable:
        @csrf_exempt
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if request.method not in allowed:
                response = error(
                    405,
                    f"Methode {request.method} is hier niet toegestaan.",
                    toegestaan=list(allowed),
                )
                response["Allow"] = ", ".join(allowed)
                response["Access-Control-Allow-Origin"] = "*"
                return response
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """The site's 404 handler: JSON under /api/ (an id that is no slug, a typo in a path),
    the ordinary page everywhere else."""
    if request.path.startswith("/api/"):
        response = error(404, f"Geen API-adres {request.path!r}.")
        response["Access-Control-Allow-Origin"] = "*"
        return response
    return defaults.page_not_found(request, exception)


def api_view(view: Callable) -> Callable:
    """GET (and HEAD) only, JSON in the language of ``?taal=`` (Dutch by default), open to
    every origin."""

    @methods("GET", "HEAD")
    @cached_page
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        taal = request.GET.get("taal", "nl")
        if taal not in LANGUAGES:
            return error(400, f"taal: onbekende waarde {taal!r}", toegestaan=list(LANGUAGES))
        with translation.override(taal):
            response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response

    return wrapper


def json_response(data) -> JsonResponse:
    """JSON as the API writes it everywhere: UTF-8 text as is, lists allowed."""
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False}, safe=False)


def _aanspreekpunten():
    return Aanspreekpunt.objects.select_related("organisatie").prefetch_related(
        "kanalen", "aanbieders", "begrippen"
    )


def _aanbod():
    return Aanbod.objects.prefetch_related("aanbieders", "begrippen", "prijzen__paritair_comite")


@api_view
def aanspreekpunten(request: HttpRequest) -> JsonResponse:
    items = [serializers.aanspreekpunt(request, p) for p in _aanspreekpunten()]
    return json_response({"aanspreekpunten": items})


@api_view
def aanspreekpunt(request: HttpRequest, slug: str) -> JsonResponse:
    punt = _aanspreekpunten().filter(slug=slug).first()
    if punt is None:
        return error(404, f"Geen aanspreekpunt met id {slug!r}")
    return json_response(serializers.aanspreekpunt(request, punt))


@api_view
def aanbod_lijst(request: HttpRequest) -> JsonResponse:
    return json_response({"aanbod": [serializers.aanbod(request, a) for a in _aanbod()]})


@api_view
def aanbod(request: HttpRequest, slug: str) -> JsonResponse:
    item = _aanbod().filter(slug=slug).first()
    if item is None:
        return error(404, f"Geen aanbod met id {slug!r}")
    return json_response(serializers.aanbod(request, item))


@api_view
def organisaties(request: HttpRequest) -> JsonResponse:
    return json_response(
        {"organisaties": [serializers.organisatie(request, o) for o in Organisatie.objects.all()]}
    )


@api_view
def begrippen(request: HttpRequest) -> JsonResponse:
    items = [serializers.begrip(request, b) for b in Begrip.objects.prefetch_related("verwant")]
    return json_response({"begrippen": items})


@api_view
def zoeken(request: HttpRequest) -> JsonResponse:
    if "q" not in request.GET:
        return error(400, "q: geef minstens één zoekwoord")
    q = request.GET["q"].strip()
    if len(q) > 200:
        return error(400, "q: maximaal 200 tekens")
    try:
        limit = int(request.GET.get("limit", 50))
    except ValueError:
        return error(400, "limit: geef een geheel getal")
    if not 1 <= limit <= MAX_LIMIT:
        return error(400, f"limit: tussen 1 en {MAX_LIMIT}")
    vraag = Zoekvraag(tekst=q)
    ranked = zoek(vraag)
    rows = list(ranked[:limit]) if vraag.heeft_tekst else []
    body: dict = {"q": q, "resultaten": _zoekresultaten(request, rows, documents(rows))}
    suggestie = getattr(ranked, "suggestie", None)
    if suggestie:
        body["suggestie"] = suggestie
    if not rows:
        # Only signs, emoji, stop words or unknown words: no ranked results, but the numbers
        # that are always there (the kaart's page offers them too).
        altijd = altijd_documenten()
        body["altijd"] = _zoekresultaten(request, [{} for _ in altijd], altijd)
    return json_response(body)


def _zoekresultaten(request: HttpRequest, rows: list[dict], docs: list) -> list[dict]:
    return [
        {
            "soort": doc.soort,
            "id": doc.slug,
            "titel": doc.titel,
            "samenvatting": doc.samenvatting,
            **({"score": row["score"]} if "score" in row else {}),
            "url": vindbaar.absoluut(request, doc.get_absolute_url()),
        }
        for row, doc in zip(rows, docs, strict=True)
    ]


@api_view
def openapi(request: HttpRequest) -> JsonResponse:
    return json_response(openapi_document(vindbaar.absoluut(request, "/api/v1")))


# -- HSDS 3 (Open Referral) ------------------------------------------------------------------


@api_view
def hsds_root(request: HttpRequest) -> JsonResponse:
    return json_response(hsds.root(vindbaar.absoluut(request, reverse("api:openapi"))))


@api_view
def hsds_services(request: HttpRequest) -> JsonResponse:
    try:
        page = int(request.GET.get("page", 1))
        per_page = int(request.GET.get("per_page", 50))
    except ValueError:
        return error(400, "page en per_page: geef een geheel getal")
    if page < 1 or not 1 <= per_page <= MAX_LIMIT:
        return error(400, f"page >= 1 en per_page tussen 1 en {MAX_LIMIT}")
    return json_response(hsds.service_page(request, page, per_page, request.GET.get("search", "")))


@api_view
def hsds_service(request: HttpRequest, service_id: str) -> JsonResponse:
    service = hsds.service_by_id(request, service_id)
    if service is None:
        return error(404, f"Geen service met id {service_id!r}")
    return json_response(service)


@api_view
def hsds_organizations(request: HttpRequest) -> JsonResponse:
    return json_response(hsds.organization_page(request))


@api_view
def hsds_organization(request: HttpRequest, organization_id: str) -> JsonResponse:
    org = hsds.organization_by_id(request, organization_id)
    if org is None:
        return error(404, f"Geen organization met id {organization_id!r}")
    return json_response(org)


@api_view
def hsds_taxonomies(request: HttpRequest) -> JsonResponse:
    return json_response(hsds.taxonomy_page())


@api_view
def hsds_taxonomy_terms(request: HttpRequest) -> JsonResponse:
    return json_response(hsds.taxonomy_term_page())


@api_view
def hsds_export(request: HttpRequest) -> JsonResponse:
    """The whole directory as one HSDS 3 dataset (organizations with their services)."""
    return json_response(hsds.export(request))


# -- the wegwijzer ---------------------------------------------------------------------------

MAX_WEGWIJZER_BYTES = 4096


@methods("POST", "OPTIONS")
def wegwijzer(request: HttpRequest) -> HttpResponse:
    """``POST /api/v1/wegwijzer``: answers in, the ordered route out (see the OpenAPI document)."""
    if request.method == "OPTIONS":
        response = HttpResponse(status=204)
    else:
        taal = request.GET.get("taal", "nl")
        if taal not in LANGUAGES:
            response = error(400, f"taal: onbekende waarde {taal!r}", toegestaan=list(LANGUAGES))
        else:
            with translation.override(taal):
                response = _wegwijzer_route(request)
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "POST, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Content-Type"
    return response


def _wegwijzer_route(request: HttpRequest) -> HttpResponse:
    if len(request.body) > MAX_WEGWIJZER_BYTES:
        return error(413, f"De vraag is te groot (meer dan {MAX_WEGWIJZER_BYTES} bytes).")
    if not request.body.strip():
        return error(
            400,
            "De vraag is leeg: stuur je antwoorden als JSON-object, of {} als je er geen geeft.",
        )
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return error(400, "De vraag is geen geldige JSON.")
    try:
        antwoorden = Antwoorden.uit_dict(data)
    except OngeldigAntwoord as fout:
        return error(400, str(fout), veld=fout.veld, toegestaan=[str(t) for t in fout.toegelaten])
    r = route(antwoorden, punten())
    return json_response(serializers.route(request, antwoorden, r, timezone.now()))
