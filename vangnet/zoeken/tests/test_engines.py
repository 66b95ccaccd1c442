"""SQLite and PostgreSQL give the same results: the database's ranking equals a reference
computed in Python from the same index rows, for every query of the quality suite.

CI runs this file on both engines (``.ci/run``), so both equal the reference, and so each
other: same items, same order, same scores.
"""

import math

import pytest

from vangnet.zoeken import kwaliteit
from vangnet.zoeken.models import Zoekdocument, Zoekingang
from vangnet.zoeken.search import DEKKING, Zoekvraag, zoek
from vangnet.zoeken.voorrang import vraagt_aanbod

pytestmark = pytest.mark.django_db


def referentie(vraag: Zoekvraag, n: int = 10) -> list[tuple[int, int]]:
    """(document id, score) of the first ``n`` results, computed in Python."""
    ranked = zoek(vraag)
    woorden = ranked.ontleding.woorden if ranked.ontleding else []
    if not woorden:
        return []
    alle = set().union(*(w.tokens.keys() | w.alleen_gewicht.keys() for w in woorden))
    per_document: dict[int, dict[str, tuple[int, int]]] = {}
    for document_id, token, gewicht, voorrang in Zoekingang.objects.filter(
        token__in=alle
    ).values_list("document_id", "token", "gewicht", "voorrang"):
        per_document.setdefault(document_id, {})[token] = (gewicht, voorrang)
    scores = {}
    eigen = set().union(*(w.tokens.keys() for w in woorden))
    for document_id, tokens in per_document.items():
        score = 0
        for woord in woorden:
            # DEKKING when the document holds the word, plus its best weight (tokens that
            # add only weight, such as the umbrella's word, count for the weight alone).
            tienden = {**woord.alleen_gewicht, **woord.tokens}
            if any(tok in woord.tokens for tok in tokens):
                score += DEKKING
            score += max(
                (g * tienden[tok] // 10 for tok, (g, _v) in tokens.items() if tok in tienden),
                default=0,
            )
        # Help's precedence, once: the highest of the rows of the words it holds, unless
        # the query names a kind of offering.
        if not vraagt_aanbod(ranked.ontleding):
            score += max((v for tok, (_g, v) in tokens.items() if tok in eigen), default=0)
        if score >= math.ceil(len(woorden) / 2) * DEKKING:
            scores[document_id] = score
    # A situation the wegwijzer knows lifts the first steps of its route (situatie.py), a
    # best bet its item (topresultaten.py).
    for document in Zoekdocument.objects.filter(slug__in={slug for _s, slug in ranked.bonus}):
        if document.pk in scores:
            scores[document.pk] += ranked.bonus.get((document.soort, document.slug), 0)
    docs = Zoekdocument.objects.in_bulk(list(scores))
    order = sorted(
        scores,
        key=lambda i: (-scores[i], docs[i].volgorde, docs[i].sorteer, docs[i].slug),
    )
    return [(i, scores[i]) for i in order[:n]]


@pytest.mark.parametrize("proef", [pytest.param(p, id=p.naam) for p in kwaliteit.PROEVEN])
def test_the_database_ranks_as_the_python_reference(proef):
    vraag = Zoekvraag(tekst=proef.vraag, taal=proef.taal)
    database = [(row["document"], row["score"]) for row in zoek(vraag)[:10]]
    assert database == referentie(vraag)


def test_the_documents_of_a_ranked_page_are_the_ones_the_orm_reads():
    # They come with the ranked query's rows (no query of their own), read with the
    # engine's converters: the badges (JSON), numbers and texts equal the ORM's.
    rows = zoek(Zoekvraag(tekst="vertrouwenspersoon discriminatie", taal="nl"))[:20]
    assert rows
    by_id = Zoekdocument.objects.in_bulk([row["document"] for row in rows])
    for row in rows:
        doc, orm = row["doc"], by_id[row["document"]]
        assert doc.pk == orm.pk
        for veld in Zoekdocument._meta.concrete_fields:
            assert getattr(doc, veld.attname) == getattr(orm, veld.attname), veld.name
        assert isinstance(doc.kenmerken, dict)
