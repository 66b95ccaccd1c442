"""Ranked search and filtering over contact points, offering and glossary terms.

A query is a list of conditions:
- each meaningful word of the query (``vraag.ontleed``) is a set of acceptable tokens, each
  with a weight in tenths (its own stem in the page's language, other languages, longer
  words, typos); a document scores, per word, its best token's index weight times those
  tenths, plus ``DEKKING`` for the word being there at all;
- every filter must match one of its values (``sector:circus`` or ``sector:alle``).
A document must hold at least half of the words (rounded up) that can match anything, so a
sentence finds what it is about although its other words are in no document; because each
word present adds ``DEKKING`` (more than any weight), documents holding more of the words
come first, then the better weighted. Ties are broken by kind and sort key, so the order is
the same on SQLite and PostgreSQL (integer arithmetic only).
"""

import math
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, Max, OuterRef, Q, QuerySet, Value, When
from django.utils import translation

from vangnet.zoeken.documents import ALLE, facet
from vangnet.zoeken.models import Zoekdocument, Zoekingang
from vangnet.zoeken.taal import TALEN
from vangnet.zoeken.vraag import MAX_WOORDEN, Ontleding, betekenisvolle_woorden, ontleed
from vangnet.zoeken.woordenschat import huidige_woordenschat

MAX_QUERY_WORDS = MAX_WOORDEN
#: What one word of the query adds by being in a document (more than any weight can).
DEKKING = 1000
#: What a page without results offers instead, always: the helpline and the emergency number.
ALTIJD = ("aanspreekpunt:1712", "aanspreekpunt:noodnummer-112")


def voorwaarde(dimension: str, values: list[str]) -> list[str]:
    """A filter on one dimension: any of ``values`` passes (and 'every sector' passes a sector)."""
    accepted = [facet(dimension, v) for v in values]
    if dimension == "sector" and values:
        accepted.append(facet("sector", ALLE))
    return accepted


def paginataal() -> str:
    """The language of the page being served (Dutch outside a request)."""
    taal = (translation.get_language() or "nl")[:2]
    return taal if taal in TALEN else "nl"


@dataclass
class Zoekvraag:
    """What a person asks for: words, and filters.

    Each filter (``voorwaarde``) is a list of facet tokens of which one must be present.
    ``taal`` is the language the words are looked for first (the page's by default).
    """

    tekst: str = ""
    voorwaarden: list[list[str]] = field(default_factory=list)
    taal: str = ""

    @property
    def woorden(self) -> list[str]:
        """The meaningful words (folded, stop words dropped, at most MAX_QUERY_WORDS)."""
        return betekenisvolle_woorden(self.tekst)

    @property
    def heeft_tekst(self) -> bool:
        """Something was typed (perhaps only stop words, signs or emoji)."""
        return bool(self.tekst.strip())

    def is_empty(self) -> bool:
        return not self.woorden and not any(self.voorwaarden)

    def ontleed(self) -> Ontleding:
        return ontleed(self.tekst, self.taal or paginataal(), huidige_woordenschat())


def zoek(vraag: Zoekvraag) -> "QuerySet | Gerangschikt":
    """Documents matching ``vraag``, best first, ready for a Paginator (sliced lazily).

    Without anything typed every score would be equal, so filters alone are a plain ordered
    query on the documents; with words the result is ranked (see ``Gerangschikt``). Typed
    text without a word that can match (only stop words, a sign, an emoji, an unknown word)
    gives no results, never the whole kaart.
    """
    documenten = Zoekdocument.objects.order_by("volgorde", "sorteer", "slug")
    if not vraag.heeft_tekst:
        for accepted in filter(None, vraag.voorwaarden):
            documenten = documenten.filter(
                Exists(Zoekingang.objects.filter(document=OuterRef("pk"), token__in=accepted))
            )
        return documenten
    return Gerangschikt(vraag)


