"""Only the department edits the legal rules."""

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer

pytestmark = pytest.mark.django_db


def test_the_department_edits_the_rules_and_a_partner_does_not(alice, bob):
    assert alice.has_perm("verplichtingen.change_regel")
    assert not bob.has_perm("verplichtingen.change_regel")
    assert not bob.has_perm("verplichtingen.view_regel")


def test_the_department_sees_the_rules_in_the_admin(client, alice):
    meld_aan_in_beheer(client, alice)
    response = client.get("/beheer/verplichtingen/regel/")
    assert response.status_code == 200
    assert "vertrouwenspersoon" in response.content.decode()
