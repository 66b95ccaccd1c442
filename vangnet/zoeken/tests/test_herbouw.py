"""The index is rebuilt fast without changing what it holds, and the vocabulary in memory
follows the content.

A full rebuild (``reindex_all``) takes shortcuts that saving one item does not (texts
analysed once for all items that share them, providers and prices read in two queries,
SQLite's indexes dropped while it writes, PostgreSQL's rows by COPY); both must write the
same rows.
"""

from django.db import connection

import pytest

from vangnet.begrippen.models import Begrip
from vangnet.zoeken import indexing
from vangnet.zoeken.documents import SOORTEN
from vangnet.zoeken.models import Zoekingang, Zoekwoord
from vangnet.zoeken.search import Zoekvraag, documents, zoek
from vangnet.zoeken.woordenschat import huidige_woordenschat

pytestmark = pytest.mark.django_db


def index_rows() -> list[tuple[str, str, str, int, int]]:
    return sorted(
        Zoekingang.objects.values_list(
            "document__soort", "document__slug", "token", "gewicht", "voorrang"
        )
    )


def vocabulary() -> set[tuple[str, str]]:
    return set(Zoekwoord.objects.values_list("woord", "token"))


def test_a_full_rebuild_writes_what_saving_each_item_alone_writes():
    indexing.reindex_all()
    rebuilt, words = index_rows(), vocabulary()
    assert rebuilt
    for soort in SOORTEN.values():
        for obj in soort.model().objects.all():
            indexing.reindex(soort, obj)
    assert index_rows() == rebuilt
    assert vocabulary() == words


def test_a_full_rebuild_leaves_the_indexes_the_migrations_made():
    table = Zoekingang._meta.db_table
    with connection.cursor() as cursor:
        before = connection.introspection.get_constraints(cursor, table)
    indexing.reindex_all()
    with connection.cursor() as cursor:
        after = connection.introspection.get_constraints(cursor, table)
    assert after == before
    assert after["zoek_token_dekkend"]["columns"] == ["token", "document_id", "gewicht", "voorrang"]


def test_pages_of_a_ranked_search_follow_each_other_without_gaps_or_repeats():
    vraag = Zoekvraag(tekst="melden seksueel geweld")
    whole = zoek(vraag)[0:12]
    pages = zoek(vraag)
    assert len(whole) == 12
    assert pages[0:4] + pages[4:8] + pages[8:12] == whole
    assert zoek(vraag).count() == pages.count() >= 12


def test_a_page_beyond_the_last_hit_is_empty_and_still_knows_the_count():
    ranked = zoek(Zoekvraag(tekst="unia"))
    assert ranked[500:520] == []
    assert ranked.count() >= 1


def test_a_content_change_reaches_the_vocabulary_in_memory_on_the_next_search():
    def shown(query: str) -> list[str]:
        return [d.slug for d in documents(list(zoek(Zoekvraag(tekst=query))[:5]))]

    assert shown("kwelgeestgedrag") == []
    huidige_woordenschat()  # this process holds the vocabulary of the current version
    begrip = Begrip.objects.get(slug="pesterijen")
    begrip.synoniemen = [*begrip.synoniemen, "kwelgeestgedrag"]
    begrip.save()
    # A new word of the content and a typo of it answer at once:
    # the next search sees that the content version rose and reloads the vocabulary.
    assert "pesterijen" in shown("kwelgeestgedrag")
    assert "pesterijen" in shown("kwelgeestgedrg")


@pytest.mark.parametrize("taal", ["nl", "fr", "en"])
def test_a_result_links_to_the_address_reverse_gives_in_every_language(taal):
    from django.urls import reverse
    from django.utils import translation

    from vangnet.zoeken.models import Zoekdocument

    with translation.override(taal):
        for doc in Zoekdocument.objects.all():
            expected = reverse(SOORTEN[doc.soort].detail_url, args=[doc.slug])
            assert doc.get_absolute_url() == expected
