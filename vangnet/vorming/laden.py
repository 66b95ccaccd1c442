"""Loading data/sessies.yaml (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN).

A session is a date of a training that is already on the kaart (``aanbod`` is its id in
data/aanbod.yaml). Dates are never guessed: every session cites the public page (https)
that gives its date. Times without a zone are read as Brussels time.
"""

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from vangnet.inhoud.loading import Loader, Tally, _upsert
from vangnet.inhoud.validation import check_bron
from vangnet.kaart.models import Aanbod
from vangnet.vorming.models import Sessie

BESTAND = "sessies.yaml"
BRUSSEL = ZoneInfo("Europe/Brussels")


def tijdstip(loader: Loader, where: str, name: str, value: Any) -> datetime | None:
    """A date and time from the file (YAML timestamp or ISO 8601 text), made aware."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date) or not isinstance(value, str):
        loader.problems.add(where, f"{name} must be a date with a time, e.g. 2025-03-10T09:30")
        return None
    else:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            loader.problems.add(where, f"{name}: {value!r} is not a date and time (ISO 8601)")
            return None
        if len(value) <= len("2025-03-10"):
            loader.problems.add(where, f"{name} must have a time, e.g. 2025-03-10T09:30")
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BRUSSEL)
    return moment


def laad(loader: Loader, prune: bool) -> None:
    """Validate and upsert every session of data/sessies.yaml."""
    tally = loader.tallies[BESTAND] = Tally()
    aanbod_ids = {str(r.get("id")) for r in loader.records["aanbod.yaml"]}
    slugs: set[str] = set()
    for where, slug, r in loader._each(BESTAND):
        p = loader.problems
        bron = check_bron(p, where, r.get("bron"))
        if bron and not any(entry.startswith("https://") for entry in bron):
            p.add(where, "bron: a session needs the public https:// page that gives its date")
        aanbod_id = str(r.get("aanbod") or "")
        if aanbod_id not in aanbod_ids:
            p.add(where, f"aanbod: unknown aanbod id {aanbod_id!r}")
        start = tijdstip(loader, where, "start", r.get("start"))
        einde = tijdstip(loader, where, "einde", r.get("einde"))
        if start and einde and einde <= start:
            p.add(where, "einde must come after start")
        online = r.get("online", False)
        if online not in (True, False):
            p.add(where, "online must be true or false")
        plaats = str(r.get("plaats") or "").strip()
        if not online and not plaats:
            p.add(where, "plaats is required unless online is true")
        inschrijven = str(r.get("inschrijven") or "")
        if inschrijven and not inschrijven.startswith("https://"):
            p.add(where, "inschrijven must be an https:// link")
        slugs.add(slug)
        if loader.problems:
            continue
        values = {
            "aanbod": Aanbod.objects.get(slug=aanbod_id),
            "start": start,
            "einde": einde,
            "online": bool(online),
            "plaats": plaats,
            "inschrijven": inschrijven,
            "bron": bron,
            "onbevestigd": [str(x) for x in (r.get("onbevestigd") or [])],
        }
        _upsert(Sessie, slug, values, tally)
    if not loader.problems:
        loader._prune(Sessie, BESTAND, slugs, prune)
