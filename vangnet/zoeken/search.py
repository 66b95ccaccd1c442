"""Ranked search and filtering over contact points, offering and glossary terms.

A query is a list of conditions, each a set of acceptable tokens:
- every query word must match (AND): exactly a stem, or as the start of a longer stem
  (``intimiteit`` finds ``intimiteitscoördinatie``) at half weight;
- every filter must match one of its values (``sector:circus`` or ``sector:alle``).
The score is the sum of the words' weights; ties are broken by kind and sort key, so the
order is the same on SQLite and PostgreSQL.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, Exists, F, IntegerField, Max, OuterRef, Q, QuerySet, Value, When

from vangnet.zoeken.documents import ALLE, facet
from vangnet.zoeken.models import Zoekdocument, Zoekingang
from vangnet.zoeken.text import tokens

MAX_QUERY_WORDS = 8
MIN_PREFIX = 4


def voorwaarde(dimension: str, values: list[str]) -> list[str]:
    """A filter on one dimension: any of ``values`` passes (and 'every sector' passes a sector)."""
    accepted = [facet(dimension, v) for v in values]
    if dimension == "sector" and values:
        accepted.append(facet("sector", ALLE))
    return accepted


@dataclass
class Zoekvraag:
    """What a person asks for: words, and filters.

    Each filter (``voorwaarde``) is a list of facet tokens of which one must be present.
    """

    tekst: str = ""
    voorwaarden: list[list[str]] = field(default_factory=list)

    @property
    def woorden(self) -> list[str]:
        return list(dict.fromkeys(tokens(self.tekst)))[:MAX_QUERY_WORDS]

    def is_empty(self) -> bool:
        return not self.woorden and not any(self.voorwaarden)


def _word(stem: str) -> tuple[Q, Q]:
    exact = Q(token=stem)
    if len(stem) < MIN_PREFIX:
        return exact, Q(pk__in=[])
    # A range instead of LIKE keeps the token index usable on both engines. Facets start
    # with '@', which no stem starts with, so they never fall inside a word's range.
    return exact, Q(token__gt=stem, token__lt=stem + "\uffff")


def zoek(vraag: Zoekvraag) -> "QuerySet | Gerangschikt":
    """Documents matching ``vraag``, best first, ready for a Paginator (sliced lazily).

    Without words every score would be equal, so filters alone are a plain ordered query on
    the documents; with words the result is ranked (see ``Gerangschikt``).
    """
    documenten = Zoekdocument.objects.order_by("volgorde", "sorteer", "slug")
    if not vraag.woorden:
        for accepted in filter(None, vraag.voorwaarden):
            documenten = documenten.filter(
                Exists(Zoekingang.objects.filter(document=OuterRef("pk"), token__in=accepted))
            )
        return documenten
    return Gerangschikt(vraag)


class Gerangschikt:
    """A ranked word search: one grouped query over the index, joined to the documents last.

    Grouping on the document id alone (and only then joining the documents to order ties)
    keeps the heavy part of the query on the ``(token, document)`` index.
    """

    def __init__(self, vraag: Zoekvraag, page_size: int = 20):
        self.page_size = page_size
        self._pages: dict[tuple[int, int], list[dict]] = {}
        any_row = Q()
        conditions: dict[str, Max] = {}
        score_names = []
        for i, stem in enumerate(vraag.woorden):
            exact, prefix = _word(stem)
            any_row |= exact | prefix
            name = f"w{i}"
            score_names.append(name)
            conditions[name] = Max(
                Case(
                    When(exact, then=F("gewicht") + 1),
                    When(prefix, then=F("gewicht") / 2 + 1),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
        for i, accepted in enumerate(filter(None, vraag.voorwaarden)):
            any_row |= Q(token__in=accepted)
            conditions[f"f{i}"] = Max(
                Case(
                    When(token__in=accepted, then=Value(1)),
                    default=Value(0),
                    output_field=IntegerField(),
                )
            )
        grouped = (
            Zoekingang.objects.filter(any_row)
            .order_by()
            .values("document_id")
            .annotate(**conditions)
            .filter(**{f"{name}__gt": 0 for name in conditions})
            .annotate(score=sum((F(name) for name in score_names), Value(0)))
            .values("document_id", "score")
        )
        self._sql, self._params = grouped.query.sql_with_params()
        self._count: int | None = None

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
