"""Factories for the pool. Every member made here is fictitious."""

import factory
from factory.django import DjangoModelFactory

from vangnet.pool.models import Poollid


class PoollidFactory(DjangoModelFactory):
    class Meta:
        model = Poollid

    naam = factory.Sequence(lambda n: f"Testlid {n}")
    gender = "zegt-liever-niet"
    talen = ["nl"]
    sectoren = ["podiumkunsten"]
    disciplines = ["theater"]
    regios = ["antwerpen"]
    beschikbaarheid = "beschikbaar"
    kanalen = factory.Sequence(lambda n: [{"soort": "email", "waarde": f"testlid-{n}@example.org"}])
    actief = True
