"""Every change to a receiver's team or to a case, one function each (status changes
themselves go through ``workflow.verander_status``).

Functions take the keys they need as arguments: the server never holds a key outside
the request that unlocked it (see kluis.py).
"""

import base64
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from vangnet.accounts.drempels import Beurt
from vangnet.meldingen import (
    audit,
    inschrijving,
    ontvangstbewijs,
    opslag,
    post,
    sleutels,
    verzending,
    workflow,
)
from vangnet.meldingen.bijlagen import SchoneBijlage
from vangnet.meldingen.choices import (
    Auteur,
    Beslissing,
    ConflictBron,
    Handeling,
    Kanaal,
    Omvang,
    PartijRol,
    Rol,
    Stap,
    Status,
    Wens,
)
from vangnet.meldingen.models import (
    Behandelaar,
    Belangenconflict,
    Bericht,
    Bijlage,
    Extravraag,
    Melding,
    Notitie,
    Ontvanger,
    Partij,
    Sleutelenvelop,
    Teamlid,
    Toestemming,
)

logger = logging.getLogger(__name__)

# A wish ticked on the form is the reporter's consent to that step, revocable later.
WENS_IS_TOESTEMMING = {
    Wens.GEHOORD: Stap.GEHOORD,
    Wens.ADVIES: Stap.ADVIES,
    Wens.BEMIDDELING: Stap.BEMIDDELING,
    Wens.FORMELE_PROCEDURE: Stap.FORMELE_PROCEDURE,
    Wens.DOORVERWIJZING: Stap.DOORVERWIJZING,
}


class Geweigerd(Exception):
    """An action the rules do not allow, with a message for the person who tried."""


class NietToegelaten(Exception):
    """A report refused by its rate limit, inside its transaction: nothing was stored."""

    def __init__(self, wachttijd: timedelta):
        super().__init__(wachttijd)
        self.wachttijd = wachttijd


# --- Receivers and handlers -------------------------------------------------------------


@dataclass(frozen=True)
class NieuweOntvanger:
    ontvanger: Ontvanger
    prive_sleutel: bytes
    herstelsleutel: str  # shown once to the receiver's admin, never stored


def herstelsleutel_als_tekst(prive: bytes) -> str:
    tekst = base64.b32encode(prive).decode().rstrip("=")
    return "-".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))


def herstelsleutel_uit_tekst(tekst: str) -> bytes:
    schoon = "".join(tekst.split()).replace("-", "").upper()
    try:
        prive = base64.b32decode(schoon + "=" * (-len(schoon) % 8))
    except ValueError as fout:
        raise Geweigerd(_("Dat is geen geldige herstelsleutel.")) from fout
    if len(prive) != sleutels.SLEUTEL_BYTES:
        raise Geweigerd(_("Dat is geen geldige herstelsleutel."))
    return prive


def maak_ontvanger(**velden) -> NieuweOntvanger:
    """Create a receiver with its key pair and recovery key pair."""
    publiek, prive = sleutels.sleutelpaar()
    herstel_publiek, herstel_prive = sleutels.sleutelpaar()
    ontvanger = Ontvanger.objects.create(
        publieke_sleutel=publiek,
        herstel_publieke_sleutel=herstel_publiek,
        prive_sleutel_herstel=sleutels.verzegel(herstel_publiek, prive),
        **velden,
    )
    return NieuweOntvanger(ontvanger, prive, herstelsleutel_als_tekst(herstel_prive))


def ontvanger_prive_uit_herstel(ontvanger: Ontvanger, herstelsleutel: str) -> bytes:
    """The receiver's private key, opened with the recovery key its admin keeps."""
    try:
        return sleutels.open_zegel(
            herstelsleutel_uit_tekst(herstelsleutel), bytes(ontvanger.prive_sleutel_herstel)
        )
    except sleutels.OngeldigeSleutel as fout:
        raise Geweigerd(_("Deze herstelsleutel hoort niet bij deze ontvanger.")) from fout


def maak_behandelaar(user, wachtwoord: str, weergavenaam: str) -> tuple[Behandelaar, bytes]:
    """Give an account a key pair protected by its password; returns the private key."""
    publiek, prive = sleutels.sleutelpaar()
    zout = sleutels.nieuw_zout()
    behandelaar = Behandelaar.objects.create(
        user=user,
        weergavenaam=weergavenaam,
        publieke_sleutel=publiek,
        zout=zout,
        prive_sleutel=sleutels.versleutel(sleutels.wachtwoordsleutel(wachtwoord, zout), prive),
    )
    return behandelaar, prive


def ontgrendel(behandelaar: Behandelaar, wachtwoord: str) -> bytes | None:
    """The handler's private key, or None if the password does not open it."""
    sleutel = sleutels.wachtwoordsleutel(wachtwoord, bytes(behandelaar.zout))
    try:
        return sleutels.ontsleutel(sleutel, bytes(behandelaar.prive_sleutel))
    except sleutels.OngeldigeSleutel:
        return None


def zet_wachtwoord(behandelaar: Behandelaar, prive: bytes, wachtwoord: str) -> None:
    """Protect the private key with a new password (and set it as the login password)."""
    zout = sleutels.nieuw_zout()
    behandelaar.zout = zout
    behandelaar.prive_sleutel = sleutels.versleutel(
        sleutels.wachtwoordsleutel(wachtwoord, zout), prive
    )
    with transaction.atomic():
        behandelaar.save(update_fields=["zout", "prive_sleutel"])
        behandelaar.user.set_password(wachtwoord)
        behandelaar.user.save(update_fields=["password"])


def maak_behandelaar_met_link(user, weergavenaam: str) -> tuple[Behandelaar, bytes, str]:
    """A new handler whose key waits behind a one-time enrolment link (``inschrijving.py``):
    the handler sets the password. Returns the handler, its private key and the link's token.
    """
    publiek, prive = sleutels.sleutelpaar()
    behandelaar = Behandelaar.objects.create(
        user=user,
        weergavenaam=weergavenaam,
        publieke_sleutel=publiek,
        zout=sleutels.nieuw_zout(),
        prive_sleutel=b"",  # set by nieuwe_link, in the same transaction as the caller's
    )
    return behandelaar, prive, inschrijving.nieuwe_link(behandelaar, prive)


