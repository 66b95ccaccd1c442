"""The public pages of Vangnet, read from the URL conf instead of a list kept by hand.

The crawl test (``test_bereikbaarheid.py``) proves that links reach every public page; the
reflow test (``test_reflow.py``) looks at every one of them on a narrow screen. Both take
the pages from here, so a new page is in both tests the moment it is in ``urls.py``.

Which addresses are pages for people, and which of those are public:

- Only the part of the URL conf under the language prefix (``i18n_patterns``) holds pages
  for people. Outside it are the quick exit (``/weg/``, a redirect), the health check, the
  short address under a QR code (``/m/<id>/``, a redirect), the open-data API and the admin.
- An address **without parameters** is a public page when an anonymous visitor's GET
  gets a page (200, HTML). Those answering 302, 404 or 405 (sign-in required, nothing to
  show without answers, POST only) are not pages of their own. A few that do answer are
  not doors either; ``GEEN_DEUR`` names them with the reason.
- An address **with parameters** is a family of public pages when a content item names it
  through ``get_absolute_url`` (contact points, offering, organisations, terms, the
  receivers that take reports): then every item's page is a public page. Every other
  parameterised address is named in ``GEEN_EIGEN_PAGINA`` with its kind: personal (behind a
  receipt or a sign-in), a file that belongs to a page (a QR code, a poster, a PDF) or a
  step of a form. An address in neither place fails the tests, so nobody adds a page
  without deciding whether people must be able to find it.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.urls.resolvers import LocalePrefixPattern, RoutePattern
from django.utils import translation

TALEN = [code for code, _naam in settings.LANGUAGES]

# Addresses without parameters that answer a visitor with a page, but are no door.
GEEN_DEUR = {
    "meldingen:verstuurd": "where the reporting form leads after sending; on its own it only "
    "says that the receipt was shown already",
    "meldingen:aanmelden": "the handlers' sign-in: handlers come with the link of their "
    "invitation, a reporter must not take it for the way to report",
}

# Parameterised addresses that are not public pages of their own, by kind.
PERSOONLIJK = "personal: behind a receipt or a sign-in"
BESTAND = "a file of a public page (QR code, poster, PDF), linked from that page"
STAP = "a step of a form: reached by answering the step before it"
KORT_ADRES = "a short address printed on a poster, redirecting to a public page"
GEEN_EIGEN_PAGINA = {
    "wegwijzer:vraag": STAP,
    "wegwijzer:kort": KORT_ADRES,
    "quickscan:niveau": STAP,
    "meldingen:dossier": PERSOONLIJK,
    "meldingen:bericht": PERSOONLIJK,
    "meldingen:toestemming": PERSOONLIJK,
    "meldingen:wissen": PERSOONLIJK,
    "meldingen:bijlage": PERSOONLIJK,
    "meldingen:qr-svg": BESTAND,
    "meldingen:qr-png": BESTAND,
    "meldingen:affiche": BESTAND,
    "meldingen:melding": PERSOONLIJK,
    "meldingen:handeling": PERSOONLIJK,
    "meldingen:behandelaar-bijlage": PERSOONLIJK,
    "meldingen:samenvatting": PERSOONLIJK,
    "meldingen:inbox": PERSOONLIJK,
    "meldingen:team": PERSOONLIJK,
    "meldingen:uitnodigen": PERSOONLIJK,
    "meldingen:verwijderen": PERSOONLIJK,
    "meldingen:herstellen": PERSOONLIJK,
    "aanvragen:aanvraag": PERSOONLIJK,
    "aanvragen:klaarzetten": PERSOONLIJK,
    "aanvragen:nieuwe-link": PERSOONLIJK,
    "aanvragen:beslissen": PERSOONLIJK,
    "quickscan:verslag": PERSOONLIJK,
    "quickscan:verslag-pdf": PERSOONLIJK,
    "quickscan:verslag-delen": PERSOONLIJK,
    "quickscan:verslag-intrekken": PERSOONLIJK,
    "quickscan:gedeeld": PERSOONLIJK,
    "monitoring:publiek-export": BESTAND,
    "monitoring:beleid-export": PERSOONLIJK,
    "monitoring:ontvanger": PERSOONLIJK,
    "monitoring:ontvanger-export": PERSOONLIJK,
    "actieplan:actie": PERSOONLIJK,
    "actieplan:vergadering": PERSOONLIJK,
    "actieplan:aanbeveling": PERSOONLIJK,
    # A calendar app's subscription address: the secret in it stands for one account.
    "actieplan:agenda-abonnement-ics": PERSOONLIJK,
}


@dataclass(frozen=True)
class Adres:
    """One address of the language-prefixed URL conf."""

    naam: str  # "kaart:aanspreekpunt"
    route: str  # "kaart/aanspreekpunt/<slug:slug>/"
    met_parameters: bool


def _heeft_parameters(patroon) -> bool:
    if isinstance(patroon, RoutePattern):
        return bool(patroon.converters)
    if isinstance(patroon, LocalePrefixPattern):
        return False
    return patroon.regex.groups > 0


def _doorloop(patronen, namespace: str = "", route: str = "", parameters: bool = False):
    for patroon in patronen:
        met = parameters or _heeft_parameters(patroon.pattern)
        if isinstance(patroon, URLResolver):
            ns = ":".join(filter(None, [namespace, patroon.namespace]))
            yield from _doorloop(patroon.url_patterns, ns, route + str(patroon.pattern), met)
        elif isinstance(patroon, URLPattern) and patroon.name:
            yield Adres(f"{namespace}:{patroon.name}", route + str(patroon.pattern), met)


def adressen() -> list[Adres]:
    """Every named address under the language prefix, in the URL conf's order."""
    for patroon in get_resolver().url_patterns:
        if isinstance(patroon, URLResolver) and isinstance(patroon.pattern, LocalePrefixPattern):
            return list(_doorloop(patroon.url_patterns))
    raise AssertionError("the URL conf has no i18n_patterns")


