"""A best bet (data/topresultaten.yaml, ADR 0023) puts its item first for the whole query
that names its topic, and only lifts: it adds no item the query does not find and hides none."""

from django.utils import translation

import pytest

from vangnet.inhoud.versie import huidige
from vangnet.zoeken import topresultaten
from vangnet.zoeken.models import Topresultaat
from vangnet.zoeken.search import Zoekvraag, documents, zoek

pytestmark = pytest.mark.django_db


def gevonden(tekst: str, taal: str = "nl", n: int = 1000) -> list[tuple[str, str]]:
    with translation.override(taal):
        return [(d.soort, d.slug) for d in documents(zoek(Zoekvraag(tekst=tekst))[:n])]


def test_the_helpline_comes_first_for_a_search_on_violence():
    assert gevonden("geweld", n=1) == [("aanspreekpunt", "1712")]


def test_only_the_whole_query_counts_not_a_longer_one():
    assert topresultaten.bonus("geweld op het werk", "nl", huidige()) == {}
    assert topresultaten.bonus("Geweld!", "nl", huidige()) == {("aanspreekpunt", "1712"): 200}


def test_a_bet_in_dutch_does_not_apply_to_another_language():
    assert topresultaten.bonus("geweld", "fr", huidige()) == {}


def test_a_best_bet_hides_nothing_and_moves_only_its_own_item(monkeypatch):
    met = gevonden("geweld")
    monkeypatch.setattr(topresultaten, "bonus", lambda tekst, taal, versie: {})
    zonder = gevonden("geweld")
    assert set(met) == set(zonder)
    assert [d for d in met if d != ("aanspreekpunt", "1712")] == [
        d for d in zonder if d != ("aanspreekpunt", "1712")
    ]


def test_a_best_bet_never_brings_in_an_item_the_query_does_not_find():
    Topresultaat.objects.create(
        slug="test-kunstmatig",
        zoekvraag_nl=["omstaander"],
        soort=Topresultaat.Soort.AANSPREEKPUNT,
        doel="1712",
        waarom="test",
        bron=["test"],
    )
    assert ("aanspreekpunt", "1712") not in gevonden("omstaander")


def test_an_edit_in_the_admin_takes_effect_at_once():
    Topresultaat.objects.filter(slug="geweld-1712").update(doel="caw")
    Topresultaat.objects.get(slug="geweld-1712").save()  # as the admin saves: a new version
    assert gevonden("geweld", n=1) == [("aanspreekpunt", "caw")]


def test_a_best_bet_names_exactly_the_kinds_of_item_the_index_holds():
    from vangnet.zoeken.documents import SOORTEN

    assert set(Topresultaat.Soort.values) == set(SOORTEN)
