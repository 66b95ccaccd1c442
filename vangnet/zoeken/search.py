"""Ranked search and filtering over contact points, offering and glossary terms.

A query is a list of conditions:
- each meaningful word of the query (``vraag.ontleed``) is a set of acceptable tokens, each
  with a weight in tenths (its own stem in the page's language, other languages, longer
  words, typos); a document scores, per word, its best token's index weight times those
  tenths, plus ``DEKKING`` for the word being there at all;
- a contact point or a glossary term that holds one of the words in what it is for adds
  its ``voorrang`` once, unless the query names a kind of offering (``voorrang.py``): help
  before the offering among equals;
- every filter must match one of its values (``sector:circus`` or ``sector:alle``).
A document must hold at least half of the words (rounded up) that can match anything, so a
sentence finds what it is about although its other words are in no document; because each
word present adds ``DEKKING`` (more than any weight and precedence), documents holding more
of the words come first; among those, help goes before the offering (its precedence weighs
more than the weight of any one word), and the better weighted before the rest. Ties are
broken by kind and sort key, so the order is the same on SQLite and PostgreSQL (integer
arithmetic only).
"""

import functools
import math
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, connection, connections
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import translation

from vangnet.inhoud.versie import huidige
from vangnet.zoeken import situatie, topresultaten
from vangnet.zoeken.documents import ALLE, facet
from vangnet.zoeken.models import Zoekdocument, Zoekingang
from vangnet.zoeken.taal import TALEN
from vangnet.zoeken.voorrang import vraagt_aanbod
from vangnet.zoeken.vraag import MAX_WOORDEN, Ontleding, Woord, betekenisvolle_woorden, ontleed
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
    ``inhoudsversie`` is the content version when the request already read it (the
    vocabulary is kept per version), so a page reads it once.
    """

    tekst: str = ""
    voorwaarden: list[list[str]] = field(default_factory=list)
    taal: str = ""
    inhoudsversie: int | None = None

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

    def ontleed(self, inhoudsversie: int | None = None) -> Ontleding:
        if inhoudsversie is None:
            inhoudsversie = self.inhoudsversie
        woordenschat = huidige_woordenschat(inhoudsversie)
        return ontleed(self.tekst, self.taal or paginataal(), woordenschat)


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


def _woord_sql(woord: Woord, params: list) -> str:
    """One word's score on one document: its best index row's weight times the token's
    tenths, plus DEKKING when the document holds the word (0 when it does not). The tenths
    are small integers of our own (``vraag``); the tokens are parameters."""
    if not woord.alleen_gewicht:
        return f"MAX({_case(woord.tokens, params, f' + {DEKKING}')})"
    # Tokens that add only weight: presence and weight apart.
    dekking = ", ".join(["%s"] * len(woord.tokens))
    params.extend(sorted(woord.tokens))
    gewicht = _case({**woord.alleen_gewicht, **woord.tokens}, params, "")
    return f"MAX(CASE WHEN token IN ({dekking}) THEN {DEKKING} ELSE 0 END) + MAX({gewicht})"


def _voorrang_sql(woorden: list[Woord], params: list) -> str:
    """What help adds, once per document: the highest ``voorrang`` among the rows of the
    words it holds (a contact point or a glossary term that holds one of them in what it is
    for). Once, not per word, so that among help the words and weights decide as before."""
    eigen = sorted(set().union(*(woord.tokens.keys() for woord in woorden)))
    params.extend(eigen)
    return f"MAX(CASE WHEN token IN ({', '.join(['%s'] * len(eigen))}) THEN voorrang ELSE 0 END)"


def _case(tokens: dict[str, int], params: list, plus: str) -> str:
    per_tienden: dict[int, list[str]] = {}
    for tok, tienden in tokens.items():
        per_tienden.setdefault(int(tienden), []).append(tok)
    whens = []
    for tienden, toks in sorted(per_tienden.items(), reverse=True):
        whens.append(
            f"WHEN token IN ({', '.join(['%s'] * len(toks))}) THEN gewicht * {tienden} / 10{plus}"
        )
        params.extend(sorted(toks))
    return f"CASE {' '.join(whens)} ELSE 0 END"


class Gerangschikt:
    """A ranked word search: one query over the index, written by hand (the ORM's
    expressions cost more to build than a fresh search may take).

    The index rows of the accepted tokens are grouped per document on the covering
    ``(token, document, gewicht)`` index (``treffers``, computed once). Only the hits that
    can be on the page asked for (a score at least that of the page's last place) are
    joined to the documents to order ties, instead of every hit: a frequent word holds
    thousands of items with a handful of distinct scores. The number of hits and the
    documents to show come with the page, so a first page of results costs one query.
    ``suggestie`` is the query with its typos corrected, when there were any.
    """

    def __init__(self, vraag: Zoekvraag, page_size: int = 20):
        self.page_size = page_size
        self._pages: dict[tuple[int, int], list[dict]] = {}
        self._count: int | None = None
        # The content version, read once (or given by the page): the vocabulary and the
        # wegwijzer's picture of the kaart are kept per version.
        self.inhoudsversie = vraag.inhoudsversie
        if self.inhoudsversie is None and vraag.woorden:
            self.inhoudsversie = huidige()
        self.ontleding = vraag.ontleed(self.inhoudsversie) if vraag.woorden else None
        self.suggestie = self.ontleding.suggestie if self.ontleding else None
        situatie.koepel(self.ontleding)
        woorden = self.ontleding.woorden if self.ontleding else []
        self._sql: str | None = None
        self._params: list = []
        self.bonus: dict[tuple[str, str], int] = {}
        if not woorden:
            return
        params: list = []
        scores = [_woord_sql(woord, params) for woord in woorden]
        # Help first among equals, unless the query asks for a kind of offering (voorrang.py).
        if not vraagt_aanbod(self.ontleding):
            scores.append(_voorrang_sql(woorden, params))
        all_tokens: set[str] = set().union(
            *(woord.tokens.keys() | woord.alleen_gewicht.keys() for woord in woorden)
        )
        filters = []
        for accepted in filter(None, vraag.voorwaarden):
            all_tokens |= set(accepted)
            filters.append(
                f"MAX(CASE WHEN token IN ({', '.join(['%s'] * len(accepted))}) THEN 1 ELSE 0 END)"
            )
            params.extend(accepted)
        tokens = sorted(all_tokens)
        params.extend(tokens)
        nodig = math.ceil(len(woorden) / 2)
        ingang = Zoekingang._meta.db_table
        kolommen = [f"{' + '.join(scores)} AS score"]
        kolommen += [f"{f} AS f{i}" for i, f in enumerate(filters)]
        voorwaarden = [f"score >= {nodig * DEKKING}"] + [f"f{i} > 0" for i in range(len(filters))]
        # Table and column names are ours, numbers are computed here; values are parameters.
        self._sql = (
            f"SELECT document_id, {', '.join(kolommen)} FROM {ingang} "  # noqa: S608
            f"WHERE token IN ({', '.join(['%s'] * len(tokens))}) GROUP BY document_id"
        )
        # A situation the wegwijzer knows lifts its route's first steps (situatie.py); a best
        # bet lifts its item (topresultaten.py). Only documents the query found are lifted.
        self.bonus = self._bonus(vraag)
        extra = "0"
        vooraan: list = []  # the bonus's parameters come before the inner query's
        if self.bonus:
            document = Zoekdocument._meta.db_table
            whens = []
            for (soort, slug), punten in sorted(self.bonus.items(), key=lambda i: (-i[1], i[0])):
                whens.append(
                    f"WHEN (SELECT id FROM {document} "  # noqa: S608
                    f"WHERE soort = %s AND slug = %s) THEN {int(punten)}"
                )
                vooraan += [soort, slug]
            extra = f"CASE document_id {' '.join(whens)} ELSE 0 END"
        self._sql = (
            f"SELECT document_id, score + {extra} AS score FROM ({self._sql}) AS g "  # noqa: S608
            f"WHERE {' AND '.join(voorwaarden)}"
        )
        self._params = vooraan + params

    def _bonus(self, vraag: Zoekvraag) -> dict[tuple[str, str], int]:
        """(kind, id) -> what the wegwijzer (situatie.py) and a best bet (topresultaten.py)
        add to the item's score."""
        bonus = {
            ("aanspreekpunt", punt): punten
            for punt, punten in situatie.bonus(self.ontleding, self.inhoudsversie).items()
        }
        taal = vraag.taal or paginataal()
        for doel, punten in topresultaten.bonus(vraag.tekst, taal, self.inhoudsversie).items():
            bonus[doel] = bonus.get(doel, 0) + punten
        return bonus

    def count(self) -> int:
        """The number of hits. Fetching the first page tells it too, so a first page of
        results costs one query."""
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
        if stop <= start:
            return []
        document = Zoekdocument._meta.db_table
        # The inner SQL is our own (see __init__) and the table name is ours; values are
        # parameters. ``treffers`` is computed once (MATERIALIZED: SQLite >= 3.35 and
        # PostgreSQL >= 12 know the word), then counted, cut at the page's last score and
        # joined to the documents for the ties; only the page's rows fetch the documents'
        # columns (``_document``), so showing them costs no query of its own.
        sql = (
            f"WITH treffers AS MATERIALIZED ({self._sql}) "  # noqa: S608
            f"SELECT p.document_id, p.score, p.aantal, {_kolommen()} FROM ("
            "SELECT t.document_id, t.score, (SELECT COUNT(*) FROM treffers) AS aantal, "
            "d.volgorde, d.sorteer, d.slug "
            f"FROM treffers AS t {_naar_documenten(document)} "
            "WHERE t.score >= COALESCE("
            "(SELECT score FROM treffers ORDER BY score DESC LIMIT 1 OFFSET %s), 0) "
            "ORDER BY t.score DESC, d.volgorde, d.sorteer, d.slug LIMIT %s OFFSET %s"
            f") AS p JOIN {document} AS z ON z.id = p.document_id "
            "ORDER BY p.score DESC, p.volgorde, p.sorteer, p.slug"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self._params, stop - 1, stop - start, start])
            rows = cursor.fetchall()
        if rows:
            self._count = rows[0][2]
        elif start == 0:
            self._count = 0
        elif self._count is None:
            self.count()
        docs = _documenten(rows, 3)
        page = [
            {"document": row[0], "score": row[1], "doc": doc}
            for row, doc in zip(rows, docs, strict=True)
        ]
        self._pages[(start, stop)] = page
        return page


