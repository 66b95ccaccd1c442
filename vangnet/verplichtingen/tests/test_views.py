"""The page /toolbox/verplichtingen/: the form, its errors, the result."""

from django.urls import reverse
from django.utils import translation

import pytest

pytestmark = pytest.mark.django_db

URL = "/toolbox/verplichtingen/"


def test_the_url_name_leads_to_the_page():
    assert reverse("verplichtingen:index") == URL


def test_the_empty_form_asks_three_questions_and_sets_no_cookie(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    for naam in ("werknemers", "vrijwilligers", "pc"):
        assert f'name="{naam}"' in html
    assert 'method="get"' in html
    assert "PC 304" in html  # the kaart's paritaire comités are the choices
    assert not response.cookies
    assert "Wat geldt voor jouw organisatie" not in html


def test_the_result_lists_required_before_recommended_with_source_and_date(client):
    response = client.get(URL, {"werknemers": "60", "vrijwilligers": "12", "pc": "304"})
    assert response.status_code == 200
    html = response.content.decode()
    verplicht = html.index("Wat de wet verplicht")
    aanbevolen = html.index("Wat we je daarnaast aanraden")
    assert verplicht < html.index('id="regel-vertrouwenspersoon"') < aanbevolen
    assert aanbevolen < html.index('id="regel-aanspreekpunt-integriteit"')
    assert "1 december 2023" in html
    assert "art. 32sexies" in html
    assert "prebes.be" in html  # a source of the rule
    assert not response.cookies


def test_the_result_links_to_the_kaart_and_shows_the_price_under_the_committee(client):
    html = client.get(URL, {"werknemers": "60", "vrijwilligers": "0", "pc": "304"}).content.decode()
    assert 'href="/kaart/aanspreekpunt/vertrouwenspersoon-intern/"' in html
    assert 'href="/kaart/aanbod/opleiding-vertrouwenspersoon-sfp/"' in html
    assert "gratis onder PC 304" in html


def test_a_volunteer_organisation_hears_what_the_law_does_not_cover(client):
    html = client.get(URL, {"werknemers": "0", "vrijwilligers": "25"}).content.decode()
    assert "de Welzijnswet legt je organisatie niets op" in html
    assert html.index('id="regel-aanspreekpunt-integriteit"') < html.index(
        "Wat niet voor jou geldt"
    )
    assert "Vrijwilligers, leden en deelnemers staan niet in die lijst" in html


@pytest.mark.parametrize(
    ("params", "fout"),
    [
        ({"werknemers": "-3", "vrijwilligers": "0"}, "kan niet negatief zijn"),
        ({"werknemers": "veel", "vrijwilligers": "0"}, "alleen cijfers"),
        ({"werknemers": "", "vrijwilligers": "0"}, "Heb je er geen, vul dan 0 in"),
        ({"werknemers": "5", "vrijwilligers": "5", "pc": "999"}, "Kies een paritair comité"),
        ({"werknemers": "2000000", "vrijwilligers": "0"}, "tot 1.000.000"),
    ],
)
def test_bad_input_gets_a_clear_error_and_keeps_what_was_typed(client, params, fout):
    response = client.get(URL, params)
    assert response.status_code == 400
    html = response.content.decode()
    assert "data-foutoverzicht" in html and fout in html
    assert html.count(fout) >= 2  # in the summary and at the field
    assert "<title>Fout:" in html
    for naam, waarde in params.items():
        if naam != "pc" and waarde:
            assert f'value="{waarde}"' in html
    assert "Wat geldt voor jouw organisatie" not in html


def test_a_dutch_thousands_separator_is_read_as_thousands(client):
    html = client.get(URL, {"werknemers": "1.200", "vrijwilligers": "0"}).content.decode()
    assert "1200 werknemers" in html
    assert "groep A" in html


def test_the_page_comes_in_english(client):
    # The LocaleMiddleware leaves English active in this thread after the request; the
    # override puts the previous language back so later tests do not run in English.
    with translation.override(translation.get_language()):
        response = client.get("/en" + URL, {"werknemers": "10", "vrijwilligers": "0"})
    assert response.status_code == 200
    assert "you as the employer may be the prevention adviser yourself" in response.content.decode()


@pytest.mark.parametrize("taal", ["", "/fr", "/en"])
@pytest.mark.parametrize(
    "params",
    [
        {"werknemers": "10", "vrijwilligers": "5"},
        {"werknemers": "60", "vrijwilligers": "20", "pc": "304"},
    ],
)
def test_sources_and_notes_are_text_never_a_printed_python_structure(client, taal, params):
    # A note that YAML read as a mapping ("datum: ...") was once printed as {'datum': ...}.
    html = client.get(taal + URL, params).content.decode()
    assert "bron__lijst" in html
    for teken in ("{&#x27;", "[&#x27;", "{'", "['", "&#x27;}", "&#x27;]"):
        assert teken not in html, teken
