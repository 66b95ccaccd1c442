"""GET /api/v1/monitoring/cijfers: the public, suppressed table as JSON.

``?per=<dimension>[,<dimension>]&van=YYYY-MM-DD&tot=YYYY-MM-DD`` answers
``{"cellen": [{"<dimension>": code, "aantal": 12 | "<10" | "x"}, ...], "totaal": ...}``.
The same table as the public page (cijfers.tabel), so never a figure the page hides. Not
kept in the page cache: its answer changes when a quarter is fixed, not with the content.
"""

from datetime import date

from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from vangnet.api.openapi import BAD_REQUEST, _ok
from vangnet.api.views import LANGUAGES, _json, error, methods
from vangnet.monitoring import cijfers
from vangnet.monitoring.dimensies import DIMENSIES, NAMEN


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
    with translation.override(taal):
        try:
            van, tot = _datum(request, "van"), _datum(request, "tot")
            tabel = cijfers.tabel(request.GET.get("per", ""), van, tot, doelgroep=cijfers.PUBLIEK)
        except cijfers.GeenCijfers as fout:
            response = error(404, fout.boodschap, veld=fout.veld)
        except cijfers.OngeldigeVraag as fout:
            extra = {"toegestaan": NAMEN} if fout.veld == "per" else {}
            response = error(400, fout.boodschap, veld=fout.veld, **extra)
        else:
            response = _json(tabel.als_json())
    response["Access-Control-Allow-Origin"] = "*"
    return response


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
                "parameters": [
                    {
                        "name": "per",
                        "in": "query",
                        "required": True,
                        "description": "Een dimensie, of twee gescheiden door een komma: "
                        + ", ".join(NAMEN),
                        "schema": {"type": "string", "examples": ["sector", "gedrag,sector"]},
                        "x-dimensies": NAMEN,
                    },
                    {"name": "van", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "tot", "in": "query", "schema": {"type": "string", "format": "date"}},
                ],
                "responses": {
                    "200": _ok(
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
        }
    }
