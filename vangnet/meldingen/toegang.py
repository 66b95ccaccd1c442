"""Who may see a case: checked here and nowhere else.

Every refusal is the same 404, so that nobody learns whether a case exists. Each
condition stands on its own line, so the tests can show each one is needed.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.http import Http404, HttpRequest

from vangnet.meldingen import acties, audit, kluis, sleutels
from vangnet.meldingen.choices import Auteur, Handeling, Kanaal, PartijRol, Rol
from vangnet.meldingen.models import (
    Behandelaar,
    Belangenconflict,
    Melding,
    Partij,
    Sleutelenvelop,
    Teamlid,
)

BEHANDELAAR_SLEUTEL = "behandelaar"
PARTIJ_SLEUTEL = "partij"
PARTIJ_ID = "partij-id"


@dataclass
class Dossier:
    """A case opened for one person in this request, with the key they may use."""

    melding: Melding
    sleutel: bytes  # the key of the conversation(s) this person may read
    kanaal: str
    teamlid: Teamlid | None = None
    partij: Partij | None = None


def behandelaar_van(request: HttpRequest) -> Behandelaar | None:
    """The signed-in handler, only after the second factor."""
    user = request.user
    if not user.is_authenticated:
        return None
    if not user.is_verified():
        return None
    return Behandelaar.objects.filter(user=user).first()


def prive_sleutel(request: HttpRequest) -> bytes | None:
    return kluis.haal(request, BEHANDELAAR_SLEUTEL, settings.MELDINGEN_TIMEOUT_BEHANDELAAR)


def teamlid_voor(request: HttpRequest, ontvanger_slug: str) -> Teamlid:
    behandelaar = behandelaar_van(request)
    if behandelaar is None:
        raise Http404
    teamlid = (
        Teamlid.objects.select_related("ontvanger", "behandelaar")
        .filter(ontvanger__slug=ontvanger_slug, behandelaar=behandelaar)
        .first()
    )
    if teamlid is None:
        raise Http404
    return teamlid


def melding_voor_behandelaar(request: HttpRequest, pk: int, *, lezen: bool = True) -> Dossier:
    """The case ``pk`` for the signed-in handler, or 404.

    Needs: second factor passed, an unlocked key, membership of the case's receiver's team,
    no conflict of interest, and a key envelope (or the receiver's key, for a beheerder).
    """
    behandelaar = behandelaar_van(request)
    if behandelaar is None:
        raise Http404
    prive = prive_sleutel(request)
    if prive is None:
        raise Http404
    melding = Melding.objects.select_related("ontvanger").filter(pk=pk).first()
    if melding is None:
        raise Http404
    if melding.vernietigd_op:
        raise Http404
    teamlid = melding.ontvanger.team.filter(behandelaar=behandelaar).first()
    if teamlid is None:
        raise Http404
    if melding.conflicten.filter(behandelaar=behandelaar).exists():
        raise Http404
    sleutel = _sleutel_voor_teamlid(melding, teamlid, prive)
    if sleutel is None:
        raise Http404
    if lezen:
        audit.noteer(melding, Handeling.GELEZEN, gebruiker=behandelaar.user)
    return Dossier(melding=melding, sleutel=sleutel, kanaal=Kanaal.MELDER, teamlid=teamlid)


def zichtbare_meldingen(teamlid: Teamlid) -> QuerySet[Melding]:
    """The cases of a team member's receiver they may open, without decrypting anything.

    The same conditions as ``melding_voor_behandelaar``: not destroyed, no
    conflict of interest, and a key envelope (or the receiver's key, for a beheerder).
    """
    behandelaar = teamlid.behandelaar
    meldingen = (
        Melding.objects.filter(ontvanger=teamlid.ontvanger, vernietigd_op__isnull=True)
        .exclude(
            Exists(Belangenconflict.objects.filter(melding=OuterRef("pk"), behandelaar=behandelaar))
        )
        .defer("inhoud", "andere_partij_sleutel")
    )
    if teamlid.rol == Rol.BEHEERDER and teamlid.ontvangersleutel:
        return meldingen
    return meldingen.filter(
        Exists(Sleutelenvelop.objects.filter(melding=OuterRef("pk"), behandelaar=behandelaar))
    )


def _sleutel_voor_teamlid(melding: Melding, teamlid: Teamlid, prive: bytes) -> bytes | None:
    envelop = melding.enveloppen.filter(behandelaar=teamlid.behandelaar).first()
    try:
        if envelop is not None:
            return acties.sleutel_uit_envelop(envelop, prive)
        ontvanger_prive = acties.ontvangersleutel(teamlid, prive)
        envelop = melding.enveloppen.filter(ontvanger=melding.ontvanger).first()
        if ontvanger_prive is None or envelop is None:
            return None
        return acties.sleutel_uit_envelop(envelop, ontvanger_prive)
    except sleutels.OngeldigeSleutel:
        return None


def partij_van(request: HttpRequest) -> tuple[Partij, bytes] | None:
    """The party who opened this session with a receipt, and its private key."""
    prive = kluis.haal(request, PARTIJ_SLEUTEL, settings.MELDINGEN_TIMEOUT_PARTIJ)
    partij_id = request.session.get(PARTIJ_ID)
    if prive is None or partij_id is None:
        return None
    partij = Partij.objects.filter(pk=partij_id).first()
    if partij is None:
        return None
    return partij, prive


def meldingen_van_partij(partij: Partij) -> list[Melding]:
    if partij.rol == PartijRol.ANDERE_PARTIJ:
        return list(Melding.objects.filter(andere_partij=partij, vernietigd_op__isnull=True))
    return list(
        Melding.objects.filter(melder=partij, vernietigd_op__isnull=True)
        .select_related("ontvanger")
        .order_by("ontvangen_op")
    )


def melding_voor_partij(request: HttpRequest, pk: int, *, lezen: bool = True) -> Dossier:
    """The case ``pk`` for the party of this session, or 404."""
    gevonden = partij_van(request)
    if gevonden is None:
        raise Http404
    partij, prive = gevonden
    melding = Melding.objects.select_related("ontvanger").filter(pk=pk).first()
    if melding is None:
        raise Http404
    if melding.vernietigd_op:
        raise Http404
    envelop = melding.enveloppen.filter(partij=partij).first()
    if envelop is None:
        raise Http404
    try:
        sleutel = acties.sleutel_uit_envelop(envelop, prive)
    except sleutels.OngeldigeSleutel:
        raise Http404 from None
    if lezen:
        actor = Auteur.MELDER if partij.rol == PartijRol.MELDER else Auteur.ANDERE_PARTIJ
        audit.noteer(melding, Handeling.GEOPEND_DOOR_PARTIJ, actor=actor)
    return Dossier(melding=melding, sleutel=sleutel, kanaal=envelop.kanaal, partij=partij)
