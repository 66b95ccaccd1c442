"""Named people and steps of the request tests.

- zomerklank is an organisation (a quickscan account) that runs a festival;
- alice works at the department (vangnet/conftest.py) and decides requests;
- greet becomes the first member (and beheerder) of Zomerklank's reporting point.
"""

from django.contrib.auth import get_user_model
from django.test import Client

from vangnet.meldingen.tests.inschrijven import schrijf_in, verstuurde_link
from vangnet.quickscan.models import Organisatieaccount

__all__ = ["aanvraag_gegevens", "organisatie", "schrijf_in", "verstuurde_link"]


def organisatie(naam: str = "zomerklank") -> tuple[Organisatieaccount, Client]:
    user = get_user_model().objects.create_user(naam, password=f"{naam}-wachtwoord-lang")
    account = Organisatieaccount.objects.create(user=user, naam=naam.capitalize())
    client = Client()
    client.force_login(user)
    return account, client


def aanvraag_gegevens(terugval, **anders) -> dict:
    gegevens = {
        "soort": "meldpunt-publiek",
        "naam": "Meldpunt Festival Zomerklank",
        "talen": ["nl", "en"],
        "van": "2027-07-01",
        "tot": "2027-07-04",
        "eerste_lid_naam": "Greet",
        "eerste_lid_email": "greet@example.org",
        "terugval": terugval.pk,
    }
    gegevens.update(anders)
    return gegevens
