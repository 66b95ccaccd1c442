"""Loading data/actieplan.yaml and data/begroting.yaml (hooks of
vangnet.inhoud.loading.EXTRA_BESTANDEN).

``laad`` also checks every ``acties: [...]`` code used anywhere in data/ against the plan:
an unknown number is a problem naming the file and the record, and nothing is written.
"""

from typing import Any

from vangnet.actieplan import schema
from vangnet.actieplan.models import Actie, Begrotingspost
from vangnet.inhoud.loading import (
    Loader,
    Tally,
    set_translated,
    set_translated_list,
    sync_m2m,
    upsert,
)
from vangnet.inhoud.schemas import vertaald, waar
from vangnet.kaart.models import Organisatie

BESTAND = "actieplan.yaml"
BEGROTING = "begroting.yaml"


def hoofdnummer(nummer: str) -> str | None:
    """ "1.1" for "1.1.a"; None for an action that is not a sub-action."""
    delen = nummer.split(".")
    return ".".join(delen[:2]) if len(delen) == 3 else None


def controleer_acties(loader: Loader, nummers: set[str]) -> None:
    """Every ``acties`` code in every data file must be an action of the plan."""
    for bestand, records in loader.records.items():
        for nummer, record in enumerate(records, start=1):
            if not isinstance(record, dict) or not isinstance(record.get("acties"), list):
                continue
            for i, code in enumerate(record["acties"]):
                if str(code) not in nummers:
                    loader.problems.add(
                        waar(bestand, nummer, record),
                        f"acties[{i}]: {code!r} is not an action of data/actieplan.yaml",
                    )


def laad(loader: Loader, prune: bool) -> None:
    """Validate (``schema.Actie``) and upsert the actions, in the file's order."""
    tally = loader.tallies[BESTAND] = Tally()
    geldig = list(loader.gevalideerd(BESTAND, schema.Actie))
    nummers = {str(r.get("id")) for r in loader.records[BESTAND] if isinstance(r, dict)}
    controleer_acties(loader, nummers)
    met_deelacties = {hoofdnummer(slug) for _w, slug, _r in geldig} - {None}
    for where, slug, r in geldig:
        hoofd = hoofdnummer(slug)
        if hoofd is not None and hoofd not in nummers:
            loader.problems.add(where, f"id: sub-action of {hoofd!r}, which is not in the file")
        if slug not in met_deelacties and not r.partners:
            loader.problems.add(where, "partners: an action without sub-actions has partners")
        if slug in met_deelacties and (r.partners or r.timing):
            loader.problems.add(
                where, "partners: an action with sub-actions has no partners or timing itself"
            )
    if loader.problems:
        return
    slugs = set()
    organisaties = {o.slug: o.pk for o in Organisatie.objects.all()}
    for volgorde, (_where, slug, r) in enumerate(geldig):
        values: dict[str, Any] = {
            "bron": list(r.bron),
            "actieterrein": r.actieterrein,
            "volgorde": volgorde,
            "jaren": list(r.jaren),
            "doorlopend": r.doorlopend,
        }
        for name in ("titel", "duiding", "partners_toelichting", "timing"):
            set_translated(values, name, vertaald(getattr(r, name)))
        set_translated_list(values, "onbevestigd", r.onbevestigd)
        actie = upsert(Actie, slug, values, tally)
        partners = [organisaties[p] for p in r.partners]
        sync_m2m(actie.partners, Organisatie.objects.filter(pk__in=partners))
        slugs.add(slug)
    per_slug = {a.slug: a for a in Actie.objects.all()}
    for slug in slugs:
        hoofd = per_slug.get(hoofdnummer(slug) or "")
        actie = per_slug[slug]
        if actie.hoofdactie_id != (hoofd.pk if hoofd else None):
            Actie.objects.filter(pk=actie.pk).update(hoofdactie=hoofd)
    loader._prune(Actie, BESTAND, slugs, prune)


def laad_begroting(loader: Loader, prune: bool) -> None:
    """Validate (``schema.Begrotingspost``) and upsert the budget's sources and purposes."""
    tally = loader.tallies[BEGROTING] = Tally()
    slugs = set()
    for volgorde, (_where, slug, r) in enumerate(
        loader.gevalideerd(BEGROTING, schema.Begrotingspost)
    ):
        values: dict[str, Any] = {
            "bron": list(r.bron),
            "soort": r.soort,
            "volgorde": volgorde,
            "bedrag": r.bedrag,
            "acties": list(r.acties),
        }
        set_translated(values, "titel", vertaald(r.titel))
        set_translated_list(values, "onbevestigd", r.onbevestigd)
        slugs.add(slug)
        if loader.problems:
            continue
        upsert(Begrotingspost, slug, values, tally)
    if not loader.problems:
        loader._prune(Begrotingspost, BEGROTING, slugs, prune)
