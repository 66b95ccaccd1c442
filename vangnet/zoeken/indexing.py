"""Keeping the search index in step with the content.

An item's text becomes weighted tokens (``analyse``): each word stemmed in the language of
its field, the parts of Dutch compounds at half weight (``samenstelling``), and the words
of the synonym groups its text triggers at half weight (``synoniemen``). Every word met is
also written to the vocabulary (``Zoekwoord``), which the search uses for typos, compounds
and "Bedoelde je ...?".
"""

from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

from django.db import connection, models, transaction

from vangnet.inhoud.versie import verhoog
from vangnet.zoeken.documents import (
    SAMENVATTING,
    SOORTEN,
    SYNONIEM,
    TITEL,
    Soort,
    display,
    facets,
    queryset,
    weighted_texts,
)
from vangnet.zoeken.models import Zoekdocument, Zoekingang, Zoekwoord
from vangnet.zoeken.samenstelling import MIN_WOORD, splits_inhoud
from vangnet.zoeken.synoniemen import Synoniemen
from vangnet.zoeken.taal import betekenisvol, token_inhoud, woorden

BATCH = 5000
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
        paren = _woorden_en_tokens(tekst, taal)
        found: dict[str, int] = {}
        half = max(1, weight // 2)
        for woord, tok in paren:
            found[tok] = weight
            if woordenschat is not None:
                woordenschat.add((woord, tok))
            if taal == "nl":
                for deel, deeltok in _delen(woord):
                    found.setdefault(deeltok, half)
                    if woordenschat is not None:
                        woordenschat.add((deel, deeltok))
        add(found)
        if weight < SAMENVATTING:
            continue  # what a description mentions in passing does not bring in synonyms
        for i in synoniemen.groepen_in([tok for _w, tok in paren], taal):
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
    return {tok[:MAX_TOKEN]: weight for tok, weight in own.items()}


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


def _schrijf_ingangen(rows: Iterable[tuple[int, str, int]]) -> None:
    """Insert index rows as plain tuples: a million model instances would cost more than the
    rest of a rebuild (about 100 rows per item)."""
    table = Zoekingang._meta.db_table
    sql = f"INSERT INTO {table} (document_id, token, gewicht) VALUES (%s, %s, %s)"  # noqa: S608
    batch: list[tuple[int, str, int]] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH * 4:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)


@transaction.atomic
def reindex(soort: Soort, obj: models.Model) -> None:
    """Replace the index entries of one item (its new words join the vocabulary)."""
    document, _created = Zoekdocument.objects.update_or_create(
        soort=soort.naam, slug=obj.slug, defaults=display(soort, obj)
    )
    document.ingangen.all().delete()
    woordenschat: Woordenschat = set()
    Zoekingang.objects.bulk_create(
        Zoekingang(document=document, token=token, gewicht=weight)
        for token, weight in _entries(soort, obj, Synoniemen.laad(), woordenschat).items()
    )
    _schrijf_woordenschat(woordenschat, alles=False)


def forget(soort: Soort, slug: str) -> None:
    Zoekdocument.objects.filter(soort=soort.naam, slug=slug).delete()


@transaction.atomic
def reindex_all(progress=None) -> int:
    """Rebuild the whole index and its vocabulary; returns the number of items indexed."""
    Zoekingang.objects.all().delete()
    Zoekdocument.objects.all().delete()
    synoniemen = Synoniemen.laad()
    woordenschat: Woordenschat = set()
    count = 0
    for soort in SOORTEN.values():
        objects = list(queryset(soort))
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
                (document.pk, token, weight)
                for obj, document in zip(chunk, documents, strict=True)
                for token, weight in _entries(soort, obj, synoniemen, woordenschat).items()
            )
            count += len(chunk)
            if progress:
                progress(f"zoekindex {soort.naam}", min(start + BATCH, total), total)
    _schrijf_woordenschat(woordenschat, alles=True)
    # A rebuilt index changes what the lists show (bulk imports bypass the save signals).
    verhoog()
    return count