def _token_case(woord_tokens: dict[str, int]) -> Case:
    """One word's score on one index row: the row's weight times the token's tenths."""
    per_tienden: dict[int, list[str]] = {}
    for tok, tienden in woord_tokens.items():
        per_tienden.setdefault(tienden, []).append(tok)
    return Case(
        *(
            When(token__in=sorted(toks), then=F("gewicht") * Value(t) / Value(10) + DEKKING)
            for t, toks in sorted(per_tienden.items(), reverse=True)
        ),
        default=Value(0),
        output_field=IntegerField(),
    )


class Gerangschikt:
    """A ranked word search: one grouped query over the index, joined to the documents last.

    Grouping on the document id alone (and only then joining the documents to order ties)
    keeps the heavy part of the query on the ``(token, document)`` index. ``suggestie`` is
    the query with its typos corrected, when there were any.
    """

    def __init__(self, vraag: Zoekvraag, page_size: int = 20):
        self.page_size = page_size
        self._pages: dict[tuple[int, int], list[dict]] = {}
        self._count: int | None = None
        self.ontleding = vraag.ontleed() if vraag.woorden else None
        self.suggestie = self.ontleding.suggestie if self.ontleding else None
        woorden = self.ontleding.woorden if self.ontleding else []
        self._sql = None
        if not woorden:
            return
        all_tokens: set[str] = set()
        conditions: dict[str, Max] = {}
        score_names = []
        for i, woord in enumerate(woorden):
            all_tokens |= set(woord.tokens)
            name = f"w{i}"
            score_names.append(name)
            conditions[name] = Max(_token_case(woord.tokens))
        any_row = Q(token__in=sorted(all_tokens))
        filters = {}
        for i, accepted in enumerate(filter(None, vraag.voorwaarden)):
            any_row |= Q(token__in=accepted)
            conditions[f"f{i}"] = Max(
                Case(
                    When(token__in=accepted, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
            filters[f"f{i}__gt"] = 0
        nodig = math.ceil(len(woorden) / 2)
        grouped = (
            Zoekingang.objects.filter(any_row)
            .order_by()
            .values("document_id")
            .annotate(**conditions)
            .annotate(score=sum((F(name) for name in score_names), Value(0)))
            .filter(score__gte=nodig * DEKKING, **filters)
            .values("document_id", "score")
        )
        self._sql, self._params = grouped.query.sql_with_params()

    def count(self) -> int:
        """The number of hits. Fetching the first page tells it too (a window count), so a
        first page of results costs one query."""
        if self._count is None:
            self[0 : self.page_size]
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key: slice) -> list[dict]:
        if not isinstance(key, slice) or key.step is not None:
            raise TypeError("Gerangschikt only supports slices without a step")
        start = key.start or 0
        stop = key.stop if key.stop is not None else start + 1_000_000
        if self._sql is None:
            self._count = 0
            return []
        for (first, last), rows in self._pages.items():
            # A page already fetched that holds this slice (the paginator asks for the first
            # page again, shortened to the number of hits).
            complete = len(rows) < last - first
            if first <= start and (stop <= last or complete):
                return rows[start - first : stop - first]
        document = Zoekdocument._meta.db_table
        # The inner SQL is the ORM's own and the table name is ours; values are parameters.
        sql = (
            "SELECT treffers.document_id, treffers.score, COUNT(*) OVER () "  # noqa: S608
            f"FROM ({self._sql}) AS treffers "
            f"JOIN {document} AS d ON d.id = treffers.document_id "
            "ORDER BY treffers.score DESC, d.volgorde, d.sorteer, d.slug LIMIT %s OFFSET %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self._params, max(0, stop - start), start])
            rows = cursor.fetchall()
        if rows:
            self._count = rows[0][2]
        elif start == 0:
            self._count = 0
        page = [{"document": row[0], "score": row[1]} for row in rows]
        self._pages[(start, stop)] = page
        return page


def documents(page: list) -> list[Zoekdocument]:
    """The documents of one page of ``zoek`` results, in order (one query)."""
    if page and isinstance(page[0], Zoekdocument):
        return list(page)
    ids = [row["document"] for row in page]
    by_id = Zoekdocument.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]
