import factory
from factory.django import DjangoModelFactory

from vangnet.begrippen.models import Begrip


class BegripFactory(DjangoModelFactory):
    class Meta:
        model = Begrip
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"test-begrip-{n}")
    term = factory.Sequence(lambda n: f"testbegrip {n}")
    definitie = "Een begrip om mee te testen."
    bron = ["actieplan actie 1.3"]
