"""Loading data/quickscan.yaml (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN).

Every statement is checked against its declared schema (``schema.Stelling``): its level,
the kinds of organisation it applies to, its conditions, weight, advice, the kaart records
that help, and its sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vangnet.inhoud.loading import Tally, set_translated, set_translated_list, sync_m2m, upsert
from vangnet.inhoud.schemas import vertaald
from vangnet.kaart.models import Aanbod, Aanspreekpunt
from vangnet.quickscan import schema
from vangnet.quickscan.models import Stelling

if TYPE_CHECKING:
    from vangnet.inhoud.loading import Loader

BESTAND = "quickscan.yaml"


def laad(loader: Loader, prune: bool) -> None:
    """Validate and upsert every statement of data/quickscan.yaml."""
    tally = loader.tallies[BESTAND] = Tally()
    slugs: set[str] = set()
    for volgorde, (_where, slug, r) in enumerate(loader.gevalideerd(BESTAND, schema.Stelling)):
        values: dict[str, Any] = {
            "bron": list(r.bron),
            "niveau": r.niveau,
            "volgorde": volgorde,
            "geldt_voor": list(r.geldt_voor),
            "voorwaarden": r.voorwaarden.model_dump(exclude_none=True) if r.voorwaarden else {},
            "gewicht": r.gewicht,
            "helpt": list(r.helpt),
        }
        for naam in ("stelling", "toelichting", "advies"):
            set_translated(values, naam, vertaald(getattr(r, naam)))
        set_translated_list(values, "onbevestigd", r.onbevestigd)
        slugs.add(slug)
        if loader.problems:
            continue
        stelling = upsert(Stelling, slug, values, tally)
        sync_m2m(stelling.helpt_aanbod, Aanbod.objects.filter(slug__in=r.helpt))
        sync_m2m(stelling.helpt_aanspreekpunten, Aanspreekpunt.objects.filter(slug__in=r.helpt))
    if not loader.problems:
        loader._prune(Stelling, BESTAND, slugs, prune)
