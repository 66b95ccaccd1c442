"""A query that describes a situation the wegwijzer understands gets the wegwijzer's order.

"waar kan ik terecht als ik op het werk gepest word" names a kind of behaviour (pesten:
``psychisch``) and where it happened (``werk``): two of the wegwijzer's answers. The
wegwijzer decides who comes first for that situation (``routing.route``); the search follows
it instead of a second opinion of its own: the first steps of that route are lifted, the
first the most (``bonus``), so a search and the wegwijzer agree about who handles it first
(ADR 0022).

- A query word *names* a value when one of its exact stems (in any language, not a longer
  word or a typo) is a word of that value's label in the code lists (``Gedrag``,
  ``Context``), the same labels a contact point is indexed with. The words of the umbrella
  term itself ("grensoverschrijdend gedrag") name no particular kind.
- Only a situation counts: a kind of behaviour *and* a context. A topic alone
  ("machtsmisbruik") has no route of its own: without knowing who asks, the wegwijzer puts
  the points inside an organisation first for everyone, so it says nothing about the topic.
- A bonus only lifts; no contact point is hidden or lowered, and the words still count
  first (a bonus is far below what one more word of the query adds).
"""

from functools import lru_cache

from vangnet.kaart import choices as c
from vangnet.zoeken.documents import label_table
from vangnet.zoeken.synoniemen import frase
from vangnet.zoeken.vraag import ANDERE_TAAL, Ontleding

#: How many steps of the route are lifted, and by how much: the first by BONUS_EERSTE, each
#: next one BONUS_STAP less (index weights: a title is 20).
STAPPEN = 5
BONUS_EERSTE = 60
BONUS_STAP = 5
#: The umbrella term: its words name every kind, so none in particular.
KOEPEL = "grensoverschrijdend gedrag"


@lru_cache(maxsize=1)
def _benoemd() -> dict[str, tuple[tuple[str, str], ...]]:
    """token -> the (answer, value) pairs whose label holds it, in every language."""
    koepel = set(frase(KOEPEL, "nl")[1])
    result: dict[str, set[tuple[str, str]]] = {}
    for antwoord, lijst in (("gedrag", c.Gedrag), ("context", c.Context)):
        for waarde, labels in label_table(lijst).items():
            for label, taal in labels:
                for tok in frase(label, taal)[1]:
                    if tok not in koepel:
                        result.setdefault(tok, set()).add((antwoord, waarde))
    return {tok: tuple(sorted(paren)) for tok, paren in result.items()}


def situatie(ontleding: Ontleding | None) -> tuple[frozenset[str], str] | None:
    """(kinds of behaviour, context) that the query's words name, or None when they do not
    name both (or name more than one context)."""
    if ontleding is None:
        return None
    benoemd = _benoemd()
    gedrag: set[str] = set()
    contexten: set[str] = set()
    for woord in ontleding.woorden:
        for tok, tienden in woord.tokens.items():
            if tienden < ANDERE_TAAL - 1:
                continue  # a longer word or a typo names nothing
            for antwoord, waarde in benoemd.get(tok, ()):
                (gedrag if antwoord == "gedrag" else contexten).add(waarde)
    if not gedrag or len(contexten) != 1:
        return None
    return frozenset(gedrag), next(iter(contexten))


def bonus(gedrag: frozenset[str], context: str, inhoudsversie: int) -> dict[str, int]:
    """contact point id -> what its place on the wegwijzer's route adds to its score."""
    from vangnet.wegwijzer.antwoorden import Antwoorden
    from vangnet.wegwijzer.kaartbeeld import punten
    from vangnet.wegwijzer.routing import route

    stappen = route(Antwoorden(gedrag=gedrag, context=context), punten(inhoudsversie)).ids()
    return {
        punt: BONUS_EERSTE - plaats * BONUS_STAP for plaats, punt in enumerate(stappen[:STAPPEN])
    }
