"""Dutch compounds: ``seksueelgeweld`` is ``seksueel`` + ``geweld``, ``vertrouwenspersoon`` is
``vertrouwen`` + ``s`` + ``persoon``.

A word is split into the fewest known parts (two or three) of at least ``MIN_DEEL`` letters,
optionally joined by a linking ``s``, ``e`` or ``en`` (the *tussenklank*). "Known" means:
among the ``LIJST_GROOTTE`` most frequent Dutch words of ``wordfreq``'s list (a maintained
list built from subtitles, Wikipedia, books and the web; see ADR "compounds and typos"),
and, for a query, the words of our own content (``rang``). Among splits with as many
parts, the one whose rarest part is the most frequent wins.

The index adds the parts of every compound to the item (at a lower weight), so a query of
the parts finds the compound; a query word that the index does not know is split the same
way, so a compound query finds the texts that have the parts.
"""

from collections.abc import Callable, Iterable
from functools import lru_cache

MIN_DEEL = 4
MIN_WOORD = 2 * MIN_DEEL
LIJST_GROOTTE = 60_000
VOEGKLANKEN = ("s", "en", "e")


@lru_cache(maxsize=1)
def woordenlijst() -> dict[str, int]:
    """Each known Dutch word (folded, letters only) with its frequency rank (0 = most frequent)."""
    from wordfreq import get_frequency_list

    from vangnet.zoeken.taal import fold

    rangen: dict[str, int] = {}
    rang = 0
    for emmer in get_frequency_list("nl"):  # words grouped by frequency, most frequent first
        for woord in emmer:
            rang += 1
            gevouwen = fold(woord)
            if len(gevouwen) >= MIN_DEEL and gevouwen.isalpha() and gevouwen.isascii():
                rangen.setdefault(gevouwen, rang)
        if rang >= LIJST_GROOTTE:
            break
    return rangen


#: How frequent a word is (0 = most frequent), or None for a word that is not known.
Rang = Callable[[str], int | None]


def rang_woordenlijst(woord: str) -> int | None:
    """A word's rank in wordfreq's Dutch list."""
    return woordenlijst().get(woord)


def _linker_delen(links: str, rang: Rang) -> Iterable[tuple[str, int]]:
    """The known words that ``links`` can be, with or without a linking sound."""
    r = rang(links)
    if r is not None:
        yield links, r
    for klank in VOEGKLANKEN:
        kort = links[: -len(klank)]
        if links.endswith(klank) and len(kort) >= MIN_DEEL:
            r = rang(kort)
            if r is not None:
                yield kort, r


def splits(woord: str, rang: Rang = rang_woordenlijst, diepte: int = 3) -> list[str]:
    """The parts of a folded compound, or ``[]`` when it is no compound of known words.

    A word that is itself more frequent than its rarest part is no compound ("verkrachting"
    is not "verk" + "rach" + "ting").
    """
    beste = _beste(woord, rang, diepte)
    if not beste:
        return []
    (_n, slechtste), delen = beste
    geheel = rang(woord)
    if geheel is not None and geheel < slechtste:
        return []
    return list(delen)


def _beste(woord: str, rang: Rang, diepte: int) -> tuple[tuple, tuple] | None:
    """(sort key, parts) of the best split of ``woord`` into at most ``diepte`` parts."""
    if len(woord) < MIN_WOORD or diepte < 2 or not woord.isalpha():
        return None
    beste = None
    for i in range(MIN_DEEL, len(woord) - MIN_DEEL + 1):
        rechts = woord[i:]
        for links, rang_links in _linker_delen(woord[:i], rang):
            rang_rechts = rang(rechts)
            kandidaten = []
            if rang_rechts is not None:
                kandidaten.append(((2, max(rang_links, rang_rechts)), (links, rechts)))
            if diepte > 2:
                rest = _beste(rechts, rang, diepte - 1)
                if rest:
                    (n, slechtste), delen = rest
                    kandidaten.append(((n + 1, max(rang_links, slechtste)), (links, *delen)))
            for kandidaat in kandidaten:
                if beste is None or kandidaat[0] < beste[0]:
                    beste = kandidaat
    return beste


@lru_cache(maxsize=100_000)
def splits_inhoud(woord: str) -> tuple[str, ...]:
    """``splits`` for the words of the content, against wordfreq's list (cached while
    indexing; never for a query)."""
    return tuple(splits(woord))
