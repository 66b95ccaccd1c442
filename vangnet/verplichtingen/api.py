"""``GET /api/v1/verplichtingen``: the legal obligations check as open data, and its
OpenAPI paths (merged into /api/v1/openapi.json by vangnet.api.openapi)."""

from django.http import HttpRequest, JsonResponse

from vangnet.api.openapi import BRON, ONBEVESTIGD, TAAL
from vangnet.api.views import api_view, error, json_response
from vangnet.core import vindbaar
from vangnet.kaart.models import ParitairComite
from vangnet.verplichtingen.forms import MAXIMUM, VerplichtingenForm
from vangnet.verplichtingen.laden import KENMERKEN
from vangnet.verplichtingen.regels import NIET_VAN_TOEPASSING, SOORTEN
from vangnet.verplichtingen.resultaat import Hulp, bereken

PARAMETERS = ("werknemers", "vrijwilligers", "pc")


def _hulp(request: HttpRequest, h: Hulp) -> dict:
    return {
        "soort": h.soort,
        "id": h.item.slug,
        "naam": h.item.titel if h.soort == "aanbod" else h.item.naam,
        "url": vindbaar.absoluut(request, h.item.get_absolute_url()),
        "prijs": float(h.prijs) if h.prijs is not None else None,
        "vanaf": h.vanaf,
    }


@api_view
def verplichtingen(request: HttpRequest) -> JsonResponse:
    """What the Welzijnswet requires of an organisation of this size, and what is recommended.

    ``werknemers`` and ``vrijwilligers`` default to 0, so an organisation of volunteers only
    can leave out ``werknemers``. A bad value answers 400 and names the parameter.
    """
    data = {
        "werknemers": request.GET.get("werknemers", "0"),
        "vrijwilligers": request.GET.get("vrijwilligers", "0"),
        "pc": request.GET.get("pc", ""),
    }
    form = VerplichtingenForm(data)
    if not form.is_valid():
        naam = next(n for n in PARAMETERS if n in form.errors)
        return error(400, f"{naam}: {form.errors[naam][0]}", parameter=naam)
    d = form.cleaned_data
    resultaat = bereken(d["werknemers"], d["vrijwilligers"], d["pc"] or None)
    items = []
    for u in resultaat.uitkomsten:
        regel = u.regel
        items.append(
            {
                "id": regel.slug,
                "titel": regel.titel,
                "soort": u.soort,
                "verplicht": u.verplicht,
                "uitleg": u.uitleg,
                **u.kenmerken,
                "wettelijke_bron": regel.wettelijke_bron,
                "datum": regel.datum.isoformat() if regel.datum else None,
                "hulp": [_hulp(request, h) for h in resultaat.hulp.get(regel.slug, [])],
                "bron": regel.bron,
                "onbevestigd": regel.onbevestigd,
            }
        )
    invoer = {
        "werknemers": resultaat.werknemers,
        "vrijwilligers": resultaat.vrijwilligers,
        "pc": resultaat.pc.slug if resultaat.pc else None,
    }
    return json_response({"invoer": invoer, "verplichtingen": items})


def _pc_slugs() -> list[str]:
    return list(ParitairComite.objects.values_list("slug", flat=True))


def _aantal(naam: str, beschrijving: str) -> dict:
    return {
        "name": naam,
        "in": "query",
        "required": False,
        "description": beschrijving,
        "schema": {"type": "integer", "minimum": 0, "maximum": MAXIMUM, "default": 0},
    }


def _kenmerk_schema(waarden: tuple) -> dict:
    soort = "boolean" if isinstance(waarden[0], bool) else "string"
    schema: dict = {"type": [soort, "null"]}
    if soort == "string":
        schema["enum"] = [*waarden, None]
    return schema


KENMERK_UITLEG = {
    "extern": "preventieadviseur-psychosociaal: true als de adviseur van een externe dienst "
    "moet komen (minder dan 50 werknemers).",
    "werkgever_mag_zelf": "interne-preventieadviseur: true als de werkgever zelf "
    "preventieadviseur mag zijn (minder dan 20 werknemers).",
    "groep": "interne-preventieadviseur: groep A tot D naar het aantal werknemers.",
    "opleiding": "interne-preventieadviseur: de opleiding van wie de interne dienst leidt.",
    "minstens_een_in_dienst": "vertrouwenspersoon: true als minstens één vertrouwenspersoon "
    "bij de werkgever moet werken.",
}

