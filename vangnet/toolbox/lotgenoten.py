"""The peer-support initiatives of action 2.7, read from the kaart (one source of truth).

An initiative is a peer-support contact point (how to reach it, what happens) together
with the peer-support offering of the same organisation (what it offers, for whom).
"""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from vangnet.core.vertaald import vertaald
from vangnet.kaart.choices import AanbodSoort, AanspreekpuntSoort
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Kanaal

# The central peer-support contact point the department procures (action 2.7): in the kaart
# as an offering "being procured" until it exists.
CENTRAAL_AANSPREEKPUNT = "centraal-aanspreekpunt-peer-support"


@dataclass
class Initiatief:
    """One organisation's peer support: its contact point and/or its offering."""

    punt: Aanspreekpunt | None = None
    aanbod: list[Aanbod] = field(default_factory=list)

    @property
    def naam(self) -> str:
        return self.punt.naam if self.punt else self.aanbod[0].titel

    @property
    def slug(self) -> str:
        return self.punt.slug if self.punt else self.aanbod[0].slug

    @property
    def bron(self) -> list[str]:
        """Every source of the contact point and the offering, once, in order."""
        bronnen = [*(self.punt.bron if self.punt else [])]
        for item in self.aanbod:
            bronnen += item.bron
        return list(dict.fromkeys(bronnen))

    @property
    def onbevestigd(self) -> list[str]:
        feiten = [*(self.punt.onbevestigd if self.punt else [])]
        for item in self.aanbod:
            feiten += item.onbevestigd
        return list(dict.fromkeys(feiten))

    @property
    def terugval(self) -> set[str]:
        """The fields shown in Dutch on a French or English page (``vangnet.core.vertaald``)."""
        velden = set()
        if vertaald(*((self.punt, "naam") if self.punt else (self.aanbod[0], "titel"))).terugval:
            velden.add("naam")
        delen = [*([self.punt] if self.punt else []), *self.aanbod]
        if any(vertaald(deel, "onbevestigd").terugval for deel in delen):
            velden.add("onbevestigd")
        return velden


def initiatieven() -> list[Initiatief]:
    """The peer-support initiatives in the kaart, by name; the central point left out."""
    punten = list(
        Aanspreekpunt.objects.filter(soort=AanspreekpuntSoort.PEER_SUPPORT)
        .select_related("organisatie")
        .prefetch_related(Prefetch("kanalen", queryset=Kanaal.objects.order_by("volgorde")))
    )
    aanbod = list(
        Aanbod.objects.filter(soort=AanbodSoort.PEER_SUPPORT)
        .exclude(slug=CENTRAAL_AANSPREEKPUNT)
        .prefetch_related("aanbieders")
    )
    per_organisatie = {p.organisatie_id: Initiatief(punt=p) for p in punten if p.organisatie_id}
    losse = [Initiatief(punt=p) for p in punten if not p.organisatie_id]
    for item in aanbod:
        initiatief = next(
            (per_organisatie[o.pk] for o in item.aanbieders.all() if o.pk in per_organisatie),
            None,
        )
        if initiatief is None:
            losse.append(Initiatief(aanbod=[item]))
        else:
            initiatief.aanbod.append(item)
    return sorted([*per_organisatie.values(), *losse], key=lambda i: i.naam.casefold())


def centraal_aanspreekpunt() -> Aanbod | None:
    """The central peer-support contact point of action 2.7, as the kaart describes it."""
    return Aanbod.objects.filter(slug=CENTRAAL_AANSPREEKPUNT).first()
