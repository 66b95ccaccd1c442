"""Who sees which figures: checked here and nowhere else in this app.

- everyone: the public figures (``/monitoring/``, the API);
- the department and the stuurgroep, signed in with two factors at ``/beheer/``: more
  detail (provisional quarters, partners' figures);
- a handler, signed in with two factors at ``/behandelen/``: their own receiver's figures;
- a partner, signed in with two factors at ``/beheer/``: uploads its own figures.

Reads the reporting channel's models only (a team membership), never a key or a case.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from vangnet.accounts.permissions import is_departement, organisatie_ids
from vangnet.kaart.models import Organisatie
from vangnet.meldingen.models import Ontvanger, Teamlid

# The stuurgroep's role (issue 14, actieplan); its members see what the department sees.
STUURGROEP_GROEP = "Stuurgroep"


def met_twee_factoren(user: AbstractBaseUser | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_verified())


def mag_beleid(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The department's and the stuurgroep's view: more detail, still suppressed."""
    if not met_twee_factoren(user):
        return False
    return is_departement(user) or user.groups.filter(name=STUURGROEP_GROEP).exists()


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


def aanleverende_organisaties(user: AbstractBaseUser | AnonymousUser) -> list[Organisatie]:
    """The organisations this partner may upload figures for."""
    if not met_twee_factoren(user):
        return []
    return list(Organisatie.objects.filter(pk__in=organisatie_ids(user)).order_by("naam"))