VERPLICHTING = {
    "type": "object",
    "required": [
        "id",
        "titel",
        "soort",
        "verplicht",
        "uitleg",
        "wettelijke_bron",
        "datum",
        "hulp",
        "bron",
        "onbevestigd",
    ],
    "properties": {
        "id": {"type": "string", "examples": ["vertrouwenspersoon"]},
        "titel": {"type": "string"},
        "soort": {"type": "string", "enum": [*SOORTEN, NIET_VAN_TOEPASSING]},
        "verplicht": {"type": "boolean", "description": "true: de wet verplicht het."},
        "uitleg": {"type": "string", "description": "Waarom, in gewone taal."},
        **{
            naam: {**_kenmerk_schema(waarden), "description": KENMERK_UITLEG[naam]}
            for naam, waarden in KENMERKEN.items()
        },
        "wettelijke_bron": {"type": "string"},
        "datum": {
            "type": ["string", "null"],
            "format": "date",
            "description": "Van kracht sinds; null: niet bevestigd of geen wettelijke regel.",
        },
        "hulp": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["soort", "id", "naam", "url", "prijs", "vanaf"],
                "properties": {
                    "soort": {"type": "string", "enum": ["aanspreekpunt", "aanbod"]},
                    "id": {"type": "string"},
                    "naam": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                    "prijs": {
                        "type": ["number", "null"],
                        "description": "Euro, onder het gekozen paritair comité; null: onbekend.",
                    },
                    "vanaf": {"type": "boolean", "description": "true: een vanaf-prijs."},
                },
            },
        },
        "bron": BRON,
        "onbevestigd": ONBEVESTIGD,
    },
}

FOUT = {
    "type": "object",
    "required": ["fout"],
    "properties": {
        "fout": {"type": "string"},
        "parameter": {"type": "string", "enum": [*PARAMETERS]},
        "toegestaan": {"type": "array", "items": {"type": "string"}},
    },
}


def openapi_paths() -> dict:
    """The OpenAPI path item of /verplichtingen."""
    return {
        "/verplichtingen": {
            "get": {
                "summary": "Wettelijke verplichtingen en aanbevelingen voor een organisatie",
                "description": (
                    "Wat de Welzijnswet vraagt van een organisatie met dit aantal werknemers, "
                    "en wat het actieplan daarnaast aanraadt (vooral voor vrijwilligers en "
                    "leden). Verplicht eerst, dan aanbevolen, dan wat niet van toepassing is. "
                    "Elke regel met zijn wettelijke bron en datum. Geen juridisch advies."
                ),
                "tags": ["Toolbox"],
                "parameters": [
                    _aantal("werknemers", "Aantal werknemers (standaard 0)."),
                    _aantal("vrijwilligers", "Aantal vrijwilligers en leden (standaard 0)."),
                    {
                        "name": "pc",
                        "in": "query",
                        "required": False,
                        "description": (
                            "Paritair comité (nummer, bv. 304), voor de prijzen van opleidingen. "
                            "Zie /organisaties en data/paritaire-comites.yaml."
                        ),
                        # The comités of the kaart's content (read when the document is
                        # served), or empty for "another one, or I do not know".
                        "schema": {"type": "string", "enum": ["", *_pc_slugs()]},
                    },
                    TAAL,
                ],
                "responses": {
                    "200": {
                        "description": "OK",
                        "content": {
                            "application/json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["invoer", "verplichtingen"],
                                    "properties": {
                                        "invoer": {
                                            "type": "object",
                                            "required": ["werknemers", "vrijwilligers", "pc"],
                                            "properties": {
                                                "werknemers": {"type": "integer", "minimum": 0},
                                                "vrijwilligers": {"type": "integer", "minimum": 0},
                                                "pc": {"type": ["string", "null"]},
                                            },
                                        },
                                        "verplichtingen": {"type": "array", "items": VERPLICHTING},
                                    },
                                }
                            }
                        },
                    },
                    "400": {
                        "description": "Ongeldige parameter; `parameter` noemt hem.",
                        "content": {"application/json": {"schema": FOUT}},
                    },
                },
            }
        }
    }
