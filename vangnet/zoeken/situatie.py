"""What the kinds of behaviour and the wegwijzer add to a search (ADR 0022).

Two rules, both about the wegwijzer's answers that a query's words can name:

- **The umbrella.** Every kind of behaviour in the code list (``Gedrag``) is a kind of
  grensoverschrijdend gedrag (the glossary's definition names them). A word that names a
  kind ("machtsmisbruik", "pesten") also accepts the umbrella's own word,
  "grensoverschrijdend", at 2/10 of its weight, as weight only (``koepel``): a document
  that holds the word and is about grensoverschrijdend gedrag as a whole (the Vlaams
  Meldpunt Grensoverschrijdend Gedrag) ranks a little higher; a document that holds only
  the umbrella does not count as holding the word.
- **A situation.** "waar kan ik terecht als ik op het werk gepest word" names a kind of
  behaviour (``psychisch``) and where it happened (``werk``): two of the wegwijzer's
  answers. The wegwijzer decides who comes first for that situation (``routing.route``);
  the search follows it: the route's first steps are lifted, the first the most
  (``bonus``), so a search and the wegwijzer agree about who handles it first. A topic
  alone has no route of its own: without knowing who asks, the wegwijzer puts the points
  inside an organisation first for everyone, so it says nothing about the topic.

A query word *names* a value when one of its exact stems (in any language; not a longer
word, not a typo) is a word of that value's label in the code lists (``Gedrag``,
``Context``): the labels a contact point is indexed with. The words of the umbrella term
name no particular kind. A word can name more than one context ("work" is in "at work" and
in "during training or a work placement"); the query then names the context whose label holds
most of its words, then the largest share ("work" is all of "at work" and a third of the
other; "work placement" is two words of the second), and none on a tie. Both rules
only lift: nothing is hidden or lowered, and one more word of the query still counts far
more.
"""

from functools import lru_cache

from vangnet.kaart import choices as c
from vangnet.zoeken.documents import label_table
from vangnet.zoeken.synoniemen import frase
from vangnet.zoeken.vraag import ANDERE_TAAL, Ontleding, Woord

#: How many steps of the route are lifted, and by how much: the first by BONUS_EERSTE, each
#: next one BONUS_STAP less (index weights: a title is 20).
STAPPEN = 5
BONUS_EERSTE = 60
BONUS_STAP = 5
#: The umbrella term: its words name every kind, so none in particular.
KOEPEL = "grensoverschrijdend gedrag"
#: A text about the umbrella as a whole counts for each kind at this many tenths of its weight.
KOEPEL_TIENDEN = 2


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


@lru_cache(maxsize=1)
def _labeltokens() -> dict[str, tuple[frozenset[str], ...]]:
    """context -> the tokens of its label, one set per language."""
    return {
        waarde: tuple(frozenset(frase(label, taal)[1]) for label, taal in labels)
        for waarde, labels in label_table(c.Context).items()
    }


def _exacte_tokens(woord: Woord) -> set[str]:
    return {tok for tok, tienden in woord.tokens.items() if tienden >= ANDERE_TAAL - 1}


def _meest_gedekt(contexten: set[str], tokens: set[str]) -> str | None:
    """The one context whose label (in any language) holds the most of the query's tokens,
    then the largest share of them; None when two are equal on both."""
    dekking = {
        waarde: max(
            (len(label & tokens), len(label & tokens) / len(label))
            for label in _labeltokens()[waarde]
            if label
        )
        for waarde in contexten
    }
    hoogste = max(dekking.values())
    beste = [waarde for waarde, deel in dekking.items() if deel == hoogste]
    return beste[0] if len(beste) == 1 else None


def _benoemt(woord: Woord) -> list[tuple[str, str]]:
    """The (answer, value) pairs that one query word names (through its exact stems)."""
    benoemd = _benoemd()
    return [paar for tok in _exacte_tokens(woord) for paar in benoemd.get(tok, ())]


def koepel(ontleding: Ontleding | None) -> None:
    """Let each word that names a kind of behaviour also accept the umbrella term's own word
    ("grensoverschrijdend"), at KOEPEL_TIENDEN: a point or text about grensoverschrijdend
    gedrag as a whole is about each of its kinds, a little."""
    if ontleding is None:
        return
    eigen = frase(KOEPEL, "nl")[1][0]  # "grensoverschrijdend"; "gedrag" is said of much else
    for woord in ontleding.woorden:
        if eigen not in woord.tokens and any(a == "gedrag" for a, _w in _benoemt(woord)):
            woord.alleen_gewicht[eigen] = KOEPEL_TIENDEN


def situatie(ontleding: Ontleding | None) -> tuple[frozenset[str], str] | None:
    """(kinds of behaviour, context) that the query's words name, or None when they do not
    name both (or name several contexts equally)."""
    if ontleding is None:
        return None
    gedrag: set[str] = set()
    contexten: set[str] = set()
    for woord in ontleding.woorden:
        for antwoord, waarde in _benoemt(woord):
            (gedrag if antwoord == "gedrag" else contexten).add(waarde)
    if not gedrag or not contexten:
        return None
    tokens = set().union(*(_exacte_tokens(woord) for woord in ontleding.woorden))
    context = _meest_gedekt(contexten, tokens)
    return None if context is None else (frozenset(gedrag), context)


def bonus(ontleding: Ontleding | None, inhoudsversie: int | None) -> dict[str, int]:
    """contact point id -> what its place on the wegwijzer's route for the situation the
    query names adds to its score (nothing when the query names no situation)."""
    benoemd = situatie(ontleding)
    if benoemd is None:
        return {}
    from vangnet.wegwijzer.antwoorden import Antwoorden
    from vangnet.wegwijzer.kaartbeeld import punten
    from vangnet.wegwijzer.routing import route

    gedrag, context = benoemd
    stappen = route(Antwoorden(gedrag=gedrag, context=context), punten(inhoudsversie)).ids()
    return {
        punt: BONUS_EERSTE - plaats * BONUS_STAP for plaats, punt in enumerate(stappen[:STAPPEN])
    }
