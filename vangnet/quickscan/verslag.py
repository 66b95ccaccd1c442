"""The prevention summary (``Preventieverslag``): a saved quickscan turned into a dated,
signed document an organisation attaches to a subsidy application or an annual report, and
shares with the department by a link it can revoke (action 1.7: prevention checked inside
the existing assessment frameworks, with as little extra paperwork as possible).

- ``maak`` turns the account's latest saved result into a summary, signed by a named person.
- ``controlecode`` seals it: anyone holding the document can check at
  ``/toolbox/quickscan/controle/`` that Vangnet issued it and that it says what it says.
- ``deel`` / ``trek_in`` open and close the department's link; only a hash is kept.
- ``vooruitgang`` compares a summary with the organisation's previous one.
- ``overzicht`` is the department's view: which organisations share one, and how they
  progress, in aggregate by sector and by paritair comité.
"""

from __future__ import annotations

import hashlib
import secrets
from collections import defaultdict
from dataclasses import dataclass, field
from statistics import mean

from django.core import signing
from django.db import transaction
from django.utils import timezone

from vangnet.quickscan import scan
from vangnet.quickscan.models import Organisatieaccount, Preventieverslag, Resultaat, Stelling

_ZOUT = "vangnet.quickscan.preventieverslag"


class GeenResultaat(Exception):
    """The account has no saved quickscan to summarise."""


def _stellingen_in_volgorde(slugs) -> list[Stelling]:
    return list(Stelling.objects.filter(slug__in=list(slugs)).order_by("volgorde"))


@transaction.atomic
def maak(
    account: Organisatieaccount, *, ondertekenaar: str, functie: str, sindsdien: str = ""
) -> Preventieverslag:
    """A summary of the account's latest saved result, signed by ``ondertekenaar``.

    Raises ``GeenResultaat`` when nothing was saved yet."""
    resultaat: Resultaat | None = account.resultaten.order_by("-gemaakt", "-pk").first()
    if resultaat is None:
        raise GeenResultaat
    stellingen = _stellingen_in_volgorde(resultaat.antwoorden)
    stappen = scan.volgende_stappen(stellingen, resultaat.antwoorden)
    return Preventieverslag.objects.create(
        account=account,
        resultaat=resultaat,
        ondertekenaar=ondertekenaar.strip(),
        functie=functie.strip(),
        sindsdien=sindsdien.strip(),
        stappen=[{"stelling": s.stelling.slug, "antwoord": s.antwoord} for s in stappen],
    )


def stappen_van(verslag: Preventieverslag) -> list[scan.Stap]:
    """The summary's next steps as the quickscan shows them, in the reader's language."""
    stellingen = {
        s.slug: s for s in _stellingen_in_volgorde(s["stelling"] for s in verslag.stappen)
    }
    return [
        scan.Stap(stellingen[s["stelling"]], s["antwoord"])
        for s in verslag.stappen
        if s["stelling"] in stellingen
    ]


# -- the seal --------------------------------------------------------------------------------


def controlecode(verslag: Preventieverslag) -> str:
    """A code printed on the summary that proves Vangnet issued it (signed with the site's
    secret key, so it cannot be made up or moved to another summary)."""
    return signing.Signer(salt=_ZOUT).sign(f"v{verslag.pk}")


def uit_controlecode(code: str) -> Preventieverslag | None:
    """The summary a code belongs to, or None when the code is not one Vangnet issued."""
    try:
        waarde = signing.Signer(salt=_ZOUT).unsign(code.strip())
    except signing.BadSignature:
        return None
    if not waarde.startswith("v") or not waarde[1:].isdigit():
        return None
    return (
        Preventieverslag.objects.select_related("account", "resultaat")
        .filter(pk=int(waarde[1:]))
        .first()
    )


# -- sharing with the department ---------------------------------------------------------------


def _hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def deel(verslag: Preventieverslag) -> str:
    """Open a link for the department and return its secret (shown once, never stored).
    Sharing again replaces the earlier link."""
    sleutel = secrets.token_urlsafe(32)
    verslag.deelsleutel = _hash(sleutel)
    verslag.gedeeld_op = timezone.now()
    verslag.ingetrokken_op = None
    verslag.save(update_fields=["deelsleutel", "gedeeld_op", "ingetrokken_op"])
    return sleutel


def trek_in(verslag: Preventieverslag) -> None:
    """Close the department's link at once; the summary leaves the department's overview."""
    verslag.deelsleutel = ""
    verslag.ingetrokken_op = timezone.now()
    verslag.save(update_fields=["deelsleutel", "ingetrokken_op"])


def gedeeld(sleutel: str) -> Preventieverslag | None:
    """The summary behind a share link, or None when the link is unknown or revoked."""
    if not sleutel:
        return None
    return (
        Preventieverslag.objects.select_related("account", "resultaat")
        .filter(deelsleutel=_hash(sleutel), ingetrokken_op__isnull=True)
        .first()
    )


