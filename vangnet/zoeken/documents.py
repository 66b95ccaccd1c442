"""What each searchable kind puts in the index: display fields, weighted text and facets.

A title outweighs a synonym, which outweighs a summary, which outweighs body text, so
that a query for a name finds that item first. Facets (``status:werknemer``) carry no
weight; they only decide whether an item passes a filter. Help (contact points, glossary
terms) goes before the offering among items that hold as many of a query's words
(``voorrang``).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import translation

from vangnet.kaart import choices as c
from vangnet.zoeken.text import fold

TITEL = 20
SYNONIEM = 8
SAMENVATTING = 4
TEKST = 1

#: What a word adds to a help item that holds it in what the item is for: more than any
#: weight (a title and everything else of one word stay below it), less than one more word
#: of the query (``search.DEKKING``). ADR 0026.
VOORRANG = 100

# Facet value meaning "every value of this dimension" (an empty sector list serves all sectors).
ALLE = "alle"


@dataclass(frozen=True)
class Soort:
    """One searchable kind: its name in the API and URLs, and its model.

    ``hulp_vanaf``: for the kinds that are help (where to go, what a word means), the weight
    from which a word says what the item is for, so that the item goes before the offering
    for that word (``voorrang``); 0 for the offering.
    """

    naam: str
    model_label: str
    titel_veld: str
    volgorde: int
    detail_url: str
    hulp_vanaf: int = 0

    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)


# A contact point says what it is for in its name, kind, summary, organisation and the
# behaviours, grounds and wishes it serves (weight 4 and up); a glossary term in its term
# and synonyms (8 and up), not in the words its definition uses.
AANSPREEKPUNT = Soort(
    "aanspreekpunt",
    "kaart.Aanspreekpunt",
    "naam",
    0,
    "kaart:aanspreekpunt",
    hulp_vanaf=SAMENVATTING,
)
AANBOD = Soort("aanbod", "kaart.Aanbod", "titel", 1, "kaart:aanbod")
BEGRIP = Soort("begrip", "begrippen.Begrip", "term", 2, "begrippen:begrip", hulp_vanaf=SYNONIEM)
SOORTEN = {s.naam: s for s in (AANSPREEKPUNT, AANBOD, BEGRIP)}


def voorrang(soort: Soort, gewicht: int) -> int:
    """What an index row of ``soort`` with ``gewicht`` adds when a query holds its word.

    People who search a topic ("pesten", "machtsmisbruik") look for where to go; a
    catalogue of thousands of trainings named after the same topics must not push the
    contact points that handle it, or the term that explains it, out of the first results.
    """
    return VOORRANG if soort.hulp_vanaf and gewicht >= soort.hulp_vanaf else 0


def queryset(soort: Soort) -> models.QuerySet:
    """The items of a kind with what indexing reads preloaded (no query per item)."""
    qs = soort.model().objects.all()
    if soort is AANSPREEKPUNT:
        return qs.select_related("organisatie")
    return qs


def bereid_voor(soort: Soort, objects: list[models.Model]) -> None:
    """Attach to each offering item its providers and prices, read in two plain queries.

    The index needs a name or an amount of each, for thousands of items; Django's prefetch
    builds a model instance (and, without ``to_attr``, a related manager) per row and item,
    which cost a third of a rebuild. The providers are the same few organisations, loaded
    once; a price is (amount, committee).
    """
    if soort is not AANBOD or not objects:
        return
    Organisatie = apps.get_model("kaart.Organisatie")
    Prijs = apps.get_model("kaart.Prijs")
    ParitairComite = apps.get_model("kaart.ParitairComite")
    organisaties = Organisatie.objects.in_bulk()
    comites = ParitairComite.objects.in_bulk()
    through = soort.model().aanbieders.through
    aanbieders: dict[int, list] = {}
    for aanbod_id, org_id in through.objects.order_by("pk").values_list(
        "aanbod_id", "organisatie_id"
    ):
        aanbieders.setdefault(aanbod_id, []).append(organisaties[org_id])
    prijzen: dict[int, list] = {}
    for aanbod_id, bedrag, pc_id in Prijs.objects.order_by("pk").values_list(
        "aanbod_id", "bedrag", "paritair_comite_id"
    ):
        prijzen.setdefault(aanbod_id, []).append(
            _Prijs(bedrag, pc_id, comites.get(pc_id) if pc_id else None)
        )
    for obj in objects:
        obj.zoek_aanbieders = aanbieders.get(obj.pk, [])
        obj.zoek_prijzen = prijzen.get(obj.pk, [])


@dataclass(frozen=True)
class _Prijs:
    """What the index reads of a price."""

    bedrag: object
    paritair_comite_id: int | None
    paritair_comite: object


def _aanbieders(obj: models.Model) -> list:
    """The providers of an offering item (attached by ``bereid_voor``, or read now)."""
    found = getattr(obj, "zoek_aanbieders", None)
    return found if found is not None else list(obj.aanbieders.all())


def _prijzen(obj: models.Model) -> list:
    """The prices of an offering item (attached by ``bereid_voor``, or read now)."""
    found = getattr(obj, "zoek_prijzen", None)
    return found if found is not None else list(obj.prijzen.all())


def translations(obj: models.Model, field: str) -> dict[str, str]:
    """The value of a translated field per language ('' where missing)."""
    result = {}
    for code, _label in settings.LANGUAGES:
        value = getattr(obj, f"{field}_{code}", None) or ""
        result[code] = value if isinstance(value, str) else " ".join(map(str, value))
    return result


#: (text, weight, language): one piece of an item's searchable text.
Tekst = tuple[str, int, str]


def _per_taal(values: dict[str, str], weight: int) -> Iterable[Tekst]:
    for code, text in values.items():
        if text:
            yield text, weight, code


def weighted_texts(soort: Soort, obj: models.Model) -> Iterable[Tekst]:
    """Yield (text, weight, language) triples that describe ``obj``.

    Each translated field is given in its own language, so it is stemmed by that language's
    stemmer; names, abbreviations and the glossary's Dutch forms count as Dutch.
    """
    yield from _per_taal(translations(obj, soort.titel_veld), TITEL)
    if soort is BEGRIP:
        for synonym in obj.synoniemen:
            yield synonym, SYNONIEM, "nl"
        yield from _per_taal(translations(obj, "definitie"), SAMENVATTING)
        return
    yield obj.slug.replace("-", " "), SAMENVATTING, "nl"
    yield from _per_taal(translations(obj, "samenvatting"), SAMENVATTING)
    yield from _per_taal(translations(obj, "beschrijving"), TEKST)
    if soort is AANSPREEKPUNT:
        if obj.organisatie_id:
            yield from _per_taal(translations(obj.organisatie, "naam"), SAMENVATTING)
            yield obj.organisatie.afkorting, SAMENVATTING, "nl"
        for code, steps in translations_list(obj, "opvolging").items():
            for step in steps:
                yield step, TEKST, code
        # What the contact point is for, in the words of the code lists (and, through the
        # synonyms, in the person's words): its kind is curated ("vertrouwenspersoon",
        # "hulplijn") and counts like a synonym; "discriminatie" or "pesten" must find the
        # contact points that handle it, a specialised one (one or two behaviours, such as
        # Unia) more so, and a ground ("handicap") or a wish ("aangifte doen") likewise.
        yield from _labels(c.AanspreekpuntSoort, [obj.soort], SYNONIEM)
        specialised = _specialisatie(obj.gedrag)
        yield from _labels(c.Gedrag, obj.gedrag, specialised)
        yield from _labels(c.Discriminatiegrond, obj.discriminatiegronden, specialised)
        yield from _labels(c.Wens, obj.biedt, SAMENVATTING)
        yield from _labels(c.Context, obj.contexten, TEKST)
        yield from _labels(c.Perspectief, obj.perspectieven, TEKST)
        yield from _labels(c.Status, obj.doelgroepen, TEKST)
    else:
        for org in _aanbieders(obj):
            yield from _per_taal(translations(org, "naam"), SAMENVATTING)
            yield org.afkorting, SAMENVATTING, "nl"
        yield from _labels(c.AanbodSoort, [obj.soort])
        yield from _labels(c.AanbodDoelgroep, obj.doelgroepen)


def _specialisatie(gedrag: list[str]) -> int:
    """The weight of a contact point's behaviours: the fewer it handles, the more each counts
    (one: above a synonym; two: a synonym; more: a summary)."""
    if len(gedrag) == 1:
        return SYNONIEM + SAMENVATTING
    return SYNONIEM if len(gedrag) == 2 else SAMENVATTING


def translations_list(obj: models.Model, field: str) -> dict[str, list[str]]:
    """A translated list field (steps) per language (empty where missing)."""
    result = {}
    for code, _label in settings.LANGUAGES:
        value = getattr(obj, f"{field}_{code}", None) or []
        result[code] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
    return result


@lru_cache(maxsize=64)
def label_table(choices: type[models.TextChoices]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Each value of a code list with its label in every language (computed once)."""
    table: dict[str, list[tuple[str, str]]] = {value: [] for value in choices.values}
    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            for value, label in choices.choices:
                table[value].append((str(label), code))
    return {value: tuple(labels) for value, labels in table.items()}


