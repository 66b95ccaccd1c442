"""The public kaart pages: the list with search and filters, and the detail pages."""

import pytest

from vangnet.kaart.tests.factories import (
    AanbodFactory,
    AanspreekpuntFactory,
    KanaalFactory,
    OrganisatieFactory,
    PrijsFactory,
)

pytestmark = pytest.mark.django_db


def slugs(response) -> list[str]:
    return [doc.slug for doc in response.context["resultaten"]]


def test_the_home_page_opens_three_doors(client):
    html = client.get("/").content.decode()
    for door in [
        "Ik heb iets meegemaakt of gezien",
        "Ik wil mijn organisatie sterker maken",
        "Ik zoek informatie of vorming",
    ]:
        assert door in html


def test_the_list_shows_contact_points_before_offering_when_nothing_is_asked(client):
    response = client.get("/kaart/")
    kinds = [doc.soort for doc in response.context["resultaten"]]
    assert kinds == sorted(kinds, key=["aanspreekpunt", "aanbod", "begrip"].index)
    assert response.context["page"].paginator.count > 100


def test_a_filter_on_status_keeps_only_contact_points_for_that_status(client):
    response = client.get("/kaart/", {"status": "vrijwilliger", "soort": "aanspreekpunt"})
    assert response.context["resultaten"]
    from vangnet.kaart.models import Aanspreekpunt

    for doc in response.context["resultaten"]:
        assert "vrijwilliger" in Aanspreekpunt.objects.get(slug=doc.slug).doelgroepen


def test_filters_combine_and_values_within_a_filter_are_alternatives(client):
    a = AanspreekpuntFactory(gedrag=["seksueel"], sectoren=["circus"])
    b = AanspreekpuntFactory(gedrag=["discriminatie"], sectoren=[])
    c = AanspreekpuntFactory(gedrag=["fysiek"], sectoren=["muziek"])
    response = client.get(
        "/kaart/",
        {
            "gedrag": ["seksueel", "discriminatie", "fysiek"],
            "sector": "circus",
            "q": "Testaanspreekpunt",
        },
    )
    found = slugs(response)
    # An item for every sector passes a sector filter; one for another sector does not.
    assert a.slug in found and b.slug in found and c.slug not in found


def test_the_free_filter_counts_a_price_of_zero_under_my_paritair_comite(client):
    gratis_304 = AanbodFactory(titel="Testvorming gratis onder 304")
    PrijsFactory(aanbod=gratis_304, paritair_comite=None, bedrag=750)
    from vangnet.kaart.models import ParitairComite

    PrijsFactory(
        aanbod=gratis_304, paritair_comite=ParitairComite.objects.get(slug="304"), bedrag=0
    )
    from vangnet.zoeken.documents import AANBOD
    from vangnet.zoeken.indexing import reindex

    reindex(AANBOD, gratis_304)
    assert gratis_304.slug in slugs(
        client.get("/kaart/", {"q": "Testvorming", "kosteloos": "on", "pc": "304"})
    )
    assert gratis_304.slug not in slugs(
        client.get("/kaart/", {"q": "Testvorming", "kosteloos": "on"})
    )


