"""Load the action plan's content (data/*.yaml) into the database, idempotently."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from vangnet.inhoud import dekking
from vangnet.inhoud.loading import EXTRA_BESTANDEN, FILES, ContentError, Loader


class Command(BaseCommand):
    help = "Load organisations, contact points, offering and glossary from data/*.yaml."

    def add_arguments(self, parser):
        parser.add_argument(
            "--data", default=str(settings.DATA_DIR), help="Folder with the YAML files."
        )
        parser.add_argument("--check", action="store_true", help="Validate only; write nothing.")
        parser.add_argument(
            "--prune", action="store_true", help="Delete records no longer in the files."
        )

    def handle(self, *args, data: str, check: bool, prune: bool, verbosity: int, **options):
        show = verbosity > 0

        # On a terminal the counter updates in place; in a log, one line per file.
        live = show and self.stdout.isatty()

        def progress(name: str, done: int, total: int) -> None:
            if live and done < total:
                self.stdout.write(f"\r  {name:<26} {done:>5}/{total}", ending="")
                self.stdout.flush()
            elif show and done == total:
                self.stdout.write(f"\r  {name:<26} {done:>5}/{total}")

        try:
            loader = Loader(Path(data), progress)
            if check:
                loader.check()
                self._warn(loader.warnings, show)
                self._dekking(loader, show, verbosity)
                aantal = len(FILES) + len(EXTRA_BESTANDEN)
                self.stdout.write(self.style.SUCCESS(f"{aantal} files valid."))
                return
            tallies = loader.load(prune=prune)
        except ContentError as error:
            for problem in error.problems:
                self.stderr.write(f"  - {problem}")
            raise CommandError(str(error)) from None
        except FileNotFoundError as error:
            raise CommandError(f"Missing data file: {error.filename}") from None
        self._warn(loader.warnings, show)
        for name, tally in tallies.items():
            line = (
                f"{name}: {tally.created} new, {tally.updated} updated, {tally.unchanged} unchanged"
            )
            if tally.orphans:
                verb = "deleted" if prune else "no longer in the file (use --prune)"
                line += f"; {len(tally.orphans)} {verb}: {', '.join(tally.orphans)}"
            if show:
                self.stdout.write(line)
        self._dekking(loader, show, verbosity)
        if show:
            self.stdout.write(self.style.SUCCESS("Content loaded."))

    def _dekking(self, loader: Loader, show: bool, verbosity: int) -> None:
        """The translated share of the person-facing texts, per file and language.

        With ``-v 2`` every text without a translation is listed.
        """
        if not show:
            return
        metingen = dekking.meet(loader)
        talen = dekking.DOELTALEN
        self.stdout.write(
            "Translated (person-facing texts, the fields in vangnet/inhoud/dekking.py):"
        )
        self.stdout.write(f"  {'file':<26} {'texts':>5}" + "".join(f" {t:>7}" for t in talen))
        totaal = dekking.Dekking("all files")
        for meting in metingen:
            self.stdout.write(self._dekkingsregel(meting, talen))
            totaal.teksten += meting.teksten
            for taal in talen:
                totaal.ontbrekend[taal] += meting.ontbrekend[taal]
        self.stdout.write(self._dekkingsregel(totaal, talen))
        for taal in talen:
            if verbosity > 1:
                for where in totaal.ontbrekend[taal]:
                    self.stdout.write(self.style.WARNING(f"  ! no {taal}: {where}"))
            elif totaal.ontbrekend[taal]:
                self.stdout.write(
                    f"  {len(totaal.ontbrekend[taal])} text(s) without {taal} (list them with -v 2)"
                )

    def _dekkingsregel(self, meting: dekking.Dekking, talen: tuple[str, ...]) -> str:
        cijfers = "".join(f" {meting.procent(taal):>6.1f}%" for taal in talen)
        return f"  {meting.bestand:<26} {meting.teksten:>5}{cijfers}"

    def _warn(self, warnings: list[str], show: bool) -> None:
        """Facts not checked within a year: the content loads, but someone should look."""
        if not (show and warnings):
            return
        self.stdout.write(
            self.style.WARNING(
                f"{len(warnings)} contact point(s) or channel(s) not checked within a year "
                "(gecontroleerd_op):"
            )
        )
        for warning in warnings:
            self.stdout.write(self.style.WARNING(f"  ! {warning}"))
