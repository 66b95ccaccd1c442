"""The JSON API: shapes pinned by its own OpenAPI document, clear errors, open to all."""

from django.test import Client

import pytest
from jsonschema import Draft202012Validator

pytestmark = pytest.mark.django_db


@pytest.fixture
def openapi(client) -> dict:
    return client.get("/api/v1/openapi.json").json()


def validate(openapi: dict, schema_name: str, instance) -> None:
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": openapi["components"]}
    Draft202012Validator(schema).validate(instance)


def test_the_openapi_document_describes_every_endpoint(openapi):
    assert openapi["openapi"].startswith("3.1")
    for path in [
        "/aanspreekpunten",
        "/aanspreekpunten/{id}",
        "/aanbod",
        "/aanbod/{id}",
        "/begrippen",
        "/zoek",
        "/hsds/",
        "/hsds/services",
        "/hsds/services/{id}",
    ]:
        assert path in openapi["paths"], path
    Draft202012Validator.check_schema({"components": openapi["components"]})


def test_every_contact_point_matches_its_schema(client, openapi):
    data = client.get("/api/v1/aanspreekpunten").json()
    assert len(data["aanspreekpunten"]) >= 24
    for punt in data["aanspreekpunten"]:
        validate(openapi, "Aanspreekpunt", punt)


def test_a_contact_point_carries_the_fields_later_modules_rely_on(client):
    punt = client.get("/api/v1/aanspreekpunten/1712").json()
    for field in ["id", "naam", "soort", "doelgroepen", "gedrag", "kanalen", "anoniem", "kosteloos", "opvolging", "bron"]:  # fmt: skip
        assert field in punt
    assert punt["id"] == "1712"
    assert any(k["soort"] == "telefoon" and "1712" in k["waarde"] for k in punt["kanalen"])


def test_every_offering_and_term_matches_its_schema(client, openapi):
    for item in client.get("/api/v1/aanbod").json()["aanbod"]:
        validate(openapi, "Aanbod", item)
    for term in client.get("/api/v1/begrippen").json()["begrippen"]:
        validate(openapi, "Begrip", term)
    for org in client.get("/api/v1/organisaties").json()["organisaties"]:
        validate(openapi, "Organisatie", org)


def test_search_returns_results_best_first_with_links(client, openapi):
    data = client.get("/api/v1/zoek", {"q": "vertrouwenspersonen"}).json()
    assert data["resultaten"]
    for result in data["resultaten"]:
        validate(openapi, "Zoekresultaat", result)
    scores = [r["score"] for r in data["resultaten"]]
    assert scores == sorted(scores, reverse=True)
    assert data["resultaten"][0]["url"].startswith("http://testserver/")


def test_search_without_words_is_a_clear_error(client):
    response = client.get("/api/v1/zoek")
    assert response.status_code == 400
    assert response.json()["fout"].startswith("q:")


def test_an_unknown_language_names_the_allowed_values(client):
    response = client.get("/api/v1/aanspreekpunten", {"taal": "de"})
    assert response.status_code == 400
    assert response.json()["toegestaan"] == ["nl", "fr", "en"]


def test_texts_follow_the_requested_language(client):
    nl = client.get("/api/v1/aanspreekpunten/1712").json()
    fr = client.get("/api/v1/aanspreekpunten/1712", {"taal": "fr"}).json()
    assert nl["naam"] != fr["naam"]


def test_an_unknown_id_is_a_404_in_json(client):
    response = client.get("/api/v1/aanspreekpunten/bestaat-niet")
    assert response.status_code == 404
    assert "bestaat-niet" in response.json()["fout"]


def test_the_api_is_read_only(client):
    assert client.post("/api/v1/aanspreekpunten").status_code == 405


def test_the_api_may_be_used_from_any_site(client):
    assert client.get("/api/v1/begrippen")["Access-Control-Allow-Origin"] == "*"


def test_lists_cost_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get("/api/v1/aanspreekpunten")
    with django_assert_max_num_queries(6):
        client.get("/api/v1/aanbod")


# Issue 12, medium #4: a query without a word, or with only stop words, answered 500
# ("'Zoekdocument' object is not subscriptable") and logged a traceback each time.
@pytest.mark.parametrize(
    "q",
    ["!", "\N{GRINNING FACE}", "*", "\x00", "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"],
    ids=["exclamation-mark", "emoji", "asterisk", "nul", "guillemet"],
)
def test_zoek_answers_200_with_no_results_to_a_query_without_a_word(client, caplog, q):
    with caplog.at_level("ERROR"):
        response = client.get("/api/v1/zoek", {"q": q})
    assert response.status_code == 200
    body = response.json()
    assert body["q"] == q and body["resultaten"] == []
    # Never a dead end: the helpline and the emergency number are always offered.
    assert [r["id"] for r in body["altijd"]] == ["1712", "noodnummer-112"]
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


