"""One-time enrolment links for handlers: the handler, never the operator, sets the password.

``manage.py behandelaar_toevoegen`` makes a handler without a usable password and prints
(and e-mails, given an address) a link ``/behandelen/inschrijven/?code=<token>``, which the
operator hands over out of band. The token is random (256 bits); the database keeps only
its hash and when it expires (``GELDIG``, 48 hours). Until the link is used, the handler's
private key is encrypted with a key derived from the token, so the link, and nothing else,
opens it. Whoever opens the link chooses the password (the key is then protected by it) and
sets up the authenticator app in the same session; the link is deleted in that step, so it
works once. ``manage.py sleutel_herstellen`` makes the same kind of link for a handler who
lost their password, from the key the receiver's recovery key opens.

A second factor can only be enrolled in a session that came through such a link
(``mag_app_instellen``): a password alone never sets up an app.

Admin accounts (``/beheer/``) have their own links in ``vangnet.accounts.inschrijving``:
they carry no key.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.meldingen import sleutels
from vangnet.meldingen.models import Behandelaar, Inschrijflink

GELDIG = timedelta(hours=48)
PAD = "/behandelen/inschrijven/"
_APP_INSTELLEN = "inschrijving-app"  # session flag: this session came through a link


def _zoeksleutel(token: str) -> str:
    return hashlib.blake2b(token.encode(), digest_size=32, person=b"vangnet-inschr").hexdigest()


def _linksleutel(token: str) -> bytes:
    return hashlib.blake2b(token.encode(), digest_size=32, person=b"vangnet-inschr-k").digest()


def nieuwe_link(behandelaar: Behandelaar, prive: bytes) -> str:
    """A fresh link for ``behandelaar``, whose unlocked key is ``prive``; returns its token.

    Earlier links stop working; the account has no usable password and no unconfirmed app
    until the link is used (a confirmed app stays: a lost password is not a lost phone).
    """
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        behandelaar.inschrijflinks.all().delete()
        Inschrijflink.objects.create(
            behandelaar=behandelaar,
            zoeksleutel=_zoeksleutel(token),
            verloopt=timezone.now() + GELDIG,
        )
        behandelaar.zout = sleutels.nieuw_zout()
        behandelaar.prive_sleutel = sleutels.versleutel(_linksleutel(token), prive)
        behandelaar.save(update_fields=["zout", "prive_sleutel"])
        user = behandelaar.user
        user.set_unusable_password()
        user.save(update_fields=["password"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return token


def linkadres(token: str, adres: str = "") -> str:
    """The enrolment address for ``token``; ``adres`` is the site (``https://vangnet.be``)."""
    return f"{adres.rstrip('/')}{PAD}?code={token}"


def mail_link(email: str, token: str, adres: str) -> None:
    """Queue the link for the handler by e-mail (``post.py``); the text is kept encrypted
    until sent and wiped after, since the link opens the handler's key."""
    from vangnet.meldingen import post

    post.plaats(
        _("Vangnet: stel je account in"),
        _(
            "Je bent behandelaar op Vangnet. Open deze link om je eigen wachtwoord te kiezen "
            "en je app voor tweestapsverificatie in te stellen. Ze werkt één keer, 48 uur "
            "lang:\n\n%(link)s\n\nVerwachtte je deze e-mail niet? Open de link dan niet en "
            "verwittig de beheerder van je team."
        )
        % {"link": linkadres(token, adres)},
        [email],
        geheim=True,
    )


def vergeet_app(behandelaar: Behandelaar) -> None:
    """Remove the handler's apps (a lost phone): the next enrolment link sets up a new one."""
    TOTPDevice.objects.filter(user=behandelaar.user).delete()


def open_link(token: str) -> tuple[Inschrijflink, bytes] | None:
    """The link with this token and the key it opens, or None (unknown, used or expired)."""
    link = (
        Inschrijflink.objects.select_related("behandelaar__user")
        .filter(zoeksleutel=_zoeksleutel(token or ""), verloopt__gt=timezone.now())
        .first()
    )
    if link is None:
        return None
    try:
        prive = sleutels.ontsleutel(_linksleutel(token), bytes(link.behandelaar.prive_sleutel))
    except sleutels.OngeldigeSleutel:
        return None
    return link, prive


def gebruik(link: Inschrijflink, prive: bytes, wachtwoord: str) -> bool:
    """Spend the link: the key is protected by ``wachtwoord`` from now on. False when
    another request spent it first."""
    from vangnet.meldingen import acties  # acties imports this module: import it late

    with transaction.atomic():
        if not Inschrijflink.objects.filter(pk=link.pk).delete()[0]:
            return False
        acties.zet_wachtwoord(link.behandelaar, prive, wachtwoord)
        acties.vul_herstel_aan(link.behandelaar, prive)
    return True


def sta_app_instellen_toe(request: HttpRequest) -> None:
    """Mark this session as one that came through an enrolment link."""
    request.session[_APP_INSTELLEN] = True


def mag_app_instellen(request: HttpRequest) -> bool:
    return bool(request.session.get(_APP_INSTELLEN))


def app_ingesteld(request: HttpRequest) -> None:
    request.session.pop(_APP_INSTELLEN, None)
