"""The sociale kaart as Open Referral HSDS 3 (Human Services Data Specification).

Version: the entities follow HSDS 3.1 (schema files vendored in ``schemas/hsds/``, see the
README there); only fields that exist since 3.0 are used, except ``service.additional_urls``
(added in 3.1).

Mapping
-------
- ``Organisatie`` -> organization (``afkorting`` -> alternate_name, ``soort`` -> attribute).
- ``Aanspreekpunt`` and ``Aanbod`` -> service. Its organization is the ``organisatie`` of a
  contact point, else its first ``aanbieder`` (alphabetical: the data keeps no order); other
  providers are named in the description. Contact points without any organisation (112, the
  internal vertrouwenspersoon ...) belong to one synthetic organization, "Vangnet (algemene
  aanspreekpunten)", so that every service has an organization_id as HSDS tables require.
- ``Kanaal``: telefoon -> phone (type ``voice``); chat, website, formulier and an e-mail
  channel that is a web address -> virtual location (via service_at_location); post ->
  postal location and bezoek -> physical location, both with the address as text (it is not
  split into HSDS address fields); an e-mail address -> service.email (the first) and a
  contact. ``uren`` -> schedules (freq WEEKLY, byday, opens_at/closes_at in Belgian local
  time), ``altijd_open`` -> every day 00:00-23:59; ``uren_toelichting`` -> schedule
  description. Each schedule names its channel in ``attending_type``.
- ``talen`` -> languages (ISO 639-1); ``opvolging`` -> application_process (numbered steps);
  ``voorwaarden`` -> eligibility_description; ``kosten`` -> fees_description; a free contact
  point -> one cost_option of EUR 0; ``Prijs`` -> cost_option per paritair comité.
- ``wie_weet_wat``, ``anoniem_toelichting``, ``duur`` and the unconfirmed facts
  (``onbevestigd``) -> paragraphs of the description.
- Code lists -> attributes that link taxonomy terms of Vangnet's own taxonomies (one per
  code list of ``vangnet.kaart.choices``, plus ``kenmerk`` for anonymity and urgency). An
  empty ``sectoren`` list means "every sector" and gets no sector attribute.

Identifiers are UUIDs (HSDS requires format ``uuid``) made with ``uuid5`` from a fixed
namespace and a readable key such as ``aanspreekpunt:1712`` or
``aanspreekpunt:1712/kanaal:telefoon:1712``, so they are the same in every run and process.

Endpoints
---------
Lists are HSDS ``Page`` objects. ``/services`` holds the one-to-one fields of each service
plus its organization, as HSDS's ``service_list``; ``?full=true`` gives fully nested
services. ``/organizations/{id}`` gives the organization with its services nested.

Export shape (``export.json``)::

    {
      "version": "3.1", "profile": "...",
      "organizations": [organization + "services": [fully nested service, ...]],
      "taxonomies": [taxonomy, ...],
      "taxonomy_terms": [taxonomy_term, ...]
    }

``organizations`` is HSDS's organization package (a list of fully nested organizations);
services nested in an organization leave out the ``organization`` object they belong to.
"""

import math
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vangnet.core import vindbaar
from vangnet.kaart import choices as c
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Kanaal, Organisatie, Prijs
from vangnet.zoeken.search import Zoekvraag, documents, voorwaarde, zoek

HSDS_VERSION = "3.1"
# No Vangnet profile of HSDS exists; the base specification is the profile.
PROFILE_URL = "https://docs.openreferral.org/en/latest/"
# uuid5(NAMESPACE_URL, "urn:vangnet:hsds"), written out so it can never drift.
NAMESPACE = uuid.UUID("2e53b777-0ee2-54b8-913f-dc54f8da3c76")
CURRENCY = "EUR"
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
DAYS = {"ma": "MO", "di": "TU", "wo": "WE", "do": "TH", "vr": "FR", "za": "SA", "zo": "SU"}
# A colon never occurs in a slug, so this key cannot meet a real organisation's.
GENERAL_ORG_KEY = "organisatie:vangnet:algemeen"


