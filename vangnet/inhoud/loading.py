"""Loading the action plan's content from ``data/*.yaml`` into the database.

Idempotent: records are matched on their id; a record that did not change is not
saved again (so re-running leaves no new history), one that changed is updated in
place, and records that disappeared from a file are reported, or deleted with
``prune``. See docs/data-format.md for the format.
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

import reversion
import yaml

from vangnet.begrippen.models import Begrip
from vangnet.inhoud import schemas
from vangnet.inhoud.schemas import LANGUAGES, vertaald, vertaalde_lijst
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Kanaal, Organisatie, ParitairComite, Prijs
from vangnet.wegwijzer.models import Opvangstap
from vangnet.zoeken.indexing import reindex_all
from vangnet.zoeken.text import tokens

FILES = (
    "organisaties.yaml",
    "paritaire-comites.yaml",
    "begrippen.yaml",
    "aanspreekpunten.yaml",
    "aanbod.yaml",
    "eerste-opvang.yaml",
)
# Content owned by other apps: (data file, dotted path of ``laad(loader, prune)``, dotted
# path of its schema), loaded after the kaart in this order, in the same transaction.
EXTRA_BESTANDEN = (
    (
        "verplichtingen.yaml",
        "vangnet.verplichtingen.laden.laad",
        "vangnet.verplichtingen.schema.Regel",
    ),
    ("sessies.yaml", "vangnet.vorming.laden.laad", "vangnet.vorming.schema.Sessie"),
    ("quickscan.yaml", "vangnet.quickscan.laden.laad", "vangnet.quickscan.schema.Stelling"),
    ("reactiegids.yaml", "vangnet.toolbox.laden.laad", "vangnet.toolbox.schema.Reactiestap"),
    # The plan itself; its loader also checks every ``acties`` code of every file.
    ("actieplan.yaml", "vangnet.actieplan.laden.laad", "vangnet.actieplan.schema.Actie"),
    (
        "begroting.yaml",
        "vangnet.actieplan.laden.laad_begroting",
        "vangnet.actieplan.schema.Begrotingspost",
    ),
    ("synoniemen.yaml", "vangnet.zoeken.laden.laad", "vangnet.zoeken.schema.Synoniem"),
    (
        "topresultaten.yaml",
        "vangnet.zoeken.laden.laad_topresultaten",
        "vangnet.zoeken.schema.Topresultaat",
    ),
)
# Translatable text fields per kind (the schemas in schemas.py say which are required).
AANSPREEKPUNT_TEKSTEN = (
    "naam",
    "samenvatting",
    "beschrijving",
    "anoniem_toelichting",
    "kosten",
    "voorwaarden",
)
AANBOD_TEKSTEN = ("titel", "samenvatting", "beschrijving", "duur")
#: Facts checked longer ago than this are reported by ``load_content`` (a warning, not an error).
CONTROLE_GELDIG = timedelta(days=365)


@dataclass
class Problems:
    """Collects problems instead of stopping at the first one."""

    items: list[str] = field(default_factory=list)

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")

    def __bool__(self) -> bool:
        return bool(self.items)


class ContentError(Exception):
    """The data files contain problems; ``problems`` lists every one of them."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s) in the data files")
        self.problems = problems


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    orphans: list[str] = field(default_factory=list)


Progress = Callable[[str, int, int], None]


def read(data_dir: Path, name: str) -> list[dict]:
    path = data_dir / name
    with path.open(encoding="utf-8") as handle:
        records = yaml.safe_load(handle) or []
    if not isinstance(records, list):
        raise ContentError([f"{name}: the file must contain a list of records"])
    return records


def set_translated(values: dict, name: str, texts: dict) -> None:
    """Put a translated text's three languages (``name_nl``, ``name_fr``, ``name_en``) and
    its Dutch default (``name``) into a record's values."""
    for code in LANGUAGES:
        values[f"{name}_{code}"] = texts[code]
    values[name] = texts["nl"]


def set_translated_list(values: dict, name: str, items: list[schemas.Vertaling]) -> None:
    """A list of texts (steps, notes): one list per language, see ``vertaalde_lijst``."""
    set_translated(values, name, vertaalde_lijst(items))


