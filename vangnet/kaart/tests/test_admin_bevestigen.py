"""Partners confirm their own contact point's facts with one button ("Gegevens bevestigen")."""

from datetime import date

from django.utils import timezone

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from reversion.models import Version

from vangnet.kaart.models import Aanspreekpunt

pytestmark = pytest.mark.django_db


def sfp_punt() -> Aanspreekpunt:
    """The SFP's freelance pool: Bob (SFP) may change it, Charlie (FARO) may not."""
    punt = Aanspreekpunt.objects.get(slug="sfp-freelance-pool")
    assert punt.organisatie.slug == "sociaal-fonds-podiumkunsten"
    return punt


def aanmelden(client, user) -> None:
    """Signed in to /beheer/ as after both factors (password and app code)."""
    toestel, _ = TOTPDevice.objects.get_or_create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = toestel.persistent_id
    session.save()


def url(punt: Aanspreekpunt) -> str:
    return f"/beheer/kaart/aanspreekpunt/{punt.pk}/bevestigen/"


def test_the_change_page_of_a_partners_own_point_has_the_confirm_button(client, bob):
    aanmelden(client, bob)
    html = client.get(f"/beheer/kaart/aanspreekpunt/{sfp_punt().pk}/change/").content.decode()
    assert "Gegevens bevestigen" in html
    assert f'action="{url(sfp_punt())}"' in html


def test_confirming_sets_todays_date_on_the_point_and_its_channels_as_a_revision(client, bob):
    punt = sfp_punt()
    assert punt.kanalen.exists()
    aanmelden(client, bob)
    response = client.post(url(punt))
    assert response.status_code == 302
    vandaag = timezone.localdate()
    punt.refresh_from_db()
    assert punt.gecontroleerd_op == vandaag
    assert all(k.gecontroleerd_op == vandaag for k in punt.kanalen.all())
    versie = Version.objects.get_for_object(punt).first()
    assert versie.revision.user == bob
    assert versie.revision.comment == "Gegevens bevestigd"
    assert versie.field_dict["gecontroleerd_op"] == vandaag


def test_a_partner_of_another_organisation_cannot_confirm_it(client, charlie):
    punt = sfp_punt()
    voor = punt.gecontroleerd_op
    aanmelden(client, charlie)
    assert client.post(url(punt)).status_code == 403
    punt.refresh_from_db()
    assert punt.gecontroleerd_op == voor
    assert not Version.objects.get_for_object(punt).filter(revision__user=charlie).exists()


def test_confirming_needs_a_post(client, bob):
    aanmelden(client, bob)
    assert client.get(url(sfp_punt())).status_code == 405


def test_the_department_can_confirm_any_point(client, alice):
    punt = Aanspreekpunt.objects.get(slug="huisarts")
    Aanspreekpunt.objects.filter(pk=punt.pk).update(gecontroleerd_op=date(2020, 1, 1))
    aanmelden(client, alice)
    client.post(url(punt))
    punt.refresh_from_db()
    assert punt.gecontroleerd_op == timezone.localdate()
