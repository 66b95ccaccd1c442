"""GET /api/v1/vorming: the trainings that fit a person, with what each costs *them*.

The same finder as the page (vinder.py). The answer depends only on the kaart's content and
the address, so it is cached like the rest of the API (sessions, which depend on the time,
are in the iCalendar feed instead).
"""

from django.http import HttpRequest, JsonResponse

from vangnet.api.openapi import (
    BAD_REQUEST,
    BRON,
    NULLABLE_STR,
    ONBEVESTIGD,
    ORG_REF,
    TAAL,
    _enum,
    _list,
    ok_response,
)
from vangnet.api.views import api_view, error, json_response
from vangnet.core import vindbaar
from vangnet.kaart import choices as c
from vangnet.kaart.models import ParitairComite
from vangnet.vorming import vinder

PARAMETERS = ("statuut", "pc", "thema")


def _pc_waarden() -> list[str]:
    return [*ParitairComite.objects.values_list("slug", flat=True), *vinder.ZONDER_PC]


def _ongeldig(naam: str, waarde: str, toegestaan: list[str]) -> JsonResponse:
    return error(400, f"{naam}: onbekende waarde {waarde!r}", veld=naam, toegestaan=toegestaan)


def _item(request: HttpRequest, r: vinder.Resultaat) -> dict:
    aanbod = r.aanbod
    return {
        "id": aanbod.slug,
        "titel": aanbod.titel,
        "soort": aanbod.soort,
        "kost_eur": r.kost.eur,
        "vanaf": r.kost.vanaf,
        "kosteloos": r.kost.kosteloos,
        "kost": r.kost.in_woorden(),
        "prijs_pc": r.kost.pc,
        "duur": aanbod.duur or None,
        "aanbieders": [{"id": o.slug, "naam": o.naam} for o in aanbod.aanbieders.all()],
        "themas": r.themas,
        "steun": [
            {"id": s.aanbod.slug, "titel": s.aanbod.titel, "doelgroep": s.doelgroep}
            for s in r.steun
        ],
        "url": vindbaar.absoluut(request, aanbod.get_absolute_url()),
        "bron": aanbod.bron,
        "onbevestigd": aanbod.onbevestigd,
    }


@api_view
def vorming(request: HttpRequest) -> JsonResponse:
    """``?statuut=&pc=&thema=`` (all optional; thema may repeat)."""
    statuut = request.GET.get("statuut") or None
    if statuut is not None and statuut not in c.Status.values:
        return _ongeldig("statuut", statuut, list(c.Status.values))
    pc = request.GET.get("pc") or None
    if pc is not None and pc not in (toegestaan := _pc_waarden()):
        return _ongeldig("pc", pc, toegestaan)
    themas = request.GET.getlist("thema")
    for thema in themas:
        if thema not in vinder.Thema.values:
            return _ongeldig("thema", thema, list(vinder.Thema.values))
    vraag = vinder.Vraag(statuut=statuut, pc=pc, themas=tuple(themas))
    return json_response(
        {
            "statuut": vraag.statuut,
            "pc": vraag.pc,
            "themas": list(vraag.themas),
            "vorming": [_item(request, r) for r in vinder.zoek(vraag)],
        }
    )


def openapi_paths() -> dict:
    """The OpenAPI path item of /vorming (merged into /api/v1/openapi.json)."""
    item = {
        "type": "object",
        "required": ["id", "titel", "kost_eur", "vanaf", "kosteloos", "kost", "url", "bron"],
        "properties": {
            "id": {"type": "string", "description": "Id van het aanbod (zie /aanbod/{id})."},
            "titel": {"type": "string"},
            "soort": _enum(c.AanbodSoort),
            "kost_eur": {
                "type": ["number", "null"],
                "minimum": 0,
                "description": "Prijs in euro voor deze persoon; null als ze niet bekend is.",
            },
            "vanaf": {"type": "boolean", "description": "true: een vanaf-prijs (minstens)."},
            "kosteloos": {"type": "boolean", "description": "Gratis voor deze persoon."},
            "kost": {
                "type": "string",
                "description": "De prijs in woorden, bv. 'gratis voor PC 304' of 'vanaf € 1.200'.",
            },
            "prijs_pc": {
                **NULLABLE_STR,
                "description": "Het paritair comité waarvan de prijs geldt; null: voor iedereen.",
            },
            "duur": NULLABLE_STR,
            "aanbieders": _list(ORG_REF),
            "themas": _list(_enum(vinder.Thema)),
            "steun": _list(
                {
                    "type": "object",
                    "required": ["id", "titel", "doelgroep"],
                    "properties": {
                        "id": {"type": "string"},
                        "titel": {"type": "string"},
                        "doelgroep": {
                            "type": "boolean",
                            "description": "true: deze persoon hoort bij de doelgroep; "
                            "false: alleen via een kleine organisatie.",
                        },
                    },
                }
            ),
            "url": {"type": "string", "format": "uri"},
            "bron": BRON,
            "onbevestigd": ONBEVESTIGD,
        },
    }
    antwoord = {
        "type": "object",
        "required": ["statuut", "pc", "themas", "vorming"],
        "properties": {
            "statuut": {"type": ["string", "null"]},
            "pc": {"type": ["string", "null"]},
            "themas": _list({"type": "string"}),
            "vorming": _list(item),
        },
    }
    return {
        "/vorming": {
            "get": {
                "summary": "Vormingen en begeleiding die passen, met de prijs voor deze persoon",
                "description": (
                    "Gratis voor deze persoon eerst, dan van goedkoop naar duur, onbekende "
                    "prijzen laatst. Een onbekende waarde geeft 400 met de naam van de "
                    "parameter (veld) en de toegestane waarden (toegestaan)."
                ),
                "tags": ["Toolbox"],
                "parameters": [
                    {
                        "name": "statuut",
                        "in": "query",
                        "required": False,
                        "schema": _enum(c.Status),
                    },
                    {
                        "name": "pc",
                        "in": "query",
                        "required": False,
                        "description": "Paritair comité (nummer), of 'geen' / 'weet-niet'.",
                        # The comités of the kaart's content, read when the document is served.
                        "schema": {"type": "string", "enum": ["", *_pc_waarden()]},
                    },
                    {
                        "name": "thema",
                        "in": "query",
                        "required": False,
                        "explode": True,
                        "schema": _list(_enum(vinder.Thema)),
                    },
                    TAAL,
                ],
                "responses": {"200": ok_response(antwoord), "400": BAD_REQUEST},
            }
        }
    }