def herstel(
    teamlid: Teamlid,
    herstelsleutel: str,
    *,
    nieuwe_app: bool = False,
    door: AbstractBaseUser | None = None,
) -> str:
    """A receiver's admin helps a handler who lost their password, with the recovery key:
    returns the token of a one-time link where the handler sets a new password.

    With ``nieuwe_app`` (the handler lost their phone too) the confirmed app is removed as
    well, so the link also sets up a new one. One function for ``manage.py
    sleutel_herstellen``, the beheerder's page and the organisation's page (a first member
    whose link expired); each leaves an audit line naming ``door``, the account that did it.
    """
    if not teamlid.prive_sleutel_herstel:
        raise Geweigerd(
            _("Deze behandelaar meldde zich nog niet aan sinds de toevoeging aan dit team.")
        )
    herstel_prive = herstelsleutel_uit_tekst(herstelsleutel)
    try:
        prive = sleutels.open_zegel(herstel_prive, bytes(teamlid.prive_sleutel_herstel))
    except sleutels.OngeldigeSleutel as fout:
        raise Geweigerd(_("Deze herstelsleutel hoort niet bij deze ontvanger.")) from fout
    with transaction.atomic():
        token = inschrijving.nieuwe_link(teamlid.behandelaar, prive)
        if nieuwe_app:
            inschrijving.vergeet_app(teamlid.behandelaar)
        audit.noteer(
            None,
            Handeling.SLEUTELS,
            gebruiker=door,
            ontvanger=teamlid.ontvanger,
            detail=f"herstel {teamlid.behandelaar.pk}" + (" met nieuwe app" if nieuwe_app else ""),
        )
    return token


def vul_herstel_aan(behandelaar: Behandelaar, prive: bytes) -> None:
    """Seal the key to the recovery key of every team that does not have it yet (a team the
    handler joined after their last sign-in)."""
    for teamlid in behandelaar.teams.select_related("ontvanger").filter(
        prive_sleutel_herstel__isnull=True
    ):
        teamlid.prive_sleutel_herstel = sleutels.verzegel(
            bytes(teamlid.ontvanger.herstel_publieke_sleutel), prive
        )
        teamlid.save(update_fields=["prive_sleutel_herstel"])


def voeg_toe_aan_team(
    ontvanger: Ontvanger,
    behandelaar: Behandelaar,
    prive: bytes | None,
    rol: str = Rol.BEHANDELAAR,
    ontvanger_prive: bytes | None = None,
) -> Teamlid:
    """Put a handler in a receiver's team. A beheerder also receives the receiver's key.

    Without ``prive`` (a handler who joins another team: nobody but them knows their
    password), the key is sealed to this receiver's recovery key at their next sign-in.
    """
    if rol == Rol.BEHEERDER and ontvanger_prive is None:
        raise Geweigerd(_("Een beheerder krijgt de sleutel van de ontvanger mee."))
    velden = {
        "rol": rol,
        "ontvangersleutel": (
            sleutels.verzegel(bytes(behandelaar.publieke_sleutel), ontvanger_prive)
            if ontvanger_prive
            else None
        ),
    }
    if prive is not None:
        velden["prive_sleutel_herstel"] = sleutels.verzegel(
            bytes(ontvanger.herstel_publieke_sleutel), prive
        )
    teamlid, _nieuw = Teamlid.objects.update_or_create(
        ontvanger=ontvanger, behandelaar=behandelaar, defaults=velden
    )
    return teamlid


@dataclass(frozen=True)
class Uitnodiging:
    teamlid: Teamlid
    nieuw_account: bool  # False: an existing handler joins (no link, no mail)


def _meld_nieuw_team(email: str, ontvanger: Ontvanger, rol: str, adres: str) -> None:
    """Tell an existing handler that they joined another team: they will see its cases, and
    someone who did not expect that must be able to say so."""
    post.plaats(
        _("Vangnet: je zit nu ook in het team van %(ontvanger)s") % {"ontvanger": ontvanger.naam},
        _(
            "Je bent toegevoegd aan het team van %(ontvanger)s op Vangnet, als %(rol)s. Na je "
            "volgende aanmelding zie je ook de meldingen van dit team: %(adres)s\n\n"
            "Verwachtte je dit niet? Verwittig dan de beheerder van dat team of het departement."
        )
        % {
            "ontvanger": ontvanger.naam,
            "rol": Rol(rol).label,
            "adres": adres.rstrip("/") + reverse("meldingen:overzicht"),
        },
        [email],
    )


def nodig_uit(
    ontvanger: Ontvanger,
    email: str,
    weergavenaam: str,
    *,
    adres: str,
    rol: str = Rol.BEHANDELAAR,
    ontvanger_prive: bytes | None = None,
    door: Behandelaar | None = None,
) -> Uitnodiging:
    """Invite someone by e-mail into a receiver's team, without a password passing hands.

    A new account gets a one-time enrolment link (48 hours, ``inschrijving.py``), queued by
    e-mail to ``email`` and shown to nobody: the invitee sets their own password and app.
    An existing handler with that address joins at once (their key is sealed to this
    receiver's recovery key at their next sign-in) and is told so by e-mail. ``adres`` is
    the site's address for the links (``https://vangnet.be``). A beheerder needs
    ``ontvanger_prive``.
    """
    from django.contrib.auth import get_user_model

    email = email.strip()
    User = get_user_model()
    with transaction.atomic():
        user = User.objects.filter(username__iexact=email).first()
        if user is None:
            user = User.objects.filter(email__iexact=email, behandelaar__isnull=False).first()
        token = None
        if user is None:
            user = User.objects.create_user(email.lower(), email=email)
            behandelaar, prive, token = maak_behandelaar_met_link(user, weergavenaam)
        else:
            behandelaar = Behandelaar.objects.filter(user=user).first()
            if behandelaar is None:
                raise Geweigerd(
                    _("Dit adres hoort bij een account dat geen behandelaar is: kies een ander.")
                )
            if ontvanger.team.filter(behandelaar=behandelaar).exists():
                raise Geweigerd(_("Deze persoon zit al in het team."))
            prive = None
            if not user.is_active and not behandelaar.teams.exists():
                # Someone who left every team comes back: a fresh key pair (their old keys
                # opened nothing any more) and a fresh link, like a new account.
                prive, token = _nieuw_begin(behandelaar)
            elif not user.is_active:
                raise Geweigerd(
                    _("Dit adres hoort bij een account dat geen behandelaar is: kies een ander.")
                )
        teamlid = voeg_toe_aan_team(
            ontvanger, behandelaar, prive, rol=rol, ontvanger_prive=ontvanger_prive
        )
        if token is not None:
            inschrijving.mail_link(email, token, adres)
        else:
            _meld_nieuw_team(user.email or email, ontvanger, rol, adres)
        audit.noteer(
            None,
            Handeling.SLEUTELS,
            gebruiker=door.user if door else None,
            ontvanger=ontvanger,
            detail=f"uitgenodigd {behandelaar.pk} als {rol}",
        )
    return Uitnodiging(teamlid, token is not None)


