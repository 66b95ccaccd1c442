"""GET /api/v1/monitoring/cijfers: the public, suppressed table as JSON.

``?per=<dimension>[,<dimension>]&van=YYYY-MM-DD&tot=YYYY-MM-DD`` answers
``{"cellen": [{"<dimension>": code, "aantal": 12 | "<10" | "x"}, ...], "totaal": ...}``.
The same table as the public page (cijfers.tabel), so never a figure the page hides. Not
kept in the page cache: its answer changes when a quarter is fixed, not with the content.
"""

from datetime import date, datetime, timedelta

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from vangnet.accounts.drempels import Drempel, emmer, wachttijd_tekst
from vangnet.api.openapi import BAD_REQUEST, ok_response
from vangnet.api.views import LANGUAGES, error, json_response, methods
from vangnet.monitoring import aanlevering, cijfers
from vangnet.monitoring.dimensies import DIMENSIES, NAMEN
from vangnet.monitoring.periodes import Kwartaal


def _datum(request: HttpRequest, veld: str) -> date | None:
    waarde = request.GET.get(veld)
    if not waarde:
        return None
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise cijfers.OngeldigeVraag(
            veld,
            _("%(veld)s: “%(waarde)s” is geen datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-01-01.")
            % {"veld": veld, "waarde": waarde},
        ) from None


@methods("GET", "HEAD")
def cijfers_view(request: HttpRequest) -> JsonResponse:
    taal = request.GET.get("taal", "nl")
    if taal not in LANGUAGES:
        return error(
            400, f"taal: onbekende waarde {taal!r}", veld="taal", toegestaan=list(LANGUAGES)
        )
    with translation.override(taal), cijfers.samen():
        try:
            van, tot = _datum(request, "van"), _datum(request, "tot")
            tabel = cijfers.tabel(request.GET.get("per", ""), van, tot, doelgroep=cijfers.PUBLIEK)
        except cijfers.GeenCijfers as fout:
            response = error(404, fout.boodschap, veld=fout.veld)
        except cijfers.OngeldigeVraag as fout:
            extra = {"toegestaan": NAMEN} if fout.veld == "per" else {}
            response = error(400, fout.boodschap, veld=fout.veld, **extra)
        else:
            response = json_response(tabel.als_json())
    response["Access-Control-Allow-Origin"] = "*"
    return response


# A token is 256 random bits, not guessable; still, wrong tokens from one network slow down
# like every other secret on the platform (accounts/drempels.py).
AANLEVERTOKEN = Drempel(
    "aanlevertoken",
    vrij=20,
    eerste_wacht=timedelta(seconds=1),
    max_wacht=timedelta(minutes=1),
    venster=timedelta(hours=1),
)


@methods("POST")
def aanlevering_view(request: HttpRequest) -> JsonResponse:
    """POST a partner's CSV of counts per quarter with ``Authorization: Bearer <token>``.

    201 with the quarters stored; 400 with every mistake by row (and nothing stored); 401
    for a missing or wrong token; 429 while wrong tokens from this network wait.
    """
    taal = request.GET.get("taal", "nl")
    if taal not in LANGUAGES:
        return error(
            400, f"taal: onbekende waarde {taal!r}", veld="taal", toegestaan=list(LANGUAGES)
        )
    with translation.override(taal):
        beurt = AANLEVERTOKEN.probeer(emmer(request))
        if not beurt.toegelaten:
            return error(429, wachttijd_tekst(beurt.wachttijd))
        kop = request.headers.get("Authorization", "")
        token = kop[7:].strip() if kop.startswith("Bearer ") else ""
        organisatie = aanlevering.organisatie_van_token(token)
        if organisatie is None:
            response = error(401, _("Geef een geldige sleutel: Authorization: Bearer <sleutel>."))
            response["WWW-Authenticate"] = "Bearer"
            return response
        beurt.gelukt()
        try:
            inhoud = request.body
        except RequestDataTooBig:
            return error(413, _("Het bestand is te groot (hoogstens 1 MB)."))
        uitkomst = aanlevering.bewaar(organisatie, inhoud)
        if not uitkomst.gelukt:
            return error(
                400,
                _("Er is niets bewaard: het bestand heeft fouten."),
                fouten=[{"rij": f.rij, "fout": f.boodschap} for f in uitkomst.fouten],
            )
        response = json_response(
            {"bron": organisatie.naam, "kwartalen": uitkomst.kwartalen, "rijen": uitkomst.rijen}
        )
        response.status_code = 201
        return response


#: ``per``, ``van`` and ``tot`` described as one object, serialised as three query
#: parameters (``style: form``, ``explode: true``: the address stays ``?per=..&van=..&tot=..``),
#: so that the rules *between* them can be stated: van and tot together or not at all, and
#: spanning exactly one quarter or year; a crossing only for a year. Every request the
#: schema allows is then one the API answers (200, or 404 for a period without figures).
VRAAG_PARAMETER = {
    "name": "vraag",
    "in": "query",
    "required": True,
    "style": "form",
    "explode": True,
    "description": (
        "per: een dimensie, of twee gescheiden door een komma, in elke volgorde. van/tot: "
        "samen, de eerste en de laatste dag van één kwartaal of één kalenderjaar; een "
        "kruising van twee dimensies alleen voor een kalenderjaar. Zonder van/tot: het "
        "laatste volledige jaar. Een jaar zonder cijfers: 404."
    ),
}
#: Vangnet began with the action plan of 2024; the document also names the years before it
#: from 2020 (and any older year with figures), so every year with figures is described.
EERSTE_JAAR = 2020


