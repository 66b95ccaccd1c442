"""Factories for the rows quickscan tests create (ids start with 'test-')."""

from django.contrib.auth import get_user_model

import factory

from vangnet.quickscan.models import Organisatieaccount, Resultaat


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"test-organisatie-{n}")
    password = factory.django.Password("een-lang-wachtwoord-42")
    is_staff = False


class OrganisatieaccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatieaccount

    user = factory.SubFactory(UserFactory)
    naam = factory.Sequence(lambda n: f"Testgezelschap {n}")


class ResultaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resultaat

    account = factory.SubFactory(OrganisatieaccountFactory)
    profiel = factory.LazyFunction(lambda: {"vorm": "werkgever", "grootte": "minder-dan-20"})
    antwoorden = factory.LazyFunction(dict)
    scores = factory.LazyFunction(
        lambda: {
            "kwaliteit": {"procent": 40, "woord": "op-weg"},
            "preventie": {"procent": 20, "woord": "nog-te-doen"},
            "reactie": {"procent": 80, "woord": "sterk"},
        }
    )
