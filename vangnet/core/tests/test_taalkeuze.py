"""The language links of every page lead to the same page, with its query, in that language."""

import re

from django.urls import translate_url
from django.utils.translation import override

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "adres",
    ["/", "/kaart/?sector=circus&niveau=preventie", "/kaart/aanspreekpunt/1712/", "/begrippen/"],
)
def test_a_language_link_is_the_same_page_and_query_in_that_language(client, adres):
    page = client.get(adres).content.decode()
    for code in ("fr", "en"):
        link = re.search(rf'<a href="([^"]*)" lang="{code}" hreflang="{code}">', page).group(1)
        with override("nl"):  # translate_url reads the path in the active language
            assert link.replace("&amp;", "&") == translate_url(adres, code)
        assert client.get(link.replace("&amp;", "&")).status_code == 200


def test_a_page_that_does_not_exist_still_offers_the_languages(client):
    page = client.get("/bestaat-niet/").content.decode()
    assert 'hreflang="fr"' in page and 'hreflang="en"' in page


def test_the_main_menu_marks_the_section_of_the_page_although_it_is_kept_per_language(client):
    assert 'href="/kaart/" aria-current="page"' in client.get("/kaart/").content.decode()
    begrippen = client.get("/begrippen/").content.decode()
    assert 'href="/kaart/" aria-current="page"' not in begrippen
    assert 'href="/begrippen/" aria-current="page"' in begrippen
