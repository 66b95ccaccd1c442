"""The OpenAPI 3.1 document of /api/v1/, built from the code lists so it never drifts from them."""

from importlib import import_module

from vangnet.kaart import choices as c

# Apps that document their own endpoints: each has ``openapi_paths() -> dict``.
OPENAPI_MODULES = ("vangnet.verplichtingen.api", "vangnet.vorming.api", "vangnet.monitoring.api")


def _enum(choices) -> dict:
    return {"type": "string", "enum": list(choices.values)}


def _list(schema: dict) -> dict:
    return {"type": "array", "items": schema}


BRON = {
    "type": "array",
    "items": {"type": "string"},
    "description": "Bron van elk feit: 'actieplan <sectie>' of een publieke https-URL.",
}
ONBEVESTIGD = {
    "type": "array",
    "items": {"type": "string"},
    "description": "Niet bevestigde feiten.",
}
ORG_REF = {
    "type": "object",
    "required": ["id", "naam"],
    "properties": {"id": {"type": "string"}, "naam": {"type": "string"}},
}
NULLABLE_BOOL = {"type": ["boolean", "null"], "description": "null: niet bevestigd."}
NULLABLE_STR = {"type": ["string", "null"]}

SCHEMAS = {
    "Kanaal": {
        "type": "object",
        "required": ["soort", "waarde", "uren", "altijd_open", "onbevestigd"],
        "properties": {
            "soort": _enum(c.KanaalSoort),
            "waarde": {"type": "string", "description": "Nummer, e-mailadres, link of adres."},
            "label": NULLABLE_STR,
            "uren": _list(
                {
                    "type": "object",
                    "required": ["dagen", "van", "tot"],
                    "properties": {
                        "dagen": _list(_enum(c.Dag)),
                        "van": {"type": "string", "pattern": "^\\d\\d:\\d\\d$"},
                        "tot": {"type": "string", "pattern": "^\\d\\d:\\d\\d$"},
                    },
                }
            ),
            "altijd_open": {"type": "boolean"},
            "uren_toelichting": NULLABLE_STR,
            "bron": BRON,
            "onbevestigd": {"type": "boolean"},
        },
    },
    "Aanspreekpunt": {
        "type": "object",
        "required": [
            "id",
            "naam",
            "soort",
            "doelgroepen",
            "gedrag",
            "kanalen",
            "anoniem",
            "kosteloos",
            "opvolging",
            "wie_weet_wat",
            "bron",
        ],
        "properties": {
            "id": {"type": "string", "examples": ["1712"]},
            "naam": {"type": "string"},
            "soort": _enum(c.AanspreekpuntSoort),
            "samenvatting": {"type": "string"},
            "beschrijving": {"type": "string"},
            "organisatie": {"oneOf": [ORG_REF, {"type": "null"}]},
            "aanbieders": _list(ORG_REF),
            "doelgroepen": _list(_enum(c.Status)),
            "perspectieven": _list(_enum(c.Perspectief)),
            "gedrag": _list(_enum(c.Gedrag)),
            "discriminatiegronden": _list(_enum(c.Discriminatiegrond)),
            "contexten": _list(_enum(c.Context)),
            "sectoren": {**_list(_enum(c.Sector)), "description": "Leeg: elke sector."},
            "talen": _list(_enum(c.Taal)),
            "anoniem": NULLABLE_BOOL,
            "anoniem_toelichting": NULLABLE_STR,
            "kosteloos": NULLABLE_BOOL,
            "kosten": NULLABLE_STR,
            "voorwaarden": NULLABLE_STR,
            "dringend": {"type": "boolean"},
            "kanalen": _list({"$ref": "#/components/schemas/Kanaal"}),
            "opvolging": {
                **_list({"type": "string"}),
                "description": "Wat er gebeurt na contact, stap voor stap.",
            },
            "wie_weet_wat": {**_list({"type": "string"}), "description": "Wie komt wat te weten."},
            "begrippen": _list({"type": "string"}),
            "acties": _list({"type": "string"}),
            "url": {"type": "string", "format": "uri"},
            "bron": BRON,
            "onbevestigd": ONBEVESTIGD,
        },
    },
    "Prijs": {
        "type": "object",
        "required": ["paritair_comite", "bedrag", "vanaf"],
        "properties": {
            "paritair_comite": {**NULLABLE_STR, "description": "null: voor alle anderen."},
            "bedrag": {"type": "number", "minimum": 0},
            "vanaf": {"type": "boolean"},
            "toelichting": NULLABLE_STR,
        },
    },
    "Aanbod": {
        "type": "object",
        "required": ["id", "titel", "soort", "beleidsniveaus", "doelgroepen", "prijzen", "bron"],
        "properties": {
            "id": {"type": "string"},
            "titel": {"type": "string"},
            "soort": _enum(c.AanbodSoort),
            "samenvatting": {"type": "string"},
            "beschrijving": {"type": "string"},
            "aanbieders": _list(ORG_REF),
            "beleidsniveaus": _list(_enum(c.Beleidsniveau)),
            "doelgroepen": _list(_enum(c.AanbodDoelgroep)),
            "sectoren": _list(_enum(c.Sector)),
            "talen": _list(_enum(c.Taal)),
            "duur": NULLABLE_STR,
            "link": NULLABLE_STR,
            "kosteloos": {"type": "boolean"},
            "prijzen": _list({"$ref": "#/components/schemas/Prijs"}),
            "begrippen": _list({"type": "string"}),
            "acties": _list({"type": "string"}),
            "url": {"type": "string", "format": "uri"},
            "bron": BRON,
            "onbevestigd": ONBEVESTIGD,
        },
    },
    "Organisatie": {
        "type": "object",
        "required": ["id", "naam", "soort", "bron"],
        "properties": {
            "id": {"type": "string"},
            "naam": {"type": "string"},
            "afkorting": NULLABLE_STR,
            "soort": _enum(c.OrganisatieSoort),
            "beschrijving": {"type": "string"},
            "website": NULLABLE_STR,
            "acties": _list({"type": "string"}),
            "url": {"type": "string", "format": "uri"},
            "bron": BRON,
            "onbevestigd": ONBEVESTIGD,
        },
    },
    "Begrip": {
        "type": "object",
        "required": ["id", "term", "definitie", "bron"],
        "properties": {
            "id": {"type": "string"},
            "term": {"type": "string"},
            "definitie": {"type": "string"},
            "synoniemen": _list({"type": "string"}),
            "verwant": _list({"type": "string"}),
            "url": {"type": "string", "format": "uri"},
            "bron": BRON,
        },
    },
    "Zoekresultaat": {
        "type": "object",
        "required": ["soort", "id", "titel", "url"],
        "properties": {
            "soort": {"type": "string", "enum": ["aanspreekpunt", "aanbod", "begrip"]},
            "id": {"type": "string"},
            "titel": {"type": "string"},
            "samenvatting": {"type": "string"},
            "score": {"type": "integer"},
            "url": {"type": "string", "format": "uri"},
        },
    },
    "Fout": {
        "type": "object",
        "required": ["fout"],
        "properties": {"fout": {"type": "string"}, "toegestaan": _list({"type": "string"})},
    },
}

