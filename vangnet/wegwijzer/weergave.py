"""The personal parts of the wegwijzer's pages, as HTML to fill a page shell's holes.

What is the same for everyone (a contact point's card, the page around it) is rendered by
templates once and cached as a shell (``vangnet.core.schil``); what belongs to one person
(the order of the route, the reasons, which answer is ticked) is put together here from
escaped pieces, per request, and never cached.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from vangnet.core.schil import schil, vul
from vangnet.kaart.choices import Niveau
from vangnet.kaart.openingsuren import is_open
from vangnet.wegwijzer.routing import NietPassend, Route, Stap
from vangnet.wegwijzer.vragen import Vraag


def stap(s: Stap, kop: int, nu: datetime) -> SafeString:
    """One step: the contact point's card (cached per point) with this person's reasons."""
    punt = s.punt
    kaart = schil(
        f"stap:{punt.id}:{kop}:{s.dringend}",
        lambda: render_to_string(
            "wegwijzer/_stap.html", {"punt": punt, "kop": kop, "dringend": s.dringend}
        ),
    )
    waarden = {"waarom": format_html_join("", "<li>{}</li>", ((str(r),) for r in s.waarom))}
    for i, kanaal in enumerate(punt.kanalen, start=1):
        open_nu = is_open(list(kanaal.uren), kanaal.altijd_open, nu)
        if open_nu is True:
            waarden[f"open-{i}"] = format_html(' · <span class="open">{}</span>', _("nu open"))
        elif open_nu is False:
            waarden[f"open-{i}"] = format_html(' · <span class="dicht">{}</span>', _("nu gesloten"))
    return mark_safe(vul(kaart, waarden))  # noqa: S308 (escaped above and in the template)


def route(r: Route, nu: datetime, kop: int = 2) -> SafeString:
    """The whole route: what to do now, then the steps per level, then what does not fit."""
    dringend = [s for s in r.stappen if s.dringend]
    gewoon = [s for s in r.stappen if not s.dringend]
    delen: list[str] = []
    if dringend:
        delen.append(
            format_html(
                '<section aria-labelledby="nu-kop" class="route-deel route-deel--nu">'
                '<h{kop} id="nu-kop">{titel}</h{kop}><ol class="route">{stappen}</ol></section>',
                kop=kop,
                titel=_("Eerst, nu meteen"),
                stappen=mark_safe("".join(stap(s, kop + 1, nu) for s in dringend)),  # noqa: S308
            )
        )
    if gewoon:
        titel = _("Daarna") if dringend else _("Jouw stappen")
        groepen, nummer = [], len(dringend) + 1
        for label, stappen in _per_niveau(gewoon):
            groepen.append(
                format_html(
                    '<h{kop} class="route__niveau">{label}</h{kop}>'
                    '<ol class="route" start="{start}">{stappen}</ol>',
                    kop=kop + 1,
                    label=label[:1].upper() + label[1:],
                    start=nummer,
                    stappen=mark_safe("".join(stap(s, kop + 2, nu) for s in stappen)),  # noqa: S308
                )
            )
            nummer += len(stappen)
        delen.append(
            format_html(
                '<section aria-labelledby="route-kop" class="route-deel">'
                '<h{kop} id="route-kop">{titel}</h{kop}>{groepen}</section>',
                kop=kop,
                titel=titel,
                groepen=mark_safe("".join(groepen)),  # noqa: S308
            )
        )
    if r.niet_passend:
        delen.append(niet_passend(r.niet_passend, kop))
    return mark_safe("".join(delen))  # noqa: S308


def niet_passend(items: Iterable[NietPassend], kop: int = 2) -> SafeString:
    return format_html(
        '<section aria-labelledby="niet-kop"><h{kop} id="niet-kop">{titel}</h{kop}>'
        '<ul class="niet-passend">{items}</ul></section>',
        kop=kop,
        titel=_("Wat niet past, en waarom"),
        items=format_html_join(
            "",
            '<li><a href="{}">{}</a>: {}</li>',
            ((n.punt.url, n.punt.naam, n.waarom) for n in items),
        ),
    )


def _per_niveau(stappen: list[Stap]) -> list[tuple[str, list[Stap]]]:
    groepen: list[tuple[str, list[Stap]]] = []
    for s in stappen:
        label = str(Niveau(s.punt.niveau).label)
        if not groepen or groepen[-1][0] != label:
            groepen.append((label, []))
        groepen[-1][1].append(s)
    return groepen


def antwoorden(rijen: list[tuple[Vraag, list[str]]]) -> SafeString:
    """The rows of the check-answers page, each with its change link."""
    wijzig = _("Wijzig")
    return format_html_join(
        "",
        '<div class="overzicht__rij"><dt>{}</dt><dd>{}</dd><dd class="overzicht__actie">'
        '<a href="{}?terug=controleren">{}<span class="visueel-verborgen"> – {}</span></a>'
        "</dd></div>",
        (
            (
                vraag.kort,
                _hoofdletter(", ".join(labels)),
                reverse("wegwijzer:vraag", args=[vraag.id]),
                wijzig,
                str(vraag.kort).lower(),
            )
            for vraag, labels in rijen
        ),
    )


def te_bewaren(vragen: list[Vraag]) -> SafeString:
    """The boxes of the download form: one per question asked, none ticked."""
    return format_html_join(
        "",
        '<div class="vink"><input type="checkbox" id="bewaar-{0}" name="bewaar" value="{0}">'
        '<label for="bewaar-{0}">{1}</label></div>',
        ((v.id, v.kort) for v in vragen),
    )


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]
