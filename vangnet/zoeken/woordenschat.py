"""The vocabulary of the index in memory: which tokens exist, which words were written, and
the nearest words to a typo.

Loaded from ``Zoekwoord`` once per process and content version (one query to check the
version per search), so a search never scans the vocabulary in the database. It holds only
words of the content, never a query.
"""

import bisect
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from vangnet.inhoud.versie import huidige

#: A prefix shorter than this finds nothing by its start (too many words start with "pe").
MIN_PREFIX = 4
#: At most this many longer words are tried for one prefix.
MAX_PREFIX = 20


def max_afstand(woord: str) -> int:
    """The edits a word of this length may be away from the vocabulary and still match.

    Four letters or fewer: none (too many short words are one letter apart); five to eight:
    one; nine or more: two. An edit is an insertion, deletion, substitution, or swap of two
    neighbours (optimal string alignment, ``rapidfuzz.distance.OSA``).
    """
    if len(woord) <= 4:
        return 0
    return 1 if len(woord) <= 8 else 2


@dataclass
class Woordenschat:
    """Every token of the index and every word as written, with its tokens."""

    tokens_van: dict[str, tuple[str, ...]] = field(default_factory=dict)
    woorden: list[str] = field(default_factory=list)
    _token_set: frozenset[str] = frozenset()
    _per_lengte: dict[int, list[str]] = field(default_factory=dict)

    @classmethod
    def uit_paren(cls, paren: list[tuple[str, str]]) -> "Woordenschat":
        van: dict[str, list[str]] = defaultdict(list)
        for woord, tok in paren:
            van[woord].append(tok)
        per_lengte: dict[int, list[str]] = defaultdict(list)
        for woord in sorted(van):
            per_lengte[len(woord)].append(woord)
        return cls(
            tokens_van={w: tuple(t) for w, t in van.items()},
            woorden=sorted(van),
            _token_set=frozenset(tok for _w, tok in paren),
            _per_lengte=dict(per_lengte),
        )

    def bestaat(self, tok: str) -> bool:
        """Whether some item is indexed under ``tok`` (or was, until the next rebuild)."""
        return tok in self._token_set

    def kent(self, woord: str) -> bool:
        """Whether ``woord`` (folded) is written somewhere in the content."""
        return woord in self.tokens_van

    def met_begin(self, woord: str) -> list[str]:
        """Longer written words that start with ``woord`` (at most MAX_PREFIX, in order):
        ``intimiteit`` finds ``intimiteitscoordinatie``."""
        if len(woord) < MIN_PREFIX:
            return []
        result = []
        i = bisect.bisect_right(self.woorden, woord)
        while i < len(self.woorden) and len(result) < MAX_PREFIX:
            if not self.woorden[i].startswith(woord):
                break
            result.append(self.woorden[i])
            i += 1
        return result

    def dichtbij(self, woord: str) -> list[str]:
        """The written words nearest to ``woord`` within ``max_afstand`` (nearest first)."""
        grens = max_afstand(woord)
        if not grens:
            return []
        kandidaten: list[tuple[int, str]] = []
        for lengte in range(len(woord) - grens, len(woord) + grens + 1):
            keuzes = self._per_lengte.get(lengte)
            if not keuzes:
                continue
            for keuze, afstand, _i in process.extract(
                woord, keuzes, scorer=OSA.distance, score_cutoff=grens, limit=10
            ):
                kandidaten.append((int(afstand), keuze))
        if not kandidaten:
            return []
        beste = min(a for a, _k in kandidaten)
        return sorted(k for a, k in kandidaten if a == beste)[:5]


_lock = threading.Lock()
_geladen: dict[str, object] = {"versie": None, "woordenschat": None}


def huidige_woordenschat(inhoudsversie: int | None = None) -> Woordenschat:
    """The vocabulary of the current content version (reloaded after every change); pass
    ``inhoudsversie`` when the request already read it."""
    from vangnet.zoeken.models import Zoekwoord

    versie = huidige() if inhoudsversie is None else inhoudsversie
    with _lock:
        if _geladen["versie"] != versie or _geladen["woordenschat"] is None:
            paren = list(Zoekwoord.objects.values_list("woord", "token"))
            _geladen["woordenschat"] = Woordenschat.uit_paren(paren)
            _geladen["versie"] = versie
        return _geladen["woordenschat"]


def vergeet() -> None:
    """Drop the vocabulary in memory (tests that change the index without a new version)."""
    with _lock:
        _geladen["versie"] = None
        _geladen["woordenschat"] = None