def families() -> dict[str, list]:
    """Parameterised address name -> the content items whose page it is (by their model's
    ``get_absolute_url``), for every model of Vangnet that has one."""
    uit: dict[str, list] = {}
    for model in apps.get_models():
        if not model.__module__.startswith("vangnet.") or not hasattr(model, "get_absolute_url"):
            continue
        for item in model._default_manager.all():
            match = resolve(item.get_absolute_url())
            uit.setdefault(match.view_name, []).append(item)
    return uit


def _is_pagina(client: Client, pad: str) -> bool:
    antwoord = client.get(pad)
    return antwoord.status_code == 200 and antwoord["Content-Type"].startswith("text/html")


def onbeslist() -> list[str]:
    """Parameterised addresses that are neither a content family nor named in
    ``GEEN_EIGEN_PAGINA``: someone must decide whether they are public."""
    bekend = set(families()) | set(GEEN_EIGEN_PAGINA)
    return [a.naam for a in adressen() if a.met_parameters and a.naam not in bekend]


def verouderd() -> list[str]:
    """Names in ``GEEN_DEUR`` or ``GEEN_EIGEN_PAGINA`` that the URL conf no longer has."""
    namen = {a.naam for a in adressen()}
    return sorted((set(GEEN_DEUR) | set(GEEN_EIGEN_PAGINA)) - namen)


def publieke_paginas(taal: str) -> dict[str, str]:
    """Path -> address name of every public page in ``taal`` (see the module's docstring).

    Asks each address without parameters as an anonymous visitor, so it needs the database.
    """
    client = Client()
    uit: dict[str, str] = {}
    with translation.override(taal):
        for adres in adressen():
            if adres.met_parameters or adres.naam in GEEN_DEUR:
                continue
            pad = reverse(adres.naam)
            if _is_pagina(client, pad):
                uit[pad] = adres.naam
        for naam, items in families().items():
            if naam in GEEN_EIGEN_PAGINA:
                continue
            for item in items:
                pad = item.get_absolute_url()
                if _is_pagina(client, pad):
                    uit[pad] = naam
    return uit


def taal_van(pad: str) -> str:
    """The language of a path of this site (Dutch has no prefix)."""
    eerste = pad.lstrip("/").split("/", 1)[0]
    return eerste if eerste in TALEN and eerste != settings.LANGUAGE_CODE else "nl"
