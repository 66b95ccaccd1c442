"""Loading data/quickscan.yaml (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN).

Every statement is checked: its level, the kinds of organisation it applies to, its
conditions, weight, advice, the kaart records that help, and its sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vangnet.inhoud.loading import Tally, _set_translated, _sync_m2m, _upsert
from vangnet.inhoud.validation import check_bron, check_choice, check_choices, translated
from vangnet.kaart.choices import Beleidsniveau
from vangnet.kaart.models import Aanbod, Aanspreekpunt
from vangnet.quickscan.choices import Grootte, Organisatievorm
from vangnet.quickscan.models import Stelling

if TYPE_CHECKING:
    from vangnet.inhoud.loading import Loader

BESTAND = "quickscan.yaml"
# The conditions a statement may add to its kinds of organisation: name -> kind of value.
VOORWAARDEN = {"met_minderjarigen": bool, "intimiteit": bool, "grootte": list}


def _voorwaarden(loader: Loader, where: str, value: Any) -> dict:
    """Check the optional conditions (``met_minderjarigen: true``, ``grootte: [...]``)."""
    if value in (None, {}):
        return {}
    if not isinstance(value, dict):
        loader.problems.add(where, "voorwaarden must be a mapping")
        return {}
    for name, item in value.items():
        soort = VOORWAARDEN.get(name)
        if soort is None:
            loader.problems.add(
                where, f"voorwaarden: unknown condition {name!r}; allowed: {sorted(VOORWAARDEN)}"
            )
        elif soort is bool and item is not True:
            loader.problems.add(where, f"voorwaarden: {name} can only be true")
        elif soort is list:
            check_choices(loader.problems, where, f"voorwaarden.{name}", item, Grootte)
            if not item:
                loader.problems.add(where, f"voorwaarden: {name} must list at least one size")
    return dict(value)


def laad(loader: Loader, prune: bool) -> None:
    """Validate and upsert every statement of data/quickscan.yaml."""
    tally = loader.tallies[BESTAND] = Tally()
    aanbod_ids = {str(r.get("id")) for r in loader.records["aanbod.yaml"]}
    punt_ids = {str(r.get("id")) for r in loader.records["aanspreekpunten.yaml"]}
    slugs: set[str] = set()
    for volgorde, (where, slug, r) in enumerate(loader._each(BESTAND)):
        p = loader.problems
        values: dict[str, Any] = {
            "bron": check_bron(p, where, r.get("bron")),
            "onbevestigd": [str(v) for v in (r.get("onbevestigd") or [])],
            "niveau": check_choice(p, where, "niveau", r.get("niveau"), Beleidsniveau),
            "volgorde": volgorde,
            "geldt_voor": check_choices(
                p, where, "geldt_voor", r.get("geldt_voor"), Organisatievorm
            ),
            "voorwaarden": _voorwaarden(loader, where, r.get("voorwaarden")),
        }
        if not values["geldt_voor"]:
            p.add(where, "geldt_voor must list at least one kind of organisation")
        gewicht = r.get("gewicht")
        if not isinstance(gewicht, int) or isinstance(gewicht, bool) or not 1 <= gewicht <= 3:
            p.add(where, f"gewicht must be 1, 2 or 3, not {gewicht!r}")
            gewicht = 1
        values["gewicht"] = gewicht
        for naam, verplicht in (("stelling", True), ("toelichting", False), ("advies", True)):
            _set_translated(values, naam, translated(p, where, naam, r.get(naam), verplicht))
        helpt = [str(v) for v in (r.get("helpt") or [])]
        for ref in helpt:
            if ref not in aanbod_ids and ref not in punt_ids:
                p.add(where, f"helpt: {ref!r} is neither an aanbod nor an aanspreekpunt id")
        if not helpt:
            p.add(where, "helpt must name at least one aanbod or aanspreekpunt")
        values["helpt"] = helpt  # the file's order: the first help named is shown first
        slugs.add(slug)
        if loader.problems:
            continue
        stelling = _upsert(Stelling, slug, values, tally)
        _sync_m2m(stelling.helpt_aanbod, Aanbod.objects.filter(slug__in=helpt))
        _sync_m2m(stelling.helpt_aanspreekpunten, Aanspreekpunt.objects.filter(slug__in=helpt))
    if not loader.problems:
        loader._prune(Stelling, BESTAND, slugs, prune)
