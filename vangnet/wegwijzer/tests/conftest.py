import pytest

from vangnet.wegwijzer.kaartbeeld import Punt, punten


@pytest.fixture
def kaart(db) -> dict[str, Punt]:
    """The contact points of data/aanspreekpunten.yaml, as the router sees them."""
    return dict(punten())
