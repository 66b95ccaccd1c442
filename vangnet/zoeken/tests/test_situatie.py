"""A query that describes a situation the wegwijzer knows follows the wegwijzer's route
(vangnet/zoeken/situatie.py, ADR 0022)."""

from django.utils import translation

import pytest

from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.kaartbeeld import punten
from vangnet.wegwijzer.routing import route
from vangnet.zoeken import situatie
from vangnet.zoeken.search import DEKKING, Zoekvraag, documents, zoek

pytestmark = pytest.mark.django_db


def contactpunten(tekst: str, taal: str = "nl") -> list[str]:
    with translation.override(taal):
        return [
            d.slug
            for d in documents(zoek(Zoekvraag(tekst=tekst))[:50])
            if d.soort == "aanspreekpunt"
        ]


def test_a_behaviour_and_a_context_put_the_contact_points_in_the_order_of_the_wegwijzers_route():
    eerste = route(Antwoorden(gedrag=frozenset({"psychisch"}), context="werk"), punten()).ids()
    gevonden = contactpunten("waar kan ik terecht als ik op het werk gepest word")
    assert gevonden[: situatie.STAPPEN] == eerste[: situatie.STAPPEN]


def test_the_same_situation_in_french_follows_the_same_route():
    assert (
        contactpunten("harcèlement au travail", "fr")[:3] == contactpunten("pesten op het werk")[:3]
    )


def test_the_same_situation_in_english_follows_the_same_route():
    # "work" is in two contexts' English labels ("at work", "during training or a work
    # placement"); it is all of the first and a third of the second.
    assert contactpunten("bullying at work", "en")[:3] == contactpunten("pesten op het werk")[:3]


@pytest.mark.parametrize(
    "tekst, context",
    [
        ("bullying at work", "werk"),
        ("bullying during my work placement", "opleiding"),
        ("pesten op het werk", "werk"),
        ("pesten in mijn stage", "opleiding"),
    ],
)
def test_a_word_in_two_contexts_names_the_one_whose_label_it_covers_most(tekst, context):
    assert situatie.situatie(zoek(Zoekvraag(tekst=tekst)).ontleding) == (
        frozenset({"psychisch"}),
        context,
    )


@pytest.mark.parametrize(
    "tekst", ["machtsmisbruik", "geweld", "op het werk", "grensoverschrijdend gedrag op het werk"]
)
def test_a_topic_or_a_context_alone_or_the_umbrella_term_gets_no_route(tekst):
    # Without both, the wegwijzer's order says nothing about the topic (it puts the points
    # inside an organisation first for everyone); "grensoverschrijdend gedrag" is every kind.
    assert situatie.bonus(zoek(Zoekvraag(tekst=tekst)).ontleding, None) == {}


def test_the_route_hides_no_contact_point_it_only_lifts(monkeypatch):
    tekst = "pesten op het werk"
    met = {row["document"]: row["score"] for row in zoek(Zoekvraag(tekst=tekst))[:1000]}
    monkeypatch.setattr(situatie, "situatie", lambda ontleding: None)
    zonder = {row["document"]: row["score"] for row in zoek(Zoekvraag(tekst=tekst))[:1000]}
    assert set(met) == set(zonder)
    assert all(met[d] >= zonder[d] for d in met)


def test_one_more_word_of_the_query_still_counts_more_than_the_first_step_of_a_route():
    assert situatie.BONUS_EERSTE < DEKKING // 10


def test_a_kind_of_behaviour_lifts_the_point_for_grensoverschrijdend_gedrag_as_a_whole():
    # Eleven contact points declare abuse of power among their behaviours, with the same
    # weight; the one that is about grensoverschrijdend gedrag as a whole comes first of them.
    rows = zoek(Zoekvraag(tekst="machtsmisbruik"))[:30]
    punten = [d.slug for d in documents(rows) if d.soort == "aanspreekpunt"]
    for andere in ("caw", "vakbond", "1712", "vertrouwenspersoon-intern"):
        assert punten.index("vlaams-meldpunt") < punten.index(andere)


def test_the_umbrella_never_counts_as_the_word_itself():
    from vangnet.zoeken.models import Zoekingang

    ranked = zoek(Zoekvraag(tekst="machtsmisbruik"))
    (woord,) = ranked.ontleding.woorden
    assert woord.alleen_gewicht and not set(woord.alleen_gewicht) & set(woord.tokens)
    gevonden = {row["document"] for row in ranked[:1000]}
    met_woord = set(
        Zoekingang.objects.filter(token__in=woord.tokens).values_list("document_id", flat=True)
    )
    assert gevonden <= met_woord
