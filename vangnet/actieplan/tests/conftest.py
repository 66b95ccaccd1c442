"""Signed-in clients of every role the action plan's pages know.

``anoniem``; ``hanne``, a handler of the reporting channel (two factors, no role here);
``alice``, the department (two factors); ``alice_half``, the same account with a password
only; ``bob``, a partner for SFP; ``charlie``, a partner for FARO; ``sara``, a member of the
stuurgroep (all two factors).
"""

from django.test import Client

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.meldingen.tests.factories import maak_team, meld_aan

ROLLEN = ("anoniem", "hanne", "alice", "alice_half", "bob", "charlie", "sara")


@pytest.fixture
def clients(alice, bob, charlie, sara):
    team = maak_team(leden=("hanne",))
    uit = {"anoniem": Client(), "hanne": meld_aan(team.leden["hanne"])}
    for rol, user in (("alice", alice), ("bob", bob), ("charlie", charlie), ("sara", sara)):
        uit[rol] = Client()
        meld_aan_in_beheer(uit[rol], user)
    uit["alice_half"] = Client()
    uit["alice_half"].force_login(alice)
    return uit
