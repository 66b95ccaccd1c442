"""The vangnet poster: the flowchart on the first page, every contact point on the second.

The layout is the templates' (``wegwijzer/poster.html``, ``wegwijzer/poster.css``), laid
out by WeasyPrint (``vangnet.core.drukwerk``, ADR 0014); the words are the flowchart's
(``schema.py``), so the poster tells the same story as the page ``/vangnet/``. This
module only gathers what is printed and checks that it fits.
"""

from __future__ import annotations

from dataclasses import dataclass

from vangnet.core import drukwerk
from vangnet.core.qr import qr_vorm
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
#: The flowchart and the directory, one page each.
PAGINAS = 2


class PosterPastNiet(ValueError):
    """The content needs more than the poster's two pages at its readable text size."""


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
    """The poster as a two-page PDF in the active language (arguments: see ``inhoud``).

    Raises ``ValueError`` for an unknown format and ``PosterPastNiet`` when the
    organisation's own text pushes the flowchart past its page: nothing is ever cut off
    silently. The same input gives the same bytes.
    """
    blad = drukwerk.render(
        "wegwijzer/poster.html", "wegwijzer/poster.css", inhoud(formaat, **kwargs)
    )
    if blad.paginas > PAGINAS:
        raise PosterPastNiet(
            f"The poster needs {blad.paginas} pages on {formaat.upper()} instead of "
            f"{PAGINAS}: shorten the organisation's own texts or choose A3."
        )
    return blad.pdf
