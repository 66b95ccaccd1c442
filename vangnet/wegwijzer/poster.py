"""The vangnet poster: the flowchart on the first page, every contact point from the second.

The layout is the templates' (``wegwijzer/poster.html``, ``wegwijzer/poster.css``), laid
out by WeasyPrint (``vangnet.core.drukwerk``, ADR 0014); the words are the flowchart's
(``schema.py``), so the poster tells the same story as the page ``/vangnet/``. This
module only gathers what is printed, checks that the flowchart fits its page, and keeps
the general poster once rendered.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from django.utils.translation import get_language

from vangnet.core import drukwerk
from vangnet.core.qr import qr_vorm
from vangnet.inhoud.versie import huidige
from vangnet.wegwijzer.schema import stroomschema


@dataclass(frozen=True)
class EigenPunt:
    """An organisation's own contact point, filled in on a form."""

    soort: str
    naam: str
    bereik: str


@dataclass(frozen=True)
class Formaat:
    """How a paper size is used: the body text size (every other size is relative to it)
    and the margin the printer needs. A3 is A4 enlarged, text and all."""

    tekst_pt: float
    marge_mm: float


#: 9.5 pt body text on A4 (nothing smaller than 9 pt): readable on a wall from close by.
FORMATEN = {"a4": Formaat(9.5, 10), "a3": Formaat(13.4, 14)}
#: The flowchart fills the first page; the directory begins on the second and takes as many
#: pages as the contact points need (two today, in every language and size).
PAGINAS = 2
#: Rendered general posters kept per process: (content version, language, size, addresses).
#: A handful of PDFs of about 100 kB; a new content version drops them all.
MAX_BEWAARD = 24
_bewaard: dict[tuple, bytes] = {}
_lock = threading.Lock()

logger = logging.getLogger(__name__)


class PosterPastNiet(ValueError):
    """An organisation's own texts push the flowchart past its page at a readable size."""


def inhoud(
    formaat: str,
    *,
    host: str,
    wegwijzer_url: str,
    vangnet_url: str,
    organisatie: str = "",
    eigen_punten: tuple[EigenPunt, ...] = (),
) -> dict[str, object]:
    """Everything the poster's templates print, in the active language.

    ``host`` is printed before Vangnet's short addresses; ``wegwijzer_url`` and
    ``vangnet_url`` are the absolute addresses behind the two QR codes (only what the
    caller puts in them: never anything typed on the form).
    """
    if formaat not in FORMATEN:
        raise ValueError(f"Unknown poster format {formaat!r}; choose one of {sorted(FORMATEN)}")
    return {
        "schema": stroomschema(),
        "formaat": formaat,
        "maat": FORMATEN[formaat],
        "papier": drukwerk.PAPIER[formaat],
        "host": host,
        "organisatie": organisatie,
        "eigen_punten": eigen_punten,
        "wegwijzer_qr": qr_vorm(wegwijzer_url),
        "wegwijzer_kort": wegwijzer_url.split("://", 1)[-1],
        "vangnet_qr": qr_vorm(vangnet_url),
        "vangnet_kort": vangnet_url.split("://", 1)[-1],
    }


def render_pdf(formaat: str, **kwargs: object) -> bytes:
    """The poster as a PDF in the active language (arguments: see ``inhoud``): the
    flowchart on page 1, the directory from page 2 on, over as many pages as it needs.

    Raises ``ValueError`` for an unknown format and ``PosterPastNiet`` when an
    organisation's own texts push the flowchart past its page: nothing is ever cut off
    silently, and the person who typed them can shorten them or choose A3. Without own
    texts the poster is always delivered: should the kaart's data one day make the
    flowchart too long, it goes on over the next page and the error is logged (the tests
    pin that it fits today in every language and size).
    """
    blad = drukwerk.render(
        "wegwijzer/poster.html", "wegwijzer/poster.css", inhoud(formaat, **kwargs)
    )
    gids = blad.ankers.get("gids")
    if gids != 1:
        melding = (
            f"The flowchart needs {gids} pages on {formaat.upper()} instead of one: "
            "shorten the organisation's own texts or choose A3."
        )
        if kwargs.get("organisatie") or kwargs.get("eigen_punten"):
            raise PosterPastNiet(melding)
        logger.error("Vangnet poster: %s", melding)
    return blad.pdf


def algemene_pdf(formaat: str, *, host: str, wegwijzer_url: str, vangnet_url: str) -> bytes:
    """The general poster (no organisation's own texts), rendered once per content version,
    language, size and site address and then kept in memory: WeasyPrint takes seconds for
    it, a kept one is served at once. Nothing personal is part of it."""
    sleutel = (huidige(), get_language(), formaat, host, wegwijzer_url, vangnet_url)
    pdf = _bewaard.get(sleutel)
    if pdf is None:
        pdf = render_pdf(formaat, host=host, wegwijzer_url=wegwijzer_url, vangnet_url=vangnet_url)
        with _lock:
            if len(_bewaard) >= MAX_BEWAARD or any(k[0] != sleutel[0] for k in _bewaard):
                _bewaard.clear()
            _bewaard[sleutel] = pdf
    return pdf


def vergeet() -> None:
    """Drop every kept poster (tests roll the content version back)."""
    with _lock:
        _bewaard.clear()
