"""Who sees which figures: checked here and nowhere else in this app.

- everyone: the public figures (``/monitoring/``, the API);
- the department and the stuurgroep, signed in with two factors at ``/beheer/``: more
  detail (provisional quarters, partners' figures);
- a handler, signed in with two factors at ``/behandelen/``: their own receiver's figures;
  a beheerder of a public reporting point also its event's figures after the event;
- a partner, signed in with two factors at ``/beheer/``: uploads its own figures.

Reads the reporting channel's models only (a team membership), never a key or a case.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from vangnet.accounts.roles import is_partner, is_stuurgroep, partner_organisaties
from vangnet.accounts.toegang import met_twee_factoren, rol_vereist, stuurgroep_vereist
from vangnet.kaart.models import Organisatie
from vangnet.meldingen.choices import Rol
from vangnet.meldingen.models import Ontvanger, Teamlid

#: The department's and the stuurgroep's view (ADR 0012): the admin's two-factor sign-in,
#: a 403 page for an account without the role.
beleid_vereist = stuurgroep_vereist
#: A partner uploading its own figures: the same sign-in, a 403 page without the role.
partner_vereist = rol_vereist(is_partner)


def mag_beleid(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The department's and the stuurgroep's view: more detail, still suppressed."""
    return met_twee_factoren(user) and is_stuurgroep(user)


def ontvanger_van(user: AbstractBaseUser | AnonymousUser, slug: str) -> Ontvanger | None:
    """The receiver ``slug`` if this person is in its team, else None."""
    if not met_twee_factoren(user):
        return None
    lid = (
        Teamlid.objects.select_related("ontvanger")
        .filter(ontvanger__slug=slug, behandelaar__user=user)
        .first()
    )
    return lid.ontvanger if lid else None


def beheert(user: AbstractBaseUser | AnonymousUser, ontvanger: Ontvanger) -> bool:
    """This person is a beheerder of ``ontvanger`` (the organiser of a public point)."""
    if not met_twee_factoren(user):
        return False
    return Teamlid.objects.filter(
        ontvanger=ontvanger, behandelaar__user=user, rol=Rol.BEHEERDER
    ).exists()


def ontvangers_van(user: AbstractBaseUser | AnonymousUser) -> list[Ontvanger]:
    """The receivers in whose team this person is."""
    if not met_twee_factoren(user):
        return []
    return list(Ontvanger.objects.filter(team__behandelaar__user=user).order_by("naam"))


def aanleverende_organisaties(user: AbstractBaseUser | AnonymousUser) -> list[Organisatie]:
    """The organisations this partner may upload figures for."""
    if not met_twee_factoren(user):
        return []
    return list(Organisatie.objects.filter(pk__in=partner_organisaties(user)).order_by("naam"))
