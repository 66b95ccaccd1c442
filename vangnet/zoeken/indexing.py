"""Keeping the search index in step with the content.

An item's text becomes weighted tokens (``analyse``): each word stemmed in the language of
its field, the parts of Dutch compounds at half weight (``samenstelling``), and the words
of the synonym groups its text triggers at half weight (``synoniemen``). Every word met is
also written to the vocabulary (``Zoekwoord``), which the search uses for typos, compounds
and "Bedoelde je ...?".
"""

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache

from django.db import connection, models, transaction

from vangnet.inhoud.versie import verhoog
from vangnet.zoeken import tabelwissel
from vangnet.zoeken.documents import (
    SAMENVATTING,
    SOORTEN,
    SYNONIEM,
    TITEL,
    Soort,
    bereid_voor,
    display,
    facets,
    queryset,
    voorrang,
    weighted_texts,
)
from vangnet.zoeken.models import Zoekdocument, Zoekingang, Zoekwoord
from vangnet.zoeken.samenstelling import MIN_WOORD, splits_inhoud
from vangnet.zoeken.synoniemen import Synoniemen
from vangnet.zoeken.taal import betekenisvol, token_inhoud, woorden

BATCH = 5000
#: Index rows per block of a PostgreSQL ``COPY`` (about 300 kB).
COPY_BLOK = 10_000
#: SQLite's page cache during a full rebuild, in KiB.
REBUILD_CACHE_KIB = 128 * 1024
MAX_TOKEN = 60
#: Free text adds up to this much for one token (below TITEL: a title still wins).
VRIJ_MAX = TITEL * 3 // 4

#: The vocabulary: (word as written, folded; its token).
Woordenschat = set[tuple[str, str]]


@lru_cache(maxsize=50_000)
def _woorden_en_tokens(tekst: str, taal: str) -> tuple[tuple[str, str], ...]:
    """(word, token) of each meaningful word of one content text (cached while indexing)."""
    return tuple((w[:MAX_TOKEN], token_inhoud(w, taal)) for w in woorden(tekst) if betekenisvol(w))


@lru_cache(maxsize=50_000)
def _delen(woord: str) -> tuple[tuple[str, str], ...]:
    """(part, Dutch token) of each part of a compound (cached while indexing)."""
    if len(woord) < MIN_WOORD:
        return ()
    return tuple((deel, token_inhoud(deel, "nl")) for deel in splits_inhoud(woord))


