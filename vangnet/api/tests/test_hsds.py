"""The Open Referral HSDS 3 export: valid against the vendored HSDS schemas, stable ids.

The schemas in ``vangnet/api/schemas/hsds/`` are compiled here the way the specification
repository validates its examples: ``$ref``s inlined and ``additionalProperties: false`` on
every object, so a field HSDS does not know fails the test.
"""

import copy
import json
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from vangnet.api import hsds
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Organisatie
from vangnet.kaart.tests.factories import (
    AanbodFactory,
    AanspreekpuntFactory,
    KanaalFactory,
    ParitairComiteFactory,
    PrijsFactory,
)

pytestmark = pytest.mark.django_db

SCHEMA_DIR = Path(hsds.__file__).parent / "schemas" / "hsds"
BASE = "/api/v1/hsds"
# uuid5 of "aanspreekpunt:1712" in Vangnet's namespace, written out: the id must never change.
ID_1712 = "82b0b91b-817f-5c3e-80d5-175c3a1aa1a0"


# -- compiling the vendored schemas ----------------------------------------------------------


def _load(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.json").read_text())


def _inline(node, seen: tuple[str, ...] = ()):
    """``node`` with every ``{"$ref": "x.json"}`` replaced by the compiled ``x``."""
    if isinstance(node, list):
        return [_inline(n, seen) for n in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        name = node["$ref"].removesuffix(".json")
        assert name not in seen, f"schema cycle: {seen + (name,)}"
        return _inline(_load(name), seen + (name,))
    # Nested $ids would open new resources; once inlined they only get in the way.
    return {k: _inline(v, seen) for k, v in node.items() if k != "$id"}


def _close(node):
    """Forbid unknown properties on every object (compiletojsonschema's option)."""
    if isinstance(node, list):
        return [_close(n) for n in node]
    if not isinstance(node, dict):
        return node
    closed = {k: _close(v) for k, v in node.items()}
    if "properties" in closed:
        closed["additionalProperties"] = False
    return closed


def _one_to_one(schema: dict) -> dict:
    """An entity with only its own fields: no arrays and no nested objects."""
    reduced = copy.deepcopy(schema)
    reduced["properties"] = {
        k: v
        for k, v in schema["properties"].items()
        if v.get("type") != "array" and "properties" not in v
    }
    return reduced


@cache
def compiled(name: str) -> dict:
    """A closed, self-contained schema for an entity or a derived variant of it."""
    if name == "service_list":
        # As HSDS's compiled service_list.json: own fields plus organization and program.
        service = compiled("service")
        schema = _one_to_one(service)
        for key in ("organization", "program"):
            schema["properties"][key] = _one_to_one(service["properties"][key])
        return schema
    if name == "organization_list":
        return _one_to_one(compiled("organization"))
    if name == "organization_full":
        schema = copy.deepcopy(compiled("organization"))
        schema["properties"]["services"] = {"type": "array", "items": compiled("service")}
        return schema
    return _close(_inline(_load(name), (name,)))


def _strict_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


FORMATS = FormatChecker()
FORMATS.checks("uri")(_strict_uri)


def assert_valid(schema_name: str, instance) -> None:
    """``instance`` is valid HSDS; otherwise list where and why, readably."""
    validator = Draft202012Validator(compiled(schema_name), format_checker=FORMATS)
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
    details = "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    assert not errors, f"not valid HSDS {schema_name}:\n{details}"


def assert_valid_page(data: dict, item_schema: str) -> None:
    assert_valid("page", data)
    for item in data["contents"]:
        assert_valid(item_schema, item)


def test_the_vendored_schemas_are_valid_json_schema():
    paths = list(SCHEMA_DIR.glob("*.json"))
    assert len(paths) == 25
    for path in paths:
        Draft202012Validator.check_schema(json.loads(path.read_text()))


def test_the_compiled_schemas_refuse_fields_hsds_does_not_know():
    schema = compiled("service")
    assert schema["additionalProperties"] is False
    phone = schema["properties"]["phones"]["items"]
    assert phone["additionalProperties"] is False
    with pytest.raises(AssertionError, match="not valid HSDS"):
        assert_valid("phone", {"id": str(uuid.uuid4()), "number": "1712", "kanaal": "x"})


# -- helpers ---------------------------------------------------------------------------------


def export(client) -> dict:
    response = client.get(f"{BASE}/export.json")
    assert response.status_code == 200
    return response.json()


def all_services(data: dict) -> list[dict]:
    return [s for org in data["organizations"] for s in org["services"]]


def service(client, service_id: str) -> dict:
    response = client.get(f"{BASE}/services/{service_id}")
    assert response.status_code == 200, response.content
    return response.json()


def walk(node, key: str) -> Iterator[dict]:
    """Every dict under ``node`` that holds the list ``key``, at any depth."""
    if isinstance(node, dict):
        if isinstance(node.get(key), list):
            yield node
        for value in node.values():
            yield from walk(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value, key)


# -- the export ------------------------------------------------------------------------------


def test_every_service_in_the_export_is_valid_hsds(client):
    data = export(client)
    for org in data["organizations"]:
        assert_valid("organization_full", org)
    for item in data["taxonomies"]:
        assert_valid("taxonomy", item)
    for item in data["taxonomy_terms"]:
        assert_valid("taxonomy_term", item)


def test_the_export_holds_every_contact_point_and_offering_once(client):
    services = all_services(export(client))
    ids = [s["id"] for s in services]
    assert len(ids) == len(set(ids))
    assert len(ids) == Aanspreekpunt.objects.count() + Aanbod.objects.count()
    assert ID_1712 in ids


def test_every_service_points_at_an_organization_of_the_export(client):
    data = export(client)
    for org in data["organizations"]:
        for s in org["services"]:
            assert s["organization_id"] == org["id"]
            assert "organization" not in s  # nested under it already
    org_ids = [o["id"] for o in data["organizations"]]
    assert len(org_ids) == len(set(org_ids)) == Organisatie.objects.count() + 1


def test_every_attribute_links_a_term_of_the_export(client):
    data = export(client)
    terms = {t["id"]: t for t in data["taxonomy_terms"]}
    taxonomies = {t["id"] for t in data["taxonomies"]}
    assert len(terms) == len(data["taxonomy_terms"])
    attributes = [a for holder in walk(data, "attributes") for a in holder["attributes"]]
    assert attributes
    for attribute in attributes:
        assert attribute["taxonomy_term_id"] in terms
        assert attribute["taxonomy_term"] == terms[attribute["taxonomy_term_id"]]
        assert attribute["taxonomy_term"]["taxonomy_id"] in taxonomies


def test_ids_of_nested_records_are_unique(client):
    data = export(client)
    for key in ("phones", "schedules", "service_at_locations", "contacts", "cost_options"):
        ids = [item["id"] for holder in walk(data, key) for item in holder[key]]
        assert len(ids) == len(set(ids)), key
    attribute_ids = [a["id"] for h in walk(data, "attributes") for a in h["attributes"]]
    assert len(attribute_ids) == len(set(attribute_ids))


def test_a_service_id_is_stable_across_exports(client):
    first = [s["id"] for s in all_services(export(client))]
    second = [s["id"] for s in all_services(export(client))]
    assert first == second
    # The same in another process too: a uuid5 of the record's key, not a random id.
    assert hsds.stable_id("aanspreekpunt:1712") == ID_1712
    assert ID_1712 in first


def test_ids_follow_the_record_not_its_position(client):
    before = {s["name"]: s["id"] for s in all_services(export(client))}
    AanspreekpuntFactory(naam="Aaa eerst in de lijst")
    after = {s["name"]: s["id"] for s in all_services(export(client))}
    assert all(after[name] == before[name] for name in before)


# -- services --------------------------------------------------------------------------------


def test_the_services_endpoint_returns_a_page_object(client):
    data = client.get(f"{BASE}/services", {"per_page": 10}).json()
    assert_valid_page(data, "service_list")
    total = Aanspreekpunt.objects.count() + Aanbod.objects.count()
    assert data["total_items"] == total
    assert data["total_pages"] == -(-total // 10)
    assert data["page_number"] == 1
    assert data["size"] == len(data["contents"]) == 10
    assert data["first_page"] is True
    assert data["last_page"] is False
    assert data["empty"] is False


def test_the_full_services_list_nests_everything(client):
    data = client.get(f"{BASE}/services", {"per_page": 200, "full": "true"}).json()
    assert_valid_page(data, "service")
    assert any(s["phones"] for s in data["contents"])


def test_paging_walks_through_every_service_once(client):
    seen, page = [], 1
    while True:
        data = client.get(f"{BASE}/services", {"page": page, "per_page": 7}).json()
        assert_valid("page", data)
        seen += [s["id"] for s in data["contents"]]
        if data["last_page"]:
            break
        page += 1
    assert page == data["total_pages"]
    assert len(seen) == len(set(seen)) == data["total_items"]


def test_a_page_past_the_end_is_empty(client):
    data = client.get(f"{BASE}/services", {"page": 999}).json()
    assert_valid("page", data)
    assert data["empty"] is True
    assert data["contents"] == []
    assert data["last_page"] is True


def test_search_uses_the_sites_own_search(client):
    data = client.get(f"{BASE}/services", {"search": "1712"}).json()
    assert_valid_page(data, "service_list")
    assert data["contents"][0]["id"] == ID_1712
    every = {s["id"] for s in all_services(export(client))}
    assert {s["id"] for s in data["contents"]} <= every
    assert data["total_items"] < len(every)


def test_a_search_without_hits_is_an_empty_page(client):
    data = client.get(f"{BASE}/services", {"search": "zzzqqqxxx"}).json()
    assert_valid("page", data)
    assert data["empty"] is True
    assert data["total_items"] == 0


def test_a_service_from_the_list_gives_the_full_service(client):
    listed = client.get(f"{BASE}/services", {"per_page": 200}).json()["contents"]
    for summary in listed[:5]:
        full = service(client, summary["id"])
        assert_valid("service", full)
        assert full["name"] == summary["name"]


def test_an_unknown_service_id_gives_404(client):
    assert client.get(f"{BASE}/services/{uuid.uuid4()}").status_code == 404
    assert client.get(f"{BASE}/services/1712").status_code == 404
    response = client.get(f"{BASE}/services/geen-uuid")
    assert response.status_code == 404
    assert "fout" in response.json()


def test_the_services_endpoint_uses_a_constant_number_of_queries(
    client, django_assert_max_num_queries
):
    def count(params: dict) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"{BASE}/services", params).status_code == 200
        return len(queries)

    everything = {"per_page": 200, "full": "true"}
    before = count(everything)
    punt = AanspreekpuntFactory()
    KanaalFactory.create_batch(2, aanspreekpunt=punt)
    PrijsFactory.create_batch(2, aanbod=AanbodFactory())
    assert count(everything) == before  # more services, channels and prices: no more queries
    with django_assert_max_num_queries(10):
        client.get(f"{BASE}/services", everything)
    # Searching adds the search's own queries (count, ranked page, its documents).
    with django_assert_max_num_queries(12):
        client.get(f"{BASE}/services", {"per_page": 200, "search": "vertrouwenspersoon"})


def test_the_export_uses_a_constant_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(10):
        export(client)
    AanspreekpuntFactory.create_batch(3)
    KanaalFactory.create_batch(3)
    with django_assert_max_num_queries(10):
        export(client)


# -- mapping ---------------------------------------------------------------------------------


@pytest.fixture
def helpline():
    """A contact point with a phone line on weekdays and a chat open day and night."""
    punt = AanspreekpuntFactory(
        naam="Testlijn",
        kosten="Gratis bellen.",
        voorwaarden="Voor iedereen uit de sector.",
        talen=["nl", "fr"],
        wie_weet_wat=["Je werkgever hoort er niets van."],
        anoniem_toelichting="Je hoeft je naam niet te zeggen.",
        dringend=True,
    )
    KanaalFactory(
        aanspreekpunt=punt,
        volgorde=0,
        soort="telefoon",
        waarde="0800 12 345",
        label="Bel gratis",
        uren=[{"dagen": ["ma", "di", "wo", "do", "vr"], "van": "09:00", "tot": "17:00"}],
        uren_toelichting="Niet op feestdagen.",
    )
    KanaalFactory(
        aanspreekpunt=punt,
        volgorde=1,
        soort="chat",
        waarde="https://chat.example.org/",
        label="Chat",
        uren=[],
        altijd_open=True,
    )
    KanaalFactory(aanspreekpunt=punt, volgorde=2, soort="email", waarde="hulp@example.org", uren=[])
    KanaalFactory(
        aanspreekpunt=punt,
        volgorde=3,
        soort="post",
        waarde="Teststraat 1, 1000 Brussel",
        uren=[],
    )
    return punt


def test_phones_and_schedules_come_from_the_kanalen(client, helpline):
    data = service(client, hsds.stable_id(f"aanspreekpunt:{helpline.slug}"))
    assert_valid("service", data)
    assert [(p["number"], p["type"]) for p in data["phones"]] == [("0800 12 345", "voice")]
    assert "Bel gratis" in data["phones"][0]["description"]
    by_channel = {s["attending_type"]: s for s in data["schedules"]}
    weekdays = by_channel["Bel gratis"]
    assert weekdays["freq"] == "WEEKLY"
    assert weekdays["byday"] == "MO,TU,WE,TH,FR"
    assert (weekdays["opens_at"], weekdays["closes_at"]) == ("09:00", "17:00")
    assert weekdays["description"] == "Niet op feestdagen."
    always = by_channel["Chat"]
    assert always["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    assert (always["opens_at"], always["closes_at"]) == ("00:00", "23:59")


def test_web_and_postal_channels_become_locations_and_mail_a_contact(client, helpline):
    data = service(client, hsds.stable_id(f"aanspreekpunt:{helpline.slug}"))
    locations = {s["location"]["location_type"]: s for s in data["service_at_locations"]}
    assert locations["virtual"]["location"]["url"] == "https://chat.example.org/"
    assert "Teststraat 1" in locations["postal"]["location"]["description"]
    chat_schedule = next(s for s in data["schedules"] if s["attending_type"] == "Chat")
    assert chat_schedule["service_at_location_id"] == locations["virtual"]["id"]
    assert data["email"] == "hulp@example.org"
    assert [c["email"] for c in data["contacts"]] == ["hulp@example.org"]


def test_the_texts_of_a_contact_point_find_their_hsds_fields(client, helpline):
    data = service(client, hsds.stable_id(f"aanspreekpunt:{helpline.slug}"))
    assert data["application_process"] == (
        "1. Je vertelt wat er gebeurde.\n2. Samen bekijken we wat je wil."
    )
    assert data["eligibility_description"] == "Voor iedereen uit de sector."
    assert data["fees_description"] == "Gratis bellen."
    assert data["cost_options"][0]["amount"] == 0
    assert "Je werkgever hoort er niets van." in data["description"]
    assert [(lang["code"], lang["name"]) for lang in data["languages"]] == [
        ("nl", "Nederlands"),
        ("fr", "Frans"),
    ]


def test_code_lists_become_attributes_with_taxonomy_terms(client, helpline):
    data = service(client, hsds.stable_id(f"aanspreekpunt:{helpline.slug}"))
    linked = {(a["link_type"], a["taxonomy_term"]["code"]) for a in data["attributes"]}
    assert {("status", "werknemer"), ("gedrag", "seksueel"), ("context", "werk")} <= linked
    assert ("aanspreekpunt-soort", "hulplijn") in linked
    kenmerken = {
        a["taxonomy_term"]["code"]: a for a in data["attributes"] if a["link_type"] == "kenmerk"
    }
    assert kenmerken["anoniem"]["value"] == "true"
    assert kenmerken["anoniem"]["label"] == "Je hoeft je naam niet te zeggen."
    assert kenmerken["dringend"]["value"] == "true"
    werknemer = next(a for a in data["attributes"] if a["taxonomy_term"]["code"] == "werknemer")
    assert werknemer["taxonomy_term"]["name"] == "werknemer"
    assert werknemer["link_entity"] == "service"
    assert werknemer["link_id"] == data["id"]


def test_cost_options_name_the_paritair_comite(client):
    pc = ParitairComiteFactory(naam="Paritair Comité voor de testers")
    aanbod = AanbodFactory(titel="Testopleiding")
    PrijsFactory(aanbod=aanbod, paritair_comite=pc, bedrag=0, toelichting="Betaald door het fonds.")
    PrijsFactory(aanbod=aanbod, paritair_comite=None, bedrag="749.50", vanaf=True)
    data = service(client, hsds.stable_id(f"aanbod:{aanbod.slug}"))
    assert_valid("service", data)
    options = {o["amount"]: o for o in data["cost_options"]}
    covered = options[0]
    assert f"paritair comité {pc.slug}" in covered["option"]
    assert "Paritair Comité voor de testers" in covered["option"]
    assert covered["currency"] == "EUR"
    assert "Betaald door het fonds." in covered["amount_description"]
    others = options[749.5]
    assert "alle andere" in others["option"]
    assert "Vanaf-prijs." in others["amount_description"]
    assert f"paritair comité {pc.slug}" in data["fees_description"]


def test_a_contact_point_without_organisation_belongs_to_the_general_organization(client):
    punt = AanspreekpuntFactory(naam="Zonder organisatie")
    general_id = hsds.stable_id(hsds.GENERAL_ORG_KEY)
    data = service(client, hsds.stable_id(f"aanspreekpunt:{punt.slug}"))
    assert data["organization_id"] == general_id
    assert data["organization"]["name"].startswith("Vangnet")
    org = client.get(f"{BASE}/organizations/{general_id}").json()
    assert_valid("organization_full", org)
    assert data["id"] in [s["id"] for s in org["services"]]


def test_an_offering_belongs_to_its_first_provider(client):
    data = service(client, ID_1712)
    assert data["organization"]["name"] == Aanspreekpunt.objects.get(slug="1712").organisatie.naam
    item = Aanbod.objects.filter(aanbieders__isnull=False).distinct().first()
    offering = service(client, hsds.stable_id(f"aanbod:{item.slug}"))
    first = item.aanbieders.order_by("naam").first()
    assert offering["organization_id"] == hsds.stable_id(f"organisatie:{first.slug}")


# -- organizations, taxonomies, root ---------------------------------------------------------


def test_the_organizations_endpoint_lists_every_organisation(client):
    data = client.get(f"{BASE}/organizations").json()
    assert_valid_page(data, "organization_list")
    assert data["total_items"] == Organisatie.objects.count() + 1


def test_an_organization_nests_its_services(client):
    caw = Organisatie.objects.get(slug="caw")
    data = client.get(f"{BASE}/organizations/{hsds.stable_id('organisatie:caw')}").json()
    assert_valid("organization_full", data)
    assert data["name"] == caw.naam
    assert ID_1712 in [s["id"] for s in data["services"]]
    assert client.get(f"{BASE}/organizations/{uuid.uuid4()}").status_code == 404


def test_taxonomies_cover_every_code_list_with_its_values(client):
    taxonomies = client.get(f"{BASE}/taxonomies").json()
    assert_valid_page(taxonomies, "taxonomy")
    terms = client.get(f"{BASE}/taxonomy_terms").json()
    assert_valid_page(terms, "taxonomy_term")
    codes = {(t["taxonomy"], t["code"]) for t in terms["contents"]}
    for tax in hsds.TAXONOMIES.values():
        for value in tax.keuzes.values:
            assert (str(tax.naam), value) in codes
    assert terms["total_items"] == len(codes)


def test_a_translated_request_is_valid_hsds_with_dutch_terms(client):
    data = client.get(f"{BASE}/export.json", {"taal": "fr"}).json()
    for org in data["organizations"]:
        assert_valid("organization_full", org)
    assert {t["language"] for t in data["taxonomy_terms"]} == {"nl"}
    s1712 = next(s for s in all_services(data) if s["id"] == ID_1712)
    assert s1712["name"] == Aanspreekpunt.objects.get(slug="1712").naam_fr


def test_the_api_root_names_the_hsds_version(client):
    data = client.get(f"{BASE}/").json()
    assert_valid("api_root", data)
    assert data["version"] == hsds.HSDS_VERSION == "3.1"
    assert data["openapi_url"].endswith("/api/v1/openapi.json")
