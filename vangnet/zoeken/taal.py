"""The three languages of the search: folding, words, stop words and per-language stems.

Every text is turned into tokens by the stemmer of its own language (Snowball, through
``snowballstemmer``, which uses the C implementation of PyStemmer when it is installed).
A token carries its language: a Dutch stem is written bare (``pest``), a French or English
one with a prefix (``fr:harcel``, ``en:bulli``), so that a query on ``/fr/`` can prefer the
French fields and still fall back to the Dutch ones. Filters (``@status:...``) start with
``@`` and never meet a word.

Nothing here keeps what it is given: query words pass through these functions and are
forgotten (no cache is filled by a query, see docs/search.md "Privacy").
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

TALEN = ("nl", "fr", "en")
STEMMER_NAAM = {"nl": "dutch", "fr": "french", "en": "english"}
PREFIX = {"nl": "", "fr": "fr:", "en": "en:"}

_WOORD = re.compile(r"[0-9a-z]+")
_DUBBELE_KLINKER = re.compile(r"([aeou])\1")

# Function words of each language: they match everything and rank nothing. One set for
# every language, because a query's language is not known (a Dutch page gets French and
# English queries too); words that carry meaning in one of the languages are left out.
STOPWOORDEN_NL = frozenset(
    """de het een en of van in op te ten ter voor met aan bij naar om als dat die dit deze
    er is zijn ben bent was waren wordt worden word werd werden je jij jou jouw ik mij mijn
    me we wij ons onze ze zij hij hem haar hun hen u uw ook niet geen wel maar dan door tot
    over uit zo nog al wat wie waar waarom wanneer hoe welk welke kan kun kunt kunnen moet
    moeten mag mogen wil wilt willen zou zouden zal zullen heb hebt heeft hebben had hadden
    iets iemand hier daar nu toen omdat want dus mee toe na zonder tegen onder tussen
    terecht zoek zoeken graag even eens heel erg veel echt s t n m d maak maakt maken
    doe doet doen gaat gaan krijg krijgt""".split()
)
STOPWOORDEN_FR = frozenset(
    """le la les l un une des du de d et ou au aux en dans sur pour par avec sans ce cet
    cette ces se sa son ses mon ma mes ton ta tes notre nos votre vos leur leurs je j tu
    il elle nous vous ils elles on qui que qu quoi est sont suis es etes sommes ai as a ont
    avons avez ete etre avoir ne n pas plus y c ca me m te moi toi lui eux comment ou
    quand pourquoi peux peut puis veux veut faire fait chez""".split()
)
STOPWOORDEN_EN = frozenset(
    """the a an of to for and or in on at with by from is are am was were be been being
    i me my mine we us our you your he him his she her it its they them their this that
    these those what who whom where why how when can could do does did have has had not
    no at about as into if then than so just get got im its dont where which will would
    should may might must shall""".split()
)
STOPWOORDEN = STOPWOORDEN_NL | STOPWOORDEN_FR | STOPWOORDEN_EN


def fold(text: str) -> str:
    """Lower-case and strip accents: ``Intimiteitscoördinatie`` -> ``intimiteitscoordinatie``."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def woorden(text: str) -> list[str]:
    """The folded words of ``text`` (letters and digits), stop words included."""
    return _WOORD.findall(fold(text))


def betekenisvol(woord: str) -> bool:
    """A word that can rank something: not a stop word."""
    return woord not in STOPWOORDEN


def _stemmers() -> dict[str, object]:
    stemmers = {taal: snowballstemmer.stemmer(naam) for taal, naam in STEMMER_NAAM.items()}
    for stemmer in stemmers.values():
        # PyStemmer keeps the last 10,000 words it stemmed, a query's words among them, and
        # a query can name a person: no cache here. The content's words are cached by
        # token_inhoud, which no query reaches.
        if hasattr(stemmer, "maxCacheSize"):
            stemmer.maxCacheSize = 0
    return stemmers


_STEMMERS = _stemmers()


def stam(woord: str, taal: str = "nl") -> str:
    """The stem of one folded word in ``taal``.

    Dutch doubled vowels are undoubled so ``seksueel`` meets ``seksuele``.
    """
    if taal == "nl":
        return _DUBBELE_KLINKER.sub(r"\1", _STEMMERS["nl"].stemWord(woord))
    return _STEMMERS[taal].stemWord(woord)


def token(woord: str, taal: str = "nl") -> str:
    """The index token of one folded word in ``taal`` (its stem, with the language prefix)."""
    return PREFIX[taal] + stam(woord, taal)[:56]


@lru_cache(maxsize=200_000)
def token_inhoud(woord: str, taal: str) -> str:
    """``token`` for the words of the content (cached while indexing; never for a query)."""
    return token(woord, taal)


def taal_van(tok: str) -> str:
    """The language of an index token."""
    if tok.startswith("fr:"):
        return "fr"
    if tok.startswith("en:"):
        return "en"
    return "nl"