def _tekst(
    tekst: str, weight: int, taal: str, synoniemen: Synoniemen, woordenschat: Woordenschat | None
) -> tuple[dict[str, int], tuple[int, ...]]:
    """One text's tokens with their weight (compound parts at half) and the synonym groups
    it triggers; its (word, token) pairs go into the vocabulary. Computed once per text and
    weight for the life of ``synoniemen`` (one rebuild or one save, with one vocabulary):
    thousands of items share titles, summaries and labels."""
    key = (tekst, weight, taal)
    known = synoniemen.per_tekst.get(key)
    if known is not None:
        return known
    paren = _woorden_en_tokens(tekst, taal)
    found: dict[str, int] = {}
    vocabulary: list[tuple[str, str]] = []
    half = max(1, weight // 2)
    for woord, tok in paren:
        found[tok] = weight
        vocabulary.append((woord, tok))
        if taal == "nl":
            for deel, deeltok in _delen(woord):
                found.setdefault(deeltok, half)
                vocabulary.append((deel, deeltok))
    groepen: tuple[int, ...] = ()
    # What a description mentions in passing does not bring in synonyms.
    if weight >= SAMENVATTING:
        groepen = tuple(sorted(synoniemen.groepen_in([tok for _w, tok in paren], taal)))
    if woordenschat is not None:
        woordenschat.update(vocabulary)
    known = synoniemen.per_tekst[key] = (found, groepen)
    return known


def analyse(
    teksten: Iterable[tuple[str, int, str]],
    synoniemen: Synoniemen,
    woordenschat: Woordenschat | None = None,
) -> dict[str, int]:
    """Each token of an item's texts with its weight.

    Curated fields (title, synonyms, kind) count in full, once per kind of field whatever
    the number of languages that repeat it. Free text (summary, description, labels) adds
    its weight once per field that holds the token, capped at VRIJ_MAX: a contact point that
    speaks about "discriminatie" in several places ranks above one that mentions it once,
    while a title that holds every word of the query still wins. Compound parts count at
    half the weight of their text; words added by a synonym group (``synoniemen``) at that
    group's share of it (the best text only), on top of the item's own use of the word.
    """
    curated: dict[str, set[int]] = defaultdict(set)
    free: dict[str, int] = defaultdict(int)
    derived: dict[str, int] = defaultdict(int)

    def add(found: dict[str, int]) -> None:
        for tok, weight in found.items():
            if weight >= SYNONIEM:
                curated[tok].add(weight)
            else:
                free[tok] += weight

    for tekst, weight, taal in teksten:
        if not tekst:
            continue
        found, groepen = _tekst(tekst, weight, taal, synoniemen, woordenschat)
        add(found)
        for i in groepen:
            groep = synoniemen.groepen[i]
            extra_weight = max(1, weight * groep.tienden // 10)
            for tok in groep.extra_tokens:
                if derived[tok] < extra_weight:
                    derived[tok] = extra_weight
            if woordenschat is not None and i not in synoniemen.in_woordenschat:
                woordenschat.update(groep.woordenschat())
                synoniemen.in_woordenschat.add(i)
    own = {
        tok: sum(curated.get(tok, ())) + min(free.get(tok, 0), VRIJ_MAX)
        for tok in set(curated) | set(free)
    }
    for tok, weight in derived.items():
        own[tok] = own.get(tok, 0) + weight
    if any(len(tok) > MAX_TOKEN for tok in own):
        return {tok[:MAX_TOKEN]: weight for tok, weight in own.items()}
    return own


def _entries(
    soort: Soort, obj: models.Model, synoniemen: Synoniemen, woordenschat: Woordenschat | None
) -> dict[str, int]:
    """Each token and facet of ``obj`` with its weight (facets weigh 0)."""
    entries = analyse(weighted_texts(soort, obj), synoniemen, woordenschat)
    for facet in facets(soort, obj):
        entries.setdefault(facet, 0)
    return entries


def _schrijf_woordenschat(woordenschat: Woordenschat, alles: bool) -> None:
    if alles:
        Zoekwoord.objects.all().delete()
    Zoekwoord.objects.bulk_create(
        (Zoekwoord(woord=w, token=t) for w, t in sorted(woordenschat)),
        batch_size=BATCH,
        ignore_conflicts=not alles,
    )


#: COPY's text format: a backslash, tab, newline or carriage return in a value is escaped.
_COPY_TEKST = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _schrijf_ingangen(
    table: str, soort: Soort, per_document: Iterable[tuple[int, dict[str, int]]]
) -> None:
    """Insert each document's index rows (token: weight, and the weight's ``voorrang``) as
    plain values: a million model instances would cost more than the rest of a rebuild
    (about 100 rows per item). PostgreSQL gets them by ``COPY``, in blocks of its text
    format (per row through psycopg, a second more for 10,000 items)."""
    table = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(
                f"COPY {table} (document_id, token, gewicht, voorrang) FROM STDIN"  # noqa: S608
            ) as copy:
                blok: list[str] = []
                for pk, entries in per_document:
                    blok.extend(
                        f"{pk}\t{token.translate(_COPY_TEKST)}\t{weight}\t"
                        f"{voorrang(soort, weight)}\n"
                        for token, weight in entries.items()
                    )
                    # Each write is a round trip through psycopg: one per 100 documents.
                    if len(blok) >= COPY_BLOK:
                        copy.write("".join(blok))
                        blok = []
                copy.write("".join(blok))
            return
        sql = (
            f"INSERT INTO {table} (document_id, token, gewicht, voorrang) "  # noqa: S608
            "VALUES (%s, %s, %s, %s)"
        )
        batch: list[tuple[int, str, int, int]] = []
        for row in ((pk, t, w, voorrang(soort, w)) for pk, e in per_document for t, w in e.items()):
            batch.append(row)
            if len(batch) >= BATCH * 4:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


def _leeg_alles(ingangen: bool) -> None:
    """Empty the documents and the vocabulary, and the index rows if they are rewritten in
    place, in a statement each (the ORM's delete would collect every document to cascade to
    rows already gone)."""
    with connection.cursor() as cursor:
        for model in (Zoekingang, Zoekdocument, Zoekwoord):
            if model is not Zoekingang or ingangen:
                cursor.execute(f"DELETE FROM {model._meta.db_table}")  # noqa: S608


@contextmanager
def _ingangen_tabel() -> Iterator[str]:
    """The table a full rebuild writes its million index rows into, made ready for it.

    PostgreSQL fills a bare copy and swaps it in at the end (``tabelwissel``). SQLite drops
    the table's indexes and builds them once at the end (sorting once beats a million
    random inserts into a B-tree). Either way the searches keep the old rows and indexes
    until the commit (on SQLite by its WAL).
    """
    if connection.vendor == "postgresql":
        with tabelwissel.naast(Zoekingang) as tabel:
            yield tabel
        return
    if connection.vendor != "sqlite":
        yield Zoekingang._meta.db_table
        return
    with connection.cursor() as cursor:
        # Every index of the table as SQLite stores it (its own CREATE statement), so it
        # comes back exactly as the migrations made it.
        cursor.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
            "AND sql IS NOT NULL",
            [Zoekingang._meta.db_table],
        )
        indexes = cursor.fetchall()
        for name, _sql in indexes:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        # A page cache that holds the new rows (about 40 MB for 10,000 items) instead of
        # spilling them to the WAL before the commit; back to the default afterwards.
        cursor.execute("PRAGMA cache_size")
        cache_size = int(cursor.fetchone()[0])
        cursor.execute(f"PRAGMA cache_size = {-REBUILD_CACHE_KIB}")
    try:
        yield Zoekingang._meta.db_table
        with connection.cursor() as cursor:
            for _name, sql in indexes:
                cursor.execute(sql)
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {cache_size}")


@transaction.atomic
def reindex(soort: Soort, obj: models.Model) -> None:
    """Replace the index entries of one item (its new words join the vocabulary)."""
    document, _created = Zoekdocument.objects.update_or_create(
        soort=soort.naam, slug=obj.slug, defaults=display(soort, obj)
    )
    document.ingangen.all().delete()
    woordenschat: Woordenschat = set()
    Zoekingang.objects.bulk_create(
        Zoekingang(document=document, token=token, gewicht=weight, voorrang=voorrang(soort, weight))
        for token, weight in _entries(soort, obj, Synoniemen.laad(), woordenschat).items()
    )
    _schrijf_woordenschat(woordenschat, alles=False)


def forget(soort: Soort, slug: str) -> None:
    Zoekdocument.objects.filter(soort=soort.naam, slug=slug).delete()


def _vacuum() -> None:
    """After a rebuild has committed, let PostgreSQL mark the new rows visible to all and
    count them (``VACUUM (ANALYZE)``, about a second for a million rows): until then a
    search reads every row from the table instead of the covering index alone (about five
    times slower), and the planner guesses (the documents too: it took 10,000 documents
    for 1,000). It cannot run inside a transaction, hence after the commit; autovacuum
    would do it too, but minutes later."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in (Zoekingang, Zoekdocument):
            cursor.execute(f"VACUUM (ANALYZE) {model._meta.db_table}")


@contextmanager
def _zonder_gc() -> Iterator[None]:
    """Pause Python's cycle collector while a rebuild runs. A rebuild keeps hundreds of
    thousands of dicts and tuples alive until it ends (the items, their texts analysed
    once, the caches of words), and every full collection walks them all again: on
    PostgreSQL, a third of the Python process's CPU when the caches are warm (6.1-8.6 s
    against 3.9-5.0 s for 10,000 items). What it leaves is collected afterwards as usual."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@transaction.atomic
