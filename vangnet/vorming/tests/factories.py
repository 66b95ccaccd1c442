"""Factories for sessions. Slugs carry a 'test-' prefix so they never meet the real data."""

from datetime import timedelta

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from vangnet.kaart.tests.factories import AanbodFactory
from vangnet.vorming.models import Sessie


class SessieFactory(DjangoModelFactory):
    """A session a month from now, of one day, at a place."""

    class Meta:
        model = Sessie

    slug = factory.Sequence(lambda n: f"test-sessie-{n}")
    aanbod = factory.SubFactory(AanbodFactory)
    start = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=30)).replace(microsecond=0)
    )
    einde = factory.LazyAttribute(lambda s: s.start + timedelta(hours=7))
    plaats = "Kunstenhuis, Brussel"
    inschrijven = "https://voorbeeld.be/inschrijven"
    bron = ["https://voorbeeld.be/agenda"]
