"""Loading ``data/verplichtingen.yaml`` (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN).

Validates every rule before it is written: a condition may only count workers and
volunteers with ``vanaf``/``tot``, so a typo in a threshold is refused with the file,
the rule and the case named instead of silently changing what organisations are told.
"""

from __future__ import annotations

import datetime
from typing import Any

from vangnet.inhoud.loading import Loader, Tally, _set_translated, _upsert
from vangnet.inhoud.validation import check_bron, translated
from vangnet.verplichtingen.models import Regel
from vangnet.verplichtingen.regels import GRENZEN, SOORTEN, TELLERS

BESTAND = "verplichtingen.yaml"
# Computed details and the values they may take; the API documents exactly these.
KENMERKEN: dict[str, tuple] = {
    "extern": (True, False),
    "werkgever_mag_zelf": (True, False),
    "minstens_een_in_dienst": (True, False),
    "groep": ("A", "B", "C", "D"),
    "opleiding": ("niveau-1", "niveau-2", "basiskennis"),
}


def _voorwaarde(loader: Loader, where: str, value: Any) -> dict:
    if value in (None, {}):
        return {}
    if not isinstance(value, dict):
        loader.problems.add(where, "voorwaarde must be a mapping")
        return {}
    clean: dict[str, Any] = {}
    for sleutel, eis in value.items():
        if sleutel == "pc":
            if not isinstance(eis, list) or not all(str(p) in loader.pc_ids for p in eis):
                loader.problems.add(
                    where, f"voorwaarde pc: a list of known paritaire comités, got {eis!r}"
                )
                continue
            clean["pc"] = [str(p) for p in eis]
            continue
        if sleutel not in TELLERS:
            loader.problems.add(
                where, f"voorwaarde: unknown key {sleutel!r}; allowed: {', '.join(TELLERS)}, pc"
            )
            continue
        if not isinstance(eis, dict) or not eis or set(eis) - set(GRENZEN):
            loader.problems.add(
                where, f"voorwaarde {sleutel}: use {{vanaf: n, tot: m}}, got {eis!r}"
            )
            continue
        grenzen = {}
        for grens, getal in eis.items():
            if isinstance(getal, bool) or not isinstance(getal, int) or getal < 0:
                loader.problems.add(
                    where, f"voorwaarde {sleutel}.{grens}: a whole number >= 0, got {getal!r}"
                )
            else:
                grenzen[grens] = getal
        if "vanaf" in grenzen and "tot" in grenzen and grenzen["vanaf"] >= grenzen["tot"]:
            loader.problems.add(where, f"voorwaarde {sleutel}: vanaf must be below tot")
        clean[sleutel] = grenzen
    return clean


def _kenmerken(loader: Loader, where: str, value: Any) -> dict:
    if value in (None, {}):
        return {}
    if not isinstance(value, dict):
        loader.problems.add(where, "kenmerken must be a mapping")
        return {}
    for naam, waarde in value.items():
        if naam not in KENMERKEN:
            loader.problems.add(
                where, f"kenmerken: unknown {naam!r}; allowed: {', '.join(KENMERKEN)}"
            )
        elif waarde not in KENMERKEN[naam] or type(waarde) is not type(KENMERKEN[naam][0]):
            loader.problems.add(
                where, f"kenmerken {naam}: {waarde!r} is not one of {list(KENMERKEN[naam])}"
            )
    return dict(value)


def _gevallen(loader: Loader, where: str, value: Any) -> list[dict]:
    if not isinstance(value, list) or not value:
        loader.problems.add(where, "gevallen must be a non-empty list")
        return []
    gevallen = []
    for i, geval in enumerate(value):
        here = f"{where} gevallen[{i}]"
        if not isinstance(geval, dict):
            loader.problems.add(here, "a case must be a mapping")
            continue
        unknown = set(geval) - {"voorwaarde", "soort", "uitleg", "kenmerken"}
        if unknown:
            loader.problems.add(here, f"unknown fields {sorted(unknown)}")
        soort = geval.get("soort")
        if soort not in SOORTEN:
            loader.problems.add(
                here, f"soort: unknown value {soort!r}; allowed: {', '.join(SOORTEN)}"
            )
        gevallen.append(
            {
                "voorwaarde": _voorwaarde(loader, here, geval.get("voorwaarde")),
                "soort": soort,
                "uitleg": translated(loader.problems, here, "uitleg", geval.get("uitleg"), True),
                "kenmerken": _kenmerken(loader, here, geval.get("kenmerken")),
            }
        )
    return gevallen


def _refs(loader: Loader, where: str, name: str, value: Any, file: str) -> list[str]:
    known = {str(r.get("id")) for r in loader.records[file]}
    if value in (None, []):
        return []
    if not isinstance(value, list):
        loader.problems.add(where, f"{name} must be a list of ids")
        return []
    for ref in value:
        if str(ref) not in known:
            loader.problems.add(where, f"{name}: unknown id {ref!r} in {file}")
    return [str(ref) for ref in value]


def _datum(loader: Loader, where: str, value: Any) -> datetime.date | None:
    if value is None:
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value
    loader.problems.add(where, f"datum must be a date written as YYYY-MM-DD or null, got {value!r}")
    return None


def laad(loader: Loader, prune: bool) -> None:
    """Validate and upsert the rules of ``data/verplichtingen.yaml``."""
    tally = loader.tallies[BESTAND] = Tally()
    slugs = set()
    for volgorde, (where, slug, r) in enumerate(loader._each(BESTAND)):
        p = loader.problems
        values: dict[str, Any] = {
            "volgorde": volgorde,
            "gevallen": _gevallen(loader, where, r.get("gevallen")),
            "datum": _datum(loader, where, r.get("datum")),
            "aanspreekpunten": _refs(
                loader, where, "aanspreekpunten", r.get("aanspreekpunten"), "aanspreekpunten.yaml"
            ),
            "aanbod": _refs(loader, where, "aanbod", r.get("aanbod"), "aanbod.yaml"),
            "bron": check_bron(p, where, r.get("bron")),
            "onbevestigd": [str(x) for x in (r.get("onbevestigd") or [])],
        }
        _set_translated(values, "titel", translated(p, where, "titel", r.get("titel"), True))
        _set_translated(
            values,
            "niet_van_toepassing",
            translated(p, where, "niet_van_toepassing", r.get("niet_van_toepassing"), True),
        )
        _set_translated(
            values,
            "wettelijke_bron",
            translated(p, where, "wettelijke_bron", r.get("wettelijke_bron"), True),
        )
        slugs.add(slug)
        if loader.problems:
            continue
        _upsert(Regel, slug, values, tally)
    if not loader.problems:
        loader._prune(Regel, BESTAND, slugs, prune)