TAAL = {
    "name": "taal",
    "in": "query",
    "required": False,
    "description": "Taal van de teksten (standaard nl).",
    "schema": {"type": "string", "enum": ["nl", "fr", "en"], "default": "nl"},
}


def ok_response(schema: dict, description: str = "OK") -> dict:
    """A 200 response of the OpenAPI document with a JSON body of this schema (used by every
    app that adds operations)."""
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _wrapped(key: str, name: str) -> dict:
    return {"type": "object", "required": [key], "properties": {key: _list(_ref(name))}}


NOT_FOUND = ok_response(_ref("Fout"), "Niet gevonden")
BAD_REQUEST = ok_response(
    _ref("Fout"), "Ongeldige parameter (bv. een onbekende taal); `fout` zegt welke"
)
TOO_LARGE = ok_response(_ref("Fout"), "De vraag is te groot")
ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}


def _hsds_paths() -> dict:
    hsds_page = {"type": "object", "description": "HSDS 3 Page met contents."}
    return {
        "/hsds/": {
            "get": {
                "summary": "HSDS 3 API-info (versie, profiel)",
                "tags": ["HSDS"],
                "responses": {"200": ok_response({"type": "object"})},
            }
        },
        "/hsds/services": {
            "get": {
                "summary": "HSDS 3 services (aanspreekpunten en aanbod), gepagineerd",
                "tags": ["HSDS"],
                "parameters": [
                    {
                        "name": "page",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "default": 1},
                    },
                    {
                        "name": "per_page",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
                    },
                    {"name": "search", "in": "query", "schema": {"type": "string"}},
                ],
                "responses": {"200": ok_response(hsds_page), "400": BAD_REQUEST},
            }
        },
        "/hsds/services/{id}": {
            "get": {
                "summary": "Eén HSDS 3 service, volledig",
                "tags": ["HSDS"],
                "parameters": [ID],
                "responses": {"200": ok_response({"type": "object"}), "404": NOT_FOUND},
            }
        },
        "/hsds/organizations": {
            "get": {
                "summary": "HSDS 3 organizations",
                "tags": ["HSDS"],
                "responses": {"200": ok_response(hsds_page)},
            }
        },
        "/hsds/organizations/{id}": {
            "get": {
                "summary": "Eén HSDS 3 organization",
                "tags": ["HSDS"],
                "parameters": [ID],
                "responses": {"200": ok_response({"type": "object"}), "404": NOT_FOUND},
            }
        },
        "/hsds/taxonomies": {
            "get": {
                "summary": "HSDS 3 taxonomies",
                "tags": ["HSDS"],
                "responses": {"200": ok_response(hsds_page)},
            }
        },
        "/hsds/taxonomy_terms": {
            "get": {
                "summary": "HSDS 3 taxonomy terms",
                "tags": ["HSDS"],
                "responses": {"200": ok_response(hsds_page)},
            }
        },
        "/hsds/export.json": {
            "get": {
                "summary": "De hele sociale kaart als HSDS 3-dataset",
                "tags": ["HSDS"],
                "responses": {"200": ok_response({"type": "object"})},
            }
        },
    }