def _nieuw_begin(behandelaar: Behandelaar) -> tuple[bytes, str]:
    publiek, prive = sleutels.sleutelpaar()
    behandelaar.publieke_sleutel = publiek
    behandelaar.save(update_fields=["publieke_sleutel"])
    token = inschrijving.nieuwe_link(behandelaar, prive)
    inschrijving.vergeet_app(behandelaar)
    behandelaar.user.is_active = True
    behandelaar.user.save(update_fields=["is_active"])
    return prive, token


def ontvangersleutel(teamlid: Teamlid, prive: bytes) -> bytes | None:
    """The receiver's private key, for a beheerder whose key is unlocked."""
    if not teamlid.ontvangersleutel:
        return None
    return sleutels.open_zegel(prive, bytes(teamlid.ontvangersleutel))


# --- Keys over time (docs/operations.md, "Keys over time") ------------------------------


def vernieuw_herstelsleutel(ontvanger: Ontvanger, herstelsleutel: str) -> str:
    """Rotate a receiver's recovery key with the current one: a new recovery key pair, and
    everything sealed to the old one (the receiver's key, each team member's key) sealed
    again to the new one, in one transaction. Returns the new recovery key (shown once);
    the old one opens nothing any more."""
    oud = herstelsleutel_uit_tekst(herstelsleutel)
    try:
        prive = sleutels.open_zegel(oud, bytes(ontvanger.prive_sleutel_herstel))
    except sleutels.OngeldigeSleutel as fout:
        raise Geweigerd(_("Deze herstelsleutel hoort niet bij deze ontvanger.")) from fout
    publiek, nieuw = sleutels.sleutelpaar()
    with transaction.atomic():
        for teamlid in ontvanger.team.select_for_update().filter(
            prive_sleutel_herstel__isnull=False
        ):
            lid_prive = sleutels.open_zegel(oud, bytes(teamlid.prive_sleutel_herstel))
            teamlid.prive_sleutel_herstel = sleutels.verzegel(publiek, lid_prive)
            teamlid.save(update_fields=["prive_sleutel_herstel"])
        _zet_herstel(ontvanger, publiek, prive)
        audit.noteer(None, Handeling.SLEUTELS, ontvanger=ontvanger, detail="herstel vernieuwd")
    return herstelsleutel_als_tekst(nieuw)


def vervang_verloren_herstelsleutel(teamlid: Teamlid, wachtwoord: str) -> str:
    """The recovery key is lost: a beheerder of the receiver, with their own password,
    opens the receiver's key and seals it to a new recovery key pair. The team members'
    keys cannot be opened without their passwords: their recovery copies are dropped and
    sealed again to the new key at each member's next sign-in (``vul_herstel_aan``); until
    then a member who forgets their password cannot be helped. Returns the new key."""
    if teamlid.rol != Rol.BEHEERDER or not teamlid.ontvangersleutel:
        raise Geweigerd(_("Alleen een beheerder van de ontvanger kan een nieuwe maken."))
    prive = ontgrendel(teamlid.behandelaar, wachtwoord)
    if prive is None:
        raise Geweigerd(_("Dat wachtwoord opent de sleutel van deze beheerder niet."))
    ontvanger_prive = ontvangersleutel(teamlid, prive)
    ontvanger = teamlid.ontvanger
    publiek, nieuw = sleutels.sleutelpaar()
    with transaction.atomic():
        ontvanger.team.exclude(pk=teamlid.pk).update(prive_sleutel_herstel=None)
        # The beheerder's own key is open now: seal it to the new key at once.
        teamlid.prive_sleutel_herstel = sleutels.verzegel(publiek, prive)
        teamlid.save(update_fields=["prive_sleutel_herstel"])
        _zet_herstel(ontvanger, publiek, ontvanger_prive)
        audit.noteer(
            None,
            Handeling.SLEUTELS,
            gebruiker=teamlid.behandelaar.user,
            ontvanger=ontvanger,
            detail="verloren herstel vervangen",
        )
    return herstelsleutel_als_tekst(nieuw)


def _zet_herstel(ontvanger: Ontvanger, herstel_publiek: bytes, ontvanger_prive: bytes) -> None:
    ontvanger.herstel_publieke_sleutel = herstel_publiek
    ontvanger.prive_sleutel_herstel = sleutels.verzegel(herstel_publiek, ontvanger_prive)
    ontvanger.save(update_fields=["herstel_publieke_sleutel", "prive_sleutel_herstel"])


@dataclass(frozen=True)
class Vertrek:
    enveloppen: int  # case keys of the handler destroyed
    opnieuw_verzegeld: int  # receiver envelopes sealed again to a new receiver key (0: none)
    account_gesloten: bool  # no team left: the account can no longer sign in


def behandelaar_vertrekt(teamlid: Teamlid, herstelsleutel: str) -> Vertrek:
    """A handler leaves a team, for an operator who holds the receiver's recovery key
    (``manage.py behandelaar_vertrekt``); see ``verwijder_uit_team``."""
    ontvanger_prive = ontvanger_prive_uit_herstel(teamlid.ontvanger, herstelsleutel)
    return verwijder_uit_team(teamlid, ontvanger_prive)


