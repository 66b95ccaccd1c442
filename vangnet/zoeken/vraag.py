"""What a query asks for: its meaningful words, each with the index tokens that answer it.

For each word of the query (stop words dropped, at most ``MAX_WOORDEN``):
1. two neighbouring words that the content writes as one ("meld punt") become that word;
2. the word's stem in each language that the index has, at full weight in the page's
   language and 8/10 in the others (a French query on a Dutch page still finds); a Dutch
   word whose stem lost its ``ge`` ("gepest" -> ``pes``) also reads without it (``pest``);
3. longer words of the content that start with it (``intimiteit`` finds
   ``intimiteitscoördinatie``), at half;
4. a word the index does not have is split into words it has (``seksueelgeweld``), each
   part then a word of its own; failing that, the written words nearest to it (typos),
   at 4/10, and the page offers the corrected query ("Bedoelde je ...?").

Nothing is kept: the analysis lives as long as the request.
"""

from dataclasses import dataclass, field

from vangnet.zoeken.samenstelling import MIN_WOORD, splits
from vangnet.zoeken.taal import TALEN, betekenisvol, stam, taal_van, token, woorden
from vangnet.zoeken.woordenschat import Woordenschat

MAX_WOORDEN = 8
#: Weights (in tenths) of the kinds of match.
EIGEN_TAAL = 10
ANDERE_TAAL = 8
BEGIN = 5
BEGIN_ANDERE_TAAL = 4
TYPFOUT = 4


@dataclass
class Woord:
    """One meaningful word of a query and the tokens that answer it (token -> tenths)."""

    geschreven: str
    tokens: dict[str, int] = field(default_factory=dict)
    correctie: str | None = None
    #: Tokens that add weight to a document holding the word, but do not stand for the word
    #: itself (a document holding only these does not hold the word): token -> tenths.
    alleen_gewicht: dict[str, int] = field(default_factory=dict)

    def voeg_toe(self, tok: str, tienden: int) -> None:
        if tienden > self.tokens.get(tok, 0):
            self.tokens[tok] = tienden


@dataclass
class Ontleding:
    """A query taken apart: its words (those that can match anything) and a suggestion."""

    woorden: list[Woord]
    geschreven: list[str]
    heeft_woorden: bool

    @property
    def suggestie(self) -> str | None:
        """The query with its typos corrected, or None when nothing was corrected."""
        correcties = {w.geschreven: w.correctie for w in self.woorden if w.correctie}
        if not correcties:
            return None
        return " ".join(correcties.get(w, w) for w in self.geschreven)


def betekenisvolle_woorden(tekst: str) -> list[str]:
    """The folded words of ``tekst`` that are no stop words, once each, at most MAX_WOORDEN."""
    return list(dict.fromkeys(w for w in woorden(tekst) if betekenisvol(w)))[:MAX_WOORDEN]


def _samengevoegd(ws: list[str], woordenschat: Woordenschat) -> list[str]:
    """Neighbouring words joined where the content writes them as one word."""
    result: list[str] = []
    i = 0
    while i < len(ws):
        if i + 1 < len(ws) and woordenschat.kent(ws[i] + ws[i + 1]):
            result.append(ws[i] + ws[i + 1])
            i += 2
        else:
            result.append(ws[i])
            i += 1
    return result


def _exact(woord: str, taal: str, woordenschat: Woordenschat) -> Woord:
    w = Woord(woord)
    for code in TALEN:
        tok = token(woord, code)
        if woordenschat.bestaat(tok):
            w.voeg_toe(tok, EIGEN_TAAL if code == taal else ANDERE_TAAL)
    for tok in woordenschat.tokens_van.get(woord, ()):
        w.voeg_toe(tok, EIGEN_TAAL if taal_van(tok) == taal else ANDERE_TAAL)
    # Snowball Dutch reads "gepest" as a participle (ge-pes-t, like ge-werk-t): its stem
    # ``pes`` misses "pesten" and "pesterijen" (``pest``). When it dropped the ``ge``, the
    # word without it is read too, a little lower than the word itself.
    if woord.startswith("ge") and not stam(woord).startswith("ge"):
        tok = token(woord[2:], "nl")
        if woordenschat.bestaat(tok):
            w.voeg_toe(tok, EIGEN_TAAL - 1 if taal == "nl" else ANDERE_TAAL - 1)
    return w


def _begin(w: Woord, taal: str, woordenschat: Woordenschat) -> None:
    for langer in woordenschat.met_begin(w.geschreven):
        for tok in woordenschat.tokens_van[langer]:
            w.voeg_toe(tok, BEGIN if taal_van(tok) == taal else BEGIN_ANDERE_TAAL)


def ontleed(tekst: str, taal: str, woordenschat: Woordenschat) -> Ontleding:
    """Take ``tekst`` apart for a search on a page in ``taal``."""
    geschreven = betekenisvolle_woorden(tekst)
    result: list[Woord] = []
    for woord in _samengevoegd(geschreven, woordenschat):
        w = _exact(woord, taal, woordenschat)
        if w.tokens:
            _begin(w, taal, woordenschat)
            result.append(w)
            continue
        delen = splits(woord, _eigen_rang(woordenschat)) if len(woord) >= MIN_WOORD else []
        if delen:
            for deel in delen:
                d = _exact(deel, taal, woordenschat)
                if d.tokens:
                    result.append(d)
            continue
        _begin(w, taal, woordenschat)
        for naburig in woordenschat.dichtbij(woord):
            for tok in woordenschat.tokens_van.get(naburig, ()):
                w.voeg_toe(tok, TYPFOUT)
            if w.correctie is None:
                w.correctie = naburig
        if w.tokens:
            result.append(w)
    return Ontleding(result[:MAX_WOORDEN], geschreven, bool(geschreven))


def _eigen_rang(woordenschat: Woordenschat):
    """The content's words as the known words of ``splits`` (all equally frequent), so a
    query never loads the general word list and only splits into words that can match."""

    def rang(woord: str) -> int | None:
        return 0 if woordenschat.kent(woord) else None

    return rang
