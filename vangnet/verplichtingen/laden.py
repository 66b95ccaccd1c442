"""Loading ``data/verplichtingen.yaml`` (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN).

Every rule is checked against its declared schema (``schema.Regel``) before it is written.
"""

from __future__ import annotations

from typing import Any

from vangnet.inhoud.loading import Loader, Tally, set_translated, set_translated_list, upsert
from vangnet.inhoud.schemas import vertaald
from vangnet.verplichtingen import schema
from vangnet.verplichtingen.models import Regel
from vangnet.verplichtingen.schema import KENMERKEN

__all__ = ["BESTAND", "KENMERKEN", "laad"]

BESTAND = "verplichtingen.yaml"


def laad(loader: Loader, prune: bool) -> None:
    """Validate and upsert the rules of ``data/verplichtingen.yaml``."""
    tally = loader.tallies[BESTAND] = Tally()
    slugs = set()
    for volgorde, (_where, slug, r) in enumerate(loader.gevalideerd(BESTAND, schema.Regel)):
        values: dict[str, Any] = {
            "volgorde": volgorde,
            "gevallen": [
                {
                    "voorwaarde": geval.voorwaarde.model_dump(exclude_none=True),
                    "soort": geval.soort,
                    "uitleg": vertaald(geval.uitleg),
                    "kenmerken": geval.kenmerken.model_dump(exclude_none=True),
                }
                for geval in r.gevallen
            ],
            "datum": r.datum,
            "aanspreekpunten": list(r.aanspreekpunten),
            "aanbod": list(r.aanbod),
            "bron": list(r.bron),
        }
        for naam in ("titel", "niet_van_toepassing", "wettelijke_bron"):
            set_translated(values, naam, vertaald(getattr(r, naam)))
        set_translated_list(values, "onbevestigd", r.onbevestigd)
        slugs.add(slug)
        if loader.problems:
            continue
        upsert(Regel, slug, values, tally)
    if not loader.problems:
        loader._prune(Regel, BESTAND, slugs, prune)
