"""Signed-in clients of every role the action plan's pages know.

``anoniem``; ``hanne``, a beheerder of the receiver ``test-api`` of the reporting channel,
and ``henk``, a plain member of its team (both signed in as handlers, two factors);
``alice``, the department (two factors); ``alice_half``, the same account with a password
only; ``bob``, a partner for SFP; ``charlie``, a partner for FARO; ``sara``, a member of the
stuurgroep (all two factors); ``olga``, an organisation's quickscan account (a password, no
role here).
"""

from django.test import Client

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.meldingen.tests.factories import maak_team, meld_aan

ROLLEN = ("anoniem", "hanne", "henk", "alice", "alice_half", "bob", "charlie", "sara", "olga")


@pytest.fixture
def team(db):
    """The receiver ``test-api``: hanne is its beheerder, henk a handler."""
    return maak_team(leden=("hanne", "henk"), beheerders=("hanne",))


@pytest.fixture
def clients(team, alice, bob, charlie, sara, django_user_model):
    from vangnet.quickscan.models import Organisatieaccount

    uit = {"anoniem": Client()}
    for naam in ("hanne", "henk"):
        uit[naam] = meld_aan(team.leden[naam])
    for rol, user in (("alice", alice), ("bob", bob), ("charlie", charlie), ("sara", sara)):
        uit[rol] = Client()
        meld_aan_in_beheer(uit[rol], user)
    uit["alice_half"] = Client()
    uit["alice_half"].force_login(alice)
    olga = django_user_model.objects.create_user("olga", password="olga-wachtwoord-lang")
    Organisatieaccount.objects.create(user=olga, naam="Theater Olga")
    uit["olga"] = Client()
    uit["olga"].force_login(olga)
    return uit
