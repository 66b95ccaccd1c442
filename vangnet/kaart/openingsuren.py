"""Is a channel open at a given moment? Hours in the data are Belgian local time."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

BRUSSEL = ZoneInfo("Europe/Brussels")
#: Python's weekday() index → the day codes of the data files.
DAGCODES = ("ma", "di", "wo", "do", "vr", "za", "zo")


def is_open(uren: list[dict], altijd_open: bool, moment: datetime) -> bool | None:
    """True or False when the hours say so; None when no hours are known.

    A slot whose ``tot`` is earlier than its ``van`` runs past midnight into the next day.
    """
    if altijd_open:
        return True
    if not uren:
        return None
    lokaal = moment.astimezone(BRUSSEL)
    vandaag = DAGCODES[lokaal.weekday()]
    gisteren = DAGCODES[(lokaal.weekday() - 1) % 7]
    nu = lokaal.strftime("%H:%M")
    for slot in uren:
        van, tot, dagen = slot.get("van", ""), slot.get("tot", ""), slot.get("dagen", [])
        if van <= tot:
            if vandaag in dagen and van <= nu < tot:
                return True
        elif (vandaag in dagen and nu >= van) or (gisteren in dagen and nu < tot):
            return True
    return False
