"""``manage.py zet_reservekopie_terug BESTAND``: restore a backup into an empty installation
(same engine, same MELDINGEN_ZOUT), bring it to this code's migrations, and check that every
case finds its attachments. ``--controleer`` only checks the file. See docs/operations.md."""

from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from vangnet.meldingen.models import Bijlage
from vangnet.reservekopie import kopie


class Command(BaseCommand):
    help = "Zet een reservekopie terug in een lege installatie."

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path)
        parser.add_argument(
            "--controleer",
            action="store_true",
            help="controleer alleen de checksums, zet niets terug",
        )

    def handle(self, *args, **opties):
        bestand = opties["bestand"]
        try:
            if opties["controleer"]:
                manifest = kopie.controleer(bestand)
                self.stdout.write(
                    f"In orde: {len(manifest['bestanden'])} bestanden van {manifest['gemaakt']}."
                )
                return
            resultaat = kopie.zet_terug(bestand, voortgang=lambda t: self.stderr.write(f"… {t}"))
        except (kopie.OngeldigeKopie, OSError) as fout:
            raise CommandError(f"Niet teruggezet: {fout}") from fout
        call_command("migrate", "--noinput", verbosity=0)
        ontbrekend = kopie.ontbrekende_bijlagen(
            list(Bijlage.objects.values_list("bestand", flat=True))
        )
        if ontbrekend:
            raise CommandError(
                f"Teruggezet, maar {len(ontbrekend)} bijlagen ontbreken: {ontbrekend[:5]}"
            )
        self.stdout.write(
            f"Teruggezet: {resultaat.pad.name} ({resultaat.bijlagen} bijlagen); elke melding "
            "vindt haar bijlagen."
        )
