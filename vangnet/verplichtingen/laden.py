"""Loading this app's data file (a hook of vangnet.inhoud.loading.EXTRA_BESTANDEN)."""

from typing import Any


def laad(loader: Any, prune: bool) -> None:
    """Placeholder until the app has content."""