def stable_id(key: str) -> str:
    """The HSDS id of the thing named ``key``: the same in every run and process."""
    return str(uuid.uuid5(NAMESPACE, key))


def _compact(**fields) -> dict:
    """The fields with a value: HSDS types are not nullable, so empty ones are left out."""
    return {k: v for k, v in fields.items() if v is not None and v != ""}


def _paragraphs(*parts: str | None) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def _bullets(title: str, items: Iterable[str]) -> str:
    items = [i for i in items if i]
    return f"{title}\n" + "\n".join(f"- {i}" for i in items) if items else ""


def _number(amount: Decimal) -> int | float:
    # JsonResponse writes a Decimal as a string; HSDS wants a number.
    return int(amount) if amount == amount.to_integral_value() else float(amount)


# -- taxonomies ------------------------------------------------------------------------------


class Kenmerk(models.TextChoices):
    """Facts about a contact point that HSDS has no field for."""

    ANONIEM = "anoniem", gettext_lazy("anoniem mogelijk")
    DRINGEND = "dringend", gettext_lazy("dringende hulp")


@dataclass(frozen=True)
class Taxonomie:
    """One of Vangnet's code lists, published as an HSDS taxonomy."""

    code: str
    naam: str
    beschrijving: str
    keuzes: type[models.TextChoices]

    @property
    def id(self) -> str:
        return stable_id(f"taxonomie:{self.code}")

    def term_id(self, value: str) -> str:
        return stable_id(f"taxonomie:{self.code}/term:{value}")


TAXONOMIES = {
    t.code: t
    for t in (
        Taxonomie(
            "status",
            gettext_lazy("Vangnet: voor wie (statuut)"),
            gettext_lazy("De rol van een persoon waar het gebeurde."),
            c.Status,
        ),
        Taxonomie(
            "perspectief",
            gettext_lazy("Vangnet: vanuit welke positie"),
            gettext_lazy("Van welke kant iemand het gedrag meemaakt."),
            c.Perspectief,
        ),
        Taxonomie(
            "gedrag",
            gettext_lazy("Vangnet: soort gedrag"),
            gettext_lazy("Soorten grensoverschrijdend gedrag."),
            c.Gedrag,
        ),
        Taxonomie(
            "discriminatiegrond",
            gettext_lazy("Vangnet: discriminatiegrond"),
            gettext_lazy("Op grond waarvan iemand gediscrimineerd wordt."),
            c.Discriminatiegrond,
        ),
        Taxonomie(
            "context",
            gettext_lazy("Vangnet: context"),
            gettext_lazy("Waar het gebeurde."),
            c.Context,
        ),
        Taxonomie(
            "sector",
            gettext_lazy("Vangnet: sector"),
            gettext_lazy("Sectoren van de cultuursector. Geen sector: voor elke sector."),
            c.Sector,
        ),
        Taxonomie(
            "beleidsniveau",
            gettext_lazy("Vangnet: beleidsniveau"),
            gettext_lazy("De drie niveaus van de beleidsdriehoek (Grenswijs)."),
            c.Beleidsniveau,
        ),
        Taxonomie(
            "aanbod-doelgroep",
            gettext_lazy("Vangnet: doelgroep van het aanbod"),
            gettext_lazy("Voor wie een aanbod bedoeld is (mensen in een rol)."),
            c.AanbodDoelgroep,
        ),
        Taxonomie(
            "aanspreekpunt-soort",
            gettext_lazy("Vangnet: soort aanspreekpunt"),
            gettext_lazy("Soorten aanspreekpunten van het vangnet."),
            c.AanspreekpuntSoort,
        ),
        Taxonomie(
            "aanbod-soort",
            gettext_lazy("Vangnet: soort aanbod"),
            gettext_lazy("Soorten aanbod: instrumenten, vorming, begeleiding ..."),
            c.AanbodSoort,
        ),
        Taxonomie(
            "organisatie-soort",
            gettext_lazy("Vangnet: soort organisatie"),
            gettext_lazy("Soorten organisaties op de sociale kaart."),
            c.OrganisatieSoort,
        ),
        Taxonomie(
            "kenmerk",
            gettext_lazy("Vangnet: kenmerk"),
            gettext_lazy("Kenmerken van een aanspreekpunt; de waarde is true of false."),
            Kenmerk,
        ),
    )
}

