"""Sessions in the admin: the department sees all; a partner only its own offering's."""

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.kaart.models import Aanbod
from vangnet.vorming.tests.factories import SessieFactory

pytestmark = pytest.mark.django_db

LIJST = "/beheer/vorming/sessie/"


@pytest.fixture
def sessies():
    return {
        "sfp": SessieFactory(
            slug="test-sfp", aanbod=Aanbod.objects.get(slug="opleiding-vertrouwenspersoon-sfp")
        ),
        "faro": SessieFactory(
            slug="test-faro", aanbod=Aanbod.objects.get(slug="omstaanderstraining-faro")
        ),
    }


def zichtbaar(client, user) -> set[str]:
    meld_aan_in_beheer(client, user)
    response = client.get(LIJST)
    assert response.status_code == 200
    return {s.slug for s in response.context["cl"].queryset}


def test_the_department_sees_every_session(client, alice, sessies):
    assert zichtbaar(client, alice) >= {"test-sfp", "test-faro"}


def test_a_partner_sees_only_the_sessions_of_its_own_offering(client, bob, charlie, sessies):
    assert zichtbaar(client, bob) == {"test-sfp"}
    assert zichtbaar(client, charlie) == {"test-faro"}


def test_a_partner_cannot_open_another_partners_session(client, bob, sessies):
    meld_aan_in_beheer(client, bob)
    response = client.get(f"{LIJST}{sessies['faro'].pk}/change/")
    assert response.status_code in (302, 404)


def test_a_partner_can_only_date_its_own_trainings(client, bob):
    meld_aan_in_beheer(client, bob)
    response = client.get(f"{LIJST}add/")
    assert response.status_code == 200
    keuzes = set(
        response.context["adminform"].form.fields["aanbod"].queryset.values_list("slug", flat=True)
    )
    assert "opleiding-vertrouwenspersoon-sfp" in keuzes
    assert "omstaanderstraining-faro" not in keuzes


def test_a_session_ending_before_it_starts_is_refused_in_the_form(client, alice):
    meld_aan_in_beheer(client, alice)
    aanbod = Aanbod.objects.get(slug="opleiding-vertrouwenspersoon-sfp")
    response = client.post(
        f"{LIJST}add/",
        {
            "slug": "test-omgekeerd",
            "aanbod": aanbod.pk,
            "start_0": "2031-03-10",
            "start_1": "16:00",
            "einde_0": "2031-03-10",
            "einde_1": "09:00",
            "plaats": "Brussel",
            "bron": '["https://voorbeeld.be"]',
            "onbevestigd": "[]",
        },
    )
    assert response.status_code == 200
    assert "eindigt na het begin" in response.content.decode()