def verwijder_uit_team(
    teamlid: Teamlid, ontvanger_prive: bytes, *, door: Behandelaar | None = None
) -> Vertrek:
    """A handler leaves a team. In one transaction: their key envelopes of this receiver's
    cases are destroyed, they leave the team, and cases assigned to them are unassigned.
    If they held the receiver's key (a beheerder), the receiver gets a new key pair: every
    receiver envelope of its cases is opened with the old key ``ontvanger_prive`` and
    sealed to the new one, and the remaining beheerders get the new key. An account left
    without a team is deactivated. What they read before cannot be taken back; the audit
    log says what they opened.

    ``ontvanger_prive`` comes from the recovery key (the operator's command) or from the
    beheerder who removes the member on the team page (``door``)."""
    ontvanger = teamlid.ontvanger
    if bytes(sleutels.publieke_sleutel_van(ontvanger_prive)) != bytes(ontvanger.publieke_sleutel):
        raise Geweigerd(_("Deze sleutel hoort niet bij deze ontvanger."))
    behandelaar = teamlid.behandelaar
    opnieuw = 0
    with transaction.atomic():
        enveloppen, _per_soort = Sleutelenvelop.objects.filter(
            behandelaar=behandelaar, melding__ontvanger=ontvanger
        ).delete()
        Melding.objects.filter(ontvanger=ontvanger, behandelaar=behandelaar).update(
            behandelaar=None
        )
        had_ontvangersleutel = bool(teamlid.ontvangersleutel)
        teamlid.delete()
        if had_ontvangersleutel:
            opnieuw = _nieuw_ontvangersleutelpaar(ontvanger, ontvanger_prive)
        gesloten = not behandelaar.teams.exists()
        if gesloten:
            behandelaar.user.is_active = False
            behandelaar.user.save(update_fields=["is_active"])
            behandelaar.inschrijflinks.all().delete()
        audit.noteer(
            None,
            Handeling.SLEUTELS,
            gebruiker=door.user if door else None,
            ontvanger=ontvanger,
            detail=f"vertrek {behandelaar.pk}: {enveloppen} vernietigd, {opnieuw} herverzegeld",
        )
    return Vertrek(enveloppen, opnieuw, gesloten)


def _nieuw_ontvangersleutelpaar(ontvanger: Ontvanger, oud_prive: bytes) -> int:
    publiek, prive = sleutels.sleutelpaar()
    opnieuw = 0
    for envelop in Sleutelenvelop.objects.select_for_update().filter(ontvanger=ontvanger):
        sleutel = sleutels.open_zegel(oud_prive, bytes(envelop.verzegeld))
        envelop.verzegeld = sleutels.verzegel(publiek, sleutel)
        envelop.save(update_fields=["verzegeld"])
        opnieuw += 1
    for lid in ontvanger.team.select_related("behandelaar").filter(ontvangersleutel__isnull=False):
        lid.ontvangersleutel = sleutels.verzegel(bytes(lid.behandelaar.publieke_sleutel), prive)
        lid.save(update_fields=["ontvangersleutel"])
    ontvanger.publieke_sleutel = publiek
    ontvanger.prive_sleutel_herstel = sleutels.verzegel(
        bytes(ontvanger.herstel_publieke_sleutel), prive
    )
    ontvanger.save(update_fields=["publieke_sleutel", "prive_sleutel_herstel"])
    return opnieuw


def voeg_vraag_toe(
    ontvanger: Ontvanger, door: Behandelaar, vraag: str, hulptekst: str = "", verplicht=False
) -> Extravraag:
    """A receiver's own question, asked on its form after the default ones."""
    volgorde = ontvanger.extravragen.count() + 1
    extravraag = Extravraag.objects.create(
        ontvanger=ontvanger,
        vraag=vraag,
        hulptekst=hulptekst,
        verplicht=verplicht,
        volgorde=volgorde,
    )
    audit.noteer(None, Handeling.VRAGENLIJST, gebruiker=door.user, ontvanger=ontvanger, detail="+")
    return extravraag


def verwijder_vraag(extravraag: Extravraag, door: Behandelaar) -> None:
    """Take a question off the form; answers already given stay in their reports."""
    ontvanger = extravraag.ontvanger
    extravraag.delete()
    audit.noteer(None, Handeling.VRAGENLIJST, gebruiker=door.user, ontvanger=ontvanger, detail="-")


def deel_met_teamlid(teamlid: Teamlid, ontvanger_prive: bytes, door: Behandelaar) -> int:
    """Give a team member access to the open cases that came in before they joined.

    Cases with a declared conflict for that member stay closed to them. Returns the count.
    """
    gedeeld = 0
    meldingen = (
        Melding.objects.open()
        .filter(ontvanger=teamlid.ontvanger)
        .exclude(enveloppen__behandelaar=teamlid.behandelaar)
        .exclude(conflicten__behandelaar=teamlid.behandelaar)
    )
    for melding in meldingen:
        envelop = melding.enveloppen.filter(ontvanger=teamlid.ontvanger).first()
        if envelop is None:
            continue
        sleutel = sleutels.open_zegel(ontvanger_prive, bytes(envelop.verzegeld))
        Sleutelenvelop.objects.create(
            melding=melding,
            behandelaar=teamlid.behandelaar,
            verzegeld=sleutels.verzegel(bytes(teamlid.behandelaar.publieke_sleutel), sleutel),
        )
        audit.noteer(melding, Handeling.GEDEELD, gebruiker=door.user, detail=str(teamlid.pk))
        gedeeld += 1
    return gedeeld


# --- A report comes in ------------------------------------------------------------------


@dataclass
class Inzending:
    """What the reporter gave on the form, already validated."""

    antwoorden: dict
    naam: str = ""
    email: str = ""
    telefoon: str = ""
    wensen: list[str] = field(default_factory=list)
    uitgesloten: list[int] = field(default_factory=list)  # Behandelaar ids
    bijlagen: list[SchoneBijlage] = field(default_factory=list)
    taal: str = "nl"
    # The receiver's team as the form read it, to seal the case key to without reading it
    # again; None: ``dien_in`` reads it.
    team: list[Behandelaar] | None = None


def _nieuwe_partij(rol: str) -> tuple[Partij, str]:
    code = ontvangstbewijs.nieuw()
    afgeleid = ontvangstbewijs.leid_af(code)
    publiek, prive = sleutels.sleutelpaar()
    partij = Partij(
        rol=rol,
        zoeksleutel=afgeleid.zoeksleutel,
        publieke_sleutel=publiek,
        prive_sleutel=sleutels.versleutel(afgeleid.ontsleutelsleutel, prive),
    )
    return partij, code


def _bereikbare_behandelaars(ontvanger: Ontvanger, uitgesloten: set[int]) -> list[Behandelaar]:
    return [
        lid.behandelaar
        for lid in ontvanger.team.select_related("behandelaar")
        if lid.behandelaar_id not in uitgesloten
    ]


