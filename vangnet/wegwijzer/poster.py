"""The vangnet poster: the flowchart on the first page, every contact point from the second.

The layout is the templates' (``wegwijzer/poster.html``, ``wegwijzer/poster.css``), laid
out by WeasyPrint (``vangnet.core.drukwerk``, ADR 0014); the words are the flowchart's
(``schema.py``), so the poster tells the same story as the page ``/vangnet/``. This
module only gathers what is printed, checks that the flowchart fits its page, and keeps
every poster once rendered.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import astuple, dataclass

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
#: Rendered posters kept per process, per content version: the general ones by language,
#: size and site address (a handful of PDFs of about 100 kB), an organisation's own ones
#: also by what it filled in (the most recent ones; a poster is asked again when the
#: organisation prints another size or a colleague fills in the same). A new content
#: version drops them all.
MAX_BEWAARD = 24
MAX_EIGEN = 32


class _Bewaard:
    """Rendered PDFs of the current content version, at most ``maximum``, oldest out first.

    Keys start with the content version; a key of a newer version drops every older PDF.
    Kept in the process only (never in a database or on disk): WeasyPrint takes seconds for
    a poster, a kept one is served at once.
    """

    def __init__(self, maximum: int) -> None:
        self.maximum = maximum
        self._pdfs: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def geef(self, sleutel: tuple, maak: Callable[[], bytes]) -> bytes:
        with self._lock:
            pdf = self._pdfs.get(sleutel)
            if pdf is not None:
                self._pdfs.move_to_end(sleutel)
                return pdf
        pdf = maak()  # outside the lock: other posters are served meanwhile
        with self._lock:
            for oud in [k for k in self._pdfs if k[0] != sleutel[0]]:
                del self._pdfs[oud]
            self._pdfs[sleutel] = pdf
            while len(self._pdfs) > self.maximum:
                self._pdfs.popitem(last=False)
        return pdf

    def vergeet(self) -> None:
        with self._lock:
            self._pdfs.clear()


_algemeen = _Bewaard(MAX_BEWAARD)
_eigen = _Bewaard(MAX_EIGEN)

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
    language, size and site address and then kept in memory. Nothing personal is part of it."""
    sleutel = (huidige(), get_language(), formaat, host, wegwijzer_url, vangnet_url)
    return _algemeen.geef(
        sleutel,
        lambda: render_pdf(
            formaat, host=host, wegwijzer_url=wegwijzer_url, vangnet_url=vangnet_url
        ),
    )


def eigen_pdf(
    formaat: str,
    *,
    host: str,
    wegwijzer_url: str,
    vangnet_url: str,
    organisatie: str,
    eigen_punten: tuple[EigenPunt, ...],
) -> bytes:
    """An organisation's own poster, rendered once per content version, language, size,
    site address and what the organisation filled in, then kept in memory like the general
    one (``MAX_EIGEN`` of them, the most recently asked). What was filled in is printed on
    a public poster; it is kept in this process's memory only, under a hash, and dropped
    with the next content version. A poster that does not fit (``PosterPastNiet``) is not
    kept."""
    ingevuld = hashlib.sha256(
        json.dumps([organisatie, [astuple(p) for p in eigen_punten]]).encode()
    ).hexdigest()
    sleutel = (huidige(), get_language(), formaat, host, wegwijzer_url, vangnet_url, ingevuld)
    return _eigen.geef(
        sleutel,
        lambda: render_pdf(
            formaat,
            host=host,
            wegwijzer_url=wegwijzer_url,
            vangnet_url=vangnet_url,
            organisatie=organisatie,
            eigen_punten=eigen_punten,
        ),
    )


def vergeet() -> None:
    """Drop every kept poster (tests roll the content version back)."""
    _algemeen.vergeet()
    _eigen.vergeet()
