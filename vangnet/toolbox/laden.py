"""Loading data/reactiegids.yaml (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN)."""

from typing import Any

from vangnet.inhoud.loading import (
    Loader,
    Tally,
    set_translated,
    set_translated_list,
    sync_m2m,
    upsert,
)
from vangnet.inhoud.schemas import vertaald
from vangnet.kaart.models import Aanspreekpunt
from vangnet.toolbox import schema
from vangnet.toolbox.models import Reactiestap

BESTAND = "reactiegids.yaml"


def laad(loader: Loader, prune: bool) -> None:
    """Validate (``schema.Reactiestap``) and upsert the steps of the reaction guide.

    Their order is the file's order.
    """
    tally = loader.tallies[BESTAND] = Tally()
    slugs = set()
    for volgorde, (_where, slug, r) in enumerate(loader.gevalideerd(BESTAND, schema.Reactiestap)):
        values: dict[str, Any] = {
            "bron": list(r.bron),
            "fase": r.fase,
            "verplichting": r.verplichting,
            "opties": list(r.opties),
            "voor_wie": list(r.voor_wie),
            "volgorde": volgorde,
        }
        for name in ("titel", "tekst", "rechtsgrond"):
            set_translated(values, name, vertaald(getattr(r, name)))
        set_translated_list(values, "onbevestigd", r.onbevestigd)
        slugs.add(slug)
        if loader.problems:
            continue
        stap = upsert(Reactiestap, slug, values, tally)
        sync_m2m(stap.wie_bellen, Aanspreekpunt.objects.filter(slug__in=r.wie_bellen))
    if not loader.problems:
        loader._prune(Reactiestap, BESTAND, slugs, prune)
