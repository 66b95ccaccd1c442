"""Who manages the pool: SFP (Bob) and the department (Alice); FARO (Charlie) cannot."""

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.pool.models import Poollid
from vangnet.pool.tests.factories import PoollidFactory

pytestmark = pytest.mark.django_db

LIJST = "/beheer/pool/poollid/"


def nieuw_lid(**velden) -> dict:
    data = {
        "naam": "Testlid Nieuw",
        "gender": "man",
        "talen": ["nl"],
        "beschikbaarheid": "beschikbaar",
        "email": "nieuw@example.org",
        "actief": "on",
    }
    return {**data, **velden}


@pytest.mark.parametrize("wie", ["alice", "bob"])
def test_sfp_and_the_department_add_a_member(request, client, wie):
    meld_aan_in_beheer(client, request.getfixturevalue(wie))
    assert client.get(LIJST).status_code == 200
    response = client.post(LIJST + "add/", nieuw_lid())
    assert response.status_code == 302, response.context["adminform"].form.errors
    lid = Poollid.objects.get(naam="Testlid Nieuw")
    assert lid.actief and lid.kanalen == [{"soort": "email", "waarde": "nieuw@example.org"}]


@pytest.mark.parametrize("wie", ["alice", "bob"])
def test_sfp_and_the_department_take_a_member_out_of_the_pool_and_back(request, client, wie):
    lid = PoollidFactory()
    meld_aan_in_beheer(client, request.getfixturevalue(wie))
    client.post(LIJST, {"action": "haal_uit_pool", "_selected_action": [lid.pk]})
    lid.refresh_from_db()
    assert lid.actief is False
    client.post(LIJST, {"action": "zet_in_pool", "_selected_action": [lid.pk]})
    lid.refresh_from_db()
    assert lid.actief is True


def test_it_refuses_another_partner_everything_of_the_pool(client, charlie):
    lid = PoollidFactory()
    meld_aan_in_beheer(client, charlie)
    assert client.get(LIJST).status_code == 403
    assert client.get(LIJST + "add/").status_code == 403
    assert client.post(LIJST + "add/", nieuw_lid()).status_code == 403
    assert client.get(f"{LIJST}{lid.pk}/change/").status_code == 403
    response = client.post(LIJST, {"action": "haal_uit_pool", "_selected_action": [lid.pk]})
    assert response.status_code == 403
    lid.refresh_from_db()
    assert lid.actief is True
    assert not Poollid.objects.filter(naam="Testlid Nieuw").exists()


def test_the_pool_is_not_in_another_partners_admin_index(client, charlie, bob):
    meld_aan_in_beheer(client, charlie)
    assert "/beheer/pool/" not in client.get("/beheer/").content.decode()
    meld_aan_in_beheer(client, bob)
    assert "/beheer/pool/" in client.get("/beheer/").content.decode()


def test_sfp_does_not_delete_members_but_takes_them_out(client, bob):
    lid = PoollidFactory()
    meld_aan_in_beheer(client, bob)
    assert client.get(f"{LIJST}{lid.pk}/delete/").status_code == 403


def test_the_admin_offers_only_member_logins_never_staff_accounts(client, bob, alice):
    meld_aan_in_beheer(client, bob)
    form = client.get(LIJST + "add/").context["adminform"].form
    keuzes = {str(label) for _, label in form.fields["user"].choices}
    assert "alice" not in keuzes and "bob" not in keuzes
