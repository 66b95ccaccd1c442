"""Fix the figures of every quarter that is due (run it daily from cron, like the retention).

A quarter is due when it has been over for the waiting time (92 days by default: by then
every case of it is past its 3-month feedback deadline). The retention run fixes the
quarters of the cases it destroys itself, whatever the waiting time.

Then it counts every quarter not fixed yet (the current one, those in their waiting time)
into a provisional snapshot, replacing yesterday's: the department's page reads those
instead of counting every case (they are labelled provisional, with the time they were
taken). ``--alleen-voorlopig`` does only that, e.g. hourly.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from vangnet.monitoring import momentopname


class Command(BaseCommand):
    help = "Leg de cijfers vast van elk kwartaal dat lang genoeg voorbij is."

    def add_arguments(self, parser):
        parser.add_argument(
            "--wachttijd",
            type=int,
            default=momentopname.WACHTTIJD.days,
            help="dagen na het einde van een kwartaal (standaard 92)",
        )
        parser.add_argument(
            "--alleen-voorlopig",
            action="store_true",
            help="tel alleen de kwartalen die nog niet vastliggen opnieuw (voorlopig)",
        )

    def handle(self, *args, **opties):
        def meld(i, n, kwartaal):
            self.stdout.write(f"  {i}/{n} {kwartaal} vastgelegd")

        if not opties["alleen_voorlopig"]:
            kwartalen = momentopname.leg_vast(
                wachttijd=timedelta(days=opties["wachttijd"]), voortgang=meld
            )
            self.stdout.write(f"{len(kwartalen)} kwartalen vastgelegd.")

        def meld_voorlopig(i, n, kwartaal):
            self.stdout.write(f"  {i}/{n} {kwartaal} voorlopig geteld")

        voorlopig = momentopname.neem_voorlopig(voortgang=meld_voorlopig)
        self.stdout.write(f"{len(voorlopig)} kwartalen voorlopig geteld.")
