"""How much of the text a person reads in ``data/*.yaml`` exists in French and English.

``VELDEN`` lists, in this one place, the person-facing fields of every data file: each of
their texts (a list field counts every item) is counted per language. Every translatable
field of the schemas is person-facing today; a test keeps this list and the schemas in step,
so a new translatable field is counted from the day it is added.

Not counted, because they are Dutch on purpose or not words: ``begrippen.synoniemen`` (the
Dutch forms a term is found and linked by, shown with ``lang="nl"``), ``afkorting``,
channel values (numbers, addresses, links) and ``sessies.plaats`` (a place name).

``make content`` (``load_content``) prints the figures; the test
``vangnet/inhoud/tests/test_vertalingen.py`` fails on any text without fr or en.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vangnet.inhoud import schemas
from vangnet.inhoud.loading import Loader, schema_per_bestand
from vangnet.inhoud.schemas import NIET_VOOR_KENMERKEN, pad, teksten

#: Languages a translation is required in (Dutch is the source).
DOELTALEN = ("fr", "en")

#: The person-facing fields per data file, as paths (``kanalen.label``: the label of every
#: channel). Every item of a list of texts counts as one text.
VELDEN: dict[str, tuple[str, ...]] = {
    "organisaties.yaml": ("naam", "beschrijving", "onbevestigd"),
    "paritaire-comites.yaml": ("naam", "onbevestigd"),
    "begrippen.yaml": ("term", "definitie", "onbevestigd"),
    "aanspreekpunten.yaml": (
        "naam",
        "samenvatting",
        "beschrijving",
        "anoniem_toelichting",
        "kosten",
        "voorwaarden",
        "opvolging",
        "wie_weet_wat",
        "kanalen.label",
        "kanalen.uren_toelichting",
        *(f"niet_voor.{kenmerk}.reden" for kenmerk in NIET_VOOR_KENMERKEN),
        "onbevestigd",
    ),
    "aanbod.yaml": (
        "titel",
        "samenvatting",
        "beschrijving",
        "duur",
        "prijzen.toelichting",
        "onbevestigd",
    ),
    "eerste-opvang.yaml": ("tekst", "onbevestigd"),
    "verplichtingen.yaml": (
        "titel",
        "niet_van_toepassing",
        "wettelijke_bron",
        "gevallen.uitleg",
        "onbevestigd",
    ),
    "quickscan.yaml": ("stelling", "toelichting", "advies", "onbevestigd"),
    "reactiegids.yaml": ("titel", "tekst", "rechtsgrond", "onbevestigd"),
    "sessies.yaml": ("onbevestigd",),
    "actieplan.yaml": ("titel", "duiding", "partners_toelichting", "timing", "onbevestigd"),
    "begroting.yaml": ("titel", "onbevestigd"),
    "synoniemen.yaml": ("onbevestigd",),
    "topresultaten.yaml": ("onbevestigd",),
}


@dataclass
class Dekking:
    """The translated share of one data file's person-facing texts."""

    bestand: str
    teksten: int = 0
    #: Per language, every text without it: ``aanspreekpunten.yaml #3 (caw): kosten``.
    ontbrekend: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in DOELTALEN})
    #: Translatable fields met in the data that ``VELDEN`` does not list.
    onbekende_velden: set[str] = field(default_factory=set)

    def vertaald(self, taal: str) -> int:
        return self.teksten - len(self.ontbrekend[taal])

    def procent(self, taal: str) -> float:
        """Share of texts translated into ``taal``; a file without texts is complete."""
        return 100.0 if not self.teksten else 100.0 * self.vertaald(taal) / self.teksten


def meet(loader: Loader) -> list[Dekking]:
    """The translation coverage of every data file that ``loader`` read, in file order.

    Reads the files only (no database); records that do not pass their schema are left
    out (``load_content`` reports those).
    """
    result = []
    for bestand, schema in schema_per_bestand().items():
        geldig, _problemen = schemas.valideer(bestand, loader.records[bestand], schema, loader.ids)
        result.append(_tel(bestand, geldig))
    return result


def _tel(bestand: str, geldig: Iterable[tuple[str, schemas.Record]]) -> Dekking:
    dekking = Dekking(bestand)
    velden = set(VELDEN.get(bestand, ()))
    for where, record in geldig:
        for loc, tekst in teksten(record):
            veld = ".".join(part for part in loc if isinstance(part, str))
            if veld not in velden:
                dekking.onbekende_velden.add(veld)
                continue
            dekking.teksten += 1
            for taal in DOELTALEN:
                if not getattr(tekst, taal):
                    dekking.ontbrekend[taal].append(f"{where}: {pad(loc)}")
    return dekking


def meet_map(data_dir: Path) -> list[Dekking]:
    """The coverage of the data files in ``data_dir``."""
    return meet(Loader(data_dir))