def _verzegel_voor_team(
    melding: Melding,
    sleutel: bytes,
    behandelaars: list[Behandelaar],
    partij: Partij | None = None,
):
    """The case key sealed to each handler and the receiver (and the reporter's party, when
    given), in one INSERT."""
    Sleutelenvelop.objects.bulk_create(
        [
            Sleutelenvelop(
                melding=melding,
                behandelaar=b,
                verzegeld=sleutels.verzegel(bytes(b.publieke_sleutel), sleutel),
            )
            for b in behandelaars
        ]
        + [
            Sleutelenvelop(
                melding=melding,
                ontvanger=melding.ontvanger,
                verzegeld=sleutels.verzegel(bytes(melding.ontvanger.publieke_sleutel), sleutel),
            )
        ]
        + (
            [
                Sleutelenvelop(
                    melding=melding,
                    partij=partij,
                    verzegeld=sleutels.verzegel(bytes(partij.publieke_sleutel), sleutel),
                )
            ]
            if partij is not None
            else []
        )
    )


def _bewaar_bijlagen(melding, sleutel, bijlagen, auteur, kanaal=Kanaal.MELDER) -> None:
    for bijlage in bijlagen:
        naam = opslag.schrijf(
            sleutels.versleutel(sleutel, bijlage.inhoud, blok=sleutels.BESTANDSBLOK)
        )
        Bijlage.objects.create(
            melding=melding,
            kanaal=kanaal,
            auteur=auteur,
            bestand=naam,
            inhoud=sleutels.versleutel_json(
                sleutel,
                {"naam": bijlage.naam, "soort": bijlage.soort, "grootte": len(bijlage.inhoud)},
            ),
        )


def dien_in(
    ontvanger: Ontvanger,
    inzending: Inzending,
    *,
    verzendtoken: str | None = None,
    toelating: Callable[[], Beurt] | None = None,
) -> tuple[Melding, str]:
    """Store a new report and return it with the receipt, which is shown once and never kept.

    The whole report is one transaction, committed and synced before the receipt is shown.
    Team members the reporter excluded get no key; if nobody is left, the receiver's
    fallback receiver takes the case. With the form's ``verzendtoken``, the token is marked
    used in that same transaction and the receipt waits for its page (``verzending.py``);
    a token used before raises ``verzending.AlVerstuurd`` and stores nothing. ``toelating``
    (the rate limit) counts the report first thing in that transaction; when it refuses,
    ``NietToegelaten`` is raised and nothing is stored, the count neither.
    """
    partij, code = _nieuwe_partij(PartijRol.MELDER)  # Argon2id outside the transaction
    sleutel = sleutels.nieuwe_sleutel()
    uitgesloten = set(inzending.uitgesloten)
    doel = ontvanger
    if inzending.team is not None:
        behandelaars = [b for b in inzending.team if b.pk not in uitgesloten]
    else:
        behandelaars = _bereikbare_behandelaars(ontvanger, uitgesloten)
    if not behandelaars and uitgesloten and ontvanger.terugval_id:
        doel = ontvanger.terugval
        behandelaars = _bereikbare_behandelaars(doel, uitgesloten)
    inhoud = {
        "antwoorden": inzending.antwoorden,
        "wensen": inzending.wensen,
        "naam": inzending.naam,
        "email": inzending.email,
        "telefoon": inzending.telefoon,
    }
    with transaction.atomic():
        if toelating is not None:
            beurt = toelating()
            if not beurt.toegelaten:
                raise NietToegelaten(beurt.wachttijd)
        if verzendtoken is not None:
            verzending.noteer(verzendtoken, code, doel.pk, doel.naam)
        partij.save()
        melding = Melding.objects.create(
            ontvanger=doel,
            melder=partij,
            taal=inzending.taal,
            inhoud=sleutels.versleutel_json(sleutel, inhoud),
        )
        _verzegel_voor_team(melding, sleutel, behandelaars, partij)
        # Only a reporter who excluded someone costs the query of the team.
        for behandelaar_id in uitgesloten and uitgesloten & set(
            ontvanger.team.values_list("behandelaar", flat=True)
        ):
            Belangenconflict.objects.create(
                melding=melding, behandelaar_id=behandelaar_id, bron=ConflictBron.MELDER
            )
        nu = timezone.now()
        Toestemming.objects.bulk_create(
            [
                Toestemming(
                    melding=melding,
                    stap=stap,
                    beslissing=Beslissing.GEGEVEN,
                    gevraagd_op=nu,
                    beslist_op=nu,
                )
                for stap in [Stap.GEHOORD]
                + [
                    WENS_IS_TOESTEMMING[w]
                    for w in inzending.wensen
                    if w in WENS_IS_TOESTEMMING and w != Wens.GEHOORD
                ]
            ]
        )
        _bewaar_bijlagen(melding, sleutel, inzending.bijlagen, Auteur.MELDER)
        audit.noteer(melding, Handeling.INGEDIEND, actor=Auteur.MELDER)
        transaction.on_commit(lambda: _meld_aan_team(melding, behandelaars))
    return melding, code


# A handler hears that there is news at most once per quarter of an hour: a busy evening at
# a festival must not flood their mailbox, and the inbox shows every case anyway.
VERWITTIGEN_HOOGSTENS_ELKE = timedelta(minutes=15)


def _meld_aan_team(melding: Melding, behandelaars: list[Behandelaar]) -> None:
    nu = timezone.now()
    laatst_toegelaten = nu - VERWITTIGEN_HOOGSTENS_ELKE
    # A notice only ever moves later, so whoever was notified recently as loaded still was:
    # on a busy evening most reports need no query here at all. The database decides the rest.
    mogelijk = [
        b.pk for b in behandelaars if b.verwittigd_op is None or b.verwittigd_op < laatst_toegelaten
    ]
    if not mogelijk:
        return
    te_verwittigen = Behandelaar.objects.filter(pk__in=mogelijk, user__email__gt="").filter(
        Q(verwittigd_op__isnull=True) | Q(verwittigd_op__lt=laatst_toegelaten)
    )
    adressen = list(te_verwittigen.values_list("user__email", flat=True))
    if not adressen:
        return
    te_verwittigen.update(verwittigd_op=nu)
    post.plaats(
        _("Nieuws in Vangnet"),
        _("Er is nieuws voor %(ontvanger)s. Meld je aan op Vangnet om het te lezen.")
        % {"ontvanger": melding.ontvanger.naam},
        adressen,
    )


