"""Audit finding (issue 12, medium #5): "/beheer/ has no login limit and no second factor."

Thirty wrong passwords for a department account were all answered, then the right one logged
in. Now the admin asks for a code from an authenticator app with the password, every page
needs a session that passed both, guessing meets a limit, and an account is set up through a
one-time link with which the person (not the operator) chooses the password and the app.
"""

import io
import re

from django.core.management import call_command
from django.test import Client, override_settings

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.meldingen.tests.factories import code_van

pytestmark = pytest.mark.django_db

AANMELDEN = "/beheer/login/"
WACHTWOORD = "alice-wachtwoord-lang"


def aanmelden(client: Client, naam: str, wachtwoord: str, code: str):
    return client.post(
        AANMELDEN, {"username": naam, "password": wachtwoord, "code": code, "next": "/beheer/"}
    )


@pytest.fixture
def alice_toestel(alice) -> TOTPDevice:
    return TOTPDevice.objects.create(user=alice, name="alice", confirmed=True)


def test_the_admin_refuses_a_session_that_passed_only_the_password(client, alice):
    client.force_login(alice)  # a password only, no second factor
    response = client.get("/beheer/")
    assert response.status_code == 302
    assert response["Location"].startswith(AANMELDEN)


def test_the_admin_signs_in_with_password_and_app_code(client, alice, alice_toestel):
    response = aanmelden(client, "alice", WACHTWOORD, code_van(alice_toestel))
    assert response.status_code == 302, response.content.decode()
    assert response["Location"] == "/beheer/"
    assert client.get("/beheer/").status_code == 200


def test_a_right_password_with_a_wrong_code_gets_the_same_answer_as_a_wrong_password(
    alice, alice_toestel
):
    goede_code = code_van(alice_toestel)
    foute_code = f"{(int(goede_code) + 1) % 1_000_000:06d}"
    fout_wachtwoord = aanmelden(Client(), "alice", "niet-het-wachtwoord", goede_code)
    foute_code_antwoord = aanmelden(Client(), "alice", WACHTWOORD, foute_code)
    assert fout_wachtwoord.status_code == foute_code_antwoord.status_code == 200
    fouten = [r.context["form"].non_field_errors() for r in (fout_wachtwoord, foute_code_antwoord)]
    assert fouten[0] == fouten[1]
    assert not foute_code_antwoord.wsgi_request.user.is_authenticated


def test_a_password_alone_does_not_sign_in_to_the_admin(client, alice, alice_toestel):
    response = client.post(AANMELDEN, {"username": "alice", "password": WACHTWOORD})
    assert response.status_code == 200
    assert client.get("/beheer/").status_code == 302


def test_the_admin_sign_in_has_a_limit_on_guessing_passwords(client, alice, alice_toestel):
    code = code_van(alice_toestel)
    antwoorden = [
        aanmelden(client, "alice", f"fout-wachtwoord-{n}", code).status_code for n in range(30)
    ]
    # A few mistakes are answered; then the limit answers, without checking anything.
    assert antwoorden[:5] == [200] * 5
    assert 429 in antwoorden
    assert antwoorden[-1] == 429
    # The right password and code do not get through from here while the limit holds.
    response = aanmelden(client, "alice", WACHTWOORD, code_van(alice_toestel))
    assert response.status_code == 429
    assert client.get("/beheer/").status_code == 302


def uitnodigen(*args: str) -> str:
    uit = io.StringIO()
    call_command("beheerder_uitnodigen", *args, stdout=uit)
    return re.search(r"/beheer/inschrijven/\S+/", uit.getvalue()).group(0)


def test_an_admin_enrols_through_a_one_time_link_and_chooses_their_own_password(client):
    from django.contrib.auth import get_user_model

    link = uitnodigen("dora", "--departement")
    dora = get_user_model().objects.get(username="dora")
    # The operator made the account but knows no password: there is none yet.
    assert not dora.has_usable_password()
    assert aanmelden(Client(), "dora", "", "123456").status_code == 200

    pagina = client.get(link)
    assert pagina.status_code == 200
    assert b"<svg" in pagina.content  # the QR code for the app
    toestel = TOTPDevice.objects.get(user=dora, confirmed=False)
    response = client.post(
        link,
        {
            "new_password1": "doras-eigen-wachtwoord",
            "new_password2": "doras-eigen-wachtwoord",
            "code": code_van(toestel),
        },
    )

    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200
    dora.refresh_from_db()
    assert dora.check_password("doras-eigen-wachtwoord")
    assert TOTPDevice.objects.get(user=dora).confirmed
    # The link is spent: whoever tries it next (the operator, say) finds it dead.
    assert Client().get(link).status_code == 404


def test_an_enrolment_link_refuses_a_wrong_code_and_keeps_the_account_unset(client):
    from django.contrib.auth import get_user_model

    link = uitnodigen("eva")
    client.get(link)
    response = client.post(
        link,
        {
            "new_password1": "evas-wachtwoord-1",
            "new_password2": "evas-wachtwoord-1",
            "code": "000000",
        },
    )
    eva = get_user_model().objects.get(username="eva")
    assert response.status_code == 200
    assert not eva.has_usable_password()
    assert not TOTPDevice.objects.filter(user=eva, confirmed=True).exists()
    assert Client().get(link).status_code == 200  # still usable by its owner


def test_a_new_invitation_kills_the_previous_link_and_the_old_device(alice, alice_toestel):
    eerste = uitnodigen("alice")
    tweede = uitnodigen("alice")
    assert Client().get(eerste).status_code == 404
    assert Client().get(tweede).status_code == 200
    assert not TOTPDevice.objects.filter(pk=alice_toestel.pk).exists()


@override_settings(DEBUG=True)
def test_the_demo_department_admin_signs_in_with_the_readme_secret(client):
    from vangnet.accounts.management.commands import demo_beheer

    call_command("demo_beheer", stdout=io.StringIO())
    uit = io.StringIO()
    call_command("demo_beheer", "--code", stdout=uit)
    response = aanmelden(
        client, demo_beheer.GEBRUIKERSNAAM, demo_beheer.WACHTWOORD, uit.getvalue().strip()
    )
    assert response.status_code == 302
    assert client.get("/beheer/kaart/aanbod/").status_code == 200
