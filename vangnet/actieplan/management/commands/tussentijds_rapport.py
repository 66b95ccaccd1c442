"""Write the interim report of the action plan (chapter 3) as HTML and PDF."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.template.loader import render_to_string

from vangnet.actieplan import rapport


class Command(BaseCommand):
    help = "Write the action plan's interim report as HTML and PDF (with progress)."

    def add_arguments(self, parser):
        parser.add_argument("--map", default=".", help="Folder to write the two files to.")

    def handle(self, *args, map: str, verbosity: int, **options):
        def voortgang(deel: str, klaar: int, totaal: int) -> None:
            if verbosity > 0:
                self.stdout.write(f"  [{klaar}/{totaal}] {deel}")

        doel = Path(map)
        doel.mkdir(parents=True, exist_ok=True)
        ctx = rapport.context(voortgang)
        html = doel / "actieplan-tussentijds-rapport.html"
        html.write_text(
            render_to_string("actieplan/rapport_pdf.html", {**ctx, "taal": "nl"}),
            encoding="utf-8",
        )
        pdf = doel / "actieplan-tussentijds-rapport.pdf"
        pdf.write_bytes(rapport.pdf(ctx))
        self.stdout.write(self.style.SUCCESS(f"Written {html} and {pdf}."))
