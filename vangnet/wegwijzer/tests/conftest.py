from django.utils import translation

import pytest

from vangnet.wegwijzer.kaartbeeld import Punt, punten


@pytest.fixture
def kaart(db) -> dict[str, Punt]:
    """The contact points of data/aanspreekpunten.yaml, as the router sees them (in Dutch,
    whatever language an earlier test left active)."""
    with translation.override("nl"):
        return dict(punten())
