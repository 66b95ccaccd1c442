"""Declared schemas of the kaart's data files (``data/*.yaml``), one class per record kind.

A new field is one line in its class. ``valideer`` checks a whole file and returns every
problem as one line naming the file, the record and the field (pydantic's ``loc``), so a
content editor can fix it without reading code. Rules that need other files (does this
organisation id exist?) stay in the loader; rules that need several fields of one record
are ``problemen()`` methods here. See docs/adr/0011-declared-schemas-for-the-data-files.md.
"""

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, Literal

from django.db import models

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    ValidationError,
    ValidationInfo,
    WrapValidator,
    model_validator,
)

from vangnet.kaart import choices as c
from vangnet.wegwijzer.models import Onderdeel

SLUG = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
PLAN_SOURCE = re.compile(r"^actieplan \S.*$")
ACTIE = re.compile(r"^\d\.\d(\.[a-z])?$")
TIME = re.compile(r"^\d\d:\d\d$")
LANGUAGES = ("nl", "fr", "en")

Loc = tuple[str | int, ...]


class Streng(BaseModel):
    """A record or part of one: unknown fields are refused (a typo never passes silently)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        """Rules over several fields of this record: ``(loc, message)`` pairs."""
        return iter(())


# -- field types ----------------------------------------------------------------------------


def keuze(choices: type[models.TextChoices]) -> Any:
    """One value of a code list of vangnet/kaart/choices.py, as a ``Literal``."""
    return Literal[tuple(choices.values)]


def _none_is_empty(value: Any) -> Any:
    return [] if value is None else value


def lijst(item: Any) -> Any:
    """An optional list: absent or ``null`` is the empty list."""
    return Annotated[list[item], BeforeValidator(_none_is_empty)]


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError("must be a slug (a-z, 0-9, '-' or '.'), written as a string")
    return value


def _bronregel(value: str) -> str:
    if not (value.startswith("https://") or PLAN_SOURCE.match(value)):
        raise ValueError(f"{value!r} is neither 'actieplan <section>' nor https://")
    if "…" in value or "..." in value:
        raise ValueError(f"{value!r} is a shortened URL")
    return value


def _actie(value: str) -> str:
    if not ACTIE.match(value):
        raise ValueError(f"{value!r} is not an action number such as '2.3.a'")
    return value


def _tijd(value: str) -> str:
    if not TIME.match(value):
        raise ValueError(f"must be written HH:MM, got {value!r}")
    return value


def _bron_verplicht(value: Any) -> Any:
    if not isinstance(value, list) or not value:
        raise ValueError("must be a non-empty list of plan sections or https:// URLs")
    return value


Slug = Annotated[StrictStr, AfterValidator(_slug)]


def verwijzing(*bestanden: str, wat: str) -> Any:
    """The id of a record in one of ``bestanden``; the ids come from the validation context.

    ``valideer`` passes ``{file: ids}`` of every data file, so a reference to another file
    is checked in the same pass as the record's own fields.
    """

    def check(value: str, info: ValidationInfo) -> str:
        context = info.context or {}
        known = [context[name] for name in bestanden if name in context]
        if known and not any(value in ids for ids in known):
            raise ValueError(f"{value!r} is not a known {wat} id")
        return value

    return Annotated[Slug, AfterValidator(check)]


Bronregel = Annotated[StrictStr, AfterValidator(_bronregel)]
Bron = Annotated[list[Bronregel], BeforeValidator(_bron_verplicht)]
Actie = Annotated[StrictStr, AfterValidator(_actie)]
Tijd = Annotated[StrictStr, AfterValidator(_tijd)]
JaNeeOnbekend = StrictBool | None


class Vertaling(Streng):
    """A text in Dutch, and in French and English where it is translated."""

    nl: StrictStr = Field(min_length=1)
    fr: StrictStr = ""
    en: StrictStr = ""


def _als_vertaling(value: Any) -> Any:
    return {"nl": value} if isinstance(value, str) else value


def _leeg_is_afwezig(value: Any) -> Any:
    return None if value == "" else _als_vertaling(value)


# A translatable text: a string (Dutch) or {nl, fr, en} with nl required.
Tekst = Annotated[Vertaling, BeforeValidator(_als_vertaling)]
OptioneleTekst = Annotated[Vertaling | None, BeforeValidator(_leeg_is_afwezig)]


class Vertaalstatus(Streng):
    """Who vouches for the French and English texts of a record (docs/data-format.md).

    ``concept``: written by the Vangnet team from the Dutch text, not yet read by the
    organisation or a native speaker; ``nagekeken``: read and approved by them.
    """

    fr: Literal["concept", "nagekeken"] | None = None
    en: Literal["concept", "nagekeken"] | None = None


def vertaald(value: Vertaling | None) -> dict[str, str]:
    """A translatable value as ``{"nl": ..., "fr": ..., "en": ...}`` ('' when absent)."""
    if value is None:
        return dict.fromkeys(LANGUAGES, "")
    return {code: getattr(value, code) for code in LANGUAGES}


def vertaalde_lijst(items: list[Vertaling]) -> dict[str, list[str]]:
    """One list per language; a language is only filled when every item has it.

    Otherwise it stays empty and the page falls back to Dutch, so a step list is never
    half translated.
    """
    result = {}
    for code in LANGUAGES:
        texts = [getattr(item, code) for item in items]
        result[code] = texts if all(texts) else []
    return result


# -- the records ----------------------------------------------------------------------------


class Record(Streng):
    id: Slug
    bron: Bron = Field(default=None, validate_default=True)
    onbevestigd: lijst(Tekst) = []
    vertaling: Vertaalstatus = Vertaalstatus()


class Organisatie(Record):
    naam: Tekst
    beschrijving: OptioneleTekst = None
    afkorting: StrictStr = ""
    soort: keuze(c.OrganisatieSoort)
    website: StrictStr = ""
    acties: lijst(Actie) = []


class ParitairComite(Record):
    naam: Tekst
    sociaal_fonds: Slug | None = None
    acties: lijst(Actie) = []


class Begrip(Record):
    term: Tekst
    definitie: Tekst
    synoniemen: lijst(StrictStr) = []
    verwant: lijst(Slug) = []


class Uren(Streng):
    dagen: lijst(keuze(c.Dag)) = []
    van: Tijd
    tot: Tijd


class Kanaal(Streng):
    soort: keuze(c.KanaalSoort)
    waarde: StrictStr = Field(min_length=1, description="number, address or link")
    label: OptioneleTekst = None
    altijd_open: StrictBool = False
    uren: lijst(Uren) = []
    uren_toelichting: OptioneleTekst = None
    bron: lijst(Bronregel) = []
    onbevestigd: StrictBool = False
    gecontroleerd_op: date | None = None


def _overige(value: Any, handler: Any) -> Any:
    # ``overige`` stands for every value of the vocabulary not listed as "yes"; the record
    # writes it out (see Aanspreekpunt) so the router reads plain lists.
    return value if value == "overige" else handler(value)


def _nee(choices: type[models.TextChoices]) -> Any:
    """A sourced "no" for one kenmerk: which values, why, and where it says so."""

    class Nee(Streng):
        waarden: Annotated[
            list[keuze(choices)], Field(min_length=1), WrapValidator(_overige)
        ]  # or "overige"
        bron: Bron = Field(default=None, validate_default=True)
        reden: OptioneleTekst = None

    Nee.__name__ = Nee.__qualname__ = f"NietVoor{choices.__name__}"
    return Annotated[list[Nee], Field(min_length=1)]


class NeeMinderjarigen(Streng):
    """A sourced "no" for minors: a yes/no fact, without values."""

    bron: Bron = Field(default=None, validate_default=True)
    reden: OptioneleTekst = None


class NietVoor(Streng):
    """The facts of a contact point that can carry a sourced "no" (docs/data-format.md)."""

    doelgroepen: _nee(c.Status) | None = None
    perspectieven: _nee(c.Perspectief) | None = None
    gedrag: _nee(c.Gedrag) | None = None
    discriminatiegronden: _nee(c.Discriminatiegrond) | None = None
    contexten: _nee(c.Context) | None = None
    sectoren: _nee(c.Sector) | None = None
    minderjarigen: Annotated[list[NeeMinderjarigen], Field(min_length=1)] | None = None


NIET_VOOR_KENMERKEN = tuple(NietVoor.model_fields)


class Aanspreekpunt(Record):
    naam: Tekst
    samenvatting: Tekst
    beschrijving: OptioneleTekst = None
    soort: keuze(c.AanspreekpuntSoort)
    niveau: keuze(c.Niveau)
    organisatie: Slug | None = None
    aanbieders: lijst(Slug) = []
    biedt: lijst(keuze(c.Wens)) = []
    doelgroepen: lijst(keuze(c.Status)) = []
    perspectieven: lijst(keuze(c.Perspectief)) = []
    gedrag: lijst(keuze(c.Gedrag)) = []
    discriminatiegronden: lijst(keuze(c.Discriminatiegrond)) = []
    contexten: lijst(keuze(c.Context)) = []
    sectoren: lijst(keuze(c.Sector)) = []
    talen: lijst(keuze(c.Taal)) = []
    anoniem: JaNeeOnbekend = None
    anoniem_toelichting: OptioneleTekst = None
    kosteloos: JaNeeOnbekend = None
    kosten: OptioneleTekst = None
    minderjarigen: JaNeeOnbekend = None
    niet_voor: Annotated[NietVoor, BeforeValidator(lambda v: {} if v is None else v)] = NietVoor()
    voorwaarden: OptioneleTekst = None
    dringend: StrictBool = False
    identiteit_bevestigd: Annotated[StrictBool, BeforeValidator(lambda v: v is not False)] = True
    gecontroleerd_op: date | None = None
    kanalen: lijst(Kanaal) = []
    opvolging: lijst(Tekst) = []
    wie_weet_wat: lijst(Tekst) = []
    acties: lijst(Actie) = []

    @model_validator(mode="after")
    def _overige_uitschrijven(self) -> "Aanspreekpunt":
        for kenmerk in NIET_VOOR_KENMERKEN[:-1]:
            ja = set(getattr(self, kenmerk))
            for nee in getattr(self.niet_voor, kenmerk) or []:
                if nee.waarden == "overige":
                    nee.waarden = [v for v in _waarden(kenmerk) if v not in ja]
        return self

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        for kenmerk in NIET_VOOR_KENMERKEN[:-1]:
            ja = set(getattr(self, kenmerk))
            for i, nee in enumerate(getattr(self.niet_voor, kenmerk) or []):
                dubbel = sorted(ja & set(nee.waarden))
                if dubbel:
                    yield (
                        ("niet_voor", kenmerk, i, "waarden"),
                        f"{', '.join(dubbel)} is both listed in {kenmerk} and here",
                    )
        if self.niet_voor.minderjarigen and self.minderjarigen is not False:
            yield (
                ("niet_voor", "minderjarigen"),
                "a sourced no for minderjarigen needs minderjarigen: false",
            )
        if self.minderjarigen is False and not self.niet_voor.minderjarigen:
            yield (
                ("minderjarigen",),
                "minderjarigen: false needs a sourced entry in niet_voor.minderjarigen",
            )

    def niet_voor_waarden(self) -> dict[str, list[dict]]:
        """``niet_voor`` as the plain lists the router reads."""
        result: dict[str, list[dict]] = {}
        for kenmerk in NIET_VOOR_KENMERKEN:
            entries = getattr(self.niet_voor, kenmerk)
            if entries is None:
                continue
            result[kenmerk] = [
                {
                    "waarden": list(getattr(nee, "waarden", [])),
                    "bron": list(nee.bron),
                    "reden": vertaald(nee.reden),
                }
                for nee in entries
            ]
        return result


_VOCABULARIES = {
    "doelgroepen": c.Status,
    "perspectieven": c.Perspectief,
    "gedrag": c.Gedrag,
    "discriminatiegronden": c.Discriminatiegrond,
    "contexten": c.Context,
    "sectoren": c.Sector,
}


def _waarden(kenmerk: str) -> list[str]:
    return list(_VOCABULARIES[kenmerk].values)


class Prijs(Streng):
    paritair_comite: Slug | None = None
    bedrag: Annotated[Decimal, Field(ge=0)]
    vanaf: StrictBool = False
    toelichting: OptioneleTekst = None


class Aanbod(Record):
    titel: Tekst
    samenvatting: Tekst
    beschrijving: OptioneleTekst = None
    duur: OptioneleTekst = None
    soort: keuze(c.AanbodSoort)
    aanbieders: lijst(Slug) = []
    beleidsniveaus: lijst(keuze(c.Beleidsniveau)) = []
    doelgroepen: lijst(keuze(c.AanbodDoelgroep)) = []
    sectoren: lijst(keuze(c.Sector)) = []
    talen: lijst(keuze(c.Taal)) = []
    url: StrictStr = ""
    prijzen: lijst(Prijs) = []
    acties: lijst(Actie) = []

    def problemen(self) -> Iterator[tuple[Loc, str]]:
        pcs = [prijs.paritair_comite for prijs in self.prijzen]
        if len(pcs) != len(set(pcs)):
            yield (("prijzen",), "one price per paritair comité (and one for everyone else)")


class Opvangstap(Record):
    onderdeel: keuze(Onderdeel)
    tekst: Tekst
    verwijst_naar: lijst(Slug) = []


SCHEMAS: dict[str, type[Record]] = {
    "organisaties.yaml": Organisatie,
    "paritaire-comites.yaml": ParitairComite,
    "begrippen.yaml": Begrip,
    "aanspreekpunten.yaml": Aanspreekpunt,
    "aanbod.yaml": Aanbod,
    "eerste-opvang.yaml": Opvangstap,
}


# -- translations ---------------------------------------------------------------------------


def teksten(deel: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Vertaling]]:
    """Every translatable text of a validated record, with where it is (pydantic's ``loc``).

    ``("kanalen", 1, "label")`` is the label of the second channel; ``pad`` writes it
    ``kanalen[1].label``.
    """
    if isinstance(deel, Vertaling):
        yield loc, deel
    elif isinstance(deel, BaseModel):
        for naam in type(deel).model_fields:
            yield from teksten(getattr(deel, naam), (*loc, naam))
    elif isinstance(deel, list):
        for i, item in enumerate(deel):
            yield from teksten(item, (*loc, i))


TAALNAMEN = {"fr": "French", "en": "English"}


def vertaalproblemen(record: Record) -> Iterator[tuple[Loc, str]]:
    """A translated record says whose translation it is: ``vertaling: {fr: concept}``."""
    for code, naam in TAALNAMEN.items():
        heeft_tekst = any(getattr(tekst, code) for _loc, tekst in teksten(record))
        status = getattr(record.vertaling, code)
        if heeft_tekst and status is None:
            yield (
                ("vertaling", code),
                f"the record has {naam} text: mark it 'vertaling: {{{code}: concept}}' "
                "(or nagekeken once the organisation approved it)",
            )
        elif status is not None and not heeft_tekst:
            yield ("vertaling", code), f"says {status}, but the record has no {naam} text"


# -- checking a file ------------------------------------------------------------------------


def pad(loc: Loc) -> str:
    """pydantic's ``loc`` as the editor reads it: ``kanalen[1].uren[0].van``."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def melding(error: dict) -> str:
    """One pydantic error in the loader's words."""
    kind = error["type"]
    if kind == "literal_error":
        return f"unknown value {error['input']!r}; allowed: {error['ctx']['expected']}"
    if kind.startswith(("date_", "datetime_")):
        return f"must be a date written YYYY-MM-DD, got {error['input']!r}"
    if kind == "missing":
        return "is required"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "value_error":
        return str(error["ctx"]["error"])
    return error["msg"]


def waar(bestand: str, nummer: int, record: Any) -> str:
    """The record as the loader names it: ``aanbod.yaml #3 (some-id)``."""
    rid = record.get("id", "?") if isinstance(record, dict) else "?"
    return f"{bestand} #{nummer} ({rid})"


def valideer(
    bestand: str,
    records: list[Any],
    schema: type[Record],
    ids: dict[str, set[str]] | None = None,
) -> tuple[list[tuple[str, Record]], list[str]]:
    """Check every record of a file: the valid ones (with their name) and every problem.

    ``ids`` holds the ids of every data file, for the references (``verwijzing``). Each
    problem is one line: ``file #n (id): field.sub[0]: message``.
    """
    geldig: list[tuple[str, Record]] = []
    problemen: list[str] = []
    gezien: set[str] = set()
    for nummer, record in enumerate(records, start=1):
        where = waar(bestand, nummer, record)
        if not isinstance(record, dict):
            problemen.append(f"{bestand} #{nummer}: a record must be a mapping")
            continue
        rid = record.get("id")
        if isinstance(rid, str) and rid in gezien:
            problemen.append(f"{where}: id: duplicate id {rid!r}")
        gezien.add(rid if isinstance(rid, str) else "")
        try:
            model = schema.model_validate(record, context=ids)
        except ValidationError as error:
            for fout in error.errors():
                veld = pad(fout["loc"])
                problemen.append(f"{where}: {veld + ': ' if veld else ''}{melding(fout)}")
            continue
        regels = [
            f"{where}: {pad(loc)}: {message}"
            for loc, message in (*model.problemen(), *vertaalproblemen(model))
        ]
        problemen.extend(regels)
        if not regels:
            geldig.append((where, model))
    return geldig, problemen
