"""HSDS's ``assured_date``: when the facts of a service were last checked (gecontroleerd_op)."""

from datetime import date

import pytest

from vangnet.api import hsds
from vangnet.api.tests.test_hsds import assert_valid, service
from vangnet.kaart.tests.factories import AanspreekpuntFactory

pytestmark = pytest.mark.django_db


def test_a_checked_contact_point_carries_its_check_date_as_assured_date(client):
    punt = AanspreekpuntFactory(gecontroleerd_op=date(2026, 12, 6))
    data = service(client, hsds.stable_id(f"aanspreekpunt:{punt.slug}"))
    assert_valid("service", data)
    assert data["assured_date"] == "2026-12-06"


def test_an_unchecked_contact_point_has_no_assured_date(client):
    punt = AanspreekpuntFactory(gecontroleerd_op=None)
    data = service(client, hsds.stable_id(f"aanspreekpunt:{punt.slug}"))
    assert "assured_date" not in data
