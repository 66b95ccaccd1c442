"""``manage.py maak_reservekopie MAP``: a consistent backup (database, encrypted attachments,
manifest with checksums) as one tar file in MAP. See docs/operations.md."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from vangnet.reservekopie import kopie


class Command(BaseCommand):
    help = "Maak een reservekopie (database en versleutelde bijlagen) in de opgegeven map."

    def add_arguments(self, parser):
        parser.add_argument("map", type=Path, help="map waarin het tar-bestand komt")

    def handle(self, *args, **opties):
        try:
            resultaat = kopie.maak(opties["map"], voortgang=lambda t: self.stderr.write(f"… {t}"))
        except (kopie.OngeldigeKopie, OSError) as fout:
            raise CommandError(f"Geen reservekopie gemaakt: {fout}") from fout
        self.stdout.write(
            f"Reservekopie: {resultaat.pad} ({resultaat.bijlagen} bijlagen, "
            f"{resultaat.bytes / 1e6:.1f} MB)"
        )
