"""Limits on failed attempts (logins, and whatever else a person may only try a few times).

One ``Drempel`` per kind of attempt; all of them count in the same table (``Poging``), so a
limit holds across every app process. An attempt counts from its moment for exactly
``venster``. The logins of the pool and the quickscan have their drempels here; other apps
define theirs next to the code that uses them.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.crypto import salted_hmac

from vangnet.accounts.models import Poging

SOORT_LENGTE = Poging._meta.get_field("soort").max_length


@dataclass(frozen=True)
class Drempel:
    """A limit of `maximum` failed attempts per key within `venster`, shared by every process."""

    soort: str
    maximum: int
    venster: timedelta

    def __post_init__(self) -> None:
        # A soort that does not fit the column would be cut off (or refused) only in production.
        if not 0 < len(self.soort) <= SOORT_LENGTE:
            raise ValueError(f"soort must be 1 to {SOORT_LENGTE} characters: {self.soort!r}")
        if self.maximum < 1 or self.venster <= timedelta(0):
            raise ValueError("a drempel needs a positive maximum and venster")

    def sleutel_voor(self, waarde: str) -> str:
        """The stored key for ``waarde``: an HMAC-SHA256 (hex) keyed with SECRET_KEY and the
        soort, over the stripped, lower-cased value. The table reveals no values, and the same
        value gives unrelated keys in two soorten."""
        return salted_hmac(
            f"vangnet.accounts.drempels:{self.soort}",
            waarde.strip().lower(),
            algorithm="sha256",
        ).hexdigest()

    def _pogingen(self, waarde: str) -> QuerySet[Poging]:
        return Poging.objects.filter(soort=self.soort, sleutel=self.sleutel_voor(waarde))

    def geblokkeerd(self, waarde: str) -> bool:
        """True when ``waarde`` failed ``maximum`` times within the window (a read only:
        checking must not cost a write on every successful login or receipt)."""
        sinds = timezone.now() - self.venster
        return self._pogingen(waarde).filter(tijd__gt=sinds).count() >= self.maximum

    def noteer(self, waarde: str) -> None:
        """Record one failed attempt for ``waarde``.

        Also forgets this soort's attempts older than the window: they are no use to anyone.
        """
        # The same clock as the counting, not the field's default: one notion of "now".
        nu = timezone.now()
        with transaction.atomic():
            Poging.objects.filter(soort=self.soort, tijd__lte=nu - self.venster).delete()
            Poging.objects.create(soort=self.soort, sleutel=self.sleutel_voor(waarde), tijd=nu)

    def vergeet(self, waarde: str) -> None:
        """Forget every attempt for ``waarde`` (after a success)."""
        self._pogingen(waarde).delete()

    def wachttijd(self, waarde: str) -> timedelta:
        """How long until ``waarde`` may try again: until the oldest attempt that still keeps
        the block in place leaves the window. ``timedelta(0)`` when not blocked."""
        nu = timezone.now()
        # With more than `maximum` attempts counted, the block lifts once fewer than
        # `maximum` remain: when the maximum-th newest one leaves the window.
        beslissend = list(
            self._pogingen(waarde)
            .filter(tijd__gt=nu - self.venster)
            .order_by("-tijd")
            .values_list("tijd", flat=True)[self.maximum - 1 : self.maximum]
        )
        if not beslissend:
            return timedelta(0)
        return beslissend[0] + self.venster - nu


POOL_AANMELDEN = Drempel("pool-aanmelden", 5, timedelta(minutes=15))
QUICKSCAN_AANMELDEN = Drempel("quickscan-aanmelden", 5, timedelta(minutes=15))
