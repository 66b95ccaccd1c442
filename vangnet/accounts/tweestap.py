"""Showing an authenticator app's secret to the person who sets it up: as a QR code and as
text in groups of four. Shared by the handlers' and the admin's second-factor enrolment.

The QR code is drawn by a template (``includes/qr.html``); this module only works out the
shape of the dark modules as SVG path data, so no markup is assembled in Python.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

import segno

#: White margin around the code, in modules (the QR standard asks for four).
RAND = 4


@dataclass(frozen=True)
class QrVorm:
    """A QR code as one SVG path of unit squares, with the side of its square canvas."""

    pad: str
    zijde: int


def qr_vorm(inhoud: str) -> QrVorm:
    """The QR code of ``inhoud`` (error correction M), ready for ``includes/qr.html``."""
    qr = segno.make_qr(inhoud, error="m")
    stukken = [
        f"M{x} {y}h1v1h-1z"
        for y, rij in enumerate(qr.matrix_iter(scale=1, border=RAND))
        for x, donker in enumerate(rij)
        if donker
    ]
    return QrVorm("".join(stukken), qr.symbol_size(scale=1, border=RAND)[0])


def geheim_in_groepen(geheim: bytes) -> str:
    """The secret in base32, in groups of four characters, for typing it into an app."""
    tekst = base64.b32encode(geheim).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))
