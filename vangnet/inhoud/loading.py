"""Loading the action plan's content from ``data/*.yaml`` into the database.

Idempotent: records are matched on their id; a record that did not change is not
saved again (so re-running leaves no new history), one that changed is updated in
place, and records that disappeared from a file are reported, or deleted with
``prune``. See docs/data-format.md for the format.
"""

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

import reversion
import yaml

from vangnet.begrippen.models import Begrip
from vangnet.inhoud.validation import (
    LANGUAGES,
    Problems,
    check_bron,
    check_choice,
    check_choices,
    check_id,
    translated,
    translated_list,
)
from vangnet.kaart import choices as c
from vangnet.kaart.models import Aanbod, Aanspreekpunt, Kanaal, Organisatie, ParitairComite, Prijs
from vangnet.wegwijzer.models import Onderdeel, Opvangstap
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
# Content owned by other apps: (data file, dotted path of ``laad(loader, prune)``), loaded
# after the kaart in this order, in the same transaction.
EXTRA_BESTANDEN = (
    ("verplichtingen.yaml", "vangnet.verplichtingen.laden.laad"),
    ("sessies.yaml", "vangnet.vorming.laden.laad"),
    ("quickscan.yaml", "vangnet.quickscan.laden.laad"),
    ("reactiegids.yaml", "vangnet.toolbox.laden.laad"),
)
ACTIE = re.compile(r"^\d\.\d(\.[a-z])?$")
TIME = re.compile(r"^\d\d:\d\d$")
# Translatable text fields per kind: {field: required}.
AANSPREEKPUNT_TEKSTEN = {
    "naam": True,
    "samenvatting": True,
    "beschrijving": False,
    "anoniem_toelichting": False,
    "kosten": False,
    "voorwaarden": False,
}
# The facts of a contact point that can carry a sourced "no" (``niet_voor``), with their
# vocabulary; ``minderjarigen`` is a yes/no fact without values.
NIET_VOOR_KENMERKEN: dict[str, type[models.TextChoices] | None] = {
    "doelgroepen": c.Status,
    "perspectieven": c.Perspectief,
    "gedrag": c.Gedrag,
    "discriminatiegronden": c.Discriminatiegrond,
    "contexten": c.Context,
    "sectoren": c.Sector,
    "minderjarigen": None,
}
AANBOD_TEKSTEN = {"titel": True, "samenvatting": True, "beschrijving": False, "duur": False}
#: Facts checked longer ago than this are reported by ``load_content`` (a warning, not an error).
CONTROLE_GELDIG = timedelta(days=365)


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


def _set_translated(values: dict, name: str, texts: dict) -> None:
    for code in LANGUAGES:
        values[f"{name}_{code}"] = texts[code]
    values[name] = texts["nl"]


def _translated_fields(
    problems: Problems, where: str, record: dict, values: dict, fields: dict[str, bool]
) -> None:
    """Read several translatable fields ({name: required}) of ``record`` into ``values``."""
    for name, required in fields.items():
        _set_translated(values, name, translated(problems, where, name, record.get(name), required))


def _upsert(model: type[models.Model], slug: str, values: dict, tally: Tally) -> models.Model:
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


def _acties(problems: Problems, where: str, value: Any) -> list[str]:
    if value in (None, []):
        return []
    if not isinstance(value, list):
        problems.add(where, "acties must be a list")
        return []
    for item in value:
        if not isinstance(item, str) or not ACTIE.match(item):
            problems.add(where, f"acties: {item!r} is not an action number such as '2.3.a'")
    return [str(v) for v in value]


