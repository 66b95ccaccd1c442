"""Findings of the pre-launch audit (issue 12) on the reporting channel, each pinned by a
test named after it: cookies, signing in and out, resubmission, database outages."""

from datetime import timedelta

from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from vangnet.meldingen.choices import OntvangerSoort
from vangnet.meldingen.tests.factories import maak_team

pytestmark = pytest.mark.django_db


def festival():
    nu = timezone.now()
    return maak_team(
        "test-festival",
        soort=OntvangerSoort.MELDPUNT_PUBLIEK,
        venster_start=nu - timedelta(hours=2),
        venster_einde=nu + timedelta(hours=2),
    )


# --- Low: the reporter's pages set a CSRF cookie that lasts a year ----------------------------


def test_the_reporters_pages_set_no_csrf_cookie_that_lasts_a_year():
    team = festival()
    client = Client()
    response = client.get(reverse("meldingen:formulier", args=[team.ontvanger.slug]))
    cookie = response.cookies["csrftoken"]
    # A session cookie: no Max-Age, no Expires, gone when the browser closes.
    assert cookie["max-age"] == "" and cookie["expires"] == "", cookie.output()
