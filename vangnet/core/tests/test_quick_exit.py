"""The quick exit ("Snel weg") forgets the visit on the server and in the browser."""

from django.conf import settings

import pytest

pytestmark = pytest.mark.django_db


def test_it_sends_the_person_to_a_neutral_site(client):
    response = client.get("/weg/")
    assert response.status_code == 302
    assert response["Location"] == settings.QUICK_EXIT_URL


def test_it_flushes_the_session(client):
    session = client.session
    session["wegwijzer"] = {"gedrag": ["seksueel"]}
    session.save()
    key = session.session_key
    client.get("/weg/")
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()


def test_it_asks_the_browser_to_clear_this_sites_data(client):
    client.cookies["django_language"] = "fr"
    response = client.get("/weg/")
    assert response["Clear-Site-Data"] == '"cache", "cookies", "storage"'
    assert response.cookies["django_language"]["max-age"] == 0


def test_it_has_one_address_whatever_the_language(client):
    assert 'href="/weg/"' in client.get("/fr/").content.decode()
    assert 'href="/weg/"' in client.get("/en/kaart/").content.decode()


def test_the_safe_browsing_page_explains_the_shortcut(client):
    html = client.get("/veilig-surfen/").content.decode()
    assert "Shift" in html
    assert "browsergeschiedenis wordt niet gewist" in html


def test_the_health_check_answers_without_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/gezond")
    assert response.content == b"ok"


def test_the_not_found_page_has_the_quick_exit_and_speaks_dutch(client):
    response = client.get("/kaart/aanspreekpunt/bestaat-niet/")
    html = response.content.decode()
    assert response.status_code == 404
    assert 'href="/weg/"' in html and "Deze pagina bestaat niet" in html


def test_the_error_page_renders_without_a_request_and_keeps_the_quick_exit():
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert 'href="/weg/"' in html and 'href="tel:112"' in html
