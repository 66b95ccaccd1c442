"""Loading data/reactiegids.yaml (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN)."""

from typing import Any

from vangnet.inhoud.loading import Loader, Tally, _set_translated, _sync_m2m, _upsert
from vangnet.inhoud.validation import check_bron, check_choice, check_choices, translated
from vangnet.kaart.models import Aanspreekpunt
from vangnet.toolbox.choices import Fase, Optie, Verplichting, VoorWie
from vangnet.toolbox.models import Reactiestap

BESTAND = "reactiegids.yaml"


def laad(loader: Loader, prune: bool) -> None:
    """Validate and upsert the steps of the reaction guide; their order is the file's order.

    A required step must name its legal basis (``rechtsgrond``): a person has to be able
    to check why it is required.
    """
    tally = loader.tallies[BESTAND] = Tally()
    slugs = set()
    punt_ids = {str(r.get("id")) for r in loader.records["aanspreekpunten.yaml"]}
    for volgorde, (where, slug, r) in enumerate(loader._each(BESTAND)):
        p = loader.problems
        values: dict[str, Any] = {
            "bron": check_bron(p, where, r.get("bron")),
            "onbevestigd": [str(v) for v in (r.get("onbevestigd") or [])],
            "fase": check_choice(p, where, "fase", r.get("fase"), Fase),
            "verplichting": check_choice(
                p, where, "verplichting", r.get("verplichting"), Verplichting
            ),
            "opties": check_choices(p, where, "opties", r.get("opties"), Optie),
            "voor_wie": check_choices(p, where, "voor_wie", r.get("voor_wie"), VoorWie),
            "volgorde": volgorde,
        }
        for name, required in (("titel", True), ("tekst", True), ("rechtsgrond", False)):
            _set_translated(values, name, translated(p, where, name, r.get(name), required))
        if values["verplichting"] == Verplichting.VERPLICHT and not values["rechtsgrond"]:
            p.add(where, "rechtsgrond is required for a step that is verplicht")
        bellen = [str(v) for v in (r.get("wie_bellen") or [])]
        for ref in bellen:
            if ref not in punt_ids:
                p.add(where, f"wie_bellen: unknown contact point id {ref!r}")
        slugs.add(slug)
        if loader.problems:
            continue
        stap = _upsert(Reactiestap, slug, values, tally)
        _sync_m2m(stap.wie_bellen, Aanspreekpunt.objects.filter(slug__in=bellen))
    if not loader.problems:
        loader._prune(Reactiestap, BESTAND, slugs, prune)
