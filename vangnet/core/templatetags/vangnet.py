"""Template helpers for sources, code lists and hours."""

from functools import lru_cache

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from vangnet.kaart import choices

register = template.Library()

_VOCABULARIES = {
    "status": choices.Status,
    "perspectief": choices.Perspectief,
    "gedrag": choices.Gedrag,
    "discriminatiegrond": choices.Discriminatiegrond,
    "context": choices.Context,
    "sector": choices.Sector,
    "beleidsniveau": choices.Beleidsniveau,
    "doelgroep": choices.AanbodDoelgroep,
    "taal": choices.Taal,
    "dag": choices.Dag,
    "kanaal": choices.KanaalSoort,
    "organisatie": choices.OrganisatieSoort,
}


def _lookup(vocabulary: str) -> dict:
    return _lookup_in(vocabulary, get_language())


@lru_cache(maxsize=64)
def _lookup_in(vocabulary: str, language: str) -> dict[str, str]:
    """Code value -> label, per language (labels are lazy; resolving them once is enough)."""
    if vocabulary == "type":
        merged = {**dict(choices.AanbodSoort.choices), **dict(choices.AanspreekpuntSoort.choices)}
    else:
        merged = dict(_VOCABULARIES[vocabulary].choices)
    return {value: str(label) for value, label in merged.items()}


@register.filter
def labels(values: list[str], vocabulary: str) -> list[str]:
    """Translate a list of code values to their labels: ``{{ punt.gedrag|labels:"gedrag" }}``."""
    lookup = _lookup(vocabulary)
    return [str(lookup.get(v, v)) for v in values or []]


@register.filter
def label(value: str, vocabulary: str) -> str:
    return str(_lookup(vocabulary).get(value, value))


@register.filter
def is_url(value: str) -> bool:
    return isinstance(value, str) and value.startswith("https://")


@register.filter
def bron_label(value: str) -> str:
    """``actieplan actie 2.3.a`` -> ``Actieplan 2024-2025, actie 2.3.a``; URLs lose their scheme."""
    if value.startswith("actieplan "):
        section = value.removeprefix("actieplan ")
        if section.startswith("actie "):
            section = _("actie %(nummer)s") % {"nummer": section.removeprefix("actie ")}
        else:
            # A chapter: "2 proces en historiek" -> "hoofdstuk 2".
            section = _("hoofdstuk %(nummer)s") % {"nummer": section.split(" ", 1)[0]}
        return _("Actieplan 2024-2025, %(section)s") % {"section": section}
    return value.removeprefix("https://").removeprefix("www.").rstrip("/")


@register.filter
def uren_tekst(slot: dict) -> str:
    """One opening-hours slot in words: ``maandag tot vrijdag, 09:00-17:00``."""
    dagen = slot.get("dagen", [])
    names = dict(choices.Dag.choices)
    order = list(names)
    if len(dagen) > 2 and [order.index(d) for d in dagen] == list(
        range(order.index(dagen[0]), order.index(dagen[-1]) + 1)
    ):
        days = _("%(first)s tot %(last)s") % {"first": names[dagen[0]], "last": names[dagen[-1]]}
    else:
        days = ", ".join(str(names[d]) for d in dagen)
    return f"{days}, {slot.get('van')}–{slot.get('tot')}"


@register.simple_tag(takes_context=True)
def taal_url(context: template.Context, code: str) -> str:
    """The current page in another language (the language is part of the URL)."""
    from django.urls import NoReverseMatch, reverse, translate_url
    from django.utils.encoding import iri_to_uri
    from django.utils.translation import override

    request = context.get("request")
    if request is None:  # error pages rendered without a request
        return f"/{code}/" if code != "nl" else "/"
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return translate_url(request.get_full_path(), code)
    # What translate_url does, without resolving the path a second time: the request was
    # resolved in the page's language already (every page has these links).
    with override(code):
        try:
            adres = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return translate_url(request.get_full_path(), code)
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    return f"{adres}?{query}" if query else adres


@register.simple_tag(name="vertaald")
def vertaald_tag(record, veld: str | None = None):
    """A content field in the page's language; Dutch marked ``lang="nl"`` with a note if
    it has no translation (``vangnet.core.vertaald``).

    ``{% vertaald punt "kosten" %}`` prints it; ``{% vertaald punt "opvolging" as stappen %}``
    gives the value (``stappen.waarde``) and ``stappen.terugval`` to mark a list yourself;
    ``{% vertaald geval.uitleg %}`` reads a ``{nl, fr, en}`` mapping.
    """
    from vangnet.core.vertaald import vertaald

    return vertaald(record, veld)


@register.simple_tag
def beschrijving(item) -> str:
    """A content item's meta description in the page's language (``core/vindbaar.py``)."""
    from vangnet.core.vindbaar import beschrijving_van

    return beschrijving_van(item)
