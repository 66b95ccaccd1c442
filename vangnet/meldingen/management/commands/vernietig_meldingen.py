"""Retention: destroy the cases whose retention period after closing has passed.

Safe to run from cron as often as you like: a destroyed case is skipped, and each case is
destroyed in its own transaction, so an interrupted run loses nothing and the next run
goes on where it stopped.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from vangnet.meldingen import acties, verzending
from vangnet.meldingen.models import Melding
from vangnet.meldingen.signalen import voor_vernietiging


def te_vernietigen(nu=None):
    """Closed, not yet destroyed, and past their receiver's retention period."""
    nu = nu or timezone.now()
    kandidaten = Melding.objects.filter(
        afgesloten_op__isnull=False, vernietigd_op__isnull=True
    ).select_related("ontvanger")
    return [m for m in kandidaten if m.vernietigen_na and m.vernietigen_na <= nu]


class Command(BaseCommand):
    help = "Vernietig afgesloten meldingen waarvan de bewaartermijn voorbij is."

    def add_arguments(self, parser):
        parser.add_argument("--proef", action="store_true", help="tel alleen, vernietig niets")

    def handle(self, *args, **opties):
        if not opties["proef"]:
            # Used form tokens and receipts that waited too long (verzending.py; reports
            # clear them only now and then, not each one).
            verzending.ruim_op()
        meldingen = te_vernietigen()
        totaal = len(meldingen)
        if opties["proef"]:
            self.stdout.write(f"{totaal} meldingen zouden vernietigd worden.")
            return
        # Whoever keeps figures about these cases (monitoring) takes them now, before the
        # cases are destroyed.
        voor_vernietiging.send(sender=self.__class__, meldingen=meldingen)
        for nummer, melding in enumerate(meldingen, start=1):
            acties.vernietig(melding, reden="bewaartermijn voorbij")
            if opties["verbosity"] >= 1 and (nummer % 50 == 0 or nummer == totaal):
                self.stdout.write(f"  {nummer}/{totaal} vernietigd")
        bewaard = Melding.objects.filter(vernietigd_op__isnull=True).count()
        self.stdout.write(f"{totaal} meldingen vernietigd, {bewaard} bewaard.")
