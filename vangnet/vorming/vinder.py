"""The training finder: which trainings and supports fit a person, and what each costs *them*.

The trainings are the kaart's ``Aanbod`` rows; nothing about them is copied here. This
module only holds the small tables that connect a person's answers to the kaart's code lists:

* the person's statuut (the kaart's ``Status``) to the ``AanbodDoelgroep`` values that
  speak to them (``STATUUT_DOELGROEPEN``);
* each theme a person can look for (``Thema``) to the offering it covers (``THEMAS``):
  by doelgroep and soort, and for intimacy coordination by aanbod id, because no code list
  names it;
* the support of action 2.3.a of the action plan that lowers the cost of becoming a
  vertrouwenspersoon (``STEUN``), itself an aanbod row of the kaart.

The price is the kaart's: ``Aanbod.prijs_voor(pc)``.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import models
from django.db.models import Prefetch, Q
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from vangnet.kaart.choices import AanbodDoelgroep as D
from vangnet.kaart.choices import AanbodSoort, Status
from vangnet.kaart.models import Aanbod, Prijs

# "No paritair comité, or I don't know": the price for everyone else applies.
GEEN_PC = "geen"
WEET_NIET_PC = "weet-niet"
ZONDER_PC = (GEEN_PC, WEET_NIET_PC)

# What counts as a training or support (not an instrument, publication or peer support).
VORMING_SOORTEN = frozenset({AanbodSoort.VORMING, AanbodSoort.WORKSHOP, AanbodSoort.BEGELEIDING})
# What a person follows in their own role. Begeleiding meant for workers, freelancers or
# volunteers is a service they can turn to (the pool of freelance vertrouwenspersonen), not
# something they learn from: the wegwijzer leads there. Begeleiding *is* for a
# vertrouwenspersoon (supervision, by theme) and for whoever answers for an organisation.
PERSOONLIJKE_SOORTEN = frozenset({AanbodSoort.VORMING, AanbodSoort.WORKSHOP})

# Who a person is (the kaart's statuut) -> the doelgroepen of the offering meant for them.
# A leader answers for the organisation too: leidinggevenden, bestuursleden and organisaties.
STATUUT_DOELGROEPEN: dict[str, frozenset[str]] = {
    Status.WERKNEMER: frozenset({D.MEDEWERKERS}),
    Status.FLEXWERKER: frozenset({D.MEDEWERKERS}),
    Status.FREELANCER: frozenset({D.FREELANCERS}),
    Status.VRIJWILLIGER: frozenset({D.VRIJWILLIGERS}),
    Status.DEELNEMER: frozenset({D.DEELNEMERS}),
    Status.STUDENT: frozenset({D.STUDENTEN}),
    Status.PUBLIEK: frozenset(),
    Status.LEIDINGGEVENDE: frozenset({D.LEIDINGGEVENDEN, D.BESTUURSLEDEN, D.ORGANISATIES}),
}


class Thema(models.TextChoices):
    """What a person or organisation looks for (the themes of the training finder)."""

    VERTROUWENSPERSOON = "vertrouwenspersoon", _("vertrouwenspersoon worden")
    PREVENTIEADVISEUR = "preventieadviseur", _("preventieadviseur worden (niveau 3)")
    OMSTAANDER = "omstaander", _("reageren als omstaander")
    LEIDINGGEVENDE = "leidinggevende", _("goed leidinggeven")
    BESTUUR = "bestuur", _("als bestuurslid")
    INTIMITEIT = "intimiteit", _("intimiteitscoördinatie")
    SUPERVISIE = "supervisie", _("supervisie en intervisie voor vertrouwenspersonen")


@dataclass(frozen=True)
class Regel:
    """An aanbod fits a theme when its id is listed, or when it is of one of ``soorten``
    and meant for one of ``doelgroepen``."""

    doelgroepen: frozenset[str] = frozenset()
    soorten: frozenset[str] = VORMING_SOORTEN
    ids: frozenset[str] = frozenset()

    def past(self, aanbod: Aanbod) -> bool:
        if aanbod.slug in self.ids:
            return True
        return aanbod.soort in self.soorten and bool(self.doelgroepen & set(aanbod.doelgroepen))


# Who a person is -> the rule for the offering that fits them when they choose no theme:
# meant for them (``STATUUT_DOELGROEPEN``), and of a kind they follow themselves.
STATUUT_REGELS: dict[str, Regel] = {
    statuut: Regel(
        doelgroepen=doelgroepen,
        soorten=VORMING_SOORTEN if statuut == Status.LEIDINGGEVENDE else PERSOONLIJKE_SOORTEN,
    )
    for statuut, doelgroepen in STATUUT_DOELGROEPEN.items()
}


THEMAS: dict[str, Regel] = {
    # The certified training itself; supervision is a theme of its own.
    Thema.VERTROUWENSPERSOON: Regel(
        doelgroepen=frozenset({D.VERTROUWENSPERSONEN}), soorten=frozenset({AanbodSoort.VORMING})
    ),
    Thema.PREVENTIEADVISEUR: Regel(doelgroepen=frozenset({D.PREVENTIEADVISEURS})),
    Thema.OMSTAANDER: Regel(doelgroepen=frozenset({D.OMSTAANDERS})),
    Thema.LEIDINGGEVENDE: Regel(doelgroepen=frozenset({D.LEIDINGGEVENDEN})),
    Thema.BESTUUR: Regel(doelgroepen=frozenset({D.BESTUURSLEDEN})),
    # No code list names intimacy coordination: the offering of action 1.6, by id.
    Thema.INTIMITEIT: Regel(
        ids=frozenset({"workshops-intimiteitscoordinatie-sfp", "opendoek-intimiteitscoordinatie"})
    ),
    Thema.SUPERVISIE: Regel(
        doelgroepen=frozenset({D.VERTROUWENSPERSONEN}),
        soorten=frozenset({AanbodSoort.BEGELEIDING}),
    ),
}


@dataclass(frozen=True)
class Steun:
    """A support that lowers what a training costs (an aanbod row of the kaart).

    ``themas``: the trainings it helps to pay for. ``buiten_pc``: the committees whose own
    fund already makes the training free, so the support is not for them. ``statuten``: who
    the action plan names as its target group; for anyone else only a small organisation
    outside those committees qualifies, which we cannot check, so we say so.
    """

    aanbod_id: str
    themas: frozenset[str]
    buiten_pc: frozenset[str]
    statuten: frozenset[str]


# Action 2.3.a: the Flemish government supports freelancers, people without a permanent
# contract and small organisations outside PC 304 and PC 303.01 who want to train a
# vertrouwenspersoon. The plan gives no amount and no procedure (the aanbod row says so).
STEUN = (
    Steun(
        aanbod_id="steun-opleiding-vertrouwenspersoon-vlaanderen",
        themas=frozenset({Thema.VERTROUWENSPERSOON}),
        buiten_pc=frozenset({"304", "303.01"}),
        statuten=frozenset({Status.FREELANCER, Status.FLEXWERKER}),
    ),
)
STEUN_IDS = frozenset(s.aanbod_id for s in STEUN)


@dataclass(frozen=True)
class Kost:
    """What one aanbod costs one person: the kaart's price for their paritair comité."""

    bedrag: Decimal | None  # None: no price known
    vanaf: bool = False
    pc: str | None = None  # the committee whose own price applies; None: everyone else's
    toelichting: str = ""

    @classmethod
    def van(cls, prijs: Prijs | None) -> "Kost":
        if prijs is None:
            return cls(bedrag=None)
        return cls(
            bedrag=prijs.bedrag,
            vanaf=prijs.vanaf,
            pc=prijs.paritair_comite.slug if prijs.paritair_comite_id else None,
            toelichting=prijs.toelichting,
        )

    @property
    def bekend(self) -> bool:
        return self.bedrag is not None

    @property
    def kosteloos(self) -> bool:
        """Free for this person (a from-price of zero is not a promise, so it is not free)."""
        return self.bedrag == 0 and not self.vanaf

    @property
    def eur(self) -> int | float | None:
        """The amount as a JSON number: whole euros as an integer."""
        if self.bedrag is None:
            return None
        return int(self.bedrag) if self.bedrag == self.bedrag.to_integral() else float(self.bedrag)

    def in_woorden(self) -> str:
        """'gratis voor PC 304', 'gratis', '€ 750', 'vanaf € 1.200' or 'prijs niet bekend'."""
        if self.bedrag is None:
            return gettext("prijs niet bekend")
        if self.kosteloos:
            if self.pc:
                return gettext("gratis voor PC %(pc)s") % {"pc": self.pc}
            return gettext("gratis")
        bedrag = bedrag_tekst(self.bedrag)
        if self.vanaf:
            return gettext("vanaf € %(bedrag)s") % {"bedrag": bedrag}
        return gettext("€ %(bedrag)s") % {"bedrag": bedrag}

    def sorteersleutel(self) -> tuple:
        """Free first, then by price, unknown prices last."""
        if self.bedrag is None:
            return (2, Decimal(0))
        return (0 if self.kosteloos else 1, self.bedrag)