# --- Parties come back with a receipt ---------------------------------------------------


def open_partij(code: str) -> tuple[Partij, bytes] | None:
    """The party and its private key for a receipt, or None (wrong or unknown receipt)."""
    try:
        afgeleid = ontvangstbewijs.leid_af(code)
    except ValueError:
        return None
    partij = Partij.objects.filter(zoeksleutel=afgeleid.zoeksleutel).first()
    if partij is None:
        return None
    try:
        prive = sleutels.ontsleutel(afgeleid.ontsleutelsleutel, bytes(partij.prive_sleutel))
    except sleutels.OngeldigeSleutel:
        return None
    return partij, prive


def sleutel_uit_envelop(envelop: Sleutelenvelop, prive: bytes) -> bytes:
    return sleutels.open_zegel(prive, bytes(envelop.verzegeld))


def inhoud(melding: Melding, sleutel: bytes) -> dict:
    return sleutels.ontsleutel_json(sleutel, bytes(melding.inhoud))


def kanaalsleutel(melding: Melding, sleutel: bytes, kanaal: str) -> bytes:
    """The key of a conversation: the case key, or the other party's channel key."""
    if kanaal == Kanaal.MELDER:
        return sleutel
    if not melding.andere_partij_sleutel:
        raise Geweigerd(_("Er is nog geen andere partij bij deze melding."))
    return sleutels.ontsleutel(sleutel, bytes(melding.andere_partij_sleutel))


# --- Conversation -----------------------------------------------------------------------


def stuur_bericht(
    melding: Melding,
    sleutel: bytes,
    tekst: str,
    *,
    auteur: str,
    kanaal: str = Kanaal.MELDER,
    behandelaar: Behandelaar | None = None,
    bijlagen: list[SchoneBijlage] | None = None,
    terugkoppeling: bool = False,
) -> Bericht:
    """Add a message to a conversation. ``sleutel`` is the key of that conversation.

    A handler's first message to the reporter acknowledges receipt (the 7-day clock); only
    a message marked ``terugkoppeling`` is feedback (the 3-month clock, see workflow.py).
    The reporter gets an e-mail that there is news, if they left an address.
    """
    if melding.vernietigd_op or melding.status == Status.AFGESLOTEN:
        raise Geweigerd(_("Deze melding is afgesloten: er kunnen geen berichten meer bij."))
    if terugkoppeling and (auteur != Auteur.BEHANDELAAR or kanaal != Kanaal.MELDER):
        raise Geweigerd(_("Enkel een bericht van het team aan de melder is terugkoppeling."))
    nu = timezone.now()
    with transaction.atomic():
        bericht = Bericht.objects.create(
            melding=melding,
            kanaal=kanaal,
            auteur=auteur,
            behandelaar=behandelaar,
            tijd=nu,
            inhoud=sleutels.versleutel(sleutel, tekst.encode()),
            terugkoppeling=terugkoppeling,
        )
        _bewaar_bijlagen(melding, sleutel, bijlagen or [], auteur, kanaal)
        velden = []
        if auteur == Auteur.BEHANDELAAR:
            melding.nieuws_voor_melder = True
            velden.append("nieuws_voor_melder")
            if terugkoppeling:
                workflow.noteer_terugkoppeling(melding, nu, door=behandelaar)
            elif kanaal == Kanaal.MELDER:
                workflow.noteer_erkenning(melding, nu)
        else:
            melding.nieuws_voor_team = True
            velden.append("nieuws_voor_team")
        melding.save(update_fields=velden)
        audit.noteer(
            melding,
            Handeling.BERICHT,
            gebruiker=behandelaar.user if behandelaar else None,
            actor=auteur,
            detail=kanaal,
        )
    if auteur == Auteur.BEHANDELAAR and kanaal == Kanaal.MELDER:
        email = inhoud(melding, sleutel).get("email")
        if email:
            post.plaats(
                _("Nieuws over je melding"),
                _(
                    "Er is nieuws over je melding. Ga naar Vangnet, kies “Volg je melding op” en "
                    "gebruik je ontvangstbewijs om het te lezen."
                ),
                [email],
            )
    else:
        transaction.on_commit(lambda: _meld_aan_team(melding, _team_met_sleutel(melding)))
    return bericht


def _team_met_sleutel(melding: Melding) -> list[Behandelaar]:
    return list(
        Behandelaar.objects.filter(sleutelenvelop__melding=melding)
        .select_related("user")
        .distinct()
    )


def berichten(melding: Melding, sleutel: bytes, kanaal: str) -> list[dict]:
    """The conversation decrypted, oldest first, with the attachments added in it."""
    return [
        {
            "bericht": bericht,
            "tekst": sleutels.ontsleutel(sleutel, bytes(bericht.inhoud)).decode(),
        }
        for bericht in melding.berichten.filter(kanaal=kanaal).select_related("behandelaar")
    ]


def bijlagen(melding: Melding, sleutel: bytes, kanaal: str = Kanaal.MELDER) -> list[dict]:
    return [
        {"bijlage": b, **sleutels.ontsleutel_json(sleutel, bytes(b.inhoud))}
        for b in melding.bijlagen.filter(kanaal=kanaal)
    ]


def lees_bijlage(bijlage: Bijlage, sleutel: bytes) -> tuple[dict, bytes]:
    meta = sleutels.ontsleutel_json(sleutel, bytes(bijlage.inhoud))
    return meta, sleutels.ontsleutel(sleutel, opslag.lees(bijlage.bestand))


def voeg_notitie_toe(
    melding: Melding, sleutel: bytes, behandelaar: Behandelaar, tekst: str
) -> Notitie:
    notitie = Notitie.objects.create(
        melding=melding,
        behandelaar=behandelaar,
        inhoud=sleutels.versleutel(sleutel, tekst.encode()),
    )
    audit.noteer(melding, Handeling.NOTITIE, gebruiker=behandelaar.user)
    return notitie


def notities(melding: Melding, sleutel: bytes) -> list[dict]:
    return [
        {"notitie": n, "tekst": sleutels.ontsleutel(sleutel, bytes(n.inhoud)).decode()}
        for n in melding.notities.select_related("behandelaar")
    ]


def markeer_gelezen(melding: Melding, *, door_partij: bool) -> None:
    veld = "nieuws_voor_melder" if door_partij else "nieuws_voor_team"
    if getattr(melding, veld):  # no write when there was no news
        Melding.objects.filter(pk=melding.pk).update(**{veld: False})
        setattr(melding, veld, False)