# Which code list each field of a contact point and an offering draws from.
PUNT_FIELDS = (
    ("status", "doelgroepen"),
    ("perspectief", "perspectieven"),
    ("gedrag", "gedrag"),
    ("discriminatiegrond", "discriminatiegronden"),
    ("context", "contexten"),
    ("sector", "sectoren"),
)
AANBOD_FIELDS = (
    ("aanbod-doelgroep", "doelgroepen"),
    ("sector", "sectoren"),
    ("beleidsniveau", "beleidsniveaus"),
)


# Taxonomies are Vangnet's Dutch vocabulary, whatever language the rest of a response is in.
VOCABULARY_LANGUAGE = "nl"


def taxonomy(t: Taxonomie) -> dict:
    """An HSDS taxonomy (in Dutch)."""
    with translation.override(VOCABULARY_LANGUAGE):
        return {"id": t.id, "name": str(t.naam), "description": str(t.beschrijving)}


def taxonomy_term(t: Taxonomie, value: str) -> dict:
    """An HSDS taxonomy_term: ``code`` is Vangnet's value, ``name`` its Dutch label."""
    with translation.override(VOCABULARY_LANGUAGE):
        label = str(t.keuzes(value).label)
        naam = str(t.naam)
    return {
        "id": t.term_id(value),
        "code": value,
        "name": label,
        "description": f"{naam}: {label}",
        "taxonomy": naam,
        "taxonomy_id": t.id,
        "language": VOCABULARY_LANGUAGE,
    }


def _attribute(owner_key: str, entity: str, t: Taxonomie, term: str, **extra: str | None) -> dict:
    """An attribute linking the record ``owner_key`` (an HSDS ``entity``) to a term of ``t``."""
    return _compact(
        id=stable_id(f"{owner_key}/attribute:{t.code}:{term}"),
        link_id=stable_id(owner_key),
        link_type=t.code,
        link_entity=entity,
        taxonomy_term_id=t.term_id(term),
        taxonomy_term=taxonomy_term(t, term),
        **extra,
    )


def _coded_attributes(owner_key: str, entity: str, fields: Iterable[tuple[str, list]]) -> list:
    return [
        _attribute(owner_key, entity, TAXONOMIES[code], value)
        for code, values in fields
        for value in values
    ]


# -- organizations ---------------------------------------------------------------------------


def _org_key(org: Organisatie | None) -> str:
    return f"organisatie:{org.slug}" if org else GENERAL_ORG_KEY


def organization_summary(org: Organisatie | None) -> dict:
    """The one-to-one fields of an organization (HSDS ``organization_list``)."""
    if org is None:
        return {
            "id": stable_id(GENERAL_ORG_KEY),
            "name": _("Vangnet (algemene aanspreekpunten)"),
            "description": _(
                "Aanspreekpunten zonder één vaste organisatie, zoals het noodnummer 112 of "
                "de vertrouwenspersoon in je eigen organisatie. Vangnet lijst ze op; wie ze "
                "aanbiedt, verschilt van geval tot geval."
            ),
        }
    return _compact(
        id=stable_id(_org_key(org)),
        name=org.naam,
        alternate_name=org.afkorting,
        description=org.beschrijving or org.naam,
        website=org.website,
    )


def organization(org: Organisatie | None, services: list[dict] | None = None) -> dict:
    """An organization with its attributes and, when given, its services nested."""
    data = organization_summary(org)
    if org is not None:
        data["attributes"] = [
            _attribute(_org_key(org), "organization", TAXONOMIES["organisatie-soort"], org.soort)
        ]
    if services is not None:
        data["services"] = [{k: v for k, v in s.items() if k != "organization"} for s in services]
    return data