def _naar_documenten(document: str) -> str:
    """The join of the hits at or above the page's last score (``t``) to their documents
    (``d``), to order ties. PostgreSQL guesses that a third of the hits pass the cut (32
    of 4,939 for "peer support" at 10,000 items) and then hashes every document; a
    ``LATERAL`` lookup that it cannot fold back into a join (``OFFSET 0``) reads only the
    documents of those hits. SQLite reads them by key as it is."""
    if connection.vendor == "postgresql":
        return (
            "CROSS JOIN LATERAL (SELECT volgorde, sorteer, slug "  # noqa: S608
            f"FROM {document} WHERE id = t.document_id OFFSET 0) AS d"
        )
    return f"JOIN {document} AS d ON d.id = t.document_id"


@functools.cache
def _velden() -> tuple:
    """The documents' columns (known once the apps are ready: the translated fields too)."""
    return tuple(Zoekdocument._meta.concrete_fields)


@functools.cache
def _kolommen() -> str:
    """The documents' columns as the ranked query selects them (table alias ``z``)."""
    return ", ".join(f"z.{veld.column}" for veld in _velden())


def _documenten(rows: list[tuple], begin: int) -> list[Zoekdocument]:
    """The documents from their columns in the ranked query's rows (from ``begin`` on),
    read as the ORM reads them: the engine's converters and the fields' own (JSON)."""
    db = connections[DEFAULT_DB_ALIAS]
    velden = _velden()
    namen = [veld.attname for veld in velden]
    omzetters = _omzetters(db)
    result = []
    for row in rows:
        waarden = list(row[begin:])
        for i, expressie, functies in omzetters:
            for functie in functies:
                waarden[i] = functie(waarden[i], expressie, db)
        result.append(Zoekdocument.from_db(db.alias, namen, waarden))
    return result


_omzetters_per_engine: dict[str, list] = {}


def _omzetters(db) -> list:
    """(position, column expression, converters) of each column the ORM converts."""
    gevonden = _omzetters_per_engine.get(db.vendor)
    if gevonden is None:
        gevonden = []
        for i, veld in enumerate(_velden()):
            expressie = veld.get_col(Zoekdocument._meta.db_table)
            functies = db.ops.get_db_converters(expressie) + expressie.get_db_converters(db)
            if functies:
                gevonden.append((i, expressie, functies))
        _omzetters_per_engine[db.vendor] = gevonden
    return gevonden


def documents(page: list) -> list[Zoekdocument]:
    """The documents of one page of ``zoek`` results, in order: they come with a ranked
    page; a page of filters alone is the documents themselves (no query either way)."""
    if page and isinstance(page[0], Zoekdocument):
        return list(page)
    if all("doc" in row for row in page):
        return [row["doc"] for row in page]
    ids = [row["document"] for row in page]
    by_id = Zoekdocument.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]
