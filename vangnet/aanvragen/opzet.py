"""A request goes its way: filed by an organisation, decided by the department, set up by
the organisation. The receiver and its first team member are made through the reporting
channel's public functions (``meldingen.acties``), the same ones ``manage.py
ontvanger_aanmaken`` and ``behandelaar_toevoegen`` use.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from vangnet.aanvragen.choices import AanvraagStatus
from vangnet.aanvragen.models import Aanvraag
from vangnet.meldingen import acties, inschrijving
from vangnet.meldingen.choices import OntvangerSoort, Rol
from vangnet.meldingen.models import GERESERVEERDE_IDS, Ontvanger
from vangnet.pool.models import Poollid

# The event's dates are days in Belgium: the window opens at the start of the first day and
# closes at the end of the last.
TIJDZONE = ZoneInfo("Europe/Brussels")


class NietMogelijk(Exception):
    """The request is not in a state that allows this step."""


def beslis(
    aanvraag: Aanvraag,
    *,
    goedgekeurd: bool,
    door: AbstractBaseUser,
    reden: str = "",
    poollid: Poollid | None = None,
) -> None:
    """The department approves or refuses (with a reason) a filed request, once."""
    with transaction.atomic():
        vers = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
        if vers.status != AanvraagStatus.INGEDIEND:
            raise NietMogelijk
        vers.status = AanvraagStatus.GOEDGEKEURD if goedgekeurd else AanvraagStatus.GEWEIGERD
        vers.reden = "" if goedgekeurd else reden
        vers.poollid = poollid if goedgekeurd else None
        vers.beslist_op = timezone.now()
        vers.beslist_door = door
        vers.save()
    aanvraag.refresh_from_db()


def _slug(naam: str) -> str:
    basis = slugify(naam)[:50].strip("-") or "meldpunt"
    slug, volgnummer = basis, 1
    while slug in GERESERVEERDE_IDS or Ontvanger.objects.filter(slug=slug).exists():
        volgnummer += 1
        slug = f"{basis}-{volgnummer}"
    return slug


def _begin(dag: date | None) -> datetime | None:
    return datetime.combine(dag, time.min, TIJDZONE) if dag else None


def _einde(dag: date | None) -> datetime | None:
    return datetime.combine(dag + timedelta(days=1), time.min, TIJDZONE) if dag else None


@dataclass(frozen=True)
class Klaargezet:
    ontvanger: Ontvanger
    herstelsleutel: str  # shown once to the organisation, never stored


def zet_klaar(aanvraag: Aanvraag, *, adres: str) -> Klaargezet:
    """Make the receiver of an approved request and invite its first team member.

    The first member becomes beheerder (holds the receiver's key, can invite others) and
    gets a one-time enrolment link by e-mail (queued, ``post.py``); nobody else sees it.
    Returns the recovery key, which the organisation keeps offline: it is not stored.
    """
    with transaction.atomic():
        vers = Aanvraag.objects.select_for_update().get(pk=aanvraag.pk)
        if vers.status != AanvraagStatus.GOEDGEKEURD or vers.ontvanger_id is not None:
            raise NietMogelijk
        publiek = vers.soort == OntvangerSoort.MELDPUNT_PUBLIEK
        nieuw = acties.maak_ontvanger(
            slug=_slug(vers.naam),
            naam=vers.naam,
            soort=vers.soort,
            talen=list(vers.talen),
            venster_start=_begin(vers.van) if publiek else None,
            venster_einde=_einde(vers.tot) if publiek else None,
            terugval=vers.terugval,
            poollid=vers.poollid,
        )
        acties.nodig_uit(
            nieuw.ontvanger,
            vers.eerste_lid_email,
            vers.eerste_lid_naam,
            adres=adres,
            rol=Rol.BEHEERDER,
            ontvanger_prive=nieuw.prive_sleutel,
        )
        vers.ontvanger = nieuw.ontvanger
        vers.save(update_fields=["ontvanger"])
    aanvraag.refresh_from_db()
    return Klaargezet(nieuw.ontvanger, nieuw.herstelsleutel)


def stuur_nieuwe_link(
    aanvraag: Aanvraag, herstelsleutel: str, *, adres: str, door: AbstractBaseUser
) -> None:
    """The first member's link expired before they enrolled: with the recovery key, the
    organisation sends them a fresh one (``acties.herstel``, audited). Once they have
    enrolled, their beheerder's team page is the place to help them."""
    if aanvraag.ontvanger_id is None:
        raise NietMogelijk
    teamlid = (
        aanvraag.ontvanger.team.select_related("behandelaar__user")
        .filter(behandelaar__user__email__iexact=aanvraag.eerste_lid_email)
        .first()
    )
    if teamlid is None or teamlid.behandelaar.user.has_usable_password():
        raise NietMogelijk
    token = acties.herstel(teamlid, herstelsleutel, door=door)
    inschrijving.mail_link(teamlid.behandelaar.user.email, token, adres)


def wacht_op_eerste_lid(aanvraag: Aanvraag) -> bool:
    """Set up, and the first member has not enrolled yet (no password of their own)."""
    if aanvraag.ontvanger_id is None:
        return False
    teamlid = aanvraag.ontvanger.team.filter(
        behandelaar__user__email__iexact=aanvraag.eerste_lid_email
    ).first()
    return teamlid is not None and not teamlid.behandelaar.user.has_usable_password()
