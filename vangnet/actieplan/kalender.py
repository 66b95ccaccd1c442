"""The meetings of the action plan as an iCalendar feed (RFC 5545), made with ``icalendar``.

Times are in UTC (the ``Z`` form), so no VTIMEZONE is needed; each event's UID is
``vergadering-<pk>@vangnet``, stable, so a calendar that imports the feed again updates
the meeting instead of adding it twice.
"""

from collections.abc import Callable, Iterable
from datetime import UTC, datetime

from django.urls import reverse
from django.utils import timezone

from icalendar import Calendar, Event

from vangnet.actieplan.models import Vergadering

PRODID = "-//Vangnet//Actieplan//NL"
MEDIA_TYPE = "text/calendar; charset=utf-8"


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
