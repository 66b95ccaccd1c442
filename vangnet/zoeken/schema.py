"""The declared schema of data/synoniemen.yaml (see vangnet/inhoud/schemas.py)."""

from collections.abc import Iterator
from typing import Literal

from pydantic import StrictStr

from vangnet.inhoud.schemas import Loc, Record, Streng, lijst, verwijzing

RELATIES = ("synoniem", "spreektaal", "soort-van", "verwant")


class Woorden(Streng):
    """Words or phrases per language (each list optional)."""

    nl: lijst(StrictStr) = []
    fr: lijst(StrictStr) = []
    en: lijst(StrictStr) = []


class Synoniem(Record):
    """Everyday words for a word of the data: a glossary term (``begrip``) or a ``term``."""

    relatie: Literal[RELATIES]
    begrip: verwijzing("begrippen.yaml", wat="glossary term") | None = None
    term: Woorden | None = None
    woorden: Woorden

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        if self.begrip is None and self.term is None:
            yield ("term",), "give the glossary term (begrip) or the data's words (term)"
        if not (self.woorden.nl or self.woorden.fr or self.woorden.en):
            yield ("woorden",), "give at least one word"
