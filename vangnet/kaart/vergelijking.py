"""Equal access for PC 329: what the kaart's offering costs under one paritair comité
against another, per kind of support the plan names, with each gap flagged.

The action plan asks, across its actions and in action 1.2.b by name, that the cultural
sectors under PC 329 get "evenwaardige toegang" to the support that PC 304 has. This module
reads only the kaart (``Aanbod``, its ``Prijs`` rows and its providers), so the comparison
changes the moment an editor changes an offering or a price. Unknown is not no: an offering
without a known price for a committee is "niet gekend", never "niet beschikbaar".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Prefetch
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vangnet.kaart.models import Aanbod, ParitairComite, Prijs
from vangnet.kaart.prijzen import prijs_in_woorden

#: The kinds of support the plan wants equally reachable, each by the action that asks
#: for it: the offering files tag every item with its actions (``acties``), so an item
#: that an editor tags later is compared at once.
ONDERWERPEN: tuple[tuple[str, Promise], ...] = (
    ("2.3.a", gettext_lazy("Opleiding tot vertrouwenspersoon")),
    ("2.3.b", gettext_lazy("Supervisie en intervisie voor vertrouwenspersonen")),
    ("2.3.c", gettext_lazy("Externe vertrouwenspersonen")),
    ("2.6.b", gettext_lazy("Opleiding tot preventieadviseur psychosociale aspecten")),
    ("1.6", gettext_lazy("Intimiteitscoördinatie")),
    ("1.5.c", gettext_lazy("Omstaanderstraining")),
    ("2.7", gettext_lazy("Peer support")),
)


class Toegang(models.TextChoices):
    """How a worker under one committee can use one offering, as far as the kaart knows."""

    GRATIS = "gratis", gettext_lazy("gratis")
    BETALEND = "betalend", gettext_lazy("betalend")
    NIET_GEKEND = "niet-gekend", gettext_lazy("prijs niet gekend")


class Oordeel(models.TextChoices):
    """The verdict on one kind of support."""

    KLOOF = "kloof", gettext_lazy("kloof")
    NA_TE_GAAN = "na-te-gaan", gettext_lazy("na te gaan")
    GELIJK = "gelijk", gettext_lazy("evenwaardig")


@dataclass
class Kost:
    """One offering for one committee: the price that applies and whether the committee's
    own social fund offers it."""

    prijs: Prijs | None
    eigen_fonds: bool

    @property
    def toegang(self) -> Toegang:
        if self.prijs is None:
            return Toegang.NIET_GEKEND
        return Toegang.GRATIS if self.prijs.gratis else Toegang.BETALEND

    @property
    def bedrag(self) -> Decimal | None:
        return None if self.prijs is None else self.prijs.bedrag

    @property
    def in_woorden(self) -> str:
        return prijs_in_woorden(self.prijs)

    @property
    def laagdrempelig(self) -> bool:
        """Free, or offered by the committee's own social fund (which pays for its own)."""
        return self.toegang == Toegang.GRATIS or self.eigen_fonds


@dataclass
class Regel:
    """One offering with its cost for each of the two committees."""

    aanbod: Aanbod
    a: Kost
    b: Kost

    @property
    def duurder_voor_a(self) -> bool:
        """Known to cost more under committee a than under committee b."""
        a, b = self.a.bedrag, self.b.bedrag
        return a is not None and b is not None and a > b


@dataclass
class Onderwerp:
    """One kind of support: its offering, the verdict and the reason in one sentence."""

    actie: str
    titel: str
    regels: list[Regel] = field(default_factory=list)
    oordeel: Oordeel = Oordeel.GELIJK
    reden: str = ""


@dataclass
class Vergelijking:
    a: ParitairComite
    b: ParitairComite
    onderwerpen: list[Onderwerp]

    @property
    def kloven(self) -> list[Onderwerp]:
        return [o for o in self.onderwerpen if o.oordeel == Oordeel.KLOOF]

    @property
    def na_te_gaan(self) -> list[Onderwerp]:
        return [o for o in self.onderwerpen if o.oordeel == Oordeel.NA_TE_GAAN]


def _kost(aanbod: Aanbod, pc: ParitairComite) -> Kost:
    fonds = pc.sociaal_fonds_id
    return Kost(
        prijs=aanbod.prijs_voor(pc.slug),
        eigen_fonds=fonds is not None and any(o.pk == fonds for o in aanbod.aanbieders.all()),
    )


def _oordeel(onderwerp: Onderwerp, a: ParitairComite, b: ParitairComite) -> None:
    """Fill in the verdict: a gap when b has a low-threshold way in and a has none (or pays
    more for the same item); to check when a's prices are not known; equal otherwise."""
    regels = onderwerp.regels
    namen = {"a": a.afkorting, "b": b.afkorting}
    if not regels:
        onderwerp.oordeel = Oordeel.NA_TE_GAAN
        onderwerp.reden = _("De kaart heeft hier nog geen aanbod voor.")
        return
    duurder = [r for r in regels if r.duurder_voor_a]
    a_laag = any(r.a.laagdrempelig for r in regels)
    b_laag = any(r.b.laagdrempelig for r in regels)
    if b_laag and not a_laag:
        onderwerp.oordeel = Oordeel.KLOOF
        onderwerp.reden = (
            _(
                "Onder %(b)s is er gratis aanbod of aanbod van het eigen sociaal fonds; "
                "onder %(a)s niet."
            )
            % namen
        )
    elif duurder:
        onderwerp.oordeel = Oordeel.KLOOF
        onderwerp.reden = _("%(n)d aanbod kost onder %(a)s meer dan onder %(b)s.") % {
            **namen,
            "n": len(duurder),
        }
    elif any(r.a.toegang == Toegang.NIET_GEKEND for r in regels) and not a_laag:
        onderwerp.oordeel = Oordeel.NA_TE_GAAN
        onderwerp.reden = _("Voor %(a)s is niet voor al het aanbod een prijs gekend.") % namen
    else:
        onderwerp.oordeel = Oordeel.GELIJK
        onderwerp.reden = (
            _("Onder %(a)s even toegankelijk als onder %(b)s, voor zover gekend.") % namen
        )


def vergelijk(
    a: str = "329", b: str = "304", aanbod: Iterable[Aanbod] | None = None
) -> Vergelijking:
    """Compare what workers and organisations under committee ``a`` pay for the plan's kinds
    of support against committee ``b`` (by the committees' numbers). Reads the kaart in three
    queries whatever its size."""
    comites = {pc.slug: pc for pc in ParitairComite.objects.filter(slug__in=[a, b])}
    if a not in comites or b not in comites:
        raise ParitairComite.DoesNotExist(f"paritair comité {a} of {b} staat niet op de kaart")
    pc_a, pc_b = comites[a], comites[b]
    if aanbod is None:
        aanbod = Aanbod.objects.prefetch_related(
            "aanbieders",
            Prefetch("prijzen", queryset=Prijs.objects.select_related("paritair_comite")),
        ).order_by("titel")
    aanbod = list(aanbod)
    onderwerpen = []
    for actie, titel in ONDERWERPEN:
        onderwerp = Onderwerp(actie=actie, titel=str(titel))
        onderwerp.regels = [
            Regel(aanbod=item, a=_kost(item, pc_a), b=_kost(item, pc_b))
            for item in aanbod
            if actie in (item.acties or [])
        ]
        _oordeel(onderwerp, pc_a, pc_b)
        onderwerpen.append(onderwerp)
    return Vergelijking(a=pc_a, b=pc_b, onderwerpen=onderwerpen)
