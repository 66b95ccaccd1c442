"""Loading data/synoniemen.yaml and data/topresultaten.yaml (hooks of
vangnet.inhoud.loading.EXTRA_BESTANDEN)."""

from typing import Any

from vangnet.begrippen.models import Begrip
from vangnet.inhoud.loading import Loader, Tally, upsert
from vangnet.zoeken import schema
from vangnet.zoeken.models import Synoniem, Topresultaat

BESTAND = "synoniemen.yaml"
TOPRESULTATEN = "topresultaten.yaml"


def laad(loader: Loader, prune: bool) -> None:
    """Validate (``schema.Synoniem``) and upsert the search's synonyms.

    The search index is rebuilt by the loader after every file is loaded.
    """
    tally = loader.tallies[BESTAND] = Tally()
    slugs = set()
    begrippen = {b.slug: b for b in Begrip.objects.all()}
    for _where, slug, r in loader.gevalideerd(BESTAND, schema.Synoniem):
        values: dict[str, Any] = {
            "bron": list(r.bron),
            "relatie": r.relatie,
            "begrip": begrippen.get(r.begrip) if r.begrip else None,
            "term_nl": list(r.term.nl) if r.term else [],
            "term_fr": list(r.term.fr) if r.term else [],
            "term_en": list(r.term.en) if r.term else [],
            "woorden_nl": list(r.woorden.nl),
            "woorden_fr": list(r.woorden.fr),
            "woorden_en": list(r.woorden.en),
        }
        slugs.add(slug)
        if loader.problems:
            continue
        upsert(Synoniem, slug, values, tally)
    if not loader.problems:
        loader._prune(Synoniem, BESTAND, slugs, prune)


def laad_topresultaten(loader: Loader, prune: bool) -> None:
    """Validate (``schema.Topresultaat``) and upsert the search's best bets (ADR 0023)."""
    tally = loader.tallies[TOPRESULTATEN] = Tally()
    slugs = set()
    for _where, slug, r in loader.gevalideerd(TOPRESULTATEN, schema.Topresultaat):
        slugs.add(slug)
        if loader.problems:
            continue
        ((soort, doel),) = r.doelen()
        values: dict[str, Any] = {
            "bron": list(r.bron),
            "zoekvraag_nl": list(r.zoekvraag.nl),
            "zoekvraag_fr": list(r.zoekvraag.fr),
            "zoekvraag_en": list(r.zoekvraag.en),
            "soort": soort,
            "doel": doel,
            "waarom": r.waarom,
        }
        upsert(Topresultaat, slug, values, tally)
    if not loader.problems:
        loader._prune(Topresultaat, TOPRESULTATEN, slugs, prune)
