"""Test helpers for accounts: signing in to the admin as after both factors."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.test import Client

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice


def meld_aan_in_beheer(client: Client, user: AbstractBaseUser) -> TOTPDevice:
    """Sign ``user`` in to /beheer/ as if through password and app code (both factors).

    For tests of what the admin's pages show; the sign-in itself is tested through the real
    page in ``accounts/tests/test_beheer_aanmelden.py``. Gives the user a confirmed device
    when it has none, and returns it.
    """
    toestel = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if toestel is None:
        toestel = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = toestel.persistent_id
    session.save()
    return toestel