# -- progress ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Verschil:
    """One level of the beleidsdriehoek: the score before and now."""

    niveau: str
    voor: int | None
    nu: int | None

    @property
    def verschil(self) -> int | None:
        return None if self.voor is None or self.nu is None else self.nu - self.voor


@dataclass
class Vooruitgang:
    """A summary against the organisation's previous one (``vorig`` None: the first)."""

    vorig: Preventieverslag | None
    niveaus: list[Verschil] = field(default_factory=list)
    opgelost: list[Stelling] = field(default_factory=list)  # a step then, not any more


def _procent(scores: dict, niveau: str) -> int | None:
    return (scores.get(niveau) or {}).get("procent")


def vooruitgang(verslag: Preventieverslag) -> Vooruitgang:
    """How the organisation moved since its previous summary: the score per level, and the
    next steps of then that are no longer next steps now."""
    vorig = (
        Preventieverslag.objects.filter(account_id=verslag.account_id, gemaakt__lt=verslag.gemaakt)
        .select_related("resultaat")
        .order_by("-gemaakt")
        .first()
    )
    if vorig is None:
        return Vooruitgang(vorig=None)
    nu_stappen = {s["stelling"] for s in verslag.stappen}
    weg = [s["stelling"] for s in vorig.stappen if s["stelling"] not in nu_stappen]
    return Vooruitgang(
        vorig=vorig,
        niveaus=[
            Verschil(n, _procent(vorig.scores, n), _procent(verslag.scores, n))
            for n in scan.NIVEAUS
        ],
        opgelost=_stellingen_in_volgorde(weg),
    )


# -- the department's overview ------------------------------------------------------------------


@dataclass
class Groep:
    """Organisations that share a summary, grouped by sector or by paritair comité."""

    sleutel: str
    aantal: int
    gemiddeld: dict[str, int | None]  # per level, rounded mean score
    vooruitgang: dict[str, int | None]  # per level, rounded mean change since the previous


def gedeelde_verslagen() -> list[Preventieverslag]:
    """Per organisation, its latest summary that is shared with the department now."""
    laatste: dict[int, Preventieverslag] = {}
    for verslag in (
        Preventieverslag.objects.filter(ingetrokken_op__isnull=True)
        .exclude(deelsleutel="")
        .select_related("account", "resultaat")
        .order_by("gemaakt", "pk")
    ):
        laatste[verslag.account_id] = verslag
    return sorted(laatste.values(), key=lambda v: v.account.naam.lower())


def _vorige(verslagen: list[Preventieverslag]) -> dict[int, Preventieverslag]:
    """For each summary, the organisation's summary just before it (one query for all)."""
    per_account: dict[int, list[Preventieverslag]] = defaultdict(list)
    for verslag in (
        Preventieverslag.objects.filter(account_id__in={v.account_id for v in verslagen})
        .select_related("resultaat")
        .order_by("gemaakt", "pk")
    ):
        per_account[verslag.account_id].append(verslag)
    vorige = {}
    for verslag in verslagen:
        eerder = [v for v in per_account[verslag.account_id] if v.gemaakt < verslag.gemaakt]
        if eerder:
            vorige[verslag.pk] = eerder[-1]
    return vorige


def overzicht(verslagen: list[Preventieverslag], per: str) -> list[Groep]:
    """The shared summaries grouped by ``per`` (``sector`` or ``paritair_comite``, from the
    quickscan's profile; "" when the organisation gave none), with mean scores and mean
    progress since each organisation's previous summary, per level of the beleidsdriehoek."""
    vorige = _vorige(verslagen)
    groepen: dict[str, list[Preventieverslag]] = defaultdict(list)
    for verslag in verslagen:
        groepen[str(verslag.profiel.get(per) or "")].append(verslag)
    uitkomst = []
    for sleutel in sorted(groepen, key=lambda s: (s == "", s)):
        leden = groepen[sleutel]
        gemiddeld: dict[str, int | None] = {}
        verschil: dict[str, int | None] = {}
        for niveau in scan.NIVEAUS:
            nu = [p for v in leden if (p := _procent(v.scores, niveau)) is not None]
            gemiddeld[niveau] = round(mean(nu)) if nu else None
            veranderd = [
                Verschil(niveau, _procent(vorige[v.pk].scores, niveau), _procent(v.scores, niveau))
                for v in leden
                if v.pk in vorige
            ]
            stappen = [d.verschil for d in veranderd if d.verschil is not None]
            verschil[niveau] = round(mean(stappen)) if stappen else None
        uitkomst.append(Groep(sleutel, len(leden), gemiddeld, verschil))
    return uitkomst