def test_an_invalid_filter_value_shows_a_translated_error_and_keeps_the_search(client):
    response = client.get("/kaart/", {"q": "vertrouwenspersoon", "gedrag": "onzin"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is een probleem met je keuze" in html
    assert "onzin" in html
    assert 'value="vertrouwenspersoon"' in html


def test_the_error_is_translated_in_french(client):
    html = client.get("/fr/kaart/", {"gedrag": "onzin"}).content.decode()
    assert "Sélectionnez un choix valide" in html


def test_results_are_paginated_with_the_query_kept(client):
    response = client.get("/kaart/", {"soort": "aanbod"})
    html = response.content.decode()
    if response.context["page"].has_next():
        assert "soort=aanbod&amp;pagina=2" in html


def test_a_contact_point_page_shows_how_to_reach_it_and_what_happens_next(client):
    punt = AanspreekpuntFactory(met_organisatie=True)
    KanaalFactory(aanspreekpunt=punt, soort="telefoon", waarde="0800 12 345")
    html = client.get(f"/kaart/aanspreekpunt/{punt.slug}/").content.decode()
    assert 'href="tel:080012345"' in html
    assert "maandag tot vrijdag, 09:00–17:00" in html
    assert "Wat gebeurt er als je contact opneemt?" in html
    assert "Je vertelt wat er gebeurde." in html
    assert "Wie komt wat te weten?" in html
    assert punt.organisatie.naam in html


def test_an_unconfirmed_fact_is_marked_as_such(client):
    punt = AanspreekpuntFactory(anoniem=None, onbevestigd=["openingsuren"])
    html = client.get(f"/kaart/aanspreekpunt/{punt.slug}/").content.decode()
    assert "Niet bevestigd:" in html and "openingsuren" in html
    assert "niet bevestigd" in html  # anonymity unknown


def test_a_source_from_the_plan_and_a_url_are_both_shown(client):
    punt = AanspreekpuntFactory(bron=["actieplan actie 2.1", "https://www.1712.be/nl/over-1712"])
    html = client.get(f"/kaart/aanspreekpunt/{punt.slug}/").content.decode()
    assert "Actieplan 2024-2025, actie 2.1" in html
    assert 'href="https://www.1712.be/nl/over-1712"' in html


def test_an_offering_page_shows_the_price_for_my_paritair_comite(client):
    aanbod = AanbodFactory()
    from vangnet.kaart.models import ParitairComite

    PrijsFactory(aanbod=aanbod, paritair_comite=ParitairComite.objects.get(slug="304"), bedrag=0)
    PrijsFactory(aanbod=aanbod, paritair_comite=None, bedrag=750)
    assert (
        "Voor jou (PC 304) is dit gratis."
        in client.get(f"/kaart/aanbod/{aanbod.slug}/?pc=304").content.decode()
    )
    assert (
        "Voor jou (PC 329) kost dit € 750."
        in client.get(f"/kaart/aanbod/{aanbod.slug}/?pc=329").content.decode()
    )


def test_an_organisation_page_lists_its_offering(client):
    org = OrganisatieFactory()
    aanbod = AanbodFactory(aanbieders=[org])
    assert aanbod.titel in client.get(f"/kaart/organisatie/{org.slug}/").content.decode()


def test_an_unknown_item_gives_404(client):
    assert client.get("/kaart/aanspreekpunt/bestaat-niet/").status_code == 404
    assert client.get("/kaart/aanbod/bestaat-niet/").status_code == 404


@pytest.mark.parametrize(
    "path", ["/kaart/", "/kaart/?q=opleiding", "/kaart/?sector=circus&niveau=preventie"]
)
def test_the_list_costs_the_same_number_of_queries_with_more_items(
    client, path, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(path)
    AanbodFactory.create_batch(60, titel="Extra opleiding", sectoren=["circus"])
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(path)


def test_a_search_never_asked_before_costs_two_queries_the_content_version_and_the_search(
    client, django_assert_num_queries
):
    # The vocabulary and the joint committees are read once per content version and
    # process; the documents to show come with the ranked query.
    client.get("/kaart/?q=opleiding")
    with django_assert_num_queries(2):
        response = client.get("/kaart/?q=vertrouwenspersoon&pc=")
    assert response.context["resultaten"]


def test_the_joint_committees_of_the_form_follow_a_change_of_the_content(client):
    from vangnet.kaart.models import ParitairComite

    client.get("/kaart/?q=opleiding")
    ParitairComite.objects.create(slug="999", naam="Proefcomité")
    choices = dict(client.get("/kaart/?q=opleiding").context["form"].fields["pc"].choices)
    assert "999" in choices


def test_a_detail_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/kaart/aanspreekpunt/1712/")