def _common(problems: Problems, where: str, record: dict) -> dict:
    return {
        "bron": check_bron(problems, where, record.get("bron")),
        "onbevestigd": list(record.get("onbevestigd") or []),
        "acties": _acties(problems, where, record.get("acties")),
    }


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
            name: read(data_dir, name) for name in FILES + tuple(n for n, _ in EXTRA_BESTANDEN)
        }
        self.org_ids = {r.get("id") for r in self.records["organisaties.yaml"]}
        self.pc_ids = {r.get("id") for r in self.records["paritaire-comites.yaml"]}
        self.begrip_ids = {r.get("id") for r in self.records["begrippen.yaml"]}

    # -- helpers ---------------------------------------------------------------------------

    def _each(self, name: str) -> Iterable[tuple[str, str, dict]]:
        records = self.records[name]
        seen: set[str] = set()
        for i, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                self.problems.add(f"{name} #{i}", "a record must be a mapping")
                continue
            where = f"{name} #{i} ({record.get('id', '?')})"
            slug = check_id(self.problems, where, record)
            if slug in seen:
                self.problems.add(where, f"duplicate id {slug!r}")
            seen.add(slug)
            self.progress(name, i, len(records))
            yield where, slug, record

    def _org_ref(self, where: str, name: str, value: Any) -> str | None:
        if value in (None, ""):
            return None
        if value not in self.org_ids:
            self.problems.add(where, f"{name}: unknown organisation id {value!r}")
            return None
        return value

    def _org_refs(self, where: str, name: str, value: Any) -> list[str]:
        return [v for v in (value or []) if self._org_ref(where, name, v)]

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
        self._organisaties(prune)
        self._paritaire_comites(prune)
        self._begrippen(prune)
        self._aanspreekpunten(prune)
        self._aanbod(prune)
        self._eerste_opvang(prune)
        for _bestand, functie in EXTRA_BESTANDEN:
            import_string(functie)(self, prune)
        if self.problems:
            raise ContentError(self.problems.items)
        self.progress("zoekindex", 0, 1)
        reindex_all()
        self.progress("zoekindex", 1, 1)

    def _organisaties(self, prune: bool) -> None:
        name = "organisaties.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        for where, slug, r in self._each(name):
            values = _common(self.problems, where, r)
            _set_translated(
                values, "naam", translated(self.problems, where, "naam", r.get("naam"), True)
            )
            _set_translated(
                values,
                "beschrijving",
                translated(self.problems, where, "beschrijving", r.get("beschrijving"), False),
            )
            values["afkorting"] = str(r.get("afkorting") or "")
            values["soort"] = check_choice(
                self.problems, where, "soort", r.get("soort"), c.OrganisatieSoort
            )
            values["website"] = str(r.get("website") or "")
            if not self.problems:
                _upsert(Organisatie, slug, values, tally)
            slugs.add(slug)
        if not self.problems:
            self._prune(Organisatie, name, slugs, prune)

    def _paritaire_comites(self, prune: bool) -> None:
        name = "paritaire-comites.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        for where, slug, r in self._each(name):
            values = _common(self.problems, where, r)
            _set_translated(
                values, "naam", translated(self.problems, where, "naam", r.get("naam"), True)
            )
            fonds = self._org_ref(where, "sociaal_fonds", r.get("sociaal_fonds"))
            if not self.problems:
                values["sociaal_fonds"] = (
                    Organisatie.objects.filter(slug=fonds).first() if fonds else None
                )
                _upsert(ParitairComite, slug, values, tally)
            slugs.add(slug)
        if not self.problems:
            self._prune(ParitairComite, name, slugs, prune)

    def _begrippen(self, prune: bool) -> None:
        name = "begrippen.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        related: dict[str, list[str]] = {}
        for where, slug, r in self._each(name):
            values = {
                "bron": check_bron(self.problems, where, r.get("bron")),
                "onbevestigd": list(r.get("onbevestigd") or []),
                "synoniemen": [str(s) for s in (r.get("synoniemen") or [])],
            }
            _set_translated(
                values, "term", translated(self.problems, where, "term", r.get("term"), True)
            )
            _set_translated(
                values,
                "definitie",
                translated(self.problems, where, "definitie", r.get("definitie"), True),
            )
            for other in r.get("verwant") or []:
                if other not in self.begrip_ids:
                    self.problems.add(where, f"verwant: unknown term id {other!r}")
            related[slug] = [o for o in (r.get("verwant") or []) if o in self.begrip_ids]
            if not self.problems:
                _upsert(Begrip, slug, values, tally)
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
        for where, slug, r in self._each(name):
            p = self.problems
            values = _common(p, where, r)
            _translated_fields(p, where, r, values, AANSPREEKPUNT_TEKSTEN)
            for field_name in ("opvolging", "wie_weet_wat"):
                lists = translated_list(p, where, field_name, r.get(field_name))
                for code in LANGUAGES:
                    values[f"{field_name}_{code}"] = lists[code]
                values[field_name] = lists["nl"]
            values["soort"] = check_choice(p, where, "soort", r.get("soort"), c.AanspreekpuntSoort)
            values["niveau"] = check_choice(p, where, "niveau", r.get("niveau"), c.Niveau)
            values["biedt"] = check_choices(p, where, "biedt", r.get("biedt"), c.Wens)
            values["doelgroepen"] = check_choices(
                p, where, "doelgroepen", r.get("doelgroepen"), c.Status
            )
            values["perspectieven"] = check_choices(
                p, where, "perspectieven", r.get("perspectieven"), c.Perspectief
            )
            values["gedrag"] = check_choices(p, where, "gedrag", r.get("gedrag"), c.Gedrag)
            values["discriminatiegronden"] = check_choices(
                p,
                where,
                "discriminatiegronden",
                r.get("discriminatiegronden"),
                c.Discriminatiegrond,
            )
            values["contexten"] = check_choices(
                p, where, "contexten", r.get("contexten"), c.Context
            )
            values["sectoren"] = check_choices(p, where, "sectoren", r.get("sectoren"), c.Sector)
            values["talen"] = check_choices(p, where, "talen", r.get("talen"), c.Taal)
            for flag in ("anoniem", "kosteloos", "minderjarigen"):
                if r.get(flag) not in (True, False, None):
                    p.add(where, f"{flag} must be true, false or null")
                values[flag] = r.get(flag)
            values["niet_voor"] = self._niet_voor(where, r, values)
            values["identiteit_bevestigd"] = r.get("identiteit_bevestigd", True)
            if values["identiteit_bevestigd"] not in (True, False):
                p.add(where, "identiteit_bevestigd must be true or false")
            values["gecontroleerd_op"] = _datum(p, where, "gecontroleerd_op", r)
            self._controle(where, values["gecontroleerd_op"])
            values["dringend"] = bool(r.get("dringend", False))
            organisatie = self._org_ref(where, "organisatie", r.get("organisatie"))
            aanbieders = self._org_refs(where, "aanbieders", r.get("aanbieders"))
            kanalen = [self._kanaal(where, i, k) for i, k in enumerate(r.get("kanalen") or [])]
            if self.problems:
                slugs.add(slug)
                continue
            values["organisatie"] = (
                Organisatie.objects.filter(slug=organisatie).first() if organisatie else None
            )
            punt = _upsert(Aanspreekpunt, slug, values, tally)
            _sync_m2m(punt.aanbieders, Organisatie.objects.filter(slug__in=aanbieders))
            _sync_children(punt.kanalen, Kanaal, "aanspreekpunt", punt, kanalen)
            texts = [
                values["naam"],
                values["samenvatting"],
                values["beschrijving"],
                values["voorwaarden"],
            ]
            texts += values["opvolging"] + values["wie_weet_wat"]
            _sync_m2m(punt.begrippen, Begrip.objects.filter(pk__in=self._linked_terms(texts)))
            slugs.add(slug)
        if not self.problems:
            self._prune(Aanspreekpunt, name, slugs, prune)

    def _niet_voor(self, where: str, r: dict, values: dict) -> dict[str, list[dict]]:
        """The sourced "no" facts of a contact point (see docs/data-format.md).

        ``waarden: overige`` stands for every value of the vocabulary not listed as "yes";
        it is written out here so that the router reads plain lists. A value may not be both
        "yes" and "no".
        """
        p = self.problems
        value = r.get("niet_voor") or {}
        if not isinstance(value, dict):
            p.add(where, "niet_voor must be a mapping of kenmerk: [entries]")
            return {}
        result: dict[str, list[dict]] = {}
        for kenmerk, entries in value.items():
            here = f"{where} niet_voor.{kenmerk}"
            if kenmerk not in NIET_VOOR_KENMERKEN:
                p.add(here, f"unknown kenmerk; allowed: {', '.join(NIET_VOOR_KENMERKEN)}")
                continue
            if not isinstance(entries, list) or not entries:
                p.add(here, "must be a non-empty list of {waarden, bron, reden}")
                continue
            keuzes = NIET_VOOR_KENMERKEN[kenmerk]
            ja = set(values.get(kenmerk) or []) if keuzes else set()
            result[kenmerk] = []
            for i, entry in enumerate(entries):
                there = f"{here}[{i}]"
                if not isinstance(entry, dict):
                    p.add(there, "an entry must be a mapping with waarden, bron and reden")
                    continue
                onbekend = sorted(set(entry) - {"waarden", "bron", "reden"})
                if onbekend:
                    p.add(there, f"unknown field(s) {', '.join(onbekend)}")
                if keuzes is None:  # minderjarigen: a yes/no fact, no values
                    waarden: list[str] = []
                    if values.get("minderjarigen") is not False:
                        p.add(there, "a sourced no for minderjarigen needs minderjarigen: false")
                elif entry.get("waarden") == "overige":
                    waarden = [v for v in keuzes.values if v not in ja]
                else:
                    waarden = check_choices(p, there, "waarden", entry.get("waarden"), keuzes)
                    if not waarden:
                        p.add(there, "waarden must list values, or be 'overige'")
                    dubbel = sorted(ja & set(waarden))
                    if dubbel:
                        p.add(there, f"{', '.join(dubbel)} is both listed in {kenmerk} and here")
                result[kenmerk].append(
                    {
                        "waarden": waarden,
                        "bron": check_bron(p, there, entry.get("bron")),
                        "reden": translated(p, there, "reden", entry.get("reden"), False),
                    }
                )
        if r.get("minderjarigen") is False and "minderjarigen" not in result:
            p.add(where, "minderjarigen: false needs a sourced entry in niet_voor.minderjarigen")
        return result

    def _kanaal(self, where: str, i: int, k: Any) -> dict:
        p = self.problems
        here = f"{where} kanalen[{i}]"
        if not isinstance(k, dict):
            p.add(here, "a channel must be a mapping")
            return {}
        values = {
            "volgorde": i,
            "soort": check_choice(p, here, "soort", k.get("soort"), c.KanaalSoort),
            "waarde": str(k.get("waarde") or ""),
            "altijd_open": bool(k.get("altijd_open", False)),
            "bron": check_bron(p, here, k.get("bron"), required=False),
            "onbevestigd": bool(k.get("onbevestigd", False)),
            "uren": self._uren(here, k.get("uren")),
            "gecontroleerd_op": _datum(p, here, "gecontroleerd_op", k),
        }
        self._controle(here, values["gecontroleerd_op"])
        if not values["waarde"]:
            p.add(here, "waarde (number, address or link) is required")
        for name in ("label", "uren_toelichting"):
            texts = translated(p, here, name, k.get(name), False)
            for code in LANGUAGES:
                values[f"{name}_{code}"] = texts[code]
            values[name] = texts["nl"]
        return values

    def _uren(self, where: str, value: Any) -> list[dict]:
        if not value:
            return []
        result = []
        for slot in value:
            dagen = check_choices(self.problems, where, "uren.dagen", slot.get("dagen"), c.Dag)
            van, tot = str(slot.get("van", "")), str(slot.get("tot", ""))
            if not (TIME.match(van) and TIME.match(tot)):
                self.problems.add(
                    where, f"uren: van/tot must be written HH:MM, got {van!r}-{tot!r}"
                )
            result.append({"dagen": dagen, "van": van, "tot": tot})
        return result

    def _aanbod(self, prune: bool) -> None:
        name = "aanbod.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        for where, slug, r in self._each(name):
            p = self.problems
            values = _common(p, where, r)
            _translated_fields(p, where, r, values, AANBOD_TEKSTEN)
            values["soort"] = check_choice(p, where, "soort", r.get("soort"), c.AanbodSoort)
            values["beleidsniveaus"] = check_choices(
                p, where, "beleidsniveaus", r.get("beleidsniveaus"), c.Beleidsniveau
            )
            values["doelgroepen"] = check_choices(
                p, where, "doelgroepen", r.get("doelgroepen"), c.AanbodDoelgroep
            )
            values["sectoren"] = check_choices(p, where, "sectoren", r.get("sectoren"), c.Sector)
            values["talen"] = check_choices(p, where, "talen", r.get("talen"), c.Taal)
            values["url"] = str(r.get("url") or "")
            aanbieders = self._org_refs(where, "aanbieders", r.get("aanbieders"))
            prijzen = [self._prijs(where, i, x) for i, x in enumerate(r.get("prijzen") or [])]
            pcs = [x.get("paritair_comite") for x in prijzen]
            if len(pcs) != len(set(pcs)):
                p.add(where, "prijzen: one price per paritair comité (and one for everyone else)")
            if self.problems:
                slugs.add(slug)
                continue
            aanbod = _upsert(Aanbod, slug, values, tally)
            _sync_m2m(aanbod.aanbieders, Organisatie.objects.filter(slug__in=aanbieders))
            pc_by_slug = {pc.slug: pc for pc in ParitairComite.objects.all()}
            for prijs in prijzen:
                prijs["paritair_comite"] = pc_by_slug.get(prijs["paritair_comite"])
            _sync_children(aanbod.prijzen, Prijs, "aanbod", aanbod, prijzen)
            aanbod.refresh_kosteloos()
            Aanbod.objects.filter(pk=aanbod.pk).update(kosteloos=aanbod.kosteloos)
            texts = [values["titel"], values["samenvatting"], values["beschrijving"]]
            _sync_m2m(aanbod.begrippen, Begrip.objects.filter(pk__in=self._linked_terms(texts)))
            slugs.add(slug)
        if not self.problems:
            self._prune(Aanbod, name, slugs, prune)

    def _eerste_opvang(self, prune: bool) -> None:
        """The guide for someone who receives a disclosure (wegwijzer, action 1.5.c)."""
        name = "eerste-opvang.yaml"
        tally = self.tallies[name] = Tally()
        slugs = set()
        punt_ids = {str(r.get("id")) for r in self.records["aanspreekpunten.yaml"]}
        for volgorde, (where, slug, r) in enumerate(self._each(name)):
            p = self.problems
            values: dict[str, Any] = {
                "bron": check_bron(p, where, r.get("bron")),
                "onbevestigd": list(r.get("onbevestigd") or []),
                "onderdeel": check_choice(p, where, "onderdeel", r.get("onderdeel"), Onderdeel),
                "volgorde": volgorde,
            }
            _set_translated(values, "tekst", translated(p, where, "tekst", r.get("tekst"), True))
            verwijst = [str(v) for v in (r.get("verwijst_naar") or [])]
            for ref in verwijst:
                if ref not in punt_ids:
                    p.add(where, f"verwijst_naar: unknown contact point id {ref!r}")
            slugs.add(slug)
            if self.problems:
                continue
            stap = _upsert(Opvangstap, slug, values, tally)
            _sync_m2m(stap.verwijst_naar, Aanspreekpunt.objects.filter(slug__in=verwijst))
        if not self.problems:
            self._prune(Opvangstap, name, slugs, prune)

    def _prijs(self, where: str, i: int, x: Any) -> dict:
        here = f"{where} prijzen[{i}]"
        if not isinstance(x, dict):
            self.problems.add(here, "a price must be a mapping")
            return {}
        pc = x.get("paritair_comite")
        if pc is not None and str(pc) not in self.pc_ids:
            self.problems.add(here, f"paritair_comite: unknown id {pc!r}")
        try:
            bedrag = Decimal(str(x.get("bedrag")))
            if bedrag < 0:
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.problems.add(
                here, f"bedrag must be a non-negative number, got {x.get('bedrag')!r}"
            )
            bedrag = Decimal(0)
        values = {
            "paritair_comite": str(pc) if pc is not None else None,
            "bedrag": bedrag,
            "vanaf": bool(x.get("vanaf", False)),
        }
        texts = translated(self.problems, here, "toelichting", x.get("toelichting"), False)
        for code in LANGUAGES:
            values[f"toelichting_{code}"] = texts[code]
        values["toelichting"] = texts["nl"]
        return values


def _datum(problems: Problems, where: str, name: str, record: dict) -> date | None:
    """An optional ISO date (YAML reads ``2026-12-01`` as a date already)."""
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        problems.add(where, f"{name} must be a date written YYYY-MM-DD, got {value!r}")
        return None


def _sync_m2m(manager: Any, wanted: models.QuerySet) -> None:
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