def _provider(obj: Aanspreekpunt | Aanbod) -> Organisatie | None:
    """Who a service belongs to: the organiser, else the first provider, else nobody."""
    if isinstance(obj, Aanspreekpunt) and obj.organisatie_id:
        return obj.organisatie
    aanbieders = list(obj.aanbieders.all())
    return aanbieders[0] if aanbieders else None


def _co_providers(obj: Aanspreekpunt | Aanbod, provider: Organisatie | None) -> str:
    others = [o.naam for o in obj.aanbieders.all() if o != provider]
    return _("Ook aangeboden door: %(namen)s.") % {"namen": ", ".join(others)} if others else ""


# -- channels (kanalen) ----------------------------------------------------------------------


def _kanaal_key(service_key: str, k: Kanaal) -> str:
    # Keyed on content, not position, so reordering the channels keeps their ids.
    return f"{service_key}/kanaal:{k.soort}:{k.waarde}"


def _kanaal_name(k: Kanaal) -> str:
    return k.label or f"{k.get_soort_display()}: {k.waarde}"


def _unconfirmed(k: Kanaal) -> str:
    return _("Niet bevestigd.") if k.onbevestigd else ""


def _is_email(k: Kanaal) -> bool:
    return k.soort == c.KanaalSoort.EMAIL and "@" in k.waarde and "://" not in k.waarde


def _is_web(k: Kanaal) -> bool:
    return k.waarde.startswith(("https://", "http://"))


def _location_type(k: Kanaal) -> str | None:
    if k.soort == c.KanaalSoort.BEZOEK:
        return "physical"
    if k.soort == c.KanaalSoort.POST:
        return "postal"
    if k.soort in (c.KanaalSoort.CHAT, c.KanaalSoort.WEBSITE, c.KanaalSoort.FORMULIER):
        return "virtual" if _is_web(k) else None
    if k.soort == c.KanaalSoort.EMAIL and _is_web(k):
        return "virtual"  # mail through a web form
    return None


def schedules(service_key: str, k: Kanaal, sal_id: str | None = None) -> list[dict]:
    """When a channel is open: one weekly schedule per time slot (times are Belgian time)."""
    service_id = stable_id(service_key)
    key = _kanaal_key(service_key, k)
    common = {
        "service_id": service_id,
        "service_at_location_id": sal_id,
        "attending_type": _kanaal_name(k),
    }
    note = _("Uren in Belgische tijd (Europe/Brussels).")
    if k.altijd_open:
        return [
            _compact(
                id=stable_id(f"{key}/schedule:altijd"),
                freq="WEEKLY",
                byday=ALL_DAYS,
                opens_at="00:00",
                closes_at="23:59",
                description=_paragraphs(_("Dag en nacht bereikbaar."), k.uren_toelichting),
                notes=_unconfirmed(k),
                **common,
            )
        ]
    result = [
        _compact(
            id=stable_id(f"{key}/schedule:{','.join(slot['dagen'])}:{slot['van']}-{slot['tot']}"),
            freq="WEEKLY",
            byday=",".join(DAYS[d] for d in slot["dagen"]),
            opens_at=slot["van"],
            closes_at=slot["tot"],
            description=k.uren_toelichting,
            notes=_paragraphs(note, _unconfirmed(k)),
            **common,
        )
        for slot in k.uren
    ]
    if not result and k.uren_toelichting:
        # Hours only described in words (e.g. "answer within 2 working days").
        result.append(
            _compact(
                id=stable_id(f"{key}/schedule:toelichting"),
                description=k.uren_toelichting,
                **common,
            )
        )
    return result


def phone(service_key: str, k: Kanaal) -> dict:
    """A telephone channel as an HSDS phone."""
    return _compact(
        id=stable_id(_kanaal_key(service_key, k)),
        service_id=stable_id(service_key),
        number=k.waarde,
        type="voice",
        description=_paragraphs(k.label, k.uren_toelichting, _unconfirmed(k)),
    )


