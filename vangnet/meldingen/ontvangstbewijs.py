"""The receipt code: the reporter's only key back to their case.

Twenty random digits in five groups of four: 10^20 ≈ 2^66 possibilities, more than the
64 bits the platform promises, and easy to write down or hide among phone numbers
(GlobaLeaks uses 16 digits). The code itself is never stored. One Argon2id stretch
gives a master secret; two different BLAKE2b labels turn it into

- the *zoeksleutel*, stored, which finds the case, and
- the *ontsleutelsleutel*, never stored, which opens the reporter's private key.

So a copy of the database holds the lookup id but nothing that decrypts
(SecureDrop splits its codename the same way).
"""

import hashlib
import re
import secrets
from dataclasses import dataclass

from django.conf import settings

from vangnet.meldingen import sleutels

CIJFERS = 20
GROEP = 4


@dataclass(frozen=True)
class Afgeleid:
    zoeksleutel: str
    ontsleutelsleutel: bytes


def nieuw() -> str:
    """A fresh receipt, formatted for people: ``1234 5678 9012 3456 7890``."""
    cijfers = f"{secrets.randbelow(10**CIJFERS):0{CIJFERS}d}"
    return opmaak(cijfers)


def opmaak(cijfers: str) -> str:
    return " ".join(cijfers[i : i + GROEP] for i in range(0, len(cijfers), GROEP))


def normaliseer(invoer: str) -> str | None:
    """The twenty digits of what a person typed (spaces, dots and dashes allowed), or None."""
    cijfers = re.sub(r"[\s.\-–]", "", invoer or "")
    if len(cijfers) != CIJFERS or not cijfers.isascii() or not cijfers.isdigit():
        return None
    return cijfers


def _zout() -> bytes:
    # A deployment-wide salt: the lookup must find a case without knowing which one.
    return hashlib.blake2b(
        settings.MELDINGEN_ZOUT.encode(), digest_size=sleutels.ZOUT_BYTES, person=b"vangnet-zout"
    ).digest()


def leid_af(code: str) -> Afgeleid:
    """Derive the lookup id and the decryption key from a receipt (one Argon2id stretch)."""
    cijfers = normaliseer(code)
    if cijfers is None:
        raise ValueError("geen geldig ontvangstbewijs")
    meester = sleutels.argon2id(cijfers.encode(), _zout())
    zoek = hashlib.blake2b(meester, digest_size=32, person=b"vangnet-zoek").hexdigest()
    sleutel = hashlib.blake2b(meester, digest_size=32, person=b"vangnet-sleutel").digest()
    return Afgeleid(zoeksleutel=zoek, ontsleutelsleutel=sleutel)
