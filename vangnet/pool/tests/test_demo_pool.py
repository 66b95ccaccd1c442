"""The demo profiles: six, clearly made up, and never real contact details."""

from django.core.management import call_command

import pytest

from vangnet.pool.models import Poollid

pytestmark = pytest.mark.django_db


def test_demo_pool_makes_six_clearly_fictitious_members_once():
    call_command("demo_pool", stdout=None)
    call_command("demo_pool", stdout=None)  # twice: still six
    leden = list(Poollid.objects.filter(demo=True))
    assert len(leden) == 6
    for lid in leden:
        assert lid.naam.startswith("Voorbeeld – ")
        assert lid.actief
        assert all(
            k["waarde"].endswith("@example.org") or k["waarde"].startswith("https://example.org/")
            for k in lid.kanalen
        ), lid.kanalen


def test_demo_pool_can_remove_its_members_and_only_those(django_user_model):
    from vangnet.pool.tests.factories import PoollidFactory

    echt = PoollidFactory()
    call_command("demo_pool", stdout=None)
    call_command("demo_pool", "--verwijder", stdout=None)
    assert list(Poollid.objects.all()) == [echt]


def test_the_demo_profiles_are_labelled_on_the_page(client):
    call_command("demo_pool", stdout=None)
    html = client.get("/vertrouwenspersonen/").content.decode()
    assert html.count("voorbeeldprofiel: deze persoon bestaat niet") == 6


def test_make_run_does_not_make_demo_profiles():
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[3] / "Makefile").read_text()
    assert "demo_pool" not in makefile
