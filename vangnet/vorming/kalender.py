"""The upcoming sessions as an iCalendar feed (RFC 5545), for a calendar app to subscribe to.

Times are written in UTC (the ``Z`` form of RFC 5545 section 3.3.5), which every calendar
shows in its own zone and which needs no VTIMEZONE. Each event's UID is ``<slug>@vangnet``:
stable, so a subscribed calendar updates an event instead of adding it twice.
"""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from django.utils import timezone

from icalendar import Calendar, Event

from vangnet.vorming.models import Sessie

PRODID = "-//Vangnet//Vorming en sessies//NL"
MEDIA_TYPE = "text/calendar; charset=utf-8"


def feed(
    sessies: Iterable[Sessie],
    absolute_url: Callable[[str], str],
    naam: str,
    nu: datetime | None = None,
) -> bytes:
    """The calendar (bytes, CRLF lines folded at 75 octets) of ``sessies``.

    ``absolute_url`` turns a path into a full URL (``vindbaar.absoluut`` with the request);
    ``nu`` is the DTSTAMP, the moment the feed was made.
    """
    stempel = (nu or timezone.now()).astimezone(UTC)
    kalender = Calendar()
    kalender.add("prodid", PRODID)
    kalender.add("version", "2.0")
    kalender.add("calscale", "GREGORIAN")
    kalender.add("method", "PUBLISH")
    kalender.add("x-wr-calname", naam)
    for sessie in sessies:
        kalender.add_component(_event(sessie, absolute_url, stempel))
    return kalender.to_ical()


def _event(sessie: Sessie, absolute_url: Callable[[str], str], stempel: datetime) -> Event:
    aanbod = sessie.aanbod
    # The sign-up page if there is one, else the training's page on the kaart.
    url = sessie.inschrijven or absolute_url(aanbod.get_absolute_url())
    event = Event()
    event.add("uid", sessie.uid)
    event.add("dtstamp", stempel)
    event.add("dtstart", sessie.start.astimezone(UTC))
    event.add("dtend", sessie.einde.astimezone(UTC))
    event.add("summary", aanbod.titel)
    event.add("url", url)
    if sessie.waar:
        event.add("location", sessie.waar)
    beschrijving = [aanbod.samenvatting, absolute_url(aanbod.get_absolute_url())]
    event.add("description", "\n\n".join(t for t in beschrijving if t))
    return event
