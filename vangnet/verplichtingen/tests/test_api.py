"""GET /api/v1/verplichtingen, pinned by its OpenAPI document."""

import pytest
from jsonschema import Draft202012Validator

pytestmark = pytest.mark.django_db

URL = "/api/v1/verplichtingen"


@pytest.fixture
def openapi(client) -> dict:
    return client.get("/api/v1/openapi.json").json()


def _schema(openapi: dict, status: str) -> Draft202012Validator:
    node = openapi["paths"]["/verplichtingen"]["get"]["responses"][status]
    schema = node["content"]["application/json"]["schema"]
    return Draft202012Validator({**schema, "components": openapi["components"]})


def vraag(client, **params):
    return client.get(URL, params)


def by_id(data: dict) -> dict:
    return {v["id"]: v for v in data["verplichtingen"]}


def test_the_answer_matches_the_documented_shape_and_has_every_promised_id(client, openapi):
    response = vraag(client, werknemers=30, vrijwilligers=10, pc="304")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    data = response.json()
    _schema(openapi, "200").validate(data)
    v = by_id(data)
    assert {
        "preventieadviseur-psychosociaal",
        "interne-preventieadviseur",
        "vertrouwenspersoon",
        "risicoanalyse-psychosociaal",
        "aanspreekpunt-integriteit",
    } <= set(v)
    assert v["preventieadviseur-psychosociaal"]["extern"] is True
    assert v["interne-preventieadviseur"]["werkgever_mag_zelf"] is False
    assert v["vertrouwenspersoon"]["verplicht"] is False
    assert v["aanspreekpunt-integriteit"]["verplicht"] is False
    assert v["aanspreekpunt-integriteit"]["soort"] == "aanbevolen"
    assert data["invoer"] == {"werknemers": 30, "vrijwilligers": 10, "pc": "304"}
    assert all(item["bron"] and item["wettelijke_bron"] for item in data["verplichtingen"])


@pytest.mark.parametrize(
    ("werknemers", "extern", "mag_zelf", "vp_verplicht"),
    [(19, True, True, False), (20, True, False, False), (49, True, False, False), (50, False, False, True)],
)  # fmt: skip
def test_the_thresholds_hold_through_the_api(client, werknemers, extern, mag_zelf, vp_verplicht):
    v = by_id(vraag(client, werknemers=werknemers).json())
    assert v["preventieadviseur-psychosociaal"]["extern"] is extern
    assert v["interne-preventieadviseur"]["werkgever_mag_zelf"] is mag_zelf
    assert v["vertrouwenspersoon"]["verplicht"] is vp_verplicht


def test_required_rules_come_first(client):
    soorten = [
        v["soort"] for v in vraag(client, werknemers=5, vrijwilligers=5).json()["verplichtingen"]
    ]
    order = ["verplicht", "aanbevolen", "niet-van-toepassing"]
    assert soorten == sorted(soorten, key=order.index)


def test_volunteers_only_is_the_default_for_workers(client, openapi):
    data = vraag(client, vrijwilligers=8).json()
    _schema(openapi, "200").validate(data)
    v = by_id(data)
    assert v["preventieadviseur-psychosociaal"]["soort"] == "niet-van-toepassing"
    assert v["preventieadviseur-psychosociaal"]["extern"] is None
    assert v["aanspreekpunt-integriteit"]["soort"] == "aanbevolen"


def test_the_price_follows_the_paritair_comite(client):
    def prijs(**params):
        v = by_id(vraag(client, werknemers=60, **params).json())
        hulp = {h["id"]: h for h in v["vertrouwenspersoon"]["hulp"]}
        return hulp["opleiding-vertrouwenspersoon-sfp"]["prijs"]

    assert prijs(pc="304") == 0
    assert prijs() == 750


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"werknemers": "-1"}, "werknemers"),
        ({"werknemers": "tien"}, "werknemers"),
        ({"vrijwilligers": "-5"}, "vrijwilligers"),
        ({"vrijwilligers": "1,5"}, "vrijwilligers"),
        ({"werknemers": "3", "pc": "999"}, "pc"),
    ],
)
def test_bad_parameters_answer_400_naming_the_parameter(client, openapi, params, parameter):
    response = client.get(URL, params)
    assert response.status_code == 400
    data = response.json()
    _schema(openapi, "400").validate(data)
    assert data["parameter"] == parameter
    assert data["fout"].startswith(f"{parameter}: ")


def test_the_texts_come_in_the_language_asked(client):
    v = by_id(vraag(client, werknemers=10, taal="en").json())
    assert v["vertrouwenspersoon"]["uitleg"].startswith("With fewer than 50 workers")
    assert "/en/kaart/" in v["vertrouwenspersoon"]["hulp"][0]["url"]


def test_the_openapi_document_describes_the_parameters(openapi):
    get = openapi["paths"]["/verplichtingen"]["get"]
    assert [p["name"] for p in get["parameters"]] == ["werknemers", "vrijwilligers", "pc", "taal"]