def upsert(model: type[models.Model], slug: str, values: dict, tally: Tally) -> models.Model:
    """Create or update one record, saving only when a value changed."""
    obj = model.objects.filter(slug=slug).first()
    if obj is None:
        obj = model(slug=slug, **values)
        obj._skip_reindex = True
        obj.save()
        tally.created += 1
        return obj
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj._skip_reindex = True
        obj.save()
        tally.updated += 1
    else:
        tally.unchanged += 1
    return obj


def _common(record: schemas.Record) -> dict:
    values = {"bron": list(record.bron), "acties": list(getattr(record, "acties", []))}
    set_translated_list(values, "onbevestigd", record.onbevestigd)
    return values


def schema_per_bestand() -> dict[str, type[schemas.Record]]:
    """Every data file with the declared schema of its records (kaart and other apps)."""
    extra = {name: import_string(schema) for name, _laad, schema in EXTRA_BESTANDEN}
    return {**schemas.SCHEMAS, **extra}


class Loader:
    """Validates and loads all data files in dependency order."""

    def __init__(self, data_dir: Path, progress: Progress | None = None):
        self.data_dir = data_dir
        self.progress = progress or (lambda name, done, total: None)
        self.problems = Problems()
        # Not errors: facts nobody checked (recently). The content loads; the command shows them.
        self.warnings: list[str] = []
        self.today = timezone.localdate()
        self.tallies: dict[str, Tally] = {}
        self.records = {
            name: read(data_dir, name) for name in FILES + tuple(e[0] for e in EXTRA_BESTANDEN)
        }
        self.org_ids = {r.get("id") for r in self.records["organisaties.yaml"]}
        self.pc_ids = {r.get("id") for r in self.records["paritaire-comites.yaml"]}
        self.begrip_ids = {r.get("id") for r in self.records["begrippen.yaml"]}
        self.ids = {
            name: {str(r.get("id")) for r in records if isinstance(r, dict)}
            for name, records in self.records.items()
        }

    # -- helpers ---------------------------------------------------------------------------

    def _org_ref(self, where: str, name: str, value: Any) -> str | None:
        if value in (None, ""):
            return None
        if value not in self.org_ids:
            self.problems.add(where, f"{name}: unknown organisation id {value!r}")
            return None
        return value

    def _org_refs(self, where: str, name: str, value: Any) -> list[str]:
        return [v for i, v in enumerate(value or []) if self._org_ref(where, f"{name}[{i}]", v)]

    def _controle(self, where: str, datum: date | None) -> None:
        """Warn about a contact point or channel whose facts were never, or long ago, checked."""
        if datum is None:
            self.warnings.append(f"{where}: gecontroleerd_op is missing (never checked)")
        elif self.today - datum > CONTROLE_GELDIG:
            self.warnings.append(
                f"{where}: gecontroleerd_op {datum.isoformat()} is more than a year ago"
            )

    def _prune(self, model: type[models.Model], name: str, slugs: set[str], prune: bool) -> None:
        orphans = model.objects.exclude(slug__in=slugs)
        self.tallies[name].orphans = sorted(orphans.values_list("slug", flat=True))
        if prune:
            orphans.delete()

    # -- validation only -------------------------------------------------------------------

    def check(self) -> None:
        """Validate every file without writing; raises ContentError listing all problems."""
        with transaction.atomic():
            self._load_all(prune=False)
            transaction.set_rollback(True)

    # -- loading ---------------------------------------------------------------------------

    def load(self, prune: bool = False) -> dict[str, Tally]:
        # One revision for the whole load: the history shows which records this run changed.
        with transaction.atomic(), reversion.create_revision():
            reversion.set_comment("load_content")
            self._load_all(prune)
        return self.tallies

    def _load_all(self, prune: bool) -> None:
        # Every kaart file is checked against its schema before anything is written.
        self.geldig = {}
        for name, schema in schemas.SCHEMAS.items():
            self.geldig[name], problemen = schemas.valideer(name, self.records[name], schema)
            self.problems.items.extend(problemen)
        self._organisaties(prune)
        self._paritaire_comites(prune)
        self._begrippen(prune)
        self._aanspreekpunten(prune)
        self._aanbod(prune)
        self._eerste_opvang(prune)
        for _bestand, functie, _schema in EXTRA_BESTANDEN:
            import_string(functie)(self, prune)
        if self.problems:
            raise ContentError(self.problems.items)
        self.progress("zoekindex", 0, 1)
        reindex_all()
        self.progress("zoekindex", 1, 1)

    def gevalideerd(
        self, name: str, schema: type[schemas.Record]
    ) -> Iterable[tuple[str, str, Any]]:
        """Check a file of another app against its declared schema; yield its valid records.

        Every problem is added to ``problems``; references to other files are checked
        against the ids of every file (see ``schemas.verwijzing``).
        """
        geldig, problemen = schemas.valideer(name, self.records[name], schema, self.ids)
        self.problems.items.extend(problemen)
        self.geldig[name] = geldig
        for i, (where, model) in enumerate(geldig, start=1):
            self.progress(name, i, len(geldig))
            yield where, model.id, model

    def _valid(self, name: str) -> Iterable[tuple[str, str, Any]]:
        """The records of a kaart file that passed their schema (checked in ``_load_all``)."""
        records = self.geldig.get(name, [])
        for i, (where, model) in enumerate(records, start=1):
            self.progress(name, i, len(records))
            yield where, model.id, model

    def _organisaties(self, prune: bool) -> None:
        name = "organisaties.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        for _where, slug, r in self._valid(name):
            values = _common(r)
            set_translated(values, "naam", vertaald(r.naam))
            set_translated(values, "beschrijving", vertaald(r.beschrijving))
            values["afkorting"] = r.afkorting
            values["soort"] = r.soort
            values["website"] = r.website
            if not self.problems:
                upsert(Organisatie, slug, values, tally)
            slugs.add(slug)
        if not self.problems:
            self._prune(Organisatie, name, slugs, prune)

    def _paritaire_comites(self, prune: bool) -> None:
        name = "paritaire-comites.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        for where, slug, r in self._valid(name):
            values = _common(r)
            set_translated(values, "naam", vertaald(r.naam))
            fonds = self._org_ref(where, "sociaal_fonds", r.sociaal_fonds)
            if not self.problems:
                values["sociaal_fonds"] = (
                    Organisatie.objects.filter(slug=fonds).first() if fonds else None
                )
                upsert(ParitairComite, slug, values, tally)
            slugs.add(slug)
        if not self.problems:
            self._prune(ParitairComite, name, slugs, prune)

    def _begrippen(self, prune: bool) -> None:
        name = "begrippen.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        related: dict[str, list[str]] = {}
        for where, slug, r in self._valid(name):
            values = {"bron": list(r.bron), "synoniemen": list(r.synoniemen)}
            set_translated_list(values, "onbevestigd", r.onbevestigd)
            set_translated(values, "term", vertaald(r.term))
            set_translated(values, "definitie", vertaald(r.definitie))
            for i, other in enumerate(r.verwant):
                if other not in self.begrip_ids:
                    self.problems.add(where, f"verwant[{i}]: unknown term id {other!r}")
            related[slug] = [o for o in r.verwant if o in self.begrip_ids]
            if not self.problems:
                upsert(Begrip, slug, values, tally)
            slugs.add(slug)
        if self.problems:
            return
        by_slug = {b.slug: b for b in Begrip.objects.all()}
        for slug, others in related.items():
            wanted = {by_slug[o].pk for o in others}
            current = set(by_slug[slug].verwant.values_list("pk", flat=True))
            if wanted - current:
                by_slug[slug].verwant.add(*(wanted - current))
        self._prune(Begrip, name, slugs, prune)
        self.glossary = [
            (b, [tokens(form) for form in [b.term_nl, *b.synoniemen] if tokens(form)])
            for b in Begrip.objects.all()
        ]

    def _linked_terms(self, texts: Iterable[str]) -> set[int]:
        """The glossary terms whose name or synonym occurs (as stems, in order) in ``texts``."""
        stems = []
        for text in texts:
            stems.extend(tokens(text))
            stems.append("|")  # never match across two fields
        found = set()
        for begrip, forms in self.glossary:
            for form in forms:
                n = len(form)
                if any(stems[i : i + n] == form for i in range(len(stems) - n + 1)):
                    found.add(begrip.pk)
                    break
        return found

    def _aanspreekpunten(self, prune: bool) -> None:
        name = "aanspreekpunten.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        for where, slug, r in self._valid(name):
            values = _common(r)
            for field_name in AANSPREEKPUNT_TEKSTEN:
                set_translated(values, field_name, vertaald(getattr(r, field_name)))
            for field_name in ("opvolging", "wie_weet_wat"):
                set_translated_list(values, field_name, getattr(r, field_name))
            for field_name in (
                "soort",
                "niveau",
                "biedt",
                "doelgroepen",
                "perspectieven",
                "gedrag",
                "discriminatiegronden",
                "contexten",
                "sectoren",
                "talen",
                "anoniem",
                "kosteloos",
                "minderjarigen",
                "identiteit_bevestigd",
                "gecontroleerd_op",
                "dringend",
            ):
                value = getattr(r, field_name)
                values[field_name] = list(value) if isinstance(value, list) else value
            values["niet_voor"] = r.niet_voor_waarden()
            organisatie = self._org_ref(where, "organisatie", r.organisatie)
            aanbieders = self._org_refs(where, "aanbieders", r.aanbieders)
            kanalen = [_kanaal(i, k) for i, k in enumerate(r.kanalen)]
            self._controle(where, r.gecontroleerd_op)
            for i, k in enumerate(r.kanalen):
                self._controle(f"{where} kanalen[{i}]", k.gecontroleerd_op)
            if self.problems:
                slugs.add(slug)
                continue
            values["organisatie"] = (
                Organisatie.objects.filter(slug=organisatie).first() if organisatie else None
            )
            punt = upsert(Aanspreekpunt, slug, values, tally)
            sync_m2m(punt.aanbieders, Organisatie.objects.filter(slug__in=aanbieders))
            _sync_children(punt.kanalen, Kanaal, "aanspreekpunt", punt, kanalen)
            texts = [
                values["naam"],
                values["samenvatting"],
                values["beschrijving"],
                values["voorwaarden"],
            ]
            texts += values["opvolging"] + values["wie_weet_wat"]
            sync_m2m(punt.begrippen, Begrip.objects.filter(pk__in=self._linked_terms(texts)))
            slugs.add(slug)
        if not self.problems:
            self._prune(Aanspreekpunt, name, slugs, prune)

    def _aanbod(self, prune: bool) -> None:
        name = "aanbod.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        for where, slug, r in self._valid(name):
            values = _common(r)
            for field_name in AANBOD_TEKSTEN:
                set_translated(values, field_name, vertaald(getattr(r, field_name)))
            values["soort"] = r.soort
            for field_name in ("beleidsniveaus", "doelgroepen", "sectoren", "talen"):
                values[field_name] = list(getattr(r, field_name))
            values["url"] = r.url
            aanbieders = self._org_refs(where, "aanbieders", r.aanbieders)
            prijzen = [self._prijs(where, i, x) for i, x in enumerate(r.prijzen)]
            if self.problems:
                slugs.add(slug)
                continue
            aanbod = upsert(Aanbod, slug, values, tally)
            sync_m2m(aanbod.aanbieders, Organisatie.objects.filter(slug__in=aanbieders))
            pc_by_slug = {pc.slug: pc for pc in ParitairComite.objects.all()}
            for prijs in prijzen:
                prijs["paritair_comite"] = pc_by_slug.get(prijs["paritair_comite"])
            _sync_children(aanbod.prijzen, Prijs, "aanbod", aanbod, prijzen)
            aanbod.refresh_kosteloos()
            Aanbod.objects.filter(pk=aanbod.pk).update(kosteloos=aanbod.kosteloos)
            texts = [values["titel"], values["samenvatting"], values["beschrijving"]]
            sync_m2m(aanbod.begrippen, Begrip.objects.filter(pk__in=self._linked_terms(texts)))
            slugs.add(slug)
        if not self.problems:
            self._prune(Aanbod, name, slugs, prune)

    def _eerste_opvang(self, prune: bool) -> None:
        """The guide for someone who receives a disclosure (wegwijzer, action 1.5.c)."""
        name = "eerste-opvang.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        punt_ids = {str(r.get("id")) for r in self.records["aanspreekpunten.yaml"]}
        for volgorde, (where, slug, r) in enumerate(self._valid(name)):
            values: dict[str, Any] = {
                "bron": list(r.bron),
                "onderdeel": r.onderdeel,
                "volgorde": volgorde,
            }
            set_translated_list(values, "onbevestigd", r.onbevestigd)
            set_translated(values, "tekst", vertaald(r.tekst))
            for i, ref in enumerate(r.verwijst_naar):
                if ref not in punt_ids:
                    self.problems.add(
                        where, f"verwijst_naar[{i}]: unknown contact point id {ref!r}"
                    )
            slugs.add(slug)
            if self.problems:
                continue
            stap = upsert(Opvangstap, slug, values, tally)
            sync_m2m(stap.verwijst_naar, Aanspreekpunt.objects.filter(slug__in=r.verwijst_naar))
        if not self.problems:
            self._prune(Opvangstap, name, slugs, prune)

    def _prijs(self, where: str, i: int, x: schemas.Prijs) -> dict:
        pc = x.paritair_comite
        if pc is not None and pc not in self.pc_ids:
            self.problems.add(where, f"prijzen[{i}].paritair_comite: unknown id {pc!r}")
        values: dict[str, Any] = {"paritair_comite": pc, "bedrag": x.bedrag, "vanaf": x.vanaf}
        set_translated(values, "toelichting", vertaald(x.toelichting))
        return values