def _antwoorden_schema() -> dict:
    """The request body of /wegwijzer, built from the wegwijzer's own vocabulary."""
    from vangnet.wegwijzer.antwoorden import LIJSTEN, VOCABULAIRE

    properties = {}
    for naam, soort in VOCABULAIRE.items():
        if soort is bool:
            properties[naam] = {"type": ["boolean", "null"]}
        elif naam in LIJSTEN:
            properties[naam] = {"type": ["array", "null"], "items": _enum(soort)}
        else:
            properties[naam] = {"type": ["string", "null"], "enum": [*soort.values, None]}
    return {
        "type": "object",
        "additionalProperties": False,
        "description": (
            "Elk veld is optioneel; null of weglaten betekent: weet niet of zeg liever niet."
        ),
        "properties": properties,
    }


ROUTE = {
    "type": "object",
    "required": ["antwoorden", "route", "niet_passend"],
    "properties": {
        "antwoorden": {"type": "object", "description": "De gelezen antwoorden."},
        "route": _list(
            {
                "type": "object",
                "required": [
                    "id",
                    "naam",
                    "niveau",
                    "waarom",
                    "nagaan",
                    "dringend",
                    "anoniem",
                    "kosteloos",
                    "kanalen",
                    "opvolging",
                    "wie_weet_wat",
                    "url",
                ],
                "properties": {
                    "id": {"type": "string", "description": "Id van het aanspreekpunt."},
                    "naam": {"type": "string"},
                    "niveau": _enum(c.Niveau),
                    "waarom": _list({"type": "string"}),
                    "nagaan": {
                        **_list({"type": "string"}),
                        "description": "Wat niet bevestigd is voor deze persoon: vraag het na "
                        "bij het eerste contact.",
                    },
                    "dringend": {"type": "boolean"},
                    "anoniem": NULLABLE_BOOL,
                    "kosteloos": NULLABLE_BOOL,
                    "kanalen": _list(
                        {
                            "type": "object",
                            "required": ["soort", "waarde", "uren", "altijd_open", "open_nu"],
                            "properties": {
                                "soort": _enum(c.KanaalSoort),
                                "waarde": {"type": "string"},
                                "label": NULLABLE_STR,
                                "href": NULLABLE_STR,
                                "uren": {"type": "array"},
                                "altijd_open": {"type": "boolean"},
                                "uren_toelichting": NULLABLE_STR,
                                "open_nu": {
                                    "type": ["boolean", "null"],
                                    "description": "null: geen uren bekend, of niet bevestigd.",
                                },
                                "onbevestigd": {
                                    "type": "boolean",
                                    "description": "Nummer of uren zijn niet bevestigd.",
                                },
                            },
                        }
                    ),
                    "opvolging": _list({"type": "string"}),
                    "wie_weet_wat": _list({"type": "string"}),
                    "url": {"type": "string", "format": "uri"},
                },
            }
        ),
        "niet_passend": _list(
            {
                "type": "object",
                "required": ["id", "naam", "waarom", "bron"],
                "properties": {
                    "id": {"type": "string"},
                    "naam": {"type": "string"},
                    "waarom": {"type": "string"},
                    "bron": {
                        **_list({"type": "string"}),
                        "description": "Wie zegt dat dit punt niet past (leeg: de reden volgt "
                        "uit je eigen antwoord of een termijn).",
                    },
                },
            }
        ),
    },
}


