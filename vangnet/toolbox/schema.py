"""The declared schema of data/reactiegids.yaml (see vangnet/inhoud/schemas.py)."""

from collections.abc import Iterator

from vangnet.inhoud.schemas import Loc, OptioneleTekst, Record, Tekst, keuze, lijst, verwijzing
from vangnet.toolbox.choices import Fase, Optie, Verplichting, VoorWie


class Reactiestap(Record):
    fase: keuze(Fase)
    titel: Tekst
    tekst: Tekst
    verplichting: keuze(Verplichting)
    rechtsgrond: OptioneleTekst = None
    opties: lijst(keuze(Optie)) = []
    voor_wie: lijst(keuze(VoorWie)) = []
    wie_bellen: lijst(verwijzing("aanspreekpunten.yaml", wat="contact point")) = []

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        # A person has to be able to check why a step is required.
        if self.verplichting == Verplichting.VERPLICHT and self.rechtsgrond is None:
            yield ("rechtsgrond",), "rechtsgrond is required for a step that is verplicht"