def _kanaal(i: int, k: schemas.Kanaal) -> dict:
    values: dict[str, Any] = {
        "volgorde": i,
        "soort": k.soort,
        "waarde": k.waarde,
        "altijd_open": k.altijd_open,
        "bron": list(k.bron),
        "onbevestigd": k.onbevestigd,
        "uren": [{"dagen": list(u.dagen), "van": u.van, "tot": u.tot} for u in k.uren],
        "gecontroleerd_op": k.gecontroleerd_op,
    }
    set_translated(values, "label", vertaald(k.label))
    set_translated(values, "uren_toelichting", vertaald(k.uren_toelichting))
    return values


def sync_m2m(manager: Any, wanted: models.QuerySet) -> None:
    """Make a many-to-many relation hold exactly ``wanted``, writing only when it differs."""
    wanted_pks = set(wanted.values_list("pk", flat=True))
    current = set(manager.values_list("pk", flat=True))
    if wanted_pks != current:
        manager.set(wanted_pks)


def _sync_children(
    manager: Any,
    model: type[models.Model],
    parent_field: str,
    parent: models.Model,
    rows: list[dict],
) -> None:
    """Replace child rows only when they differ, so an unchanged re-run writes nothing."""
    existing = list(manager.all())

    def plain(value: Any) -> str:
        if isinstance(value, Decimal):
            return str(value.normalize())  # 850.00 from the database, 850 from the file
        if isinstance(value, dict | list):
            return json.dumps(value, sort_keys=True)  # PostgreSQL's jsonb reorders keys
        return str(getattr(value, "pk", value))

    def signature(values: Iterable[tuple[str, Any]]) -> tuple:
        return tuple(sorted((name, plain(v)) for name, v in values))

    # Compared as sets: the database may return the rows in another order than the file.
    wanted = sorted(signature(row.items()) for row in rows)
    current = sorted(
        signature((name, getattr(obj, name)) for name in (rows[0] if rows else {}))
        for obj in existing
    )
    if len(existing) == len(rows) and wanted == current:
        return
    manager.all().delete()
    model.objects.bulk_create([model(**{parent_field: parent}, **row) for row in rows])
