"""Turning Dutch text into search tokens: accents folded, stop words dropped, words stemmed.

The same function runs on the indexed text and on the query, so both sides meet
on the same stems whatever the database engine (SQLite and PostgreSQL give the
same results because neither does any language processing of its own).
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"[0-9a-z]+")
_DOUBLE_VOWEL = re.compile(r"([aeou])\1")

# Frequent Dutch function words: they match everything and rank nothing.
STOP_WORDS = frozenset(
    """de het een en of van in op te voor met aan bij naar om als dat die dit deze
    er is zijn was wordt worden je jij ik mijn me we wij ze zij hij haar hun u uw
    ook niet wel maar dan door tot over uit zo nog al wat wie waar hoe kan kun
    le la les un une des du et ou the a an of to for and or in on with""".split()
)

_stemmer = snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    """Lower-case and strip accents: ``Intimiteitscoördinatie`` -> ``intimiteitscoordinatie``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Stem one folded word; doubled vowels are undoubled so ``seksueel`` meets ``seksuele``."""
    return _DOUBLE_VOWEL.sub(r"\1", _stemmer.stemWord(word))


def tokens(text: str) -> list[str]:
    """The stems of ``text`` in order, without stop words."""
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in STOP_WORDS]
