"""The meldpunt affiche: a QR code and a printable poster for a public reporting point.

A visitor of a concert, club or festival sees the poster, scans the code and reports on
their phone in under a minute, anonymously if they wish (action 2.5 of the Flemish action
plan against grensoverschrijdend gedrag in the cultural sector). Which receiver, which
address and which window are decided elsewhere and arrive in an ``Affiche``.

The poster is laid out by its templates (``meldingen/affiche.html``, ``affiche.css``) and
WeasyPrint (``vangnet.core.drukwerk``, ADR 0014), with the typeface and ink of the vangnet
poster; the code is drawn by ``includes/qr.html`` from ``vangnet.core.qr``, so the code on
paper is the very same symbol as the one on the screen.
"""

import io
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

import segno

from vangnet.core import drukwerk
from vangnet.core.qr import RAND, qr_vorm

__all__ = ["FORMATEN", "Affiche", "AffichePastNiet", "affiche_pdf", "qr_png", "qr_svg"]


@dataclass(frozen=True)
class Affiche:
    """Everything printed on one meldpunt poster that is not fixed wording.

    ``venster`` is the opening window in words, already in the poster's language ("" for
    a venue that is always open); ``talen`` the languages the form is offered in.
    """

    naam: str
    url: str
    korte_url: str
    venster: str = ""
    talen: tuple[str, ...] = ("nl",)


@dataclass(frozen=True)
class Formaat:
    """How a paper size is used: text size, margin and the width of the code (quiet zone
    excluded). Large enough to read from 2 m on A4: the title's capitals are over 10 mm."""

    tekst_pt: float
    marge_mm: float
    qr_mm: float


FORMATEN = {"a4": Formaat(20, 15, 85), "a5": Formaat(14.1, 10.6, 60)}


class AffichePastNiet(ValueError):
    """The name and window are too long to leave the code its room on one page."""


def _absoluut(url: str) -> str:
    delen = urlsplit(url)
    if delen.scheme not in ("http", "https") or not delen.netloc:
        # A relative address printed on paper leads nowhere.
        raise ValueError(f"A QR code needs an absolute http(s) address, got {url!r}")
    return url


def qr_svg(url: str) -> str:
    """The QR code for ``url`` as an SVG document, also fit to inline in HTML, with a
    ``<title>`` that says where it leads."""
    return render_to_string(
        "includes/qr.html",
        {
            "qr": qr_vorm(_absoluut(url)),
            "qr_titel": _("QR-code naar het meldformulier: %(adres)s") % {"adres": url},
        },
    )


def qr_png(url: str, schaal: int = 10) -> bytes:
    """The QR code for ``url`` as PNG bytes, ``schaal`` pixels per module, quiet zone
    included."""
    buffer = io.BytesIO()
    segno.make_qr(_absoluut(url), error="m").save(
        buffer, kind="png", scale=schaal, border=RAND, dark="#000", light="#fff"
    )
    return buffer.getvalue()


def affiche_pdf(affiche: Affiche, formaat: str = "a4") -> bytes:
    """The poster as a one-page PDF, A4 or A5 portrait, in the active language.

    Raises ``ValueError`` for an unknown format or a relative ``url``, and
    ``AffichePastNiet`` (a ``ValueError``) when the name and window are too long to leave
    room for the code on one page. The same affiche gives the same bytes.
    """
    if formaat not in FORMATEN:
        raise ValueError(f"Unknown poster format {formaat!r}; choose one of {sorted(FORMATEN)}")
    qr = qr_vorm(_absoluut(affiche.url))
    maat = FORMATEN[formaat]
    blad = drukwerk.render(
        "meldingen/affiche.html",
        "meldingen/affiche.css",
        {
            "affiche": affiche,
            "qr": qr,
            # The drawing includes the quiet zone; qr_mm is the code itself.
            "qr_breedte_mm": round(maat.qr_mm * qr.zijde / (qr.zijde - 2 * RAND), 2),
            "maat": maat,
            "papier": drukwerk.PAPIER[formaat],
            "talen": " · ".join(taal.upper() for taal in affiche.talen),
        },
    )
    if blad.paginas > 1:
        raise AffichePastNiet(
            f"The name and window leave no room for a {maat.qr_mm:.0f} mm QR code "
            f"on one {formaat.upper()} page; shorten them."
        )
    return blad.pdf
