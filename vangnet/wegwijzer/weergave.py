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
from vangnet.wegwijzer.kaartbeeld import Punt
from vangnet.wegwijzer.routing import NietPassend, Route, Stap, vertaald
from vangnet.wegwijzer.vragen import Vraag

NIVEAUS = dict(Niveau.choices)
NU_OPEN = _("nu open")
NU_GESLOTEN = _("nu gesloten")
EERST = _("Eerst, nu meteen")
DAARNA = _("Daarna")
JOUW_STAPPEN = _("Jouw stappen")
NIET_PASSEND = _("Wat niet past, en waarom")
WIJZIG = _("Wijzig")
NAGAAN = _("Vraag dit na bij je eerste contact:")
MISSCHIEN = _("Misschien ook: vraag het eerst na")
MISSCHIEN_UITLEG = _(
    "Van deze aanspreekpunten weten we niet zeker of ze er voor jouw situatie zijn. Dat wil "
    "niet zeggen dat ze er niet voor je zijn: vraag het na bij je eerste contact."
)
BRON = _("bron")


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
    if s.nagaan:
        waarden["nagaan"] = (
            f'<p class="stap__nagaan-kop"><strong>{escape(vertaald(NAGAAN, taal))}</strong></p>'
            '<ul class="stap__nagaan">'
            + "".join(f"<li>{escape(r.in_taal(taal))}</li>" for r in s.nagaan)
            + "</ul>"
        )
    for i, open_nu in enumerate(_open(punt, nu), start=1):
        if open_nu is True:
            waarden[f"open-{i}"] = f' · <span class="open">{escape(vertaald(NU_OPEN, taal))}</span>'
        elif open_nu is False:
            waarden[f"open-{i}"] = (
                f' · <span class="dicht">{escape(vertaald(NU_GESLOTEN, taal))}</span>'
            )
    return vul(kaart, waarden)


_open_per_minuut: dict[tuple[str, int], tuple[bool | None, ...]] = {}


def _open(punt: Punt, nu: datetime) -> tuple[bool | None, ...]:
    """Which of a contact point's channels are open now, worked out once per minute."""
    minuut = int(nu.timestamp() // 60)
    sleutel = (punt.id, minuut)
    staat = _open_per_minuut.get(sleutel)
    if staat is None:
        if len(_open_per_minuut) > 10_000:
            _open_per_minuut.clear()
        # Hours nobody confirmed never become "nu open" or "nu gesloten".
        staat = tuple(
            None if k.onbevestigd else is_open(list(k.uren), k.altijd_open, nu)
            for k in punt.kanalen
        )
        _open_per_minuut[sleutel] = staat
    return staat


def route(r: Route, nu: datetime, versie: int | None = None, kop: int = 2) -> SafeString:
    """The whole route: what to do now, then the steps per level, then what does not fit."""
    taal = get_language() or ""
    dringend = [s for s in r.stappen if s.dringend]
    gewoon = [s for s in r.stappen if not s.dringend and not s.nagaan]
    onzeker = [s for s in r.stappen if not s.dringend and s.nagaan]
    delen: list[str] = []
    if dringend:
        stappen = "".join(stap(s, kop + 1, nu, versie, taal) for s in dringend)
        delen.append(
            '<section aria-labelledby="nu-kop" class="route-deel route-deel--nu">'
            f'<h{kop} id="nu-kop">{escape(vertaald(EERST, taal))}</h{kop}>'
            f'<ol class="route">{stappen}</ol></section>'
        )
    if gewoon:
        titel = vertaald(DAARNA if dringend else JOUW_STAPPEN, taal)
        groepen, nummer = [], len(dringend) + 1
        for label, reeks in _per_niveau(gewoon, taal):
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
    if onzeker:
        nummer = len(dringend) + len(gewoon) + 1
        stappen = "".join(stap(s, kop + 1, nu, versie, taal) for s in onzeker)
        delen.append(
            '<section aria-labelledby="onzeker-kop" class="route-deel route-deel--onzeker">'
            f'<h{kop} id="onzeker-kop">{escape(vertaald(MISSCHIEN, taal))}</h{kop}>'
            f"<p>{escape(vertaald(MISSCHIEN_UITLEG, taal))}</p>"
            f'<ol class="route" start="{nummer}">{stappen}</ol></section>'
        )
    if r.niet_passend:
        delen.append(niet_passend(r.niet_passend, kop, taal))
    return mark_safe("".join(delen))  # noqa: S308 (every value above went through escape)


def _bronnen(n: NietPassend, taal: str) -> str:
    """The sources of an exclusion, one click away (the point's page lists its own)."""
    bronnen = [b for b in n.bron if b.startswith("https://")] or [n.punt.url]
    woord = escape(vertaald(BRON, taal))
    links = ", ".join(
        f'<a href="{escape(b)}" rel="noreferrer">{woord}{f" {i}" if len(bronnen) > 1 else ""}</a>'
        for i, b in enumerate(bronnen, start=1)
    )
    return f" ({links})"


def niet_passend(items: Iterable[NietPassend], kop: int = 2, taal: str = "") -> str:
    regels = "".join(
        f'<li><a href="{escape(n.punt.url)}">{escape(n.punt.naam)}</a>: '
        f"{escape(' '.join(r.in_taal(taal) for r in n.redenen))}{_bronnen(n, taal)}</li>"
        for n in items
    )
    return (
        f'<section aria-labelledby="niet-kop"><h{kop} id="niet-kop">'
        f"{escape(vertaald(NIET_PASSEND, taal))}</h{kop}>"
        f'<ul class="niet-passend">{regels}</ul></section>'
    )


def _per_niveau(stappen: list[Stap], taal: str) -> list[tuple[str, list[Stap]]]:
    groepen: list[tuple[str, list[Stap]]] = []
    for s in stappen:
        label = _hoofdletter(vertaald(NIVEAUS[s.punt.niveau], taal))
        if not groepen or groepen[-1][0] != label:
            groepen.append((label, []))
        groepen[-1][1].append(s)
    return groepen


def antwoorden(rijen: list[tuple[Vraag, list[str]]]) -> SafeString:
    """The rows of the check-answers page, each with its change link."""
    taal = get_language() or ""
    wijzig = escape(vertaald(WIJZIG, taal))
    html = "".join(
        f'<div class="overzicht__rij"><dt>{escape(vertaald(vraag.kort, taal))}</dt>'
        f"<dd>{escape(_hoofdletter(', '.join(labels)))}</dd>"
        f'<dd class="overzicht__actie"><a href="{escape(_wijzig_url(vraag.id))}">{wijzig}'
        f'<span class="visueel-verborgen"> – {escape(vertaald(vraag.kort, taal).lower())}'
        "</span></a></dd></div>"
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
