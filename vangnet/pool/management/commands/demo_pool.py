"""Six made-up pool members to try the directory out. Never run by `make run`.

Everyone here is fictitious: the names start with "Voorbeeld –", the rows carry
``demo=True`` (the page labels them "voorbeeldprofiel") and the addresses are on
example.org, a domain reserved for examples.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from vangnet.pool.models import Poollid

VOORBEELDEN = [
    {
        "naam": "Voorbeeld – An",
        "gender": "vrouw",
        "voornaamwoorden": "zij/haar",
        "talen": ["nl", "fr"],
        "sectoren": ["circus", "podiumkunsten"],
        "disciplines": ["circus", "dans"],
        "regios": ["brussel", "vlaams-brabant", "online"],
        "beschikbaarheid": "beschikbaar",
        "beschikbaarheid_toelichting": "Vooral overdag.",
    },
    {
        "naam": "Voorbeeld – Bram",
        "gender": "man",
        "voornaamwoorden": "hij/hem",
        "talen": ["nl", "en"],
        "sectoren": ["muziek"],
        "disciplines": ["muziek", "techniek"],
        "regios": ["antwerpen", "limburg"],
        "beschikbaarheid": "beperkt",
        "beschikbaarheid_toelichting": "Weer meer tijd vanaf het voorjaar.",
    },
    {
        "naam": "Voorbeeld – Camille",
        "gender": "non-binair",
        "voornaamwoorden": "hen/die",
        "talen": ["nl", "fr", "en"],
        "sectoren": ["podiumkunsten", "beeldende-kunsten"],
        "disciplines": ["theater", "beeldende-kunst"],
        "regios": ["heel-vlaanderen", "online"],
        "beschikbaarheid": "beschikbaar",
        "beschikbaarheid_toelichting": "",
    },
    {
        "naam": "Voorbeeld – Dries",
        "gender": "man",
        "voornaamwoorden": "",
        "talen": ["nl"],
        "sectoren": ["cultureel-erfgoed", "amateurkunsten"],
        "disciplines": ["erfgoed"],
        "regios": ["west-vlaanderen", "oost-vlaanderen"],
        "beschikbaarheid": "volzet",
        "beschikbaarheid_toelichting": "Nu volzet.",
    },
    {
        "naam": "Voorbeeld – Eline",
        "gender": "vrouw",
        "voornaamwoorden": "",
        "talen": ["nl", "en", "de"],
        "sectoren": ["film-audiovisueel", "media"],
        "disciplines": ["film"],
        "regios": ["oost-vlaanderen", "online"],
        "beschikbaarheid": "beschikbaar",
        "beschikbaarheid_toelichting": "Ook 's avonds.",
    },
    {
        "naam": "Voorbeeld – Farid",
        "gender": "zegt-liever-niet",
        "voornaamwoorden": "",
        "talen": ["fr", "nl"],
        "sectoren": ["literatuur", "podiumkunsten"],
        "disciplines": ["literatuur", "muziektheater"],
        "regios": ["brussel", "henegouwen"],
        "beschikbaarheid": "beschikbaar",
        "beschikbaarheid_toelichting": "",
    },
]


def _voorbeeld(gegevens: dict) -> dict:
    """The full row: a made-up text and example.org channels that lead nowhere."""
    kort = gegevens["naam"].split("–")[-1].strip().lower()
    return {
        **gegevens,
        "voorstelling": "Dit is een verzonnen voorbeeldprofiel. Deze persoon bestaat niet.",
        "kanalen": [
            {"soort": "email", "waarde": f"voorbeeld-{kort}@example.org"},
            {"soort": "formulier", "waarde": f"https://example.org/voorbeeld-{kort}"},
        ],
        "actief": True,
        "demo": True,
    }


class Command(BaseCommand):
    help = "Maakt zes verzonnen voorbeeldprofielen in de pool (om uit te proberen)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--verwijder", action="store_true", help="Verwijder de voorbeeldprofielen."
        )

    @transaction.atomic
    def handle(self, *args, verwijder: bool = False, **options):
        if verwijder:
            aantal, _ = Poollid.objects.filter(demo=True).delete()
            self.stdout.write(f"{aantal} voorbeeldprofielen verwijderd.")
            return
        for gegevens in VOORBEELDEN:
            waarden = _voorbeeld(gegevens)
            Poollid.objects.update_or_create(naam=waarden.pop("naam"), demo=True, defaults=waarden)
        self.stdout.write(f"{len(VOORBEELDEN)} voorbeeldprofielen in de pool.")
