"""QR codes drawn by a template (``includes/qr.html``): this module only works out the
shape of the dark modules as SVG path data, so no markup is assembled in Python.

One encoder, segno, makes every code on the site and on paper: an authenticator app's
secret, the wegwijzer on a vangnet poster, a reporting point's form on its affiche.
"""

from __future__ import annotations

from dataclasses import dataclass

import segno

#: White margin around the code, in modules (the QR standard asks for four).
RAND = 4


@dataclass(frozen=True)
class QrVorm:
    """A QR code as one SVG path of unit squares, with the side of its square canvas.

    One path: a single filled shape is anti-aliased as a whole, so no viewer shows seams
    between touching modules.
    """

    pad: str
    zijde: int


def qr_vorm(inhoud: str) -> QrVorm:
    """The QR code of ``inhoud``, ready for ``includes/qr.html``.

    Always a full QR code (``make_qr``: many phone cameras cannot read the Micro QR segno
    would pick for a short text), error correction at least M so a scuffed print still
    scans; segno raises the level for free when that does not make the code bigger.
    """
    qr = segno.make_qr(inhoud, error="m")
    stukken = [
        f"M{x} {y}h1v1h-1z"
        for y, rij in enumerate(qr.matrix_iter(scale=1, border=RAND))
        for x, donker in enumerate(rij)
        if donker
    ]
    return QrVorm("".join(stukken), qr.symbol_size(scale=1, border=RAND)[0])
