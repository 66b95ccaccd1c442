"""Help before the offering (ADR 0026).

Vangnet's search lists contact points, glossary terms and the offering (trainings, tools,
coaching) in one ranking. A person who types a topic ("pesten", "machtsmisbruik",
"harcèlement") looks for where to go; a catalogue of hundreds of trainings named after the
same topics must not push the contact points that handle it, or the term that explains it,
out of the first results. So, among items that hold as many of the query's words, help
comes first:

- when it is indexed, a row of a contact point or a glossary term that says what the item
  is for (``documents.voorrang``: for a contact point its name, kind, summary, organisation
  and the behaviours, grounds and wishes it serves; for a term the term and its synonyms)
  carries ``documents.VOORRANG``;
- a search adds that once to a document that holds any of the query's words that way
  (``search.Gerangschikt``): more than any weight, less than one more word of the query;
- except when the query names a kind of offering ("opleiding vertrouwenspersoon",
  "workshop", "bystander training"): then the person asks for the offering, and every
  item is ranked by its words and weights alone (``vraagt_aanbod``).

A query word *names* a kind of offering when one of its exact stems (in any language; not
a longer word, not a typo) is a word of that kind's label in the code list
``AanbodSoort``, the labels an offering item is indexed with.
"""

from functools import lru_cache

from vangnet.kaart import choices as c
from vangnet.zoeken.documents import label_table
from vangnet.zoeken.synoniemen import frase
from vangnet.zoeken.vraag import ANDERE_TAAL, Ontleding


@lru_cache(maxsize=1)
def _aanbodwoorden() -> frozenset[str]:
    """The tokens of the labels of the kinds of offering, in every language."""
    return frozenset(
        tok
        for labels in label_table(c.AanbodSoort).values()
        for label, taal in labels
        for tok in frase(label, taal)[1]
    )


def vraagt_aanbod(ontleding: Ontleding | None) -> bool:
    """Whether one of the query's words names a kind of offering (through an exact stem)."""
    if ontleding is None:
        return False
    woorden = _aanbodwoorden()
    return any(
        tok in woorden
        for woord in ontleding.woorden
        for tok, tienden in woord.tokens.items()
        if tienden >= ANDERE_TAAL - 1
    )
