"""Factories for kaart content. Slugs carry a 'test-' prefix so they never meet the real data."""

import factory
from factory.django import DjangoModelFactory

from vangnet.kaart.models import Aanbod, Aanspreekpunt, Kanaal, Organisatie, ParitairComite, Prijs


class OrganisatieFactory(DjangoModelFactory):
    class Meta:
        model = Organisatie
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"test-organisatie-{n}")
    naam = factory.Sequence(lambda n: f"Testorganisatie {n}")
    soort = "sectororganisatie"
    bron = ["actieplan actie 1.2.a"]


class ParitairComiteFactory(DjangoModelFactory):
    class Meta:
        model = ParitairComite
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"9{n:02d}")
    naam = factory.Sequence(lambda n: f"Testcomité {n}")
    bron = ["actieplan actie 1.2.b"]


class AanspreekpuntFactory(DjangoModelFactory):
    class Meta:
        model = Aanspreekpunt
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-aanspreekpunt-{n}")
    naam = factory.Sequence(lambda n: f"Testaanspreekpunt {n}")
    soort = "hulplijn"
    samenvatting = "Een aanspreekpunt om mee te testen."
    doelgroepen = ["werknemer", "freelancer"]
    perspectieven = ["slachtoffer", "getuige"]
    gedrag = ["seksueel", "psychisch"]
    contexten = ["werk"]
    talen = ["nl"]
    anoniem = True
    kosteloos = True
    opvolging = ["Je vertelt wat er gebeurde.", "Samen bekijken we wat je wil."]
    wie_weet_wat = ["Niemand anders hoort ervan zonder jouw toestemming."]
    bron = ["actieplan actie 2.1"]

    class Params:
        met_organisatie = factory.Trait(organisatie=factory.SubFactory(OrganisatieFactory))


class KanaalFactory(DjangoModelFactory):
    class Meta:
        model = Kanaal

    aanspreekpunt = factory.SubFactory(AanspreekpuntFactory)
    soort = "telefoon"
    waarde = "0800 00 000"
    uren = [{"dagen": ["ma", "di", "wo", "do", "vr"], "van": "09:00", "tot": "17:00"}]


class AanbodFactory(DjangoModelFactory):
    class Meta:
        model = Aanbod
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-aanbod-{n}")
    titel = factory.Sequence(lambda n: f"Testaanbod {n}")
    soort = "vorming"
    samenvatting = "Een vorming om mee te testen."
    beleidsniveaus = ["preventie"]
    doelgroepen = ["leidinggevenden"]
    talen = ["nl"]
    bron = ["actieplan actie 1.5.a"]

    @factory.post_generation
    def aanbieders(self, create, extracted, **kwargs):
        if create and extracted:
            self.aanbieders.set(extracted)


class PrijsFactory(DjangoModelFactory):
    class Meta:
        model = Prijs

    aanbod = factory.SubFactory(AanbodFactory)
    paritair_comite = None
    bedrag = 750