# --- The consent ledger -----------------------------------------------------------------


def vraag_toestemming(
    melding: Melding,
    sleutel: bytes,
    behandelaar: Behandelaar,
    stap: str,
    *,
    doel: Ontvanger | None = None,
    extern: str = "",
    omvang: str = "",
    samenvatting: str = "",
) -> Toestemming:
    """Ask the reporter's consent for a step, or to share (a summary of) the case."""
    if stap == Stap.DOORVERWIJZING and not (doel or extern):
        raise Geweigerd(_("Kies naar wie je wilt doorverwijzen."))
    if omvang == Omvang.SAMENVATTING and not samenvatting.strip():
        raise Geweigerd(_("Schrijf de samenvatting die de melder moet goedkeuren."))
    with transaction.atomic():
        toestemming = Toestemming.objects.create(
            melding=melding,
            stap=stap,
            doel=doel,
            omvang=omvang,
            gevraagd_door=behandelaar,
            inhoud=sleutels.versleutel_json(
                sleutel, {"extern": extern, "samenvatting": samenvatting}
            ),
        )
        Melding.objects.filter(pk=melding.pk).update(nieuws_voor_melder=True)
        audit.noteer(
            melding, Handeling.TOESTEMMING, gebruiker=behandelaar.user, detail=f"{stap} gevraagd"
        )
    return toestemming


def toestemming_details(toestemming: Toestemming, sleutel: bytes) -> dict:
    if not toestemming.inhoud:
        return {"extern": "", "samenvatting": ""}
    return sleutels.ontsleutel_json(sleutel, bytes(toestemming.inhoud))


def beslis(toestemming: Toestemming, beslissing: str, *, auteur: str = Auteur.MELDER) -> None:
    """The reporter gives, refuses or withdraws a consent; every decision is kept."""
    toegelaten = {
        Beslissing.GEVRAAGD: {Beslissing.GEGEVEN, Beslissing.GEWEIGERD},
        Beslissing.GEGEVEN: {Beslissing.INGETROKKEN},
        Beslissing.GEWEIGERD: {Beslissing.GEGEVEN},
        Beslissing.INGETROKKEN: {Beslissing.GEGEVEN},
    }
    if beslissing not in toegelaten[toestemming.beslissing]:
        raise Geweigerd(_("Deze toestemming kan niet zo gewijzigd worden."))
    with transaction.atomic():
        toestemming.beslissing = beslissing
        toestemming.beslist_op = timezone.now()
        toestemming.save(update_fields=["beslissing", "beslist_op"])
        Melding.objects.filter(pk=toestemming.melding_id).update(nieuws_voor_team=True)
        audit.noteer(
            toestemming.melding,
            Handeling.TOESTEMMING,
            actor=auteur,
            detail=f"{toestemming.stap} {beslissing}",
        )


# --- Referral, conflicts, the other party -----------------------------------------------


def verwijs_door(
    melding: Melding, sleutel: bytes, behandelaar: Behandelaar, toestemming: Toestemming
) -> Melding | None:
    """Hand the case, or the summary the reporter approved, to another receiver.

    The reporter keeps one receipt: the new case is sealed to their key too. For an
    external service nothing is handed over here; the handler prints the approved summary.
    """
    if toestemming.melding_id != melding.pk or toestemming.stap != Stap.DOORVERWIJZING:
        raise Geweigerd(_("Deze toestemming hoort niet bij deze doorverwijzing."))
    if not toestemming.geldig:
        raise Geweigerd(_("De melder heeft (nog) geen toestemming gegeven voor deze stap."))
    nieuwe = None
    with transaction.atomic():
        if toestemming.doel_id:
            nieuwe = _maak_kopie_bij(melding, sleutel, toestemming)
        # The referral the reporter agreed to is the action taken, and their consent its
        # reason: feedback for this case. The receiving team's clocks start afresh.
        workflow.noteer_terugkoppeling(melding, timezone.now(), door=behandelaar)
        melding.refresh_from_db(fields=["status"])
        if Status.DOORVERWEZEN in workflow.TOEGELATEN_OVERGANGEN[melding.status]:
            workflow.verander_status(melding, Status.DOORVERWEZEN, door=behandelaar)
        audit.noteer(
            melding,
            Handeling.DOORVERWEZEN,
            gebruiker=behandelaar.user,
            detail=toestemming.doel.slug if toestemming.doel_id else "extern",
        )
    return nieuwe


def _maak_kopie_bij(melding: Melding, sleutel: bytes, toestemming: Toestemming) -> Melding:
    doel = toestemming.doel
    nieuwe_sleutel = sleutels.nieuwe_sleutel()
    oorspronkelijk = inhoud(melding, sleutel)
    if toestemming.omvang == Omvang.SAMENVATTING:
        overgedragen = {
            "samenvatting": toestemming_details(toestemming, sleutel)["samenvatting"],
            "wensen": oorspronkelijk.get("wensen", []),
        }
    else:
        overgedragen = oorspronkelijk
    overgedragen["doorverwezen_door"] = melding.ontvanger.naam
    nieuwe = Melding.objects.create(
        ontvanger=doel,
        melder=melding.melder,
        taal=melding.taal,
        doorverwezen_van=melding,
        inhoud=sleutels.versleutel_json(nieuwe_sleutel, overgedragen),
    )
    _verzegel_voor_team(nieuwe, nieuwe_sleutel, _bereikbare_behandelaars(doel, set()))
    if melding.melder_id:
        Sleutelenvelop.objects.create(
            melding=nieuwe,
            partij=melding.melder,
            verzegeld=sleutels.verzegel(bytes(melding.melder.publieke_sleutel), nieuwe_sleutel),
        )
    if toestemming.omvang != Omvang.SAMENVATTING:
        for b in melding.bijlagen.filter(kanaal=Kanaal.MELDER):
            meta, data = lees_bijlage(b, sleutel)
            _bewaar_bijlagen(
                nieuwe,
                nieuwe_sleutel,
                [SchoneBijlage(naam=meta["naam"], soort=meta["soort"], inhoud=data)],
                b.auteur,
            )
    # The reporter's consents travel along: they do not have to give them again.
    for t in melding.toestemmingen.filter(beslissing=Beslissing.GEGEVEN, doel__isnull=True):
        Toestemming.objects.create(
            melding=nieuwe,
            stap=t.stap,
            beslissing=t.beslissing,
            gevraagd_op=t.gevraagd_op,
            beslist_op=t.beslist_op,
        )
    audit.noteer(nieuwe, Handeling.INGEDIEND, actor=Auteur.SYSTEEM, detail=f"van {melding.pk}")
    transaction.on_commit(lambda: _meld_aan_team(nieuwe, _team_met_sleutel(nieuwe)))
    return nieuwe


