"""Which receivers of the reporting channel an account speaks for on the action plan's pages.

A receiver's beheerder (``Teamlid`` with the role beheerder, signed in with both factors at
``/behandelen/``) writes recommendations to an organisation or a sector on behalf of its
receiver and follows them up (action 1.7). Read from the reporting channel's models only: a
team membership, never a case, a key or the vault (import-linter keeps it so).
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from vangnet.accounts.toegang import met_twee_factoren
from vangnet.meldingen.choices import Rol
from vangnet.meldingen.models import Ontvanger


def beheerde_ontvangers(user: AbstractBaseUser | AnonymousUser):
    """The active receivers this account is a beheerder of (a queryset, by name)."""
    if not user.is_authenticated or not user.is_active:
        return Ontvanger.objects.none()
    return Ontvanger.objects.filter(
        actief=True, team__behandelaar__user=user, team__rol=Rol.BEHEERDER
    ).order_by("naam")


def is_ontvanger_beheerder(user: AbstractBaseUser | AnonymousUser) -> bool:
    """A beheerder of at least one active receiver, signed in with both factors."""
    return met_twee_factoren(user) and beheerde_ontvangers(user).exists()
