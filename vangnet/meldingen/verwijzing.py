"""Which contact points of the kaart take reports on Vangnet itself.

The kaart, the wegwijzer and the pool link a contact point to its reporting form when a
receiver is hosted for it. Saving a receiver raises the content version (apps.py), so
cached pages and this lookup change together.
"""

from vangnet.inhoud import versie
from vangnet.meldingen.models import Ontvanger

_onthouden: dict = {"versie": None, "aanspreekpunten": {}, "poolleden": {}}


def _ververs() -> None:
    huidige = versie.huidige()
    if _onthouden["versie"] == huidige:
        return
    actief = Ontvanger.objects.filter(actief=True)
    _onthouden["aanspreekpunten"] = dict(
        actief.filter(aanspreekpunt__isnull=False).values_list("aanspreekpunt__slug", "slug")
    )
    _onthouden["poolleden"] = dict(
        actief.filter(poollid__isnull=False).values_list("poollid_id", "slug")
    )
    _onthouden["versie"] = huidige


def ontvanger_voor_aanspreekpunt(slug: str) -> str | None:
    """The receiver id hosting the kaart's contact point ``slug``, if any."""
    _ververs()
    return _onthouden["aanspreekpunten"].get(slug)


def ontvanger_voor_poollid(poollid_id: int) -> str | None:
    _ververs()
    return _onthouden["poolleden"].get(poollid_id)


def vergeet() -> None:
    """Forget the lookup (tests roll the database back, and the version with it)."""
    _onthouden["versie"] = None
