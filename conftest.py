"""Shared test set-up.

The action plan's content (data/*.yaml) is loaded once into the test database, as
`make run` does, so tests speak about the real platform. Tests that add rows use
factories with 'test-' ids and run inside a transaction that is rolled back.
"""

from django.core.management import call_command

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_content", verbosity=0)


@pytest.fixture
def alice(django_user_model):
    """Alice works at the department: she edits all content."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "alice", password="alice-wachtwoord-lang", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Departement"))
    return user


def _partner(django_user_model, username: str, organisatie: str):
    from django.contrib.auth.models import Group

    from vangnet.accounts.models import Lidmaatschap
    from vangnet.kaart.models import Organisatie

    user = django_user_model.objects.create_user(
        username, password=f"{username}-wachtwoord-lang", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Partner"))
    Lidmaatschap.objects.create(user=user, organisatie=Organisatie.objects.get(slug=organisatie))
    return user


@pytest.fixture
def bob(django_user_model):
    """Bob edits for Sociaal Fonds Podiumkunsten only."""
    return _partner(django_user_model, "bob", "sociaal-fonds-podiumkunsten")


@pytest.fixture
def charlie(django_user_model):
    """Charlie edits for FARO: nothing of SFP's is his."""
    return _partner(django_user_model, "charlie", "faro")


@pytest.fixture
def sara(django_user_model):
    """Sara sits in the stuurgroep for no organisation of her own: she reads the whole action
    plan and its figures, and writes nothing."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "sara", password="sara-wachtwoord-lang", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Stuurgroep"))
    return user


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: the database is rolled back after every test, and
    with it the content version, so a page or fragment cached by one test must not serve
    the next."""
    from django.core.cache import caches

    from vangnet.kaart import forms as kaartformulier
    from vangnet.meldingen import verwijzing
    from vangnet.wegwijzer import kaartbeeld, poster
    from vangnet.zoeken import topresultaten

    for cache in caches.all():
        cache.clear()
    kaartbeeld.vergeet()
    kaartformulier.vergeet()
    verwijzing.vergeet()
    poster.vergeet()
    topresultaten.vergeet()
    yield
    for cache in caches.all():
        cache.clear()
    kaartbeeld.vergeet()
    kaartformulier.vergeet()
    verwijzing.vergeet()
    poster.vergeet()
    topresultaten.vergeet()


@pytest.fixture(autouse=True)
def _dutch_by_default():
    """Each test starts in Dutch: a request to /fr/ or /en/ leaves its language active in the
    test thread, and content read afterwards would otherwise be French or English."""
    from django.utils import translation

    translation.activate("nl")
    yield
    translation.activate("nl")
