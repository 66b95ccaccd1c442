"""The meetings of the action plan as an iCalendar feed (RFC 5545), made with ``icalendar``.

Times are in UTC (the ``Z`` form), so no VTIMEZONE is needed; each event's UID is
``vergadering-<pk>@vangnet``, stable, so a calendar that imports the feed again updates
the meeting instead of adding it twice.
"""

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.urls import reverse
from django.utils import timezone

from icalendar import Calendar, Event

from vangnet.accounts.drempels import Drempel
from vangnet.accounts.roles import is_partner, is_stuurgroep
from vangnet.actieplan.models import Agendasleutel, Vergadering

PRODID = "-//Vangnet//Actieplan//NL"
MEDIA_TYPE = "text/calendar; charset=utf-8"

# A subscription address carries 256 random bits, not guessable; still, wrong ones from one
# network slow down like every other secret on the platform (accounts/drempels.py). A
# calendar app polls its own right address every few hours and never counts.
AGENDASLEUTEL = Drempel(
    "agendasleutel",
    vrij=20,
    eerste_wacht=timedelta(seconds=1),
    max_wacht=timedelta(minutes=1),
    venster=timedelta(hours=1),
)


def _hash(sleutel: str) -> str:
    return hashlib.sha256(sleutel.encode()).hexdigest()


def nieuwe_sleutel(user: AbstractBaseUser) -> str:
    """A new subscription secret for ``user``, replacing the one it had (which stops
    working at once). Shown once; only its hash is kept."""
    sleutel = secrets.token_urlsafe(32)
    nieuw = {"sleutel": _hash(sleutel), "aangemaakt_op": timezone.now(), "laatst_gebruikt": None}
    Agendasleutel.objects.update_or_create(user=user, defaults=nieuw)
    return sleutel


def trek_in(user: AbstractBaseUser) -> None:
    """Revoke ``user``'s subscription address."""
    Agendasleutel.objects.filter(user=user).delete()


def houder(sleutel: str) -> AbstractBaseUser | None:
    """The account a valid subscription secret belongs to, while it may still read the
    meetings (active, and in the stuurgroep or a partner); else None."""
    if not sleutel:
        return None
    gevonden = Agendasleutel.objects.select_related("user").filter(sleutel=_hash(sleutel)).first()
    if gevonden is None:
        return None
    user = gevonden.user
    if not user.is_active or not (is_stuurgroep(user) or is_partner(user)):
        return None
    Agendasleutel.objects.filter(pk=gevonden.pk).update(laatst_gebruikt=timezone.now())
    return user


def feed(
    vergaderingen: Iterable[Vergadering],
    absolute_url: Callable[[str], str],
    naam: str,
    nu: datetime | None = None,
) -> bytes:
    stempel = (nu or timezone.now()).astimezone(UTC)
    kalender = Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("x-wr-calname", naam)
    for v in vergaderingen:
        event = Event()
        event.add("uid", f"vergadering-{v.pk}@vangnet")
        event.add("dtstamp", stempel)
        event.add("dtstart", v.begin.astimezone(UTC))
        event.add("dtend", v.einde.astimezone(UTC))
        event.add("summary", f"{v.get_soort_display().capitalize()}: {v.titel}")
        event.add("categories", [v.soort])
        if v.plaats:
            event.add("location", v.plaats)
        event.add("url", absolute_url(reverse("actieplan:vergadering", args=[v.pk])))
        event.add("description", "\n\n".join(t for t in (v.agenda, v.besluiten) if t))
        kalender.add_component(event)
    return kalender.to_ical()
