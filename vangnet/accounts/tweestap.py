"""Showing an authenticator app's secret to the person who sets it up: as a QR code and as
text in groups of four. Shared by the handlers' and the admin's second-factor enrolment.

The QR code is drawn by a template (``includes/qr.html``) from ``vangnet.core.qr``.
"""

from __future__ import annotations

import base64

from vangnet.core.qr import RAND, QrVorm, qr_vorm

__all__ = ["RAND", "QrVorm", "geheim_in_groepen", "qr_vorm"]


def geheim_in_groepen(geheim: bytes) -> str:
    """The secret in base32, in groups of four characters, for typing it into an app."""
    tekst = base64.b32encode(geheim).decode().rstrip("=")
    return " ".join(tekst[i : i + 4] for i in range(0, len(tekst), 4))