def _wegwijzer_path() -> dict:
    return {
        "post": {
            "summary": "De wegwijzer: van antwoorden naar een geordende route door het vangnet",
            "description": (
                "De route staat in de volgorde waarin je ze volgt: eerst wat nu moet bij "
                "gevaar, dan hulp dichtbij, dan de sector, dan gespecialiseerde hulp. Er staat "
                "altijd minstens een gratis stap in, en een anonieme als anoniem gevraagd is."
            ),
            "tags": ["Wegwijzer"],
            "parameters": [TAAL],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": _antwoorden_schema()}},
            },
            "responses": {
                "200": ok_response(ROUTE),
                "400": ok_response(
                    _ref("Fout"),
                    "Geen body, geen geldige JSON, of een onbekend veld of een onbekende "
                    "waarde (`veld` en `toegestaan` noemen ze)",
                ),
                "413": TOO_LARGE,
            },
        }
    }


def document(server_url: str) -> dict:
    """The OpenAPI document, with ``server_url`` as the API's base."""
    paths = {
        "/aanspreekpunten": {
            "get": {
                "summary": "Alle aanspreekpunten van het vangnet",
                "tags": ["Kaart"],
                "parameters": [TAAL],
                "responses": {
                    "200": ok_response(_wrapped("aanspreekpunten", "Aanspreekpunt")),
                    "400": BAD_REQUEST,
                },
            }
        },
        "/aanspreekpunten/{id}": {
            "get": {
                "summary": "Eén aanspreekpunt",
                "tags": ["Kaart"],
                "parameters": [ID, TAAL],
                "responses": {"200": ok_response(_ref("Aanspreekpunt")), "404": NOT_FOUND},
            }
        },
        "/aanbod": {
            "get": {
                "summary": "Het sectorale aanbod: instrumenten, vorming, begeleiding",
                "tags": ["Kaart"],
                "parameters": [TAAL],
                "responses": {"200": ok_response(_wrapped("aanbod", "Aanbod")), "400": BAD_REQUEST},
            }
        },
        "/aanbod/{id}": {
            "get": {
                "summary": "Eén aanbod",
                "tags": ["Kaart"],
                "parameters": [ID, TAAL],
                "responses": {"200": ok_response(_ref("Aanbod")), "404": NOT_FOUND},
            }
        },
        "/organisaties": {
            "get": {
                "summary": "Alle organisaties uit het actieplan",
                "tags": ["Kaart"],
                "parameters": [TAAL],
                "responses": {"200": ok_response(_wrapped("organisaties", "Organisatie"))},
            }
        },
        "/begrippen": {
            "get": {
                "summary": "Het gedeelde begrippenkader (actie 1.3)",
                "tags": ["Begrippen"],
                "parameters": [TAAL],
                "responses": {"200": ok_response(_wrapped("begrippen", "Begrip"))},
            }
        },
        "/zoek": {
            "get": {
                "summary": "Zoeken in aanspreekpunten, aanbod en begrippen, beste eerst",
                "tags": ["Kaart"],
                "parameters": [
                    {
                        "name": "q",
                        "in": "query",
                        "required": True,
                        "description": (
                            "Zoekwoorden, in de taal van `taal` (eerst) of een andere; "
                            "tikfouten, samenstellingen en synoniemen worden begrepen. Leeg, "
                            "alleen tekens of alleen korte woorden (zoals 'ik', 'de'): 200 met "
                            "een lege lijst en `altijd` (1712 en 112). Weggelaten of langer "
                            "dan 200 tekens: 400."
                        ),
                        "schema": {"type": "string", "maxLength": 200},
                    },
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 50},
                    },
                    TAAL,
                ],
                "responses": {
                    "200": ok_response(
                        {
                            "type": "object",
                            "required": ["resultaten"],
                            "properties": {
                                "q": {"type": "string"},
                                "resultaten": _list(_ref("Zoekresultaat")),
                                "suggestie": {
                                    "type": "string",
                                    "description": "De vraag met tikfouten verbeterd, als er "
                                    "waren ('Bedoelde je ...?').",
                                },
                                "altijd": _list(_ref("Zoekresultaat")),
                            },
                        }
                    ),
                    "400": BAD_REQUEST,
                },
            }
        },
    }
    paths["/wegwijzer"] = _wegwijzer_path()
    for module in OPENAPI_MODULES:
        paths.update(import_module(module).openapi_paths())
    paths.update(_hsds_paths())
    for item in paths.values():
        for operation in item.values():
            # Every operation reads ?taal= (vangnet.api.views.api_view and the wegwijzer) and
            # answers 400 to an unknown language, so every operation says so.
            parameters = operation.setdefault("parameters", [])
            if TAAL not in parameters:
                parameters.append(TAAL)
            operation["responses"].setdefault("400", BAD_REQUEST)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Vangnet API",
            "version": "1.0.0",
            "description": (
                "Open data van Vangnet, het platform van het Actieplan tegen grensoverschrijdend "
                "gedrag in de cultuursector 2024-2025: aanspreekpunten, aanbod en begrippen, "
                "elk feit met zijn bron. Ook als Open Referral HSDS 3 onder /hsds/."
            ),
            "license": {"name": "CC BY 4.0", "identifier": "CC-BY-4.0"},
        },
        "servers": [{"url": server_url}],
        "paths": paths,
        "components": {
            "schemas": SCHEMAS,
            # The partners' upload of figures (monitoring/api.py) takes a bearer token.
            "securitySchemes": {"aanleversleutel": {"type": "http", "scheme": "bearer"}},
        },
    }
