"""Send the queued e-mail notices (meldingen/post.py): once (cron, every minute), or as a
worker that keeps going (``--blijf``). ``--toon`` lists the dead letters and exits 1 when
there are any (for monitoring); ``--opnieuw`` queues them again."""

import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections

from vangnet.meldingen import post


class Command(BaseCommand):
    help = (
        "Verstuur de e-mailberichten die klaarstaan. Zonder opties één ronde (voor cron); "
        "--blijf blijft draaien; --toon toont de opgegeven berichten; --opnieuw zet ze terug."
    )

    def add_arguments(self, parser):
        parser.add_argument("--blijf", action="store_true", help="blijf draaien (een worker)")
        parser.add_argument(
            "--pauze", type=float, default=10.0, help="seconden tussen twee rondes (--blijf)"
        )
        parser.add_argument("--hoogstens", type=int, default=100, help="berichten per ronde")
        parser.add_argument("--toon", action="store_true", help="toon de opgegeven berichten")
        parser.add_argument(
            "--opnieuw",
            nargs="*",
            type=int,
            metavar="ID",
            help="zet opgegeven berichten terug in de wachtrij (alle, of deze ids)",
        )

    def handle(self, *args, **opties):
        if opties["toon"]:
            return self.toon()
        if opties["opnieuw"] is not None:
            aantal = post.opnieuw(opties["opnieuw"])
            self.stdout.write(f"{aantal} berichten opnieuw in de wachtrij.")
            return None
        if not opties["blijf"]:
            self.ronde(opties["hoogstens"])
            return None
        stop = threading.Event()
        for sein in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sein, lambda *_: stop.set())
        while not stop.is_set():
            try:
                ronde = self.ronde(opties["hoogstens"])
            except DatabaseError:
                # The database is away (a restart): wait and try again, as the site does.
                self.stderr.write("databank niet bereikbaar; opnieuw na de pauze")
                close_old_connections()
                ronde = None
            if ronde is None or ronde.verstuurd + ronde.mislukt + ronde.opgegeven == 0:
                stop.wait(opties["pauze"])
        return None

    def ronde(self, hoogstens: int) -> post.Ronde:
        ronde = post.verstuur_wat_klaar_staat(hoogstens)
        if ronde.verstuurd or ronde.mislukt or ronde.opgegeven or self.verbosity > 1:
            self.stdout.write(
                f"verstuurd {ronde.verstuurd}, mislukt {ronde.mislukt} (later opnieuw), "
                f"opgegeven {ronde.opgegeven}; wachtrij {post.wachtend().count()}, "
                f"opgegeven in totaal {post.opgegeven().count()}"
            )
        return ronde

    def toon(self) -> None:
        rijen = list(post.opgegeven().order_by("aangemaakt"))
        wachtend = post.wachtend().count()
        self.stdout.write(f"{wachtend} berichten in de wachtrij, {len(rijen)} opgegeven.")
        for rij in rijen:
            self.stdout.write(
                f"{rij.pk}\t{rij.aangemaakt:%Y-%m-%d %H:%M}\t{rij.pogingen} pogingen\t"
                f"{rij.laatste_fout}\t{rij.onderwerp}"
            )
        if rijen:
            raise CommandError(f"{len(rijen)} opgegeven berichten: zie de lijst hierboven.")
