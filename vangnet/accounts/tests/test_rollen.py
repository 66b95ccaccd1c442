"""The roles of the action plan's side: the department, the stuurgroep and the partners,
and the one check of both factors for their pages outside the admin (``accounts/toegang.py``).

Alice works at the department, Sara sits in the stuurgroep, Bob writes for SFP.
"""

import io
import re

from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.http import HttpResponse
from django.test import Client
from django.urls import path

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet import urls as vangnet_urls
from vangnet.accounts import roles
from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.accounts.toegang import stuurgroep_vereist
from vangnet.kaart.models import Organisatie
from vangnet.meldingen.tests.factories import code_van

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

ADRES = "/test-stuurgroep/"


@stuurgroep_vereist
def _stuurgroeppagina(request):
    return HttpResponse("voor de stuurgroep")


# The platform's own addresses, plus one page behind the stuurgroep's check.
urlpatterns = [path(ADRES.strip("/") + "/", _stuurgroeppagina), *vangnet_urls.urlpatterns]


def test_the_stuurgroep_role_belongs_to_its_members_and_to_the_department(alice, sara, bob):
    assert roles.is_stuurgroep(sara)
    assert roles.is_stuurgroep(alice)
    assert not roles.is_stuurgroep(bob)
    assert not roles.is_stuurgroep(AnonymousUser())


def test_only_the_department_has_the_department_role(alice, sara, bob):
    assert roles.is_departement(alice)
    assert not roles.is_departement(sara)
    assert not roles.is_departement(bob)


def test_a_partner_writes_for_exactly_its_own_organisations(bob, sara):
    sfp = Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")
    assert roles.partner_organisaties(bob) == {sfp.pk}
    assert roles.is_partner(bob)
    assert roles.partner_organisaties(sara) == set()
    assert not roles.is_partner(sara)
    assert roles.partner_organisaties(AnonymousUser()) == set()


def test_an_inactive_account_has_no_role(sara):
    sara.is_active = False
    sara.save()
    assert not roles.is_stuurgroep(sara)


def test_a_stuurgroep_page_sends_someone_without_both_factors_to_the_sign_in(client, sara):
    antwoord = Client().get(ADRES)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == "/beheer/login/?next=%2Ftest-stuurgroep%2F"
    client.force_login(sara)  # a password only: not enough
    antwoord = client.get(ADRES)
    assert antwoord.status_code == 302
    assert antwoord["Location"].startswith("/beheer/login/")


def test_a_stuurgroep_page_opens_for_a_member_with_both_factors(client, sara):
    meld_aan_in_beheer(client, sara)
    antwoord = client.get(ADRES)
    assert antwoord.status_code == 200
    assert antwoord.content == b"voor de stuurgroep"


def test_a_stuurgroep_page_refuses_a_partner_with_both_factors(client, bob):
    meld_aan_in_beheer(client, bob)
    antwoord = client.get(ADRES)
    assert antwoord.status_code == 403
    assert b"voor de stuurgroep" not in antwoord.content


def test_a_stuurgroep_member_enrols_through_the_one_time_link_and_signs_in_with_both_factors():
    from django.contrib.auth import get_user_model

    uit = io.StringIO()
    call_command("beheerder_uitnodigen", "stijn", "--stuurgroep", "--partner", "faro", stdout=uit)
    link = re.search(r"/beheer/inschrijven/\S+/", uit.getvalue()).group(0)
    stijn = get_user_model().objects.get(username="stijn")
    assert roles.is_stuurgroep(stijn)
    assert roles.partner_organisaties(stijn) == {Organisatie.objects.get(slug="faro").pk}

    browser = Client()
    browser.get(link)
    toestel = TOTPDevice.objects.get(user=stijn, confirmed=False)
    wachtwoord = "stijns-eigen-wachtwoord"
    browser.post(
        link,
        {"new_password1": wachtwoord, "new_password2": wachtwoord, "code": code_van(toestel)},
    )
    assert browser.get(ADRES).status_code == 200

    later = Client()
    antwoord = later.post(
        "/beheer/login/",
        {"username": "stijn", "password": wachtwoord, "code": code_van(toestel), "next": ADRES},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == ADRES
    assert later.get(ADRES).status_code == 200