def service_at_location(service_key: str, k: Kanaal, location_type: str) -> dict:
    """A channel that is a place (web address, postal or visiting address)."""
    key = _kanaal_key(service_key, k)
    location_id = stable_id(f"{key}/location")
    virtual = location_type == "virtual"
    return _compact(
        id=stable_id(f"{key}/service_at_location"),
        service_id=stable_id(service_key),
        location_id=location_id,
        location=_compact(
            id=location_id,
            location_type=location_type,
            name=_kanaal_name(k),
            url=k.waarde if virtual else None,
            # The address is kept as written: HSDS address fields need a province.
            description=_paragraphs(None if virtual else k.waarde, _unconfirmed(k)),
        ),
    )


def contact(service_key: str, k: Kanaal) -> dict:
    """An e-mail address as an HSDS contact of the service."""
    return _compact(
        id=stable_id(f"{_kanaal_key(service_key, k)}/contact"),
        service_id=stable_id(service_key),
        name=k.label or _("E-mail"),
        email=k.waarde,
    )


def _channels(service_key: str, kanalen: list[Kanaal]) -> dict:
    """The phones, locations, contacts and schedules of a contact point's channels."""
    out: dict[str, list] = {
        "phones": [],
        "schedules": [],
        "service_at_locations": [],
        "contacts": [],
    }
    for k in kanalen:
        sal_id = None
        location_type = _location_type(k)
        if k.soort == c.KanaalSoort.TELEFOON:
            out["phones"].append(phone(service_key, k))
        elif _is_email(k):
            out["contacts"].append(contact(service_key, k))
        elif location_type:
            sal = service_at_location(service_key, k, location_type)
            sal_id = sal["id"]
            out["service_at_locations"].append(sal)
        out["schedules"] += schedules(service_key, k, sal_id)
    return out


# -- services --------------------------------------------------------------------------------


def _languages(service_key: str, talen: list[str]) -> list[dict]:
    return [
        {
            "id": stable_id(f"{service_key}/language:{code}"),
            "service_id": stable_id(service_key),
            "name": str(c.Taal(code).label),
            "code": code,
        }
        for code in talen
    ]


def _page_url(request: HttpRequest, obj: Aanspreekpunt | Aanbod) -> str:
    return vindbaar.absoluut(request, obj.get_absolute_url())


def _urls(service_key: str, own: str | None, page: str) -> dict:
    """``url`` is the service's own site when it has one; the Vangnet page is then extra."""
    if not own:
        return {"url": page}
    return {
        "url": own,
        "additional_urls": [
            {
                "id": stable_id(f"{service_key}/url:vangnet"),
                "service_id": stable_id(service_key),
                "label": "Vangnet",
                "url": page,
            }
        ],
    }


def _unconfirmed_facts(onbevestigd: list[str]) -> str:
    return (
        _("Niet bevestigd: %(feiten)s.") % {"feiten": "; ".join(onbevestigd)} if onbevestigd else ""
    )


def _steps(stappen: list[str]) -> str:
    return "\n".join(f"{i}. {stap}" for i, stap in enumerate(stappen, start=1))


