"""The key hierarchy of the reporting channel, on libsodium (PyNaCl).

- Every case has a random *dossiersleutel* (XSalsa20-Poly1305, ``SecretBox``). The
  report, messages, notes and attachments are encrypted with it.
- That key is sealed (``SealedBox``, X25519) to the public key of every handler of the
  receiver who may see the case, to the receiver's own public key and to the reporter's
  public key.
- A handler's private key is encrypted with a key derived from their password
  (Argon2id), and sealed to their receiver's recovery key.
- The reporter's private key is encrypted with a key derived from the receipt; the
  lookup id is derived from the same Argon2id output with another label, so knowing it
  does not help to decrypt (see ontvangstbewijs.py).

Plaintext is padded to a multiple of a block before encryption, so that the length of
a ciphertext says little about the text.
"""

import json
import struct

from django.conf import settings

import nacl.exceptions
import nacl.pwhash
import nacl.secret
import nacl.utils
from nacl.public import PrivateKey, PublicKey, SealedBox

SLEUTEL_BYTES = nacl.secret.SecretBox.KEY_SIZE
ZOUT_BYTES = nacl.pwhash.argon2id.SALTBYTES
TEKSTBLOK = 256
BESTANDSBLOK = 4096


class OngeldigeSleutel(Exception):
    """A ciphertext did not open with the key given: wrong key or tampered data."""


def nieuwe_sleutel() -> bytes:
    """A fresh random symmetric key."""
    return nacl.utils.random(SLEUTEL_BYTES)


def nieuw_zout() -> bytes:
    return nacl.utils.random(ZOUT_BYTES)


def sleutelpaar() -> tuple[bytes, bytes]:
    """A fresh X25519 key pair as ``(publiek, privé)`` raw bytes."""
    prive = PrivateKey.generate()
    return bytes(prive.public_key), bytes(prive)


def publieke_sleutel_van(prive: bytes) -> bytes:
    """The public half of an X25519 private key."""
    return bytes(PrivateKey(bytes(prive)).public_key)


def _opvullen(data: bytes, blok: int) -> bytes:
    lengte = struct.pack(">I", len(data))
    totaal = len(lengte) + len(data)
    return lengte + data + bytes(-totaal % blok)


def _ontvullen(data: bytes) -> bytes:
    (lengte,) = struct.unpack(">I", data[:4])
    return data[4 : 4 + lengte]


def versleutel(sleutel: bytes, data: bytes, blok: int = TEKSTBLOK) -> bytes:
    """Encrypt and authenticate ``data`` with a symmetric key."""
    return bytes(nacl.secret.SecretBox(sleutel).encrypt(_opvullen(data, blok)))


def ontsleutel(sleutel: bytes, data: bytes) -> bytes:
    """Decrypt what ``versleutel`` made; raises ``OngeldigeSleutel`` on any mismatch."""
    try:
        return _ontvullen(nacl.secret.SecretBox(sleutel).decrypt(bytes(data)))
    except (nacl.exceptions.CryptoError, struct.error) as fout:
        raise OngeldigeSleutel from fout


def versleutel_json(sleutel: bytes, waarde: object) -> bytes:
    return versleutel(sleutel, json.dumps(waarde, ensure_ascii=False).encode())


def ontsleutel_json(sleutel: bytes, data: bytes) -> object:
    return json.loads(ontsleutel(sleutel, data))


def verzegel(publieke_sleutel: bytes, data: bytes) -> bytes:
    """Seal ``data`` so that only the holder of the matching private key can open it."""
    return bytes(SealedBox(PublicKey(bytes(publieke_sleutel))).encrypt(data))


def open_zegel(prive_sleutel: bytes, data: bytes) -> bytes:
    try:
        return bytes(SealedBox(PrivateKey(bytes(prive_sleutel))).decrypt(bytes(data)))
    except nacl.exceptions.CryptoError as fout:
        raise OngeldigeSleutel from fout


def argon2id(geheim: bytes, zout: bytes) -> bytes:
    """A 32-byte key stretched from a secret with the configured Argon2id cost.

    Production uses at least OWASP's minimum (19 MiB, 2 passes); the test profile lowers it
    only to keep the suite fast (pinned by vangnet/meldingen/tests/test_sleutels.py).
    """
    return nacl.pwhash.argon2id.kdf(
        SLEUTEL_BYTES,
        geheim,
        zout,
        opslimit=settings.MELDINGEN_ARGON2_PASSES,
        memlimit=settings.MELDINGEN_ARGON2_GEHEUGEN,
    )


def wachtwoordsleutel(wachtwoord: str, zout: bytes) -> bytes:
    return argon2id(wachtwoord.encode(), zout)