def bedrag_tekst(bedrag: Decimal) -> str:
    """An amount in the page's language: 1.200 in Dutch, 1,200 in English, no '.00'."""
    decimalen = 0 if bedrag == bedrag.to_integral() else 2
    return number_format(bedrag, decimal_pos=decimalen, use_l10n=True, force_grouping=True)


@dataclass(frozen=True)
class SteunVoorJou:
    """A support shown with a training: the aanbod row, and whether this person is in its
    target group (True) or may be, through a small organisation (False)."""

    aanbod: Aanbod
    doelgroep: bool


@dataclass
class Resultaat:
    """One training that fits, with what it costs this person and what lowers that cost."""

    aanbod: Aanbod
    kost: Kost
    themas: list[str] = field(default_factory=list)
    steun: list[SteunVoorJou] = field(default_factory=list)

    @property
    def thema_labels(self) -> list[str]:
        return [str(Thema(t).label) for t in self.themas]


@dataclass(frozen=True)
class Vraag:
    """Who asks: statuut (or None), paritair comité (or None) and the themes looked for."""

    statuut: str | None = None
    pc: str | None = None
    themas: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.pc in ZONDER_PC or self.pc == "":
            object.__setattr__(self, "pc", None)


def vormingen() -> models.QuerySet:
    """Every training-like aanbod, with what the finder reads from it prefetched."""
    return Aanbod.objects.filter(
        Q(soort__in=VORMING_SOORTEN) | Q(slug__in=_ids_in_themas())
    ).prefetch_related(
        "aanbieders",
        "prijzen__paritair_comite",
        Prefetch("sessies", queryset=_komende_sessies()),
    )


