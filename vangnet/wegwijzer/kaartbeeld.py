"""A read-only picture of the kaart's contact points, as the router needs them.

Routing must take well under a millisecond, so it never queries the database: it works
on plain frozen objects built once per content version and language. Any change to the
kaart raises the content version (see ``vangnet.inhoud.versie``), so a stale picture is
never used.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from django.utils import translation

from vangnet.core import vertaald
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
    onbevestigd: bool = False
    #: The texts shown in Dutch because the page's language has none (``core/vertaald.py``).
    terugval: frozenset[str] = frozenset()


class Feit(StrEnum):
    """A fact about who a contact point serves: confirmed, denied by a source, or unknown."""

    JA = "ja"
    NEE = "nee"
    ONBEKEND = "onbekend"


@dataclass(frozen=True)
class Uitsluiting:
    """A sourced "no": why this contact point is not there for a value, and who says so."""

    reden: str
    bron: tuple[str, ...]


#: Facts where an empty list means "every value" (docs/data-format.md).
ALLE_ALS_LEEG = frozenset({"sectoren", "discriminatiegronden"})


@dataclass(frozen=True)
class Punt:
    """One contact point: the eligibility facts from the data plus what a person reads.

    Who it serves is three-valued (see ``feit``): the lists hold what is confirmed,
    ``niet_voor`` what a source denies, and everything else is unknown.
    """

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
    minderjarigen: bool | None = None
    niet_voor: Mapping[str, Mapping[str, Uitsluiting]] = field(default_factory=dict)
    identiteit_bevestigd: bool = True
    gecontroleerd_op: date | None = None
    #: The texts shown in Dutch because the page's language has none: templates mark them
    #: ``lang="nl"`` with a note through ``{% vertaald punt "kosten" %}`` (core/vertaald.py).
    terugval: frozenset[str] = frozenset()

    def feit(self, kenmerk: str, waarde: str) -> Feit:
        """Is this point there for ``waarde`` of ``kenmerk`` (e.g. doelgroepen, "freelancer")?

        An empty list of sectors or of discrimination grounds means every one. Only a sourced
        entry in ``niet_voor`` makes a "no"; a value that is simply not listed is unknown.
        """
        waarden = getattr(self, kenmerk)
        if waarde in waarden or (kenmerk in ALLE_ALS_LEEG and not waarden):
            return Feit.JA
        if waarde in self.niet_voor.get(kenmerk, {}):
            return Feit.NEE
        return Feit.ONBEKEND

    def feit_minderjarigen(self) -> Feit:
        """Is this point also there for someone who was younger than 18?"""
        if self.minderjarigen is None:
            return Feit.ONBEKEND
        return Feit.JA if self.minderjarigen else Feit.NEE

    def uitsluiting(self, kenmerk: str, waarde: str = "") -> Uitsluiting | None:
        """The sourced reason why this point is not there for ``waarde`` (or minors)."""
        return self.niet_voor.get(kenmerk, {}).get(waarde)


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


def _niet_voor(data: dict, taal: str) -> dict[str, dict[str, Uitsluiting]]:
    """The stored ``niet_voor`` entries, per kenmerk and value, in ``taal``."""
    result: dict[str, dict[str, Uitsluiting]] = {}
    for kenmerk, entries in (data or {}).items():
        per_waarde = result.setdefault(kenmerk, {})
        for entry in entries:
            reden = entry.get("reden") or {}
            tekst = reden.get(taal) or reden.get("nl") or ""
            uitsluiting = Uitsluiting(tekst, tuple(entry.get("bron") or ()))
            for waarde in entry.get("waarden") or [""]:
                per_waarde[waarde] = uitsluiting
    return result


def _terugval(record, velden: tuple[str, ...], taal: str) -> frozenset[str]:
    """The translated fields of ``record`` that have Dutch text but none in ``taal``."""
    if taal == vertaald.BRONTAAL:
        return frozenset()
    return frozenset(
        veld
        for veld in velden
        if getattr(record, f"{veld}_{vertaald.BRONTAAL}", None)
        and not getattr(record, f"{veld}_{taal}", None)
    )


_PUNT_TEKSTEN = ("naam", "samenvatting", "anoniem_toelichting", "kosten", "voorwaarden")
_PUNT_LIJSTEN = ("opvolging", "wie_weet_wat")
_KANAAL_TEKSTEN = ("label", "uren_toelichting")


def _bouw() -> dict[str, Punt]:
    beeld = {}
    taal = vertaald.paginataal()
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
                    onbevestigd=k.onbevestigd,
                    terugval=_terugval(k, _KANAAL_TEKSTEN, taal),
                )
                for k in p.kanalen.all()
            ),
            url=p.get_absolute_url(),
            minderjarigen=p.minderjarigen,
            niet_voor=_niet_voor(p.niet_voor, taal),
            identiteit_bevestigd=p.identiteit_bevestigd,
            gecontroleerd_op=p.gecontroleerd_op,
            terugval=_terugval(p, _PUNT_TEKSTEN + _PUNT_LIJSTEN, taal),
        )
    return beeld
