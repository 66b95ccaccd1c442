"""Content without a translation is shown in Dutch, marked lang="nl" and with a note (WCAG 3.1.2).

``{% vertaald record "veld" %}`` knows whether modeltranslation fell back to Dutch.
"""

import re

from django.template import Context, Template
from django.utils import translation

import pytest

from vangnet.core.vertaald import vertaald
from vangnet.kaart.tests.factories import AanspreekpuntFactory, KanaalFactory

pytestmark = pytest.mark.django_db

NOTE_FR = "(en néerlandais, pas encore traduit)"
NOTE_EN = "(in Dutch, not yet translated)"


@pytest.fixture(autouse=True)
def _keep_the_active_language():
    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def punt_zonder_frans():
    """A contact point written in Dutch and English, with no French at all."""
    punt = AanspreekpuntFactory(
        naam_nl="Luisterlijn Test",
        naam_en="Test listening line",
        samenvatting_nl="Je kan er je verhaal kwijt.",
        samenvatting_en="You can tell your story there.",
        kosten_nl="Gratis.",
        kosten_en="Free.",
        opvolging_nl=["Je belt.", "Iemand luistert."],
        opvolging_en=["You call.", "Someone listens."],
        wie_weet_wat_nl=["Niemand anders."],
        wie_weet_wat_en=["Nobody else."],
    )
    KanaalFactory(aanspreekpunt=punt, label_nl="Bel de luisterlijn", label_en="Call the line")
    return punt


def test_a_record_without_a_french_value_shows_the_dutch_text_marked_dutch_on_the_french_page(
    client, punt_zonder_frans
):
    html = client.get(f"/fr{punt_zonder_frans.get_absolute_url()}").content.decode()

    assert '<h1><span lang="nl">Luisterlijn Test</span> <span class="niet-vertaald">' in html
    assert '<span lang="nl">Je kan er je verhaal kwijt.</span>' in html
    assert '<span lang="nl">Bel de luisterlijn</span>' in html
    assert NOTE_FR in html


def test_a_list_without_a_french_value_is_marked_dutch_as_a_whole(client, punt_zonder_frans):
    html = client.get(f"/fr{punt_zonder_frans.get_absolute_url()}").content.decode()

    assert re.search(
        r'<ol class="stappen" lang="nl"><li>Je belt\.</li><li>Iemand luistert\.</li></ol>', html
    )
    assert '<ul lang="nl"><li>Niemand anders.</li></ul>' in html


def test_a_translated_record_is_shown_in_the_page_language_without_a_note(
    client, punt_zonder_frans
):
    html = client.get(f"/en{punt_zonder_frans.get_absolute_url()}").content.decode()

    assert "<h1>Test listening line</h1>" in html
    assert '<ol class="stappen"><li>You call.</li>' in html
    assert 'lang="nl"' not in html.split("<main", 1)[1].split("</main>", 1)[0]
    assert NOTE_EN not in html


def test_the_dutch_page_never_carries_the_note(client, punt_zonder_frans):
    html = client.get(punt_zonder_frans.get_absolute_url()).content.decode()

    assert "<h1>Luisterlijn Test</h1>" in html
    assert "niet-vertaald" not in html


def test_the_tag_reads_a_mapping_of_languages_and_falls_back_to_dutch():
    template = Template('{% load vangnet %}{% vertaald uitleg %}|{% vertaald reden "tekst" %}')
    context = Context(
        {"uitleg": {"nl": "Verplicht.", "en": "Required."}, "reden": {"tekst": {"nl": "Nee."}}}
    )
    with translation.override("en"):
        assert template.render(context) == (
            f'Required.|<span lang="nl">Nee.</span> <span class="niet-vertaald">{NOTE_EN}</span>'
        )


def test_an_empty_field_is_empty_and_needs_no_note(punt_zonder_frans):
    with translation.override("fr"):
        leeg = vertaald(punt_zonder_frans, "voorwaarden")
    assert not leeg
    assert not leeg.terugval


def test_a_field_that_is_not_content_is_never_marked():
    kanaal = KanaalFactory()
    with translation.override("fr"):
        waarde = vertaald(kanaal, "waarde")
    assert (waarde.waarde, waarde.terugval) == ("0800 00 000", False)