def _labels(
    choices: type[models.TextChoices], values: list[str], weight: int = SAMENVATTING
) -> Iterable[Tekst]:
    """The labels of code-list values in every language, as searchable text."""
    table = label_table(choices)
    for value in values:
        for label, code in table.get(value, ()):
            yield label, weight, code


def facet(dimension: str, value: str) -> str:
    """A filter value as an index token. The '@' keeps facets apart from word stems."""
    return f"@{dimension}:{value}"


def _dimension(name: str, values: list[str], empty_means_all: bool = False) -> list[str]:
    if not values and empty_means_all:
        return [facet(name, ALLE)]
    return [facet(name, v) for v in values]


def facets(soort: Soort, obj: models.Model) -> list[str]:
    """The filter values of ``obj``, as tokens."""
    result = [facet("soort", soort.naam)]
    if soort is AANSPREEKPUNT:
        result.append(facet("type", obj.soort))
        result += _dimension("status", obj.doelgroepen)
        result += _dimension("perspectief", obj.perspectieven)
        result += _dimension("gedrag", obj.gedrag)
        result += _dimension("context", obj.contexten)
        result += _dimension("sector", obj.sectoren, empty_means_all=True)
        result += _dimension("taal", obj.talen)
        result.append(facet("niveau", "reactie"))
        if obj.anoniem:
            result.append(facet("anoniem", "ja"))
        if obj.kosteloos:
            result.append(facet("kosteloos", "ja"))
    elif soort is AANBOD:
        result.append(facet("type", obj.soort))
        result += _dimension("doelgroep", obj.doelgroepen)
        result += _dimension("sector", obj.sectoren, empty_means_all=True)
        result += _dimension("taal", obj.talen)
        result += _dimension("niveau", obj.beleidsniveaus)
        prijzen = _prijzen(obj)
        if prijzen and all(p.bedrag == 0 for p in prijzen):
            result.append(facet("kosteloos", "ja"))
        for prijs in prijzen:
            if prijs.bedrag == 0 and prijs.paritair_comite_id:
                result.append(facet("kosteloos-pc", prijs.paritair_comite.slug))
    return result


def display(soort: Soort, obj: models.Model) -> dict:
    """The fields of the result list, per language, plus a few badges."""
    titles = translations(obj, soort.titel_veld)
    summaries = translations(obj, "definitie" if soort is BEGRIP else "samenvatting")
    fields = {"sorteer": fold(titles["nl"])[:200], "volgorde": soort.volgorde}
    for code, _label in settings.LANGUAGES:
        fields[f"titel_{code}"] = titles[code][:200]
        fields[f"samenvatting_{code}"] = summaries[code][:400]
    fields["titel"], fields["samenvatting"] = fields["titel_nl"], fields["samenvatting_nl"]
    kenmerken: dict = {}
    if soort is AANSPREEKPUNT:
        kenmerken = {
            "type": obj.soort,
            "anoniem": obj.anoniem,
            "kosteloos": obj.kosteloos,
            "dringend": obj.dringend,
        }
    elif soort is AANBOD:
        kenmerken = {"type": obj.soort, "kosteloos": obj.kosteloos, "niveaus": obj.beleidsniveaus}
    fields["kenmerken"] = kenmerken
    return fields
