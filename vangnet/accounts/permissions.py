"""Access to content in one place: the department, and the organisations of a partner."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from vangnet.accounts.models import DEPARTEMENT_GROUP


def is_departement(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The department (and superusers) edit all content."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name=DEPARTEMENT_GROUP).exists()


def organisatie_ids(user: AbstractBaseUser | AnonymousUser) -> set[int]:
    """The organisations a partner user edits on behalf of (empty for anyone else)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    return set(user.lidmaatschappen.values_list("organisatie_id", flat=True))