def service_from_aanspreekpunt(request: HttpRequest, punt: Aanspreekpunt) -> dict:
    """A contact point as a fully nested HSDS service."""
    key = f"aanspreekpunt:{punt.slug}"
    provider = _provider(punt)
    kanalen = list(punt.kanalen.all())
    channels = _channels(key, kanalen)
    emails = [k.waarde for k in kanalen if _is_email(k)]
    website = next((k.waarde for k in kanalen if k.soort == "website" and _is_web(k)), None)
    description = _paragraphs(
        punt.samenvatting,
        punt.beschrijving,
        _co_providers(punt, provider),
        _bullets(_("Wie weet wat?"), punt.wie_weet_wat),
        f"{_('Anoniem?')} {punt.anoniem_toelichting}" if punt.anoniem_toelichting else "",
        _unconfirmed_facts(punt.onbevestigd),
    )
    fees = punt.kosten or (_("Gratis.") if punt.kosteloos else "")
    cost_options = []
    if punt.kosteloos:
        cost_options.append(
            _compact(
                id=stable_id(f"{key}/cost_option:gratis"),
                service_id=stable_id(key),
                option=punt.kosten or _("Gratis."),
                amount=0,
                currency=CURRENCY,
            )
        )
    kenmerken = []
    if punt.anoniem is not None:
        kenmerken.append(
            _attribute(
                key,
                "service",
                TAXONOMIES["kenmerk"],
                Kenmerk.ANONIEM,
                value="true" if punt.anoniem else "false",
                label=punt.anoniem_toelichting,
            )
        )
    if punt.dringend:
        kenmerken.append(
            _attribute(key, "service", TAXONOMIES["kenmerk"], Kenmerk.DRINGEND, value="true")
        )
    return _compact(
        id=stable_id(key),
        organization_id=stable_id(_org_key(provider)),
        name=punt.naam,
        description=description,
        **_urls(key, website, _page_url(request, punt)),
        email=emails[0] if emails else None,
        status="active",
        application_process=_steps(punt.opvolging),
        fees_description=fees,
        eligibility_description=punt.voorwaarden,
        # HSDS's own field for "when were these facts last checked".
        assured_date=punt.gecontroleerd_op.isoformat() if punt.gecontroleerd_op else None,
        phones=channels["phones"],
        schedules=channels["schedules"],
        service_at_locations=channels["service_at_locations"],
        languages=_languages(key, punt.talen),
        organization=organization_summary(provider),
        cost_options=cost_options,
        contacts=channels["contacts"],
        attributes=[
            _attribute(key, "service", TAXONOMIES["aanspreekpunt-soort"], punt.soort),
            *_coded_attributes(
                key, "service", ((code, getattr(punt, f)) for code, f in PUNT_FIELDS)
            ),
            *kenmerken,
        ],
    )


def _pc_option(prijs: Prijs) -> str:
    pc = prijs.paritair_comite
    if pc is None:
        return _("Voor alle andere deelnemers")
    return _("Voor deelnemers onder paritair comité %(nummer)s (%(naam)s)") % {
        "nummer": pc.slug,
        "naam": pc.naam,
    }


def _euro(prijs: Prijs) -> str:
    if prijs.gratis:
        return _("gratis")
    bedrag = f"€ {_number(prijs.bedrag)}"
    return _("vanaf %(bedrag)s") % {"bedrag": bedrag} if prijs.vanaf else bedrag


def cost_option(aanbod_key: str, prijs: Prijs) -> dict:
    """What one group of participants pays: the paritair comité is named in ``option``."""
    pc = prijs.paritair_comite.slug if prijs.paritair_comite_id else "anderen"
    per = _("Per deelnemer.")
    return _compact(
        id=stable_id(f"{aanbod_key}/cost_option:pc:{pc}"),
        service_id=stable_id(aanbod_key),
        option=_pc_option(prijs),
        amount=_number(prijs.bedrag),
        currency=CURRENCY,
        amount_description=_paragraphs(
            _("Vanaf-prijs.") if prijs.vanaf else "", per, prijs.toelichting
        ),
    )


def service_from_aanbod(request: HttpRequest, item: Aanbod) -> dict:
    """An offering as a fully nested HSDS service."""
    key = f"aanbod:{item.slug}"
    provider = _provider(item)
    prijzen = list(item.prijzen.all())
    fees = " ".join(f"{_pc_option(p)}: {_euro(p)}." for p in prijzen)
    return _compact(
        id=stable_id(key),
        organization_id=stable_id(_org_key(provider)),
        name=item.titel,
        description=_paragraphs(
            item.samenvatting,
            item.beschrijving,
            _("Duur: %(duur)s.") % {"duur": item.duur} if item.duur else "",
            _co_providers(item, provider),
            _unconfirmed_facts(item.onbevestigd),
        ),
        **_urls(key, item.url, _page_url(request, item)),
        status="active",
        fees_description=fees,
        languages=_languages(key, item.talen),
        organization=organization_summary(provider),
        cost_options=[cost_option(key, p) for p in prijzen],
        attributes=[
            _attribute(key, "service", TAXONOMIES["aanbod-soort"], item.soort),
            *_coded_attributes(
                key, "service", ((code, getattr(item, f)) for code, f in AANBOD_FIELDS)
            ),
        ],
    )


