"""A partner writes progress only for its own actions, on behalf of its own organisation;
the latest update sets the action's status."""

from datetime import date

from django.core.exceptions import ValidationError

import pytest

from vangnet.actieplan.models import Actie, Voortgang
from vangnet.kaart.models import Organisatie

pytestmark = pytest.mark.django_db


def _post(client, nummer, **velden):
    data = {"datum": "2024-09-01", "status": "lopend", "tekst": "Eerste uitbreiding."}
    data.update(velden)
    return client.post(f"/actieplan/actie/{nummer}/", data)


def test_a_partner_writes_an_update_for_its_own_action_and_sets_its_status(clients):
    sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
    antwoord = _post(clients["bob"], "2.3.c", organisatie=sfp.pk)
    assert antwoord.status_code == 302
    actie = Actie.objects.get(slug="2.3.c")
    assert actie.status == "lopend"
    update = actie.voortgang.get()
    assert (update.organisatie, update.auteur.username) == (sfp, "bob")
    pagina = clients["sara"].get("/actieplan/actie/2.3.c/").content.decode()
    assert "Eerste uitbreiding." in pagina


def test_a_partner_cannot_write_for_an_action_it_is_not_a_partner_of(clients):
    assert _post(clients["bob"], "1.7").status_code == 403
    assert _post(clients["sara"], "2.3.c").status_code == 403  # the stuurgroep reads
    assert _post(clients["alice"], "2.3.c").status_code == 403  # so does the department
    assert not Voortgang.objects.exists()


def test_a_partner_cannot_write_on_behalf_of_another_partner_of_the_action(clients):
    # FARO and SFP both partner 1.5.c; Charlie (FARO) cannot sign as SFP.
    sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
    antwoord = _post(clients["charlie"], "1.5.c", organisatie=sfp.pk)
    assert antwoord.status_code == 200
    assert not Voortgang.objects.exists()


def test_the_model_refuses_an_update_by_someone_outside_the_partners(bob, charlie):
    actie = Actie.objects.get(slug="2.3.c")
    sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
    faro = Organisatie.objects.get(slug="faro")
    with pytest.raises(ValidationError):
        Voortgang(
            actie=actie, organisatie=faro, auteur=charlie, datum=date(2024, 5, 1),
            status="lopend", tekst="x",
        ).save()  # fmt: skip
    with pytest.raises(ValidationError):
        Voortgang(
            actie=actie, organisatie=sfp, auteur=charlie, datum=date(2024, 5, 1),
            status="lopend", tekst="x",
        ).save()  # fmt: skip


def test_the_latest_update_by_date_sets_the_status(bob):
    actie = Actie.objects.get(slug="2.3.c")
    sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
    for datum, status in ((date(2024, 9, 1), "in-gevaar"), (date(2024, 3, 1), "lopend")):
        Voortgang(
            actie=actie, organisatie=sfp, auteur=bob, datum=datum, status=status, tekst="."
        ).save()
    actie.refresh_from_db()
    assert actie.status == "in-gevaar"


def test_the_overview_filters_by_partner_actieterrein_timing_and_status(clients, bob):
    pagina = clients["sara"].get("/actieplan/", {"partner": "opendoek"}).content.decode()
    assert "1.6" in pagina and "2.3.c" not in pagina
    pagina = clients["sara"].get("/actieplan/", {"actieterrein": "3"}).content.decode()
    assert "/actieplan/actie/3.2/" in pagina and "/actieplan/actie/2.2/" not in pagina
    pagina = clients["sara"].get("/actieplan/", {"timing": "2025"}).content.decode()
    assert "/actieplan/actie/1.4.a/" in pagina and "/actieplan/actie/1.4.b/" not in pagina
    sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
    Voortgang(
        actie=Actie.objects.get(slug="2.3.c"), organisatie=sfp, auteur=bob,
        datum=date(2024, 9, 1), status="in-gevaar", tekst="Te weinig kandidaten.",
    ).save()  # fmt: skip
    pagina = clients["sara"].get("/actieplan/", {"status": "in-gevaar"}).content.decode()
    assert "/actieplan/actie/2.3.c/" in pagina and "/actieplan/actie/2.3.a/" not in pagina
    assert "Te weinig kandidaten." in pagina  # the "at risk" box on top
