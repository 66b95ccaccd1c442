"""The JSON shapes of the public API: plain functions from model to dict.

Field names are the data files' own (``doelgroepen``, ``opvolging``, ``bron``), so the API,
the files and the pages speak one vocabulary.
"""

from datetime import datetime

from django.http import HttpRequest

from vangnet.begrippen.models import Begrip
from vangnet.core import vindbaar
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Kanaal, Organisatie, Prijs
from vangnet.kaart.openingsuren import is_open
from vangnet.wegwijzer.antwoorden import Antwoorden
from vangnet.wegwijzer.routing import Route


def _url(request: HttpRequest, obj) -> str:
    return vindbaar.absoluut(request, obj.get_absolute_url())


def kanaal(k: Kanaal) -> dict:
    return {
        "soort": k.soort,
        "waarde": k.waarde,
        "label": k.label or None,
        "uren": k.uren,
        "altijd_open": k.altijd_open,
        "uren_toelichting": k.uren_toelichting or None,
        "bron": k.bron,
        "onbevestigd": k.onbevestigd,
    }


def organisatie_ref(org: Organisatie | None) -> dict | None:
    if org is None:
        return None
    return {"id": org.slug, "naam": org.naam}


def organisatie(request: HttpRequest, org: Organisatie) -> dict:
    return {
        "id": org.slug,
        "naam": org.naam,
        "afkorting": org.afkorting or None,
        "soort": org.soort,
        "beschrijving": org.beschrijving,
        "website": org.website or None,
        "acties": org.acties,
        "url": _url(request, org),
        "bron": org.bron,
        "onbevestigd": org.onbevestigd,
    }


def aanspreekpunt(request: HttpRequest, punt: Aanspreekpunt) -> dict:
    return {
        "id": punt.slug,
        "naam": punt.naam,
        "soort": punt.soort,
        "samenvatting": punt.samenvatting,
        "beschrijving": punt.beschrijving,
        "organisatie": organisatie_ref(punt.organisatie),
        "aanbieders": [organisatie_ref(o) for o in punt.aanbieders.all()],
        "doelgroepen": punt.doelgroepen,
        "perspectieven": punt.perspectieven,
        "gedrag": punt.gedrag,
        "discriminatiegronden": punt.discriminatiegronden,
        "contexten": punt.contexten,
        "sectoren": punt.sectoren,
        "talen": punt.talen,
        "anoniem": punt.anoniem,
        "anoniem_toelichting": punt.anoniem_toelichting or None,
        "kosteloos": punt.kosteloos,
        "kosten": punt.kosten or None,
        "voorwaarden": punt.voorwaarden or None,
        "dringend": punt.dringend,
        "kanalen": [kanaal(k) for k in punt.kanalen.all()],
        "opvolging": punt.opvolging,
        "wie_weet_wat": punt.wie_weet_wat,
        "begrippen": [b.slug for b in punt.begrippen.all()],
        "acties": punt.acties,
        "url": _url(request, punt),
        "bron": punt.bron,
        "onbevestigd": punt.onbevestigd,
    }


def prijs(p: Prijs) -> dict:
    return {
        "paritair_comite": p.paritair_comite.slug if p.paritair_comite_id else None,
        "bedrag": float(p.bedrag),
        "vanaf": p.vanaf,
        "toelichting": p.toelichting or None,
    }


def aanbod(request: HttpRequest, item: Aanbod) -> dict:
    return {
        "id": item.slug,
        "titel": item.titel,
        "soort": item.soort,
        "samenvatting": item.samenvatting,
        "beschrijving": item.beschrijving,
        "aanbieders": [organisatie_ref(o) for o in item.aanbieders.all()],
        "beleidsniveaus": item.beleidsniveaus,
        "doelgroepen": item.doelgroepen,
        "sectoren": item.sectoren,
        "talen": item.talen,
        "duur": item.duur or None,
        "link": item.url or None,
        "kosteloos": item.kosteloos,
        "prijzen": [prijs(p) for p in item.prijzen.all()],
        "begrippen": [b.slug for b in item.begrippen.all()],
        "acties": item.acties,
        "url": _url(request, item),
        "bron": item.bron,
        "onbevestigd": item.onbevestigd,
    }


def begrip(request: HttpRequest, term: Begrip) -> dict:
    return {
        "id": term.slug,
        "term": term.term,
        "definitie": term.definitie,
        "synoniemen": term.synoniemen,
        "verwant": [b.slug for b in term.verwant.all()],
        "url": _url(request, term),
        "bron": term.bron,
    }


def route(request: HttpRequest, antwoorden: Antwoorden, r: Route, nu: datetime) -> dict:
    """A wegwijzer route: the steps in the order to follow them, and what does not fit."""
    return {
        "antwoorden": antwoorden.als_dict(),
        "route": [
            {
                "id": stap.punt.id,
                "naam": stap.punt.naam,
                "niveau": stap.punt.niveau,
                "waarom": [str(reden) for reden in stap.waarom],
                "nagaan": [str(reden) for reden in stap.nagaan],
                "dringend": stap.dringend,
                "anoniem": stap.punt.anoniem,
                "kosteloos": stap.punt.kosteloos,
                "kanalen": [
                    {
                        "soort": k.soort,
                        "waarde": k.waarde,
                        "label": k.label or None,
                        "href": k.href or None,
                        "uren": list(k.uren),
                        "altijd_open": k.altijd_open,
                        "uren_toelichting": k.uren_toelichting or None,
                        "open_nu": None
                        if k.onbevestigd
                        else is_open(list(k.uren), k.altijd_open, nu),
                        "onbevestigd": k.onbevestigd,
                    }
                    for k in stap.punt.kanalen
                ],
                "opvolging": list(stap.punt.opvolging),
                "wie_weet_wat": list(stap.punt.wie_weet_wat),
                "url": vindbaar.absoluut(request, stap.punt.url),
            }
            for stap in r.stappen
        ],
        "niet_passend": [
            {"id": n.punt.id, "naam": n.punt.naam, "waarom": n.waarom, "bron": list(n.bron)}
            for n in r.niet_passend
        ],
    }
