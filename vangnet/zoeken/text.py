"""Dutch text as search tokens: accents folded, stop words dropped, words stemmed.

The same functions run on the indexed text and on the query, so both sides meet on the same
stems whatever the database engine (SQLite and PostgreSQL give the same results because
neither does any language processing of its own). The three languages are in ``taal.py``;
this module keeps the Dutch shorthand the rest of the code uses.
"""

from vangnet.zoeken.taal import STOPWOORDEN, fold, stam, token_inhoud, woorden

STOP_WORDS = STOPWOORDEN

__all__ = ["STOP_WORDS", "fold", "stem", "tokens"]


def stem(word: str) -> str:
    """Stem one folded Dutch word."""
    return stam(word, "nl")


def tokens(text: str) -> list[str]:
    """The Dutch stems of content ``text`` in order, without stop words (cached per word:
    for the content only, never for a query)."""
    return [token_inhoud(w, "nl") for w in woorden(text) if w not in STOPWOORDEN]
