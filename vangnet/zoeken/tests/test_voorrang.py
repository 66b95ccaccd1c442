"""Help before the offering (vangnet/zoeken/voorrang.py, ADR 0026): a catalogue of trainings
named after a topic does not push the contact points that handle it, or the term that
explains it, out of the first results; a query that asks for a kind of offering gets the
offering."""

from types import SimpleNamespace

from django.db.migrations.loader import MigrationLoader
from django.utils import translation

import pytest

from vangnet.kaart.models import Aanbod
from vangnet.zoeken import indexing, signals
from vangnet.zoeken.documents import (
    AANBOD,
    AANSPREEKPUNT,
    BEGRIP,
    SYNONIEM,
    TEKST,
    TITEL,
    VOORRANG,
    voorrang,
)
from vangnet.zoeken.models import Zoekingang
from vangnet.zoeken.search import DEKKING, Zoekvraag, documents, zoek
from vangnet.zoeken.voorrang import vraagt_aanbod

pytestmark = pytest.mark.django_db

ONDERWERPEN = ["pesten", "machtsmisbruik", "seksuele intimidatie", "discriminatie"]
VORMEN = [("Opleiding", "vorming"), ("Workshop", "workshop"), ("Supervisie", "begeleiding")]


@pytest.fixture
def een_catalogus_vol_trainingen():
    """Forty-eight offering items named after the topics, more than a first page holds for
    each: the way a sector-wide catalogue looks once providers add their trainings."""
    items = [
        Aanbod(
            slug=f"training-{i}",
            titel=f"{vorm} {onderwerp} op tournee ({i})",
            titel_nl=f"{vorm} {onderwerp} op tournee ({i})",
            samenvatting=f"Een {vorm.lower()} over {onderwerp}, met oefeningen.",
            samenvatting_nl=f"Een {vorm.lower()} over {onderwerp}, met oefeningen.",
            soort=soort,
        )
        for i, ((vorm, soort), onderwerp) in enumerate(
            (vorm, onderwerp) for vorm in VORMEN for onderwerp in ONDERWERPEN for _ in range(4)
        )
    ]
    Aanbod.objects.bulk_create(items)
    indexing.reindex_all()
    return items


def eerste(tekst: str, n: int = 5, taal: str = "nl") -> list[str]:
    with translation.override(taal):
        return [f"{d.soort}:{d.slug}" for d in documents(zoek(Zoekvraag(tekst=tekst))[:n])]


@pytest.mark.parametrize(
    ("tekst", "hulp"),
    [
        ("pesten", ["begrip:pesterijen", "aanspreekpunt:vertrouwenspersoon-intern"]),
        ("machtsmisbruik", ["begrip:machtsmisbruik", "aanspreekpunt:vlaams-meldpunt"]),
        ("seksuele intimidatie", ["begrip:seksuele-intimidatie", "aanspreekpunt:igvm"]),
        ("discriminatie", ["aanspreekpunt:unia", "begrip:discriminatie"]),
    ],
)
def test_a_topic_shows_its_help_first_even_among_dozens_of_trainings_named_after_it(
    een_catalogus_vol_trainingen, tekst, hulp
):
    gevonden = eerste(tekst)
    assert set(hulp) <= set(gevonden), gevonden
    # The trainings are still found, after the help.
    assert any(item.startswith("aanbod:training-") for item in eerste(tekst, 100))


def test_a_query_that_names_a_kind_of_offering_gets_the_offering_first(
    een_catalogus_vol_trainingen,
):
    gevonden = eerste("workshop pesten", 4)
    assert all(item.startswith("aanbod:training-") for item in gevonden), gevonden


@pytest.mark.parametrize(
    ("tekst", "taal"),
    [
        ("opleiding vertrouwenspersoon", "nl"),
        ("een workshop", "nl"),
        ("bystander training", "en"),
        ("formation harcèlement", "fr"),
        ("supervisie", "nl"),
    ],
)
def test_the_words_of_the_kinds_of_offering_ask_for_the_offering(tekst, taal):
    with translation.override(taal):
        assert vraagt_aanbod(zoek(Zoekvraag(tekst=tekst)).ontleding)


@pytest.mark.parametrize("tekst", ["pesten", "waar kan ik terecht", "harcèlement", "opleidng"])
def test_a_topic_a_sentence_or_a_typo_asks_for_no_kind_of_offering(tekst):
    # A typo is not a word of the label: it gets the usual order, help first.
    assert not vraagt_aanbod(zoek(Zoekvraag(tekst=tekst)).ontleding)


def test_help_gets_precedence_only_for_what_it_is_for():
    assert voorrang(AANSPREEKPUNT, TITEL) == VOORRANG
    assert voorrang(BEGRIP, SYNONIEM) == VOORRANG
    # A word a contact point's description mentions in passing, or a term's definition.
    assert voorrang(AANSPREEKPUNT, TEKST) == 0
    assert voorrang(BEGRIP, SYNONIEM - 1) == 0
    # The offering never; facets (weight 0) never.
    assert voorrang(AANBOD, TITEL) == 0
    assert voorrang(AANSPREEKPUNT, 0) == 0


def test_precedence_weighs_more_than_any_weight_and_less_than_one_more_word():
    # A title, a synonym and the most that free text and a synonym group add, together.
    assert TITEL + SYNONIEM + 15 + 14 < VOORRANG < DEKKING // 2


def test_one_more_word_of_the_query_still_beats_help(een_catalogus_vol_trainingen):
    # "op tournee" is in the trainings' titles, not in the topic's contact points.
    gevonden = eerste("pesten op tournee", 3)
    assert all(item.startswith("aanbod:training-") for item in gevonden), gevonden


def migratie(app_label: str, name: str) -> SimpleNamespace:
    """What ``migrate`` passes in its plan: a migration's app and name."""
    return SimpleNamespace(app_label=app_label, name=name)


def test_the_migration_that_adds_precedence_rebuilds_an_existing_index():
    Zoekingang.objects.update(voorrang=0)  # as the new column leaves an existing index
    plan = [(migratie("zoeken", "0005_hulp_gaat_voor"), False)]
    signals.herbouw_na_migratie(sender=None, plan=plan)
    assert Zoekingang.objects.filter(voorrang=VOORRANG).exists()


def test_other_migrations_leave_the_index_alone():
    Zoekingang.objects.update(voorrang=0)
    signals.herbouw_na_migratie(sender=None, plan=[(migratie("kaart", "0001_initial"), False)])
    assert not Zoekingang.objects.filter(voorrang=VOORRANG).exists()


def test_the_migrations_that_rebuild_the_index_exist():
    assert set(MigrationLoader(None).disk_migrations) >= signals.HERBOUW_NA