def service_summary(service: dict) -> dict:
    """The one-to-one fields of a service and its organization (HSDS ``service_list``)."""
    summary = {k: v for k, v in service.items() if not isinstance(v, list | dict)}
    summary["organization"] = {
        k: v for k, v in service["organization"].items() if not isinstance(v, list)
    }
    return summary


# -- queries ---------------------------------------------------------------------------------


def _aanspreekpunten() -> models.QuerySet:
    return Aanspreekpunt.objects.select_related("organisatie").prefetch_related(
        "kanalen", "aanbieders"
    )


def _aanbod() -> models.QuerySet:
    return Aanbod.objects.prefetch_related("aanbieders", "prijzen__paritair_comite")


def _all_services(request: HttpRequest) -> list[dict]:
    """Every service: contact points first, then the offering, each by name."""
    punten = _aanspreekpunten().order_by("naam", "slug")
    aanbod = _aanbod().order_by("titel", "slug")
    return [service_from_aanspreekpunt(request, p) for p in punten] + [
        service_from_aanbod(request, a) for a in aanbod
    ]


def _services_by_slug(request: HttpRequest, refs: list[tuple[str, str]]) -> list[dict]:
    """The services for (soort, slug) pairs, in that order, in two queries."""
    wanted = {
        soort: [slug for s, slug in refs if s == soort] for soort in ("aanspreekpunt", "aanbod")
    }
    punten = {p.slug: p for p in _aanspreekpunten().filter(slug__in=wanted["aanspreekpunt"])}
    aanbod = {a.slug: a for a in _aanbod().filter(slug__in=wanted["aanbod"])}
    result = []
    for soort, slug in refs:
        if soort == "aanspreekpunt" and slug in punten:
            result.append(service_from_aanspreekpunt(request, punten[slug]))
        elif soort == "aanbod" and slug in aanbod:
            result.append(service_from_aanbod(request, aanbod[slug]))
    return result


def _search(request: HttpRequest, vraag: Zoekvraag, offset: int, limit: int) -> tuple[int, list]:
    """Services matching ``vraag`` (the site's own search), best first: (total, page)."""
    # Glossary terms are searchable too, but they are no services.
    services = voorwaarde("soort", ["aanspreekpunt", "aanbod"])
    ranked = zoek(Zoekvraag(tekst=vraag.tekst, voorwaarden=[*vraag.voorwaarden, services]))
    total = ranked.count()
    docs = documents(list(ranked[offset : offset + limit]))
    return total, _services_by_slug(request, [(d.soort, d.slug) for d in docs])


def _browse(request: HttpRequest, offset: int, limit: int) -> tuple[int, list]:
    """All services in their fixed order, one page of them: (total, page)."""
    punten = _aanspreekpunten().order_by("naam", "slug")
    aanbod = _aanbod().order_by("titel", "slug")
    n_punten = punten.count()
    total = n_punten + aanbod.count()
    page = [service_from_aanspreekpunt(request, p) for p in punten[offset : offset + limit]]
    start = max(0, offset - n_punten)
    rest = limit - len(page)
    if rest > 0:
        page += [service_from_aanbod(request, a) for a in aanbod[start : start + rest]]
    return total, page


def page_object(contents: list, total: int, page_number: int, per_page: int) -> dict:
    """An HSDS Page object around ``contents``."""
    total_pages = math.ceil(total / per_page) if per_page else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def _wants_full(request: HttpRequest) -> bool:
    return request.GET.get("full", "").lower() in ("true", "1")


# -- public API ------------------------------------------------------------------------------


