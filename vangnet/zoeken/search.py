"""Ranked search and filtering over contact points, offering and glossary terms.

A query is a list of conditions, each a set of acceptable tokens:
- every query word must match (AND): exactly a stem, or as the start of a longer stem
  (``intimiteit`` finds ``intimiteitscoördinatie``) at half weight;
- every filter must match one of its values (``sector:circus`` or ``sector:alle``).
The score is the sum of the words' weights; ties are broken by kind and sort key, so the
order is the same on SQLite and PostgreSQL.
"""

from dataclasses import dataclass, field

from django.db.models import Case, F, IntegerField, Max, Q, QuerySet, Value, When

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


def zoek(vraag: Zoekvraag) -> QuerySet:
    """Documents matching ``vraag``, best first, as a lazily paginated queryset."""
    if vraag.is_empty():
        return Zoekdocument.objects.order_by("volgorde", "sorteer", "slug")

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
    for i, accepted in enumerate(vraag.voorwaarden):
        if not accepted:
            continue
        any_row |= Q(token__in=accepted)
        conditions[f"f{i}"] = Max(
            Case(
                When(token__in=accepted, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
        )

    matches = (
        Zoekingang.objects.filter(any_row)
        .values("document")
        .annotate(**conditions)
        .filter(**{f"{name}__gt": 0 for name in conditions})
    )
    score = sum((F(name) for name in score_names), Value(0))
    ranked = matches.annotate(score=score).order_by(
        "-score", "document__volgorde", "document__sorteer", "document__slug"
    )
    return ranked


def documents(page: list) -> list[Zoekdocument]:
    """The documents of one page of ``zoek`` results, in order (one query)."""
    if page and isinstance(page[0], Zoekdocument):
        return list(page)
    ids = [row["document"] for row in page]
    by_id = Zoekdocument.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]