def reindex_all(progress=None) -> int:
    """Rebuild the whole index and its vocabulary; returns the number of items indexed."""
    with _zonder_gc(), _ingangen_tabel() as tabel:
        count = _herbouw(tabel, progress)
    transaction.on_commit(_vacuum)
    # A rebuilt index changes what the lists show (bulk imports bypass the save signals).
    verhoog()
    return count


def _herbouw(tabel: str, progress) -> int:
    _leeg_alles(ingangen=tabel == Zoekingang._meta.db_table)
    synoniemen = Synoniemen.laad()
    woordenschat: Woordenschat = set()
    count = 0
    for soort in SOORTEN.values():
        objects = list(queryset(soort))
        bereid_voor(soort, objects)
        total = len(objects)
        for start in range(0, total, BATCH):
            chunk = objects[start : start + BATCH]
            documents = Zoekdocument.objects.bulk_create(
                Zoekdocument(soort=soort.naam, slug=obj.slug, **display(soort, obj))
                for obj in chunk
            )
            if documents and documents[0].pk is None:  # backends without RETURNING
                by_slug = dict(
                    Zoekdocument.objects.filter(soort=soort.naam).values_list("slug", "pk")
                )
                for document in documents:
                    document.pk = by_slug[document.slug]
            _schrijf_ingangen(
                tabel,
                soort,
                (
                    (document.pk, _entries(soort, obj, synoniemen, woordenschat))
                    for obj, document in zip(chunk, documents, strict=True)
                ),
            )
            count += len(chunk)
            if progress:
                progress(f"zoekindex {soort.naam}", min(start + BATCH, total), total)
    _schrijf_woordenschat(woordenschat, alles=True)
    return count