def root(openapi_url: str) -> dict:
    """The HSDS API root: which HSDS version and profile this API follows."""
    return {
        "version": HSDS_VERSION,
        "profile": PROFILE_URL,
        "openapi_url": openapi_url,
        "description": _(
            "Vangnet: de sociale kaart van aanspreekpunten en aanbod tegen "
            "grensoverschrijdend gedrag in de Vlaamse cultuursector."
        ),
    }


def service_page(request: HttpRequest, page: int, per_page: int, search: str) -> dict:
    """One page of services; ``search`` filters and ranks with the site's search.

    A search without usable words (only stop words, say) lists every service.
    """
    offset = (page - 1) * per_page
    vraag = Zoekvraag(tekst=search)
    if vraag.is_empty():
        total, services = _browse(request, offset, per_page)
    else:
        total, services = _search(request, vraag, offset, per_page)
    if not _wants_full(request):
        services = [service_summary(s) for s in services]
    return page_object(services, total, page, per_page)


def _parse_id(value: str) -> str | None:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        return None


def service_by_id(request: HttpRequest, service_id: str) -> dict | None:
    """The fully nested service with HSDS id ``service_id``, or None."""
    wanted = _parse_id(service_id)
    if wanted is None:
        return None
    # Ids are hashes of slugs: hash every slug (a few hundred) to find the one asked for.
    candidates = [
        ("aanspreekpunt", s) for s in Aanspreekpunt.objects.values_list("slug", flat=True)
    ] + [("aanbod", s) for s in Aanbod.objects.values_list("slug", flat=True)]
    for soort, slug in candidates:
        if stable_id(f"{soort}:{slug}") == wanted:
            found = _services_by_slug(request, [(soort, slug)])
            return found[0] if found else None
    return None


def organization_page(request: HttpRequest) -> dict:
    """Every organization (one-to-one fields), the general Vangnet one last, in one page."""
    orgs = [organization_summary(o) for o in Organisatie.objects.order_by("naam", "slug")]
    orgs.append(organization_summary(None))
    return page_object(orgs, len(orgs), 1, len(orgs))


def _services_per_org(request: HttpRequest) -> dict[str, list[dict]]:
    per_org: dict[str, list[dict]] = {}
    for service in _all_services(request):
        per_org.setdefault(service["organization_id"], []).append(service)
    return per_org


def organization_by_id(request: HttpRequest, organization_id: str) -> dict | None:
    """The organization with HSDS id ``organization_id`` with its services, or None."""
    wanted = _parse_id(organization_id)
    if wanted is None:
        return None
    orgs = {stable_id(_org_key(o)): o for o in Organisatie.objects.all()}
    orgs[stable_id(GENERAL_ORG_KEY)] = None
    if wanted not in orgs:
        return None
    return organization(orgs[wanted], _services_per_org(request).get(wanted, []))


def _all_terms() -> list[dict]:
    return [taxonomy_term(t, value) for t in TAXONOMIES.values() for value in t.keuzes.values]


def taxonomy_page() -> dict:
    """Vangnet's taxonomies (one per code list), in one page."""
    items = [taxonomy(t) for t in TAXONOMIES.values()]
    return page_object(items, len(items), 1, len(items))


def taxonomy_term_page() -> dict:
    """Every term of Vangnet's taxonomies, in one page."""
    items = _all_terms()
    return page_object(items, len(items), 1, len(items))


def export(request: HttpRequest) -> dict:
    """The whole directory as one HSDS dataset (shape: see the module docstring)."""
    per_org = _services_per_org(request)
    orgs = [
        organization(o, per_org.get(stable_id(_org_key(o)), []))
        for o in Organisatie.objects.order_by("naam", "slug")
    ]
    orgs.append(organization(None, per_org.get(stable_id(GENERAL_ORG_KEY), [])))
    return {
        "version": HSDS_VERSION,
        "profile": PROFILE_URL,
        "organizations": orgs,
        "taxonomies": [taxonomy(t) for t in TAXONOMIES.values()],
        "taxonomy_terms": _all_terms(),
    }
