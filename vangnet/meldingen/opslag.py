"""Where encrypted attachments live: random file names in the ``meldingen`` storage,
written and synced to disk before the report is acknowledged."""

import os
import secrets

from django.core.files.storage import storages


def _map():
    return storages["meldingen"]


def schrijf(data: bytes) -> str:
    """Store encrypted bytes durably under a fresh random name; return the name."""
    opslag = _map()
    naam = secrets.token_hex(16) + ".bin"
    pad = opslag.path(naam)
    os.makedirs(os.path.dirname(pad), mode=0o700, exist_ok=True)
    fd = os.open(pad, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    # The directory entry must reach the disk too, or a crash could lose the file's name.
    map_fd = os.open(os.path.dirname(pad), os.O_RDONLY)
    try:
        os.fsync(map_fd)
    finally:
        os.close(map_fd)
    return naam


def lees(naam: str) -> bytes:
    with _map().open(naam, "rb") as bestand:
        return bestand.read()


def wis(naam: str) -> None:
    """Remove a file; the bytes were encrypted and the key is destroyed with the case."""
    opslag = _map()
    if opslag.exists(naam):
        opslag.delete(naam)
