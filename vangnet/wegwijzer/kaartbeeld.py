"""A read-only picture of the kaart's contact points, as the router needs them.

Routing must take well under a millisecond, so it never queries the database: it works
on plain frozen objects built once per content version and language. Any change to the
kaart raises the content version (see ``vangnet.inhoud.versie``), so a stale picture is
never used.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from django.utils import translation

from vangnet.inhoud import versie
from vangnet.kaart.models import Aanspreekpunt


@dataclass(frozen=True)
class Kanaal:
    soort: str
    soort_label: str
    waarde: str
    label: str
    href: str
    uren: tuple[dict, ...]
    altijd_open: bool
    uren_toelichting: str


@dataclass(frozen=True)
class Punt:
    """One contact point: the eligibility facts from the data plus what a person reads."""

    id: str
    naam: str
    soort: str
    niveau: str
    samenvatting: str
    doelgroepen: frozenset[str]
    perspectieven: frozenset[str]
    gedrag: frozenset[str]
    discriminatiegronden: frozenset[str]
    contexten: frozenset[str]
    sectoren: frozenset[str]
    biedt: frozenset[str]
    anoniem: bool | None
    anoniem_toelichting: str
    kosteloos: bool | None
    kosten: str
    voorwaarden: str
    dringend: bool
    opvolging: tuple[str, ...]
    wie_weet_wat: tuple[str, ...]
    kanalen: tuple[Kanaal, ...]
    url: str


_lock = threading.Lock()
_beelden: dict[tuple[int, str], dict[str, Punt]] = {}


def punten(inhoudsversie: int | None = None) -> dict[str, Punt]:
    """Every contact point by id, in the active language, for the current content version
    (pass ``inhoudsversie`` when the request already read it)."""
    nummer = versie.huidige() if inhoudsversie is None else inhoudsversie
    sleutel = (nummer, translation.get_language() or "nl")
    beeld = _beelden.get(sleutel)
    if beeld is None:
        beeld = _bouw()
        with _lock:
            # Keep only the current version: older pictures can never be asked for again.
            for oud in [k for k in _beelden if k[0] != sleutel[0]]:
                del _beelden[oud]
            _beelden[sleutel] = beeld
    return beeld


def vergeet() -> None:
    """Drop every picture (tests that change the kaart without raising the version)."""
    with _lock:
        _beelden.clear()


def _bouw() -> dict[str, Punt]:
    beeld = {}
    for p in Aanspreekpunt.objects.prefetch_related("kanalen").order_by("slug"):
        beeld[p.slug] = Punt(
            id=p.slug,
            naam=p.naam,
            soort=p.soort,
            niveau=p.niveau,
            samenvatting=p.samenvatting,
            doelgroepen=frozenset(p.doelgroepen),
            perspectieven=frozenset(p.perspectieven),
            gedrag=frozenset(p.gedrag),
            discriminatiegronden=frozenset(p.discriminatiegronden),
            contexten=frozenset(p.contexten),
            sectoren=frozenset(p.sectoren),
            biedt=frozenset(p.biedt),
            anoniem=p.anoniem,
            anoniem_toelichting=p.anoniem_toelichting,
            kosteloos=p.kosteloos,
            kosten=p.kosten,
            voorwaarden=p.voorwaarden,
            dringend=p.dringend,
            opvolging=tuple(p.opvolging),
            wie_weet_wat=tuple(p.wie_weet_wat),
            kanalen=tuple(
                Kanaal(
                    soort=k.soort,
                    soort_label=str(k.get_soort_display()),
                    waarde=k.waarde,
                    label=k.label,
                    href=k.href,
                    uren=tuple(k.uren),
                    altijd_open=k.altijd_open,
                    uren_toelichting=k.uren_toelichting,
                )
                for k in p.kanalen.all()
            ),
            url=p.get_absolute_url(),
        )
    return beeld
