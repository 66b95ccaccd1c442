"""GET /api/v1/vorming: the finder as open data, pinned by the OpenAPI document."""

import pytest
from jsonschema import Draft202012Validator

pytestmark = pytest.mark.django_db

URL = "/api/v1/vorming"


@pytest.fixture
def openapi(client) -> dict:
    return client.get("/api/v1/openapi.json").json()


def _schema(openapi: dict, status: str) -> Draft202012Validator:
    node = openapi["paths"]["/vorming"]["get"]["responses"][status]["content"]
    return Draft202012Validator(
        {**node["application/json"]["schema"], "components": openapi["components"]}
    )


def test_the_answer_matches_the_documented_shape_and_prices(client, openapi):
    response = client.get(URL, {"statuut": "werknemer", "pc": "304", "thema": "vertrouwenspersoon"})
    assert response.status_code == 200
    data = response.json()
    _schema(openapi, "200").validate(data)
    eerste = data["vorming"][0]
    assert eerste["id"] == "opleiding-vertrouwenspersoon-sfp"
    assert (eerste["kost_eur"], eerste["kosteloos"], eerste["vanaf"]) == (0, True, False)
    assert eerste["kost"] == "gratis voor PC 304"
    assert eerste["bron"] == ["actieplan actie 2.3.a", "actieplan actie 1.2.b"]
    prijzen = {v["id"]: (v["kost_eur"], v["vanaf"]) for v in data["vorming"]}
    assert prijzen["opleiding-vertrouwenspersoon-mediarte"] == (850, False)
    assert prijzen["opleiding-vertrouwenspersoon-externe-diensten"] == (1180, True)


def test_an_unknown_price_is_null_and_never_free(client, openapi):
    data = client.get(URL, {"thema": "omstaander"}).json()
    _schema(openapi, "200").validate(data)
    assert data["vorming"] and all(v["kost_eur"] is None for v in data["vorming"])
    assert not any(v["kosteloos"] for v in data["vorming"])


def test_every_parameter_is_optional(client, openapi):
    data = client.get(URL).json()
    _schema(openapi, "200").validate(data)
    assert len(data["vorming"]) > 10
    assert data["statuut"] is None and data["pc"] is None


def test_mediarte_is_free_under_pc_303_01_and_ipa_level_3_is_from_1200(client):
    data = client.get(URL, {"pc": "303.01"}).json()
    prijzen = {v["id"]: (v["kost_eur"], v["vanaf"], v["kosteloos"]) for v in data["vorming"]}
    assert prijzen["opleiding-vertrouwenspersoon-mediarte"] == (0, False, True)
    assert prijzen["opleiding-vertrouwenspersoon-sfp"] == (750, False, False)
    assert prijzen["basisopleiding-preventieadviseur-niveau-3"] == (1200, True, False)


@pytest.mark.parametrize("pc", ["geen", "weet-niet"])
def test_no_committee_means_the_price_for_everyone_else(client, pc):
    data = client.get(URL, {"pc": pc, "thema": "vertrouwenspersoon"}).json()
    assert data["pc"] is None
    assert data["vorming"][0]["kost_eur"] == 750


@pytest.mark.parametrize(
    ("query", "veld", "ook_toegestaan"),
    [
        ({"statuut": "acteur"}, "statuut", "freelancer"),
        ({"pc": "999"}, "pc", "303.01"),
        ({"pc": "304", "thema": "yoga"}, "thema", "vertrouwenspersoon"),
    ],
)
def test_an_unknown_value_gets_a_400_naming_the_parameter_and_what_is_allowed(
    client, openapi, query, veld, ook_toegestaan
):
    response = client.get(URL, query)
    assert response.status_code == 400
    data = response.json()
    _schema(openapi, "400").validate(data)
    assert data["veld"] == veld and data["fout"].startswith(f"{veld}:")
    assert ook_toegestaan in data["toegestaan"]


def test_the_statuut_values_are_the_kaarts(client):
    data = client.get(URL, {"statuut": "x"}).json()
    assert data["toegestaan"] == [
        "werknemer",
        "flexwerker",
        "freelancer",
        "vrijwilliger",
        "deelnemer",
        "student",
        "publiek",
        "leidinggevende",
    ]


def test_the_support_comes_with_the_training_for_a_freelancer(client):
    data = client.get(URL, {"statuut": "freelancer", "thema": "vertrouwenspersoon"}).json()
    sfp = next(v for v in data["vorming"] if v["id"] == "opleiding-vertrouwenspersoon-sfp")
    assert sfp["steun"] == [
        {
            "id": "steun-opleiding-vertrouwenspersoon-vlaanderen",
            "titel": "Financiële steun om vertrouwenspersoon te worden (Vlaamse overheid)",
            "doelgroep": True,
        }
    ]


def test_it_answers_in_the_asked_language_and_to_every_origin(client):
    response = client.get(URL, {"taal": "en", "thema": "vertrouwenspersoon", "pc": "304"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response.json()["vorming"][0]["titel"].startswith("Training as a confidential")
    assert not response.cookies
