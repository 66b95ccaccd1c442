"""The personal parts of the wegwijzer's pages, as HTML to fill a page shell's holes.

What is the same for everyone (a contact point's card, the page around it) is rendered by
templates once and kept as a shell (``vangnet.core.schil``); what belongs to one person
(the order of the route, the reasons, which answer is ticked) is put together here from
escaped pieces, per request, and never kept. Plain f-strings with the standard library's
``html.escape`` rather than ``format_html``: this runs on every request, and every value
passes through ``escape``.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from html import escape

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from vangnet.core.schil import schil, vul
from vangnet.kaart.choices import Niveau
from vangnet.kaart.openingsuren import is_open
from vangnet.wegwijzer.routing import NietPassend, Route, Stap, vertaald
from vangnet.wegwijzer.vragen import Vraag

NU_OPEN = _("nu open")
NU_GESLOTEN = _("nu gesloten")
EERST = _("Eerst, nu meteen")
DAARNA = _("Daarna")
JOUW_STAPPEN = _("Jouw stappen")
NIET_PASSEND = _("Wat niet past, en waarom")
WIJZIG = _("Wijzig")


def stap(s: Stap, kop: int, nu: datetime, versie: int | None = None, taal: str = "") -> str:
    """One step: the contact point's card (kept per point) with this person's reasons."""
    punt = s.punt
    kaart = schil(
        f"stap:{punt.id}:{kop}:{s.dringend}",
        lambda: render_to_string(
            "wegwijzer/_stap.html", {"punt": punt, "kop": kop, "dringend": s.dringend}
        ),
        versie,
    )
    waarden = {"waarom": "".join(f"<li>{escape(r.in_taal(taal))}</li>" for r in s.waarom)}
    for i, kanaal in enumerate(punt.kanalen, start=1):
        open_nu = is_open(list(kanaal.uren), kanaal.altijd_open, nu)
        if open_nu is True:
            waarden[f"open-{i}"] = f' · <span class="open">{escape(vertaald(NU_OPEN, taal))}</span>'
        elif open_nu is False:
            waarden[f"open-{i}"] = (
                f' · <span class="dicht">{escape(vertaald(NU_GESLOTEN, taal))}</span>'
            )
    return vul(kaart, waarden)


def route(r: Route, nu: datetime, versie: int | None = None, kop: int = 2) -> SafeString:
    """The whole route: what to do now, then the steps per level, then what does not fit."""
    taal = get_language() or ""
    dringend = [s for s in r.stappen if s.dringend]
    gewoon = [s for s in r.stappen if not s.dringend]
    delen: list[str] = []
    if dringend:
        stappen = "".join(stap(s, kop + 1, nu, versie, taal) for s in dringend)
        delen.append(
            '<section aria-labelledby="nu-kop" class="route-deel route-deel--nu">'
            f'<h{kop} id="nu-kop">{escape(vertaald(EERST))}</h{kop}>'
            f'<ol class="route">{stappen}</ol></section>'
        )
    if gewoon:
        titel = vertaald(DAARNA if dringend else JOUW_STAPPEN)
        groepen, nummer = [], len(dringend) + 1
        for label, reeks in _per_niveau(gewoon):
            stappen = "".join(stap(s, kop + 2, nu, versie, taal) for s in reeks)
            groepen.append(
                f'<h{kop + 1} class="route__niveau">{escape(label)}</h{kop + 1}>'
                f'<ol class="route" start="{nummer}">{stappen}</ol>'
            )
            nummer += len(reeks)
        delen.append(
            '<section aria-labelledby="route-kop" class="route-deel">'
            f'<h{kop} id="route-kop">{escape(titel)}</h{kop}>{"".join(groepen)}</section>'
        )
    if r.niet_passend:
        delen.append(niet_passend(r.niet_passend, kop))
    return mark_safe("".join(delen))  # noqa: S308 (every value above went through escape)


def niet_passend(items: Iterable[NietPassend], kop: int = 2) -> str:
    regels = "".join(
        f'<li><a href="{escape(n.punt.url)}">{escape(n.punt.naam)}</a>: {escape(n.waarom)}</li>'
        for n in items
    )
    return (
        f'<section aria-labelledby="niet-kop"><h{kop} id="niet-kop">'
        f'{escape(vertaald(NIET_PASSEND))}</h{kop}><ul class="niet-passend">{regels}</ul></section>'
    )


def _per_niveau(stappen: list[Stap]) -> list[tuple[str, list[Stap]]]:
    groepen: list[tuple[str, list[Stap]]] = []
    for s in stappen:
        label = _hoofdletter(vertaald(Niveau(s.punt.niveau).label))
        if not groepen or groepen[-1][0] != label:
            groepen.append((label, []))
        groepen[-1][1].append(s)
    return groepen


def antwoorden(rijen: list[tuple[Vraag, list[str]]]) -> SafeString:
    """The rows of the check-answers page, each with its change link."""
    wijzig = escape(vertaald(WIJZIG))
    html = "".join(
        f'<div class="overzicht__rij"><dt>{escape(vertaald(vraag.kort))}</dt>'
        f"<dd>{escape(_hoofdletter(', '.join(labels)))}</dd>"
        f'<dd class="overzicht__actie"><a href="{escape(_wijzig_url(vraag.id))}">{wijzig}'
        f'<span class="visueel-verborgen"> – {escape(vertaald(vraag.kort).lower())}</span></a>'
        "</dd></div>"
        for vraag, labels in rijen
    )
    return mark_safe(html)  # noqa: S308 (every value above went through escape)


def te_bewaren(vragen: list[Vraag]) -> SafeString:
    """The boxes of the download form: one per question asked, none ticked."""
    html = "".join(
        f'<div class="vink"><input type="checkbox" id="bewaar-{v.id}" name="bewaar" '
        f'value="{v.id}"><label for="bewaar-{v.id}">{escape(vertaald(v.kort))}</label></div>'
        for v in vragen
    )
    return mark_safe(html)  # noqa: S308 (ids are code; labels went through escape)


@lru_cache(maxsize=128)
def _wijzig_url_in(vraag_id: str, taal: str) -> str:
    return reverse("wegwijzer:vraag", args=[vraag_id]) + "?terug=controleren"


def _wijzig_url(vraag_id: str) -> str:
    # The address depends only on the question and the language (/fr/, /en/ prefixes).
    return _wijzig_url_in(vraag_id, get_language() or "")


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]
