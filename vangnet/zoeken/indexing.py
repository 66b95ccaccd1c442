"""Keeping the search index in step with the content."""

from collections import defaultdict

from django.db import models, transaction

from vangnet.inhoud.versie import verhoog
from vangnet.zoeken.documents import (
    SOORTEN,
    SYNONIEM,
    TITEL,
    Soort,
    display,
    facets,
    queryset,
    weighted_texts,
)
from vangnet.zoeken.models import Zoekdocument, Zoekingang
from vangnet.zoeken.text import tokens

BATCH = 5000


def _entries(soort: Soort, obj: models.Model) -> dict[str, int]:
    """Each stem of ``obj`` with its weight.

    Curated fields (title, synonyms, kind) count in full, once per kind of field whatever
    the number of languages that repeat it. Free text (summary,
    description, labels) adds its weight once per field that holds the stem, capped at
    half of TITEL: a contact point that speaks about "discriminatie" in several places
    ranks above one that mentions it once, while a title that holds every word of the
    query still wins.
    """
    curated: dict[str, set[int]] = defaultdict(set)
    free: dict[str, int] = defaultdict(int)
    for text, weight in weighted_texts(soort, obj):
        for token in {t[:60] for t in tokens(text or "")}:
            if weight >= SYNONIEM:
                curated[token].add(weight)
            else:
                free[token] += weight
    entries = {
        token: sum(curated.get(token, ())) + min(free.get(token, 0), TITEL // 2)
        for token in set(curated) | set(free)
    }
    for facet in facets(soort, obj):
        entries.setdefault(facet, 0)
    return entries


@transaction.atomic
def reindex(soort: Soort, obj: models.Model) -> None:
    """Replace the index entries of one item."""
    document, _created = Zoekdocument.objects.update_or_create(
        soort=soort.naam, slug=obj.slug, defaults=display(soort, obj)
    )
    document.ingangen.all().delete()
    Zoekingang.objects.bulk_create(
        Zoekingang(document=document, token=token, gewicht=weight)
        for token, weight in _entries(soort, obj).items()
    )


def forget(soort: Soort, slug: str) -> None:
    Zoekdocument.objects.filter(soort=soort.naam, slug=slug).delete()


@transaction.atomic
def reindex_all(progress=None) -> int:
    """Rebuild the whole index; returns the number of items indexed."""
    Zoekingang.objects.all().delete()
    Zoekdocument.objects.all().delete()
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
            rows = [
                Zoekingang(document_id=document.pk, token=token, gewicht=weight)
                for obj, document in zip(chunk, documents, strict=True)
                for token, weight in _entries(soort, obj).items()
            ]
            Zoekingang.objects.bulk_create(rows, batch_size=BATCH)
            count += len(chunk)
            if progress:
                progress(f"zoekindex {soort.naam}", min(start + BATCH, total), total)
    # A rebuilt index changes what the lists show (bulk imports bypass the save signals).
    verhoog()
    return count
