"""What a search page offers besides its results, so that no search is a dead end.

- "Bedoelde je ...?": the query with its typos corrected (``vraag.Ontleding.suggestie``);
- on a page without results: the contact points that are always there (``search.ALTIJD``:
  the helpline 1712 and the emergency number 112), the kinds of behaviour as topics to
  browse, the glossary and the wegwijzer (the template links those).
"""

from dataclasses import dataclass, field

from django.http import QueryDict

from vangnet.kaart import choices as c
from vangnet.zoeken.models import Zoekdocument
from vangnet.zoeken.search import ALTIJD, Gerangschikt, Zoekvraag


@dataclass
class Zoekhulp:
    """Suggestions for one search page (nothing of it is kept after the request)."""

    suggestie: str | None = None
    suggestie_query: str = ""
    zonder_resultaat: bool = False
    altijd: list[Zoekdocument] = field(default_factory=list)
    onderwerpen: list[tuple[str, str]] = field(default_factory=list)


def altijd_documenten() -> list[Zoekdocument]:
    """The documents of ``ALTIJD``, in that order (one query)."""
    slugs = [item.split(":", 1)[1] for item in ALTIJD]
    by_slug = {
        d.slug: d for d in Zoekdocument.objects.filter(soort="aanspreekpunt", slug__in=slugs)
    }
    return [by_slug[s] for s in slugs if s in by_slug]


def zoekhulp(vraag: Zoekvraag, resultaat: object, aantal: int, query: QueryDict) -> Zoekhulp:
    """The help for a search page showing ``aantal`` results for ``vraag``.

    ``query`` is the page's own query string; the suggestion keeps its filters.
    """
    hulp = Zoekhulp()
    if isinstance(resultaat, Gerangschikt) and resultaat.suggestie:
        hulp.suggestie = resultaat.suggestie
        andere = query.copy()
        andere["q"] = resultaat.suggestie
        andere.pop("pagina", None)
        hulp.suggestie_query = andere.urlencode()
    if vraag.heeft_tekst and aantal == 0:
        hulp.zonder_resultaat = True
        hulp.altijd = altijd_documenten()
        hulp.onderwerpen = [(str(value), str(label)) for value, label in c.Gedrag.choices]
    return hulp