@pytest.mark.parametrize("q", ["ik", "de", "mijn", "ik de mijn"])
def test_zoek_answers_200_with_no_results_to_a_query_of_only_small_words(client, caplog, q):
    with caplog.at_level("ERROR"):
        response = client.get("/api/v1/zoek", {"q": q})
    assert response.status_code == 200
    body = response.json()
    assert body["q"] == q and body["resultaten"] == []
    # Never a dead end: the helpline and the emergency number are always offered.
    assert [r["id"] for r in body["altijd"]] == ["1712", "noodnummer-112"]
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_zoek_still_finds_the_real_words_next_to_small_words_and_signs(client):
    alleen = client.get("/api/v1/zoek", {"q": "vertrouwenspersoon"}).json()["resultaten"]
    gemengd = client.get("/api/v1/zoek", {"q": "ik » vertrouwenspersoon !"}).json()["resultaten"]
    assert alleen and [r["id"] for r in gemengd] == [r["id"] for r in alleen]


# Issue 12, low "API conformance": every 400 documented, POST /wegwijzer without a body is a
# 400 naming the problem, an unknown HTTP method is a 405 (JSON) on every endpoint.
def _concrete_paths(client, openapi: dict) -> dict[str, str]:
    """Each documented path with a real id in it, plus the document itself."""
    ids = {
        "/aanspreekpunten/{id}": "1712",
        "/aanbod/{id}": client.get("/api/v1/aanbod").json()["aanbod"][0]["id"],
        "/hsds/services/{id}": client.get("/api/v1/hsds/services").json()["contents"][0]["id"],
        "/hsds/organizations/{id}": client.get("/api/v1/hsds/organizations").json()["contents"][0][
            "id"
        ],
    }
    paths = {"/openapi.json": "/api/v1/openapi.json"}
    for path in openapi["paths"]:
        assert "{" not in path or path in ids, f"no example id for {path}"
        paths[path] = "/api/v1" + path.replace("{id}", ids.get(path, ""))
    return paths


def test_every_400_an_operation_can_answer_is_in_the_openapi_document(client, openapi):
    for path, url in _concrete_paths(client, openapi).items():
        if path == "/openapi.json":
            continue
        for method, operation in openapi["paths"][path].items():
            response = client.generic(method.upper(), url + "?taal=de", b"{}", "application/json")
            assert response.status_code == 400, (method, path, response.status_code)
            assert response.json()["toegestaan"] == ["nl", "fr", "en"]
            assert "400" in operation["responses"], f"{method} {path}: 400 not documented"
            assert any(p.get("name") == "taal" for p in operation.get("parameters", [])), path


@pytest.mark.parametrize("method", ["PUT", "PATCH", "DELETE", "BREW"])
def test_an_unknown_http_method_is_a_405_in_json_on_every_api_endpoint(client, openapi, method):
    # CSRF checks on, as on the real site: the 405 must not become the CSRF failure page.
    strict = Client(enforce_csrf_checks=True)
    for path, url in _concrete_paths(client, openapi).items():
        documented = {m.upper() for m in openapi["paths"].get(path, {"get": {}})}
        response = strict.generic(method, url)
        assert response.status_code == 405, (method, path, response.status_code)
        assert response["Content-Type"] == "application/json", (method, path)
        assert method in response.json()["fout"]
        allowed = {m.strip() for m in response["Allow"].split(",")}
        assert documented <= allowed <= documented | {"HEAD", "OPTIONS"}, (path, allowed)


def test_post_to_a_read_only_endpoint_is_a_405_naming_the_allowed_methods(client):
    response = client.post("/api/v1/begrippen")
    assert response.status_code == 405
    assert response.json()["toegestaan"] == ["GET", "HEAD"]


def test_post_wegwijzer_with_no_body_is_a_400_naming_the_problem(client):
    response = client.post("/api/v1/wegwijzer", b"", content_type="application/json")
    assert response.status_code == 400
    assert "leeg" in response.json()["fout"]
    assert client.post("/api/v1/wegwijzer", b"{}", "application/json").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/aanspreekpunten/geen%20slug",
        "/api/v1/aanbod/%C3%A9%C3%A9n",
        "/api/v1/bestaat-niet",
        "/api/v1/hsds/services/a/b",
    ],
)
def test_an_unknown_api_address_is_a_404_in_json(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["fout"]


@pytest.mark.parametrize("q", ["", "   "])
def test_zoek_answers_200_with_no_results_to_an_empty_query_as_the_kaart_does(client, q):
    response = client.get("/api/v1/zoek", {"q": q})
    assert response.status_code == 200
    assert response.json()["resultaten"] == []
