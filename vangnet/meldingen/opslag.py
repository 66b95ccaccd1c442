"""Where encrypted attachments live: random file names in the ``meldingen`` storage,
written and synced to disk before the report is acknowledged.

Everything goes through Django's storage API (``storages["meldingen"]``, configured in
``STORAGES``), so a deployment can put the attachments on shared or object storage (a
django-storages backend, ``MELDINGEN_OPSLAG`` in docs/deploy.md) without code changes.
On a local disk the default backend, ``DuurzameOpslag``, keeps the promise that a file is on
disk, name and all, before the transaction that refers to it commits.
"""

import os
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, storages


class DuurzameOpslag(FileSystemStorage):
    """A ``FileSystemStorage`` that syncs every file it saves, and the folder that names it,
    to disk before ``save`` returns: a crash or a power cut right after a receipt was shown
    cannot lose an attachment of that report."""

    def _save(self, name: str, content) -> str:
        name = super()._save(name, content)
        pad = self.path(name)
        fd = os.open(pad, os.O_RDONLY)
        try:
            os.fsync(fd)  # the file's data (fsync works on the file, whichever descriptor)
        finally:
            os.close(fd)
        # The directory entry must reach the disk too, or a crash could lose the file's name.
        map_fd = os.open(os.path.dirname(pad), os.O_RDONLY)
        try:
            os.fsync(map_fd)
        finally:
            os.close(map_fd)
        return name


def _map():
    return storages["meldingen"]


def schrijf(data: bytes) -> str:
    """Store encrypted bytes durably under a fresh random name; return the name."""
    return _map().save(secrets.token_hex(16) + ".bin", ContentFile(data))


def lees(naam: str) -> bytes:
    with _map().open(naam, "rb") as bestand:
        return bestand.read()


def wis(naam: str) -> None:
    """Remove a file; the bytes were encrypted and the key is destroyed with the case."""
    opslag = _map()
    if opslag.exists(naam):
        opslag.delete(naam)
