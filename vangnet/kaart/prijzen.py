"""Prices in words, the same on every page that shows what an offering costs."""

from __future__ import annotations

from django.utils.translation import gettext as _

from vangnet.kaart.models import Aanbod, Prijs


def prijs_in_woorden(prijs: Prijs | None) -> str:
    """A price in words: "gratis", "750 euro", "vanaf 1.180 euro", or "prijs niet gekend"
    when the kaart knows no price (unknown, which is not the same as not available)."""
    if prijs is None:
        return _("prijs niet gekend")
    if prijs.bedrag == 0 and not prijs.vanaf:  # a from-price of zero is no promise of free
        return _("gratis")
    bedrag = prijs.bedrag
    tekst = f"{bedrag:,.0f}" if bedrag == bedrag.to_integral() else f"{bedrag:,.2f}"
    # Belgian notation: a dot between thousands, a comma before the cents.
    tekst = tekst.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")
    if prijs.vanaf:
        return _("vanaf %(bedrag)s euro") % {"bedrag": tekst}
    return _("%(bedrag)s euro") % {"bedrag": tekst}


def alle_prijzen_in_woorden(aanbod: Aanbod) -> str:
    """Every price row of an offering in words, committees first: "gratis onder PC 304; 750
    euro voor alle anderen". "" when the kaart knows no price. Needs
    ``prijzen__paritair_comite`` prefetched."""
    rijen = list(aanbod.prijzen.all())
    per_pc = sorted(
        (r for r in rijen if r.paritair_comite_id), key=lambda r: r.paritair_comite.slug
    )
    delen = [
        _("%(prijs)s onder PC %(pc)s")
        % {"prijs": prijs_in_woorden(r), "pc": r.paritair_comite.slug}
        for r in per_pc
    ]
    for r in rijen:
        if not r.paritair_comite_id:
            prijs = prijs_in_woorden(r)
            delen.append(_("%(prijs)s voor alle anderen") % {"prijs": prijs} if per_pc else prijs)
    return "; ".join(delen)
