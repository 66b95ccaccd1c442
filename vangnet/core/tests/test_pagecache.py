"""Public pages are served from the page cache until the content changes, and not a moment longer."""

import pytest

from vangnet.inhoud.versie import huidige
from vangnet.kaart.models import Aanspreekpunt

pytestmark = pytest.mark.django_db


def test_a_page_served_again_costs_one_query(client, django_assert_num_queries):
    first = client.get("/kaart/")
    with django_assert_num_queries(1):  # the content version
        again = client.get("/kaart/")
    assert again.content == first.content


def test_an_edit_is_visible_at_once(client):
    assert "Hulplijn Eenhoorn" not in client.get("/kaart/aanspreekpunt/1712/").content.decode()
    punt = Aanspreekpunt.objects.get(slug="1712")
    punt.naam = "Hulplijn Eenhoorn"
    punt.save()
    assert "Hulplijn Eenhoorn" in client.get("/kaart/aanspreekpunt/1712/").content.decode()


def test_a_change_of_a_related_row_raises_the_version():
    before = huidige()
    Aanspreekpunt.objects.get(slug="1712").kanalen.first().save()
    assert huidige() == before + 1


def test_each_language_has_its_own_copy(client):
    assert client.get("/").content != client.get("/fr/").content


def test_the_cached_page_keeps_its_security_headers(client):
    client.get("/begrippen/")
    response = client.get("/begrippen/")
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("text/html")


def test_a_page_that_was_not_found_is_not_cached(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/kaart/aanspreekpunt/bestaat-niet/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/kaart/aanspreekpunt/bestaat-niet/")
    assert response.status_code == 404
    assert len(queries) > 1  # looked up again, not served from the cache


def test_reloading_the_content_without_changes_keeps_the_cache():
    from django.core.management import call_command

    before = huidige()
    call_command("load_content", verbosity=0)
    # Only the rebuilt search index raises it, once.
    assert huidige() == before + 1
