"""Prices in words, the same on every page that shows what an offering costs."""

from __future__ import annotations

from django.utils.translation import gettext as _

from vangnet.kaart.models import Prijs


def prijs_in_woorden(prijs: Prijs | None) -> str:
    """A price in words: "gratis", "750 euro", "vanaf 1.180 euro", or "prijs niet gekend"
    when the kaart knows no price (unknown, which is not the same as not available)."""
    if prijs is None:
        return _("prijs niet gekend")
    if prijs.bedrag == 0:
        return _("gratis")
    bedrag = prijs.bedrag
    tekst = f"{bedrag:,.0f}" if bedrag == bedrag.to_integral() else f"{bedrag:,.2f}"
    # Belgian notation: a dot between thousands, a comma before the cents.
    tekst = tekst.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    if prijs.vanaf:
        return _("vanaf %(bedrag)s euro") % {"bedrag": tekst}
    return _("%(bedrag)s euro") % {"bedrag": tekst}
