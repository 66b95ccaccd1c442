"""Loading data/sessies.yaml (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN).

A session is a date of a training that is already on the kaart (``aanbod`` is its id in
data/aanbod.yaml); the rules are the declared schema ``vorming.schema.Sessie``.
"""

from vangnet.inhoud.loading import Loader, Tally, set_translated_list, upsert
from vangnet.kaart.models import Aanbod
from vangnet.vorming import schema
from vangnet.vorming.models import Sessie

BESTAND = "sessies.yaml"


def laad(loader: Loader, prune: bool) -> None:
    """Validate and upsert every session of data/sessies.yaml."""
    tally = loader.tallies[BESTAND] = Tally()
    slugs: set[str] = set()
    for _where, slug, r in loader.gevalideerd(BESTAND, schema.Sessie):
        slugs.add(slug)
        if loader.problems:
            continue
        values = {
            "aanbod": Aanbod.objects.get(slug=r.aanbod),
            "start": r.start,
            "einde": r.einde,
            "online": r.online,
            "plaats": r.plaats,
            "inschrijven": r.inschrijven,
            "bron": list(r.bron),
        }
        set_translated_list(values, "onbevestigd", r.onbevestigd)
        upsert(Sessie, slug, values, tally)
    if not loader.problems:
        loader._prune(Sessie, BESTAND, slugs, prune)
