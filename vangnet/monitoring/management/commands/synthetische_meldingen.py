"""Fill the database with synthetic classified cases for demos and benchmarks.

    manage.py synthetische_meldingen                 # 1,000,000 cases, 3 years; fix quarters
    manage.py synthetische_meldingen --aantal 20000 --jaren 2
    manage.py synthetische_meldingen --verwijder     # remove them again

The cases are made up and marked so: see vangnet/monitoring/synthetisch.py.
"""

import sys
import time
from datetime import timedelta

from django.core.management.base import BaseCommand

from vangnet.monitoring import momentopname, synthetisch


class Voortgang:
    """A progress bar on one line (a plain line per 10 % when the output is not a terminal)."""

    def __init__(self, stdout, titel: str) -> None:
        self.stdout, self.titel, self.begin = stdout, titel, time.monotonic()
        self.terminal = sys.stdout.isatty()
        self.laatste = -1

    def __call__(self, gedaan: int, totaal: int) -> None:
        procent = 100 * gedaan // max(totaal, 1)
        if not self.terminal and procent // 10 == self.laatste // 10 and gedaan < totaal:
            return
        self.laatste = procent
        balk = "#" * (procent // 4) + "-" * (25 - procent // 4)
        duur = time.monotonic() - self.begin
        regel = f"{self.titel} [{balk}] {procent:3d}% {gedaan:,}/{totaal:,} ({duur:.0f} s)"
        self.stdout.write(("\r" + regel) if self.terminal else regel, ending="")
        if gedaan >= totaal or not self.terminal:
            self.stdout.write("")


class Command(BaseCommand):
    help = "Maak synthetische, geclassificeerde meldingen (voor demo's en make bench)."

    def add_arguments(self, parser):
        parser.add_argument("--aantal", type=int, default=1_000_000)
        parser.add_argument("--jaren", type=int, default=3)
        parser.add_argument("--zaad", type=int, default=1)
        parser.add_argument(
            "--zonder-vastleggen", action="store_true", help="leg de voorbije kwartalen niet vast"
        )
        parser.add_argument("--verwijder", action="store_true", help="verwijder ze weer")

    def handle(self, *args, **opties):
        if opties["verwijder"]:
            self.stdout.write(f"{synthetisch.verwijder()} synthetische meldingen verwijderd.")
            return
        gemaakt = synthetisch.maak_meldingen(
            opties["aantal"],
            jaren=opties["jaren"],
            zaad=opties["zaad"],
            voortgang=Voortgang(self.stdout, "meldingen"),
        )
        self.stdout.write(f"{gemaakt:,} synthetische meldingen gemaakt.")
        if not opties["zonder_vastleggen"]:
            balk = Voortgang(self.stdout, "kwartalen vastleggen")
            kwartalen = momentopname.leg_vast(
                wachttijd=timedelta(0),
                voortgang=lambda i, n, _k: balk(i, n),
            )
            self.stdout.write(f"{len(kwartalen)} kwartalen vastgelegd.")