def verklaar_conflict(melding: Melding, sleutel: bytes, behandelaar: Behandelaar) -> None:
    """A handler steps aside: their key to the case is destroyed, and the case goes to
    another team member, or to the fallback receiver when nobody else is left."""
    with transaction.atomic():
        Belangenconflict.objects.get_or_create(
            melding=melding, behandelaar=behandelaar, defaults={"bron": ConflictBron.VERKLAARD}
        )
        melding.enveloppen.filter(behandelaar=behandelaar).delete()
        anderen = list(
            Behandelaar.objects.filter(sleutelenvelop__melding=melding).exclude(
                belangenconflict__melding=melding
            )
        )
        if melding.behandelaar_id == behandelaar.pk:
            melding.behandelaar = anderen[0] if anderen else None
            melding.save(update_fields=["behandelaar"])
        if not anderen and melding.ontvanger.terugval_id:
            terugval = melding.ontvanger.terugval
            melding.ontvanger = terugval
            melding.save(update_fields=["ontvanger"])
            uitgesloten = set(melding.conflicten.values_list("behandelaar", flat=True))
            _verzegel_voor_team(melding, sleutel, _bereikbare_behandelaars(terugval, uitgesloten))
        audit.noteer(melding, Handeling.CONFLICT, gebruiker=behandelaar.user)


def wijs_toe(melding: Melding, behandelaar: Behandelaar, door: Behandelaar) -> None:
    if not melding.enveloppen.filter(behandelaar=behandelaar).exists():
        raise Geweigerd(_("Dit teamlid heeft geen toegang tot deze melding."))
    Melding.objects.filter(pk=melding.pk).update(behandelaar=behandelaar)
    audit.noteer(melding, Handeling.TOEGEWEZEN, gebruiker=door.user, detail=str(behandelaar.pk))


def classificeer(melding: Melding, behandelaar: Behandelaar, **codes) -> None:
    """Set the monitoring codes; only fixed values, never free text."""
    for veld, waarde in codes.items():
        setattr(melding, veld, waarde)
    melding.save(update_fields=list(codes))
    audit.noteer(melding, Handeling.CLASSIFICATIE, gebruiker=behandelaar.user)


def sluit_af(
    melding: Melding,
    sleutel: bytes,
    behandelaar: Behandelaar,
    *,
    uitkomst: str,
    codes: dict | None = None,
    terugkoppeling: str = "",
) -> None:
    """Close a case with its monitoring ``codes``; ``terugkoppeling`` is the closing message
    to the reporter, sent first as feedback. All or nothing: a refused close changes no code
    and sends no message."""
    with transaction.atomic():
        if codes:
            classificeer(melding, behandelaar, **codes)
        if terugkoppeling.strip():
            stuur_bericht(
                melding,
                sleutel,
                terugkoppeling,
                auteur=Auteur.BEHANDELAAR,
                behandelaar=behandelaar,
                terugkoppeling=True,
            )
        workflow.verander_status(melding, Status.AFGESLOTEN, door=behandelaar, uitkomst=uitkomst)


def nodig_andere_partij_uit(melding: Melding, sleutel: bytes, behandelaar: Behandelaar) -> str:
    """Open a separate channel for the other party in a mediation; returns its receipt.

    Only with the reporter's consent. The other party sees its own conversation with the
    team, never the report or the reporter's messages.
    """
    if not melding.toestemmingen.filter(
        stap=Stap.ANDERE_PARTIJ, beslissing=Beslissing.GEGEVEN
    ).exists():
        raise Geweigerd(
            _("De melder heeft geen toestemming gegeven om de andere partij te betrekken.")
        )
    if melding.andere_partij_id:
        raise Geweigerd(_("De andere partij heeft al een eigen kanaal."))
    partij, code = _nieuwe_partij(PartijRol.ANDERE_PARTIJ)
    kanaal_sleutel = sleutels.nieuwe_sleutel()
    with transaction.atomic():
        partij.save()
        melding.andere_partij = partij
        melding.andere_partij_sleutel = sleutels.versleutel(sleutel, kanaal_sleutel)
        melding.save(update_fields=["andere_partij", "andere_partij_sleutel"])
        Sleutelenvelop.objects.create(
            melding=melding,
            kanaal=Kanaal.ANDERE_PARTIJ,
            partij=partij,
            verzegeld=sleutels.verzegel(bytes(partij.publieke_sleutel), kanaal_sleutel),
        )
        audit.noteer(melding, Handeling.ANDERE_PARTIJ, gebruiker=behandelaar.user)
    return code


# --- Destruction ------------------------------------------------------------------------


def vernietig(melding: Melding, *, reden: str, gebruiker=None) -> None:
    """Destroy a case's content and keys for good; keep only dates, status and codes.

    Used by the retention run and when the reporter asks for deletion.
    """
    with transaction.atomic():
        melding = Melding.objects.select_for_update().get(pk=melding.pk)
        if melding.vernietigd_op:
            return
        bestanden = list(melding.bijlagen.values_list("bestand", flat=True))
        melding.bijlagen.all().delete()
        melding.berichten.all().delete()
        melding.notities.all().delete()
        melding.enveloppen.all().delete()
        melding.toestemmingen.all().delete()
        melding.conflicten.all().delete()
        partijen = [p for p in (melding.melder, melding.andere_partij) if p]
        melding.inhoud = b""
        melding.andere_partij_sleutel = None
        melding.andere_partij = None
        melding.vernietigd_op = timezone.now()
        melding.save()
        for partij in partijen:
            # A reporter referred elsewhere keeps their key for the other case.
            if not Sleutelenvelop.objects.filter(partij=partij).exists():
                partij.delete()
        audit.noteer(melding, Handeling.VERNIETIGD, gebruiker=gebruiker, detail=reden)
        transaction.on_commit(lambda: [opslag.wis(naam) for naam in bestanden])