def per_waarden() -> list[str]:
    """Every value of ``per``: one dimension, or two different ones in either order."""
    return [*NAMEN, *(f"{a},{b}" for a in NAMEN for b in NAMEN if a != b)]


def _jaren(nu: datetime | None = None) -> list[int]:
    nu = nu or timezone.now()
    oudste = min([EERSTE_JAAR, *cijfers.beschikbare_jaren(cijfers.PUBLIEK, nu=nu)])
    return list(range(oudste, timezone.localtime(nu).year + 1))


def vraag_schema(nu: datetime | None = None) -> dict:
    """The JSON Schema of ``per``/``van``/``tot`` together (see ``VRAAG_PARAMETER``)."""
    datum = {"type": "string", "format": "date"}
    per = {"type": "string", "enum": per_waarden()}
    enkel = {"type": "string", "enum": NAMEN}
    perioden: list[dict] = [
        # No dates: the latest complete year (any table).
        {"properties": {"van": False, "tot": False}},
    ]
    for jaar in _jaren(nu):
        # A year: any table, also a crossing.
        van, tot = {"const": f"{jaar}-01-01"}, {"const": f"{jaar}-12-31"}
        perioden.append({"properties": {"van": van, "tot": tot}, "required": ["van", "tot"]})
        # A quarter: a table by one dimension only.
        for n in range(1, 5):
            k = Kwartaal(jaar, n)
            perioden.append(
                {
                    "properties": {
                        "per": enkel,
                        "van": {"const": k.eerste_dag.isoformat()},
                        "tot": {"const": k.laatste_dag.isoformat()},
                    },
                    "required": ["van", "tot"],
                }
            )
    return {
        "type": "object",
        "properties": {"per": per, "van": datum, "tot": datum},
        "required": ["per"],
        "additionalProperties": False,
        "anyOf": perioden,
        "examples": [
            {"per": "sector"},
            {"per": "gedrag,sector", "van": "2025-01-01", "tot": "2025-12-31"},
            {"per": "route", "van": "2025-04-01", "tot": "2025-06-30"},
        ],
    }


def openapi_paths() -> dict:
    aantal = {
        "oneOf": [{"type": "integer", "minimum": 10}, {"type": "string", "enum": ["<10", "x"]}]
    }
    cel = {
        "type": "object",
        "properties": {
            **{naam: {"type": "string", "enum": d.codes} for naam, d in DIMENSIES.items()},
            "aantal": aantal,
        },
        "required": ["aantal"],
    }
    return {
        "/monitoring/cijfers": {
            "get": {
                "summary": "Meldingen per dimensie of kruising van twee, per kwartaal of jaar",
                "description": (
                    "Telt de meldingen op Vangnet op hun codes, nooit op hun inhoud. Geen aantal "
                    'onder 10: dat staat als "<10"; "x" is weggelaten zodat een kleiner aantal '
                    "niet terug te rekenen is. van/tot omvatten precies een kwartaal of een "
                    "kalenderjaar; een kruising van twee dimensies bestaat per jaar. Zonder "
                    "van/tot: het laatste volledige jaar."
                ),
                "parameters": [VRAAG_PARAMETER | {"schema": vraag_schema()}],
                "responses": {
                    "200": ok_response(
                        {
                            "type": "object",
                            "properties": {
                                "per": {
                                    "type": "array",
                                    "items": {"type": "string", "enum": NAMEN},
                                },
                                "van": {"type": "string", "format": "date"},
                                "tot": {"type": "string", "format": "date"},
                                "bron": {"type": "string"},
                                "cellen": {"type": "array", "items": cel},
                                "totaal": aantal,
                                "voorlopig": {"type": "boolean"},
                            },
                            "required": ["cellen", "totaal"],
                        }
                    ),
                    "400": BAD_REQUEST,
                    "404": {"description": "Voor die periode zijn er (nog) geen cijfers."},
                },
            }
        },
        "/monitoring/aanlevering": {
            "post": {
                "summary": "Een partner levert eigen aantallen per kwartaal aan (CSV)",
                "description": (
                    "Met een sleutel van de partner (Authorization: Bearer). Kolommen: "
                    "kwartaal,dimensie,waarde,aantal; per kwartaal een rij met dimensie totaal. "
                    "Dimensies: " + ", ".join(aanlevering.AANLEVERBAAR) + ". Een bestand met een "
                    "fout wordt helemaal niet bewaard; het antwoord noemt elke fout met haar rij."
                ),
                "security": [{"aanleversleutel": []}],
                "requestBody": {
                    "required": True,
                    "content": {"text/csv": {"schema": {"type": "string"}}},
                },
                "responses": {
                    "201": {"description": "Bewaard: de kwartalen en het aantal rijen."},
                    "400": BAD_REQUEST,
                    "401": {"description": "Geen of een verkeerde sleutel."},
                    "429": {"description": "Te veel verkeerde sleutels; even wachten."},
                },
            }
        },
    }
