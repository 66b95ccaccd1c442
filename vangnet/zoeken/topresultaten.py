"""Best bets (``data/topresultaten.yaml``, ADR 0023): the item that comes first for a whole
query that names its topic.

A query matches a best bet when its meaningful words, as stems in the page's language, are
exactly the stems of one of the bet's queries in that language ("geweld", not "geweld op
het werk"). The item then gets ``BONUS`` on top of its score: more than the wegwijzer's
lift of a route's first step (``situatie.BONUS_EERSTE``), far less than one more query word
(``search.DEKKING``). The bonus is added to the score of a document the query found, so a bet
never brings in an item the query does not find, and nothing else moves down a place it
earned.
"""

from functools import lru_cache

from vangnet.zoeken.models import Topresultaat
from vangnet.zoeken.synoniemen import Frase, frase
from vangnet.zoeken.taal import TALEN

#: Added to the score of a best bet's item (an item's title is worth 20 a word).
BONUS = 200


@lru_cache(maxsize=4)
def _per_vraag(inhoudsversie: int | None) -> dict[Frase, tuple[str, str]]:
    """(language, stems of a query) -> (kind, id) of the item that comes first; kept per
    content version (an edit of a best bet raises it)."""
    return {
        frase(vraag, taal): (bet.soort, bet.doel)
        for bet in Topresultaat.objects.all()
        for taal in TALEN
        for vraag in getattr(bet, f"zoekvraag_{taal}")
    }


def bonus(tekst: str, taal: str, inhoudsversie: int | None) -> dict[tuple[str, str], int]:
    """(kind, id) -> what a best bet adds to its score for this query (nothing when no bet
    names the query)."""
    doel = _per_vraag(inhoudsversie).get(frase(tekst, taal))
    return {doel: BONUS} if doel else {}


def vergeet() -> None:
    """Drop the kept best bets (tests roll the content version back)."""
    _per_vraag.cache_clear()
