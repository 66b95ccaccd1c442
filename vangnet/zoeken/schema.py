"""The declared schemas of data/synoniemen.yaml and data/topresultaten.yaml (see
vangnet/inhoud/schemas.py)."""

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


class Topresultaat(Record):
    """The item that comes first for whole queries that name its topic (ADR 0023): exactly
    one of ``aanspreekpunt``, ``aanbod`` or ``begrip``; ``waarom`` says why, for editors."""

    zoekvraag: Woorden
    aanspreekpunt: verwijzing("aanspreekpunten.yaml", wat="contact point") | None = None
    aanbod: verwijzing("aanbod.yaml", wat="offering") | None = None
    begrip: verwijzing("begrippen.yaml", wat="glossary term") | None = None
    waarom: StrictStr

    def doelen(self) -> list[tuple[str, str]]:
        """(kind, id) of the item named: one when the record is valid."""
        return [
            (soort, doel)
            for soort, doel in (
                ("aanspreekpunt", self.aanspreekpunt),
                ("aanbod", self.aanbod),
                ("begrip", self.begrip),
            )
            if doel
        ]

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        if len(self.doelen()) != 1:
            yield ("aanspreekpunt",), "name exactly one item: aanspreekpunt, aanbod or begrip"
        if not (self.zoekvraag.nl or self.zoekvraag.fr or self.zoekvraag.en):
            yield ("zoekvraag",), "give at least one query"