def _ids_in_themas() -> set[str]:
    return {slug for regel in THEMAS.values() for slug in regel.ids}


def _komende_sessies():
    from vangnet.vorming.models import Sessie

    return Sessie.objects.komend()


def themas_van(aanbod: Aanbod) -> list[str]:
    """The themes an aanbod belongs to, in the order of ``Thema``."""
    return [thema for thema, regel in THEMAS.items() if regel.past(aanbod)]


def past(aanbod: Aanbod, vraag: Vraag) -> bool:
    """Does this aanbod fit the question? Chosen themes decide; without themes, the
    statuut's rule does (its doelgroepen, and the kinds a person follows); without either,
    every training fits."""
    if aanbod.slug in STEUN_IDS:
        return False  # shown with the trainings whose cost it lowers, not as a training
    if vraag.themas:
        return any(THEMAS[t].past(aanbod) for t in vraag.themas)
    if vraag.statuut:
        return STATUUT_REGELS[vraag.statuut].past(aanbod)
    return aanbod.soort in VORMING_SOORTEN


def steun_voor(aanbod: Aanbod, kost: Kost, vraag: Vraag, steunrijen: dict[str, Aanbod]):
    """The supports that lower this training's cost for this person (none if it is free)."""
    if kost.kosteloos:
        return []
    gevonden = []
    for steun in STEUN:
        rij = steunrijen.get(steun.aanbod_id)
        if rij is None or not any(THEMAS[t].past(aanbod) for t in steun.themas):
            continue
        if vraag.pc in steun.buiten_pc:
            continue
        gevonden.append(SteunVoorJou(aanbod=rij, doelgroep=vraag.statuut in steun.statuten))
    return gevonden


def zoek(vraag: Vraag, aanbod: Iterable[Aanbod] | None = None) -> list[Resultaat]:
    """The trainings that fit ``vraag``, free for this person first, then by price."""
    rijen = list(vormingen() if aanbod is None else aanbod)
    steunrijen = {a.slug: a for a in Aanbod.objects.filter(slug__in=STEUN_IDS)}
    resultaten = []
    for item in rijen:
        if not past(item, vraag):
            continue
        kost = Kost.van(item.prijs_voor(vraag.pc))
        resultaten.append(
            Resultaat(
                aanbod=item,
                kost=kost,
                themas=themas_van(item),
                steun=steun_voor(item, kost, vraag, steunrijen),
            )
        )
    resultaten.sort(key=lambda r: (r.kost.sorteersleutel(), r.aanbod.titel.casefold()))
    return resultaten
