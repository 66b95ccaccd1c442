"""Who manages the pool: the Sociaal Fonds Podiumkunsten (action 2.3.c) and the department."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

from vangnet.accounts.permissions import is_departement

# The organisation of the action plan that runs the pool (id in data/organisaties.yaml).
BEHEERDER = "sociaal-fonds-podiumkunsten"


def beheert_pool(user: AbstractBaseUser | AnonymousUser) -> bool:
    """The department, and partners who edit on behalf of SFP; no other partner."""
    if is_departement(user):
        return True
    if not user.is_authenticated or not user.is_active:
        return False
    return user.lidmaatschappen.filter(organisatie__slug=BEHEERDER).exists()
