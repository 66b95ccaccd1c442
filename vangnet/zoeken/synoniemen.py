"""Words that meet: the glossary's forms and translations, and the synonyms of
``data/synoniemen.yaml``, applied when an item is indexed.

A *group* has triggers (phrases that may occur in an item's text, in one language each)
and extra phrases. When a trigger occurs in a text of the item (as a run of stems), the
item is also indexed under the extra phrases, at part of the weight of that text (half for
the glossary, 7/10 for the synonyms file); an item that has the word itself keeps its own
weight when that is higher. So an item
that speaks of "seksuele intimidatie" is found by "harcèlement sexuel", "sexual harassment"
and "handtastelijk", below an item that uses those words itself.

- Every glossary term is a group: its term in three languages and its Dutch forms trigger
  each other. A form that only narrows the term ("seksueel geweld" for "geweld") triggers
  the term but is not added to items that speak of the term in general.
- Every entry of ``synoniemen.yaml`` is a group: its ``term`` phrases (or its glossary
  term's forms) trigger, its ``woorden`` are added.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from vangnet.zoeken.taal import TALEN, betekenisvol, token_inhoud, woorden

#: The weight of the extra phrases, in tenths of the weight of the text that holds the
#: trigger: a glossary term's other forms at half, an editor's synonym (more specific: a
#: ground, a kind of behaviour) at 7/10.
GLOSSARIUM = 5
SYNONIEMEN = 7

#: (language, tokens of the phrase)
Frase = tuple[str, tuple[str, ...]]


def frase(tekst: str, taal: str) -> Frase:
    """A phrase of the content as a run of tokens in ``taal`` (stop words dropped)."""
    return taal, tuple(token_inhoud(w, taal) for w in woorden(tekst) if betekenisvol(w))


@dataclass
class Groep:
    """Phrases that find each other."""

    naam: str
    #: The weight of the extra phrases, in tenths of the text's weight that triggered them.
    tienden: int = 5
    triggers: set[Frase] = field(default_factory=set)
    extra: dict[str, Frase] = field(default_factory=dict)  # words as written -> phrase
    extra_tokens: tuple[str, ...] = ()  # every token of the extra phrases, once

    def woordenschat(self) -> set[tuple[str, str]]:
        """(word as written, token) of the extra phrases, for the vocabulary."""
        paren = set()
        for geschreven, (_taal, tokens) in self.extra.items():
            geschreven_woorden = [w for w in woorden(geschreven) if betekenisvol(w)]
            paren.update(zip((w[:60] for w in geschreven_woorden), tokens, strict=False))
        return paren

    def voeg_toe(self, tekst: str, taal: str, trigger: bool = True, extra: bool = True) -> None:
        f = frase(tekst, taal)
        if not f[1]:
            return
        if trigger:
            self.triggers.add(f)
        if extra:
            self.extra[tekst] = f


def _glossary_groups(begrippen: Iterable) -> dict[str, Groep]:
    groups = {}
    for begrip in begrippen:
        groep = Groep(f"begrip:{begrip.slug}", GLOSSARIUM)
        for taal in TALEN:
            term = getattr(begrip, f"term_{taal}", "") or ""
            if term:
                groep.voeg_toe(term, taal)
        kern = set(frase(begrip.term_nl or begrip.term, "nl")[1])
        for vorm in begrip.synoniemen:
            tokens = set(frase(vorm, "nl")[1])
            # "seksueel geweld" narrows "geweld": it finds the term, not the other way round.
            smaller = bool(kern) and kern < tokens
            groep.voeg_toe(vorm, "nl", extra=not smaller)
        groups[begrip.slug] = groep
    return groups


@dataclass
class Synoniemen:
    """The groups, with the triggers indexed by their first token for a quick scan."""

    groepen: list[Groep]
    _op_eerste: dict[tuple[str, str], list[tuple[tuple[str, ...], int]]] = field(
        default_factory=dict
    )
    #: The groups whose words were added to a vocabulary being built (once per rebuild).
    in_woordenschat: set[int] = field(default_factory=set)
    #: What indexing found in each text (``indexing._tekst``), for as long as these groups
    #: live (one rebuild or one save): content only, never a query.
    per_tekst: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        for groep in self.groepen:
            groep.extra_tokens = tuple(
                dict.fromkeys(tok for _taal, tokens in groep.extra.values() for tok in tokens)
            )
        op_eerste = defaultdict(list)
        for i, groep in enumerate(self.groepen):
            for taal, tokens in groep.triggers:
                op_eerste[(taal, tokens[0])].append((tokens, i))
        self._op_eerste = dict(op_eerste)

    @classmethod
    def laad(cls) -> "Synoniemen":
        """The groups of the glossary and of the synonyms in the database (two queries)."""
        from vangnet.begrippen.models import Begrip
        from vangnet.zoeken.models import Synoniem

        begrippen = list(Begrip.objects.all())
        glossary = _glossary_groups(begrippen)
        groepen = list(glossary.values())
        for item in Synoniem.objects.select_related("begrip"):
            groep = Groep(f"synoniem:{item.slug}", SYNONIEMEN)
            if item.begrip_id and item.begrip.slug in glossary:
                groep.triggers |= glossary[item.begrip.slug].triggers
            for taal in TALEN:
                for tekst in getattr(item, f"term_{taal}") or []:
                    groep.voeg_toe(tekst, taal, extra=False)
                for tekst in getattr(item, f"woorden_{taal}") or []:
                    groep.voeg_toe(tekst, taal, trigger=False)
            groepen.append(groep)
        return cls(groepen)

    def groepen_in(self, tokens: list[str], taal: str) -> set[int]:
        """The groups whose trigger occurs in ``tokens`` (one text in ``taal``)."""
        found = set()
        for i, tok in enumerate(tokens):
            for reeks, groep in self._op_eerste.get((taal, tok), ()):
                if tuple(tokens[i : i + len(reeks)]) == reeks:
                    found.add(groep)
        return found
