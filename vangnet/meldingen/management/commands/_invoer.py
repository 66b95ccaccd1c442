"""Reading secrets at the terminal: never as command-line arguments (they end up in the
shell history and the process list)."""

import getpass
import sys

from django.core.management.base import CommandError


def geheim(vraag: str) -> str:
    """Ask a secret: hidden at a terminal, one line from stdin when piped (cron, scripts)."""
    waarde = getpass.getpass(vraag) if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    if not waarde:
        raise CommandError("Geen waarde gegeven.")
    return waarde
