"""The published figures: a table by one or two dimensions for a quarter or a year, suppressed.

This is the module other apps call (the interim report of the action plan, the API, the
pages)::

    from vangnet.monitoring import cijfers
    t = cijfers.tabel(["sector"], periode="2025")                 # the public table
    t = cijfers.tabel(["gedrag", "sector"], van=date(2025, 1, 1), tot=date(2025, 12, 31))
    t = cijfers.tabel(["route"], periode="2026", doelgroep=cijfers.BELEID)  # provisional too

and in a template ``{% include "monitoring/_tabel.html" with tabel=t %}`` draws its chart
(an SVG made by the template) with the table beside it.

How a table is made, so that what one table hides no other table gives away:

- A table by one dimension is made for a whole year at once: the values by quarter, with
  the year as the total column (``suppressie.Rooster``). The quarter a reader asks for is a
  column of it, so the quarter tables and the year table are suppressed together.
- The quarters of a year are published only when each has at least 10 cases; otherwise
  only the year is. So every total of a quarter or a year that is published is at least 10
  and shown, the same for every dimension.
- A crossing of two dimensions exists per year only. Its totals are the year columns of
  the two tables by one dimension, shown or hidden as there (``vast``); only its inside
  gets extra hidden cells.

Audiences (``doelgroep``): ``PUBLIEK`` sees fixed quarters of complete years only (a figure
that moves from day to day tells who reported yesterday); ``BELEID`` (department and
stuurgroep) also sees the quarters not yet fixed, counted live and marked provisional;
``ONTVANGER`` sees one receiver's own cases, live. The suppression rule is the same for all.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from vangnet.monitoring import suppressie, telling
from vangnet.monitoring.dimensies import AANLEVERBAAR, DIMENSIES, NAMEN, Dimensie, volgorde
from vangnet.monitoring.models import Momentopname, Telling
from vangnet.monitoring.periodes import Kwartaal, OngeldigePeriode, Periode, uit_datums
from vangnet.monitoring.suppressie import DREMPEL, TOTAAL, Rooster

PUBLIEK, BELEID, ONTVANGER = "publiek", "beleid", "ontvanger"

Weergave = int | str


class OngeldigeVraag(ValueError):
    """A question for figures that cannot be answered; ``veld`` names what is wrong."""

    def __init__(self, veld: str, boodschap: str) -> None:
        super().__init__(boodschap)
        self.veld = veld
        self.boodschap = boodschap


class GeenCijfers(OngeldigeVraag):
    """A correct question for a period this audience has no figures for (yet)."""


@dataclass(frozen=True)
class Bron:
    """Whose figures: Vangnet's (both empty), one receiver's, or a partner's uploads."""

    ontvanger_id: int | None = None
    organisatie_id: int | None = None
    naam: str = ""

    @property
    def label(self) -> str:
        return self.naam or str(gettext_lazy("Vangnet"))


VANGNET = Bron()


@dataclass
class Rij:
    code: str
    label: str
    cellen: list[Weergave]  # the last one is the row's total

    @property
    def totaal(self) -> Weergave:
        return self.cellen[-1]


@dataclass
class Tabel:
    """A published table: every cell is a count of at least 10, ``"<10"`` or ``"x"``.

    ``kolommen`` are the values of the second dimension, or, for a table by one
    dimension, the quarters of the year; the last column is the total (the year).
    """

    per: list[str]
    periode: Periode
    bron: Bron
    kolommen: list[tuple[str, str]]
    rijen: list[Rij]
    totaalrij: Rij
    voorlopig: list[str] = field(default_factory=list)  # quarters not fixed yet
    geteld_op: datetime | None = None  # when their provisional counts were taken
    gepubliceerd: bool = True

    @property
    def rijdimensie(self) -> Dimensie:
        return DIMENSIES[self.per[0]]

    @property
    def koldimensie(self) -> Dimensie | None:
        return DIMENSIES[self.per[1]] if len(self.per) > 1 else None

    @property
    def titel(self) -> str:
        if self.koldimensie:
            return _("%(a)s en %(b)s, %(periode)s") % {
                "a": self.rijdimensie.label,
                "b": self.koldimensie.label,
                "periode": self.periode_label,
            }
        return _("Meldingen per %(a)s, %(periode)s") % {
            "a": self.rijdimensie.label,
            "periode": self.periode_label,
        }

    @property
    def periode_label(self) -> str:
        p = self.periode
        return (
            _("kwartaal %(n)s van %(jaar)s") % {"n": p.kwartaal, "jaar": p.jaar}
            if p.kwartaal
            else str(p.jaar)
        )

    def _kolom(self) -> int:
        """The column of the asked period (the last, the total, for a year)."""
        if self.koldimensie or not self.periode.kwartaal:
            return len(self.kolommen) - 1
        codes = [code for code, _label in self.kolommen]
        return codes.index(self.periode.code)

    @property
    def totaal(self) -> Weergave:
        return self.totaalrij.cellen[self._kolom()]

    def staven(self) -> list[tuple[str, Weergave]]:
        """(label, count) per value for the asked period: what the chart draws."""
        k = self._kolom()
        return [(rij.label, rij.cellen[k]) for rij in self.rijen]

    @property
    def staafdiagram(self):
        """The bars of the asked period (a table by one dimension), for ``_staven.html``."""
        from vangnet.monitoring import grafiek

        if self.koldimensie:
            return None
        return grafiek.staven(self.staven(), self.titel)

    def als_json(self) -> dict:
        """The API's answer: ``{"cellen": [{dim: code, "aantal": ...}], "totaal": ...}``."""
        cellen = []
        if self.koldimensie:
            a, b = self.per
            for rij in self.rijen:
                for (code, _label), waarde in zip(self.kolommen[:-1], rij.cellen[:-1], strict=True):
                    cellen.append({a: rij.code, b: code, "aantal": waarde})
        else:
            k = self._kolom()
            cellen = [{self.per[0]: rij.code, "aantal": rij.cellen[k]} for rij in self.rijen]
        return {
            "per": self.per,
            "van": self.periode.van.isoformat(),
            "tot": self.periode.tot.isoformat(),
            "bron": self.bron.label,
            "cellen": cellen,
            "totaal": self.totaal,
            "voorlopig": bool(self.voorlopig),
        }

    def regels(self) -> list[list[str]]:
        """The table as rows of text, header first, for CSV and ODS."""
        kop = [str(self.rijdimensie.label), *[label for _code, label in self.kolommen]]
        uit = [kop]
        for rij in [*self.rijen, self.totaalrij]:
            uit.append([rij.label, *[str(w) for w in rij.cellen]])
        return uit


# --- Which quarters each audience sees ---------------------------------------------------


class Opnames(dict):
    """Snapshots of a source: quarter code -> number of cases; ``voorlopig`` holds the
    provisional ones (code -> when they were counted)."""

    def __init__(self) -> None:
        super().__init__()
        self.voorlopig: dict[str, datetime] = {}


# What one page reads more than once (the list of a source's snapshots, the first case's
# date): read once inside ``samen()``. A page of the department read the same snapshot list
# four times; on a loaded machine every round trip waits for the database's turn on a core.
_gelezen: ContextVar[dict | None] = ContextVar("monitoring_cijfers_gelezen", default=None)


@contextmanager
def samen() -> Iterator[None]:
    """Within this block (one request), read each source's snapshot list and the date of
    its first case once. Nothing outlives the block, so nothing can go stale."""
    teken = _gelezen.set({})
    try:
        yield
    finally:
        _gelezen.reset(teken)


def _een_keer(sleutel: tuple, lees: Callable[[], Any]) -> Any:
    gelezen = _gelezen.get()
    if gelezen is None:
        return lees()
    if sleutel not in gelezen:
        gelezen[sleutel] = lees()
    return gelezen[sleutel]


def _momentopnames(bron: Bron, *, met_voorlopig: bool = False) -> Opnames:
    """Snapshots of a source; provisional ones only when asked (never for the public)."""
    return _een_keer(
        ("opnames", bron.organisatie_id, met_voorlopig),
        lambda: _lees_momentopnames(bron, met_voorlopig=met_voorlopig),
    )


def _lees_momentopnames(bron: Bron, *, met_voorlopig: bool) -> Opnames:
    qs = Momentopname.objects.all()
    qs = (
        qs.filter(bron_id=bron.organisatie_id)
        if bron.organisatie_id
        else qs.filter(bron__isnull=True)
    )
    if not met_voorlopig:
        qs = qs.filter(voorlopig=False)
    uit = Opnames()
    for kwartaal, aantal, voorlopig, genomen_op in qs.values_list(
        "kwartaal", "aantal", "voorlopig", "genomen_op"
    ):
        uit[kwartaal] = aantal
        if voorlopig:
            uit.voorlopig[kwartaal] = genomen_op
    return uit


def _opnames_voor(doelgroep: str, bron: Bron) -> Opnames:
    """What this audience reads from snapshots: a receiver's own figures are always live;
    the department reads provisional snapshots too, the public only fixed ones."""
    if bron.ontvanger_id is not None:
        return Opnames()
    return _momentopnames(bron, met_voorlopig=doelgroep == BELEID)


def beschikbare_jaren(
    doelgroep: str = PUBLIEK, bron: Bron = VANGNET, nu: datetime | None = None
) -> list[int]:
    """The years with figures for this audience, newest first."""
    nu = nu or timezone.now()
    vast = _opnames_voor(doelgroep, bron)
    if doelgroep == PUBLIEK or bron.organisatie_id:
        jaren = Counter(Kwartaal.van_code(k).jaar for k in vast)
        if doelgroep == PUBLIEK:
            return sorted((j for j, n in jaren.items() if n == 4), reverse=True)
        return sorted(jaren, reverse=True)
    qs = telling.van_ontvanger(bron.ontvanger_id) if bron.ontvanger_id else telling.alle_meldingen()
    eerste = _een_keer(
        ("eerste", bron.ontvanger_id),
        lambda: qs.order_by("ontvangen_op").values_list("ontvangen_op", flat=True).first(),
    )
    jaren = {Kwartaal.van_code(k).jaar for k in vast}
    if eerste is not None:
        jaren.update(range(timezone.localtime(eerste).year, timezone.localtime(nu).year + 1))
    return sorted(jaren, reverse=True)


def _kwartalen_van_jaar(
    jaar: int, doelgroep: str, bron: Bron, vast: Opnames, nu: datetime
) -> list[Kwartaal]:
    alle = [Kwartaal(jaar, n) for n in range(1, 5)]
    if doelgroep == PUBLIEK or bron.organisatie_id:
        return [k for k in alle if k.code in vast]
    huidig = Kwartaal.van_moment(nu)
    return [k for k in alle if k <= huidig]


# --- Counting ---------------------------------------------------------------------------


@dataclass
class Gegevens:
    totaal: Counter  # kw -> n
    enkel: dict[str, Counter]  # dim -> (kw, waarde) -> n
    paar: Counter  # (waarde_a, waarde_b) -> n over the year
    live: list[str]  # quarters counted live, now
    voorlopig: dict[str, datetime] = field(default_factory=dict)  # provisional snapshots read


def _gegevens(
    per: list[str], kwartalen: list[Kwartaal], bron: Bron, vast: Opnames, nu: datetime
) -> Gegevens:
    """The counts a family of tables needs, from snapshots (fixed, or provisional for the
    department) where there are any, else live.

    A fixed number of queries whatever the number of cases: one for the snapshot cells,
    and for the quarters without a snapshot two per table counted live (a ``GROUP BY``
    over those quarters' cases: a receiver's own figures, or a quarter the daily count has
    not reached yet).
    """
    gegevens = Gegevens(Counter(), {naam: Counter() for naam in per}, Counter(), [])
    vaste = [k for k in kwartalen if k.code in vast and bron.ontvanger_id is None]
    losse = [k for k in kwartalen if k not in vaste]
    gegevens.voorlopig = {k.code: vast.voorlopig[k.code] for k in vaste if k.code in vast.voorlopig}
    for k in vaste:
        gegevens.totaal[k.code] = vast[k.code]
    if vaste and per:
        filter_ = Q(dim1__in=per, dim2="")
        if len(per) == 2:
            a, b = volgorde(per)
            filter_ |= Q(dim1=a, dim2=b)
        qs = Telling.objects.filter(filter_, momentopname__kwartaal__in=[k.code for k in vaste])
        qs = (
            qs.filter(momentopname__bron_id=bron.organisatie_id)
            if bron.organisatie_id
            else qs.filter(momentopname__bron__isnull=True)
        )
        for kw, d1, w1, d2, w2, n in qs.values_list(
            "momentopname__kwartaal", "dim1", "waarde1", "dim2", "waarde2", "aantal"
        ):
            if d2:
                gegevens.paar[(w1, w2) if d1 == per[0] else (w2, w1)] += n
            else:
                gegevens.enkel[d1][(kw, w1)] += n
    if losse:
        meldingen = (
            telling.van_ontvanger(bron.ontvanger_id)
            if bron.ontvanger_id
            else telling.alle_meldingen()
        )
        gegevens.live = [k.code for k in losse]
        uitkomst = telling.tel(meldingen, losse, per[:1], nu)
        gegevens.totaal.update(uitkomst.totaal)
        if per:
            gegevens.enkel[per[0]].update(uitkomst.cellen)
        if len(per) == 2:
            gegevens.enkel[per[1]].update(telling.tel(meldingen, losse, per[1:], nu).cellen)
            for (_kw, wa, wb), n in telling.tel(meldingen, losse, per, nu).cellen.items():
                gegevens.paar[(wa, wb)] += n
    return gegevens


# --- Suppression of the family ------------------------------------------------------------


def jaarrooster(dim: Dimensie, kwartalen: list[Kwartaal], g: Gegevens) -> Rooster:
    """Values by quarter with the year as total column; quarters only when each has 10+."""
    toon_kwartalen = all(g.totaal[k.code] >= DREMPEL for k in kwartalen) and len(kwartalen) > 1
    kolommen = [k.code for k in kwartalen] if toon_kwartalen else []
    waarden: dict = {}
    jaar = sum(g.totaal[k.code] for k in kwartalen)
    for code in dim.codes:
        for kw in kolommen:
            waarden[(code, kw)] = g.enkel[dim.naam][(kw, code)]
        waarden[(code, TOTAAL)] = sum(g.enkel[dim.naam][(k.code, code)] for k in kwartalen)
    for kw in kolommen:
        waarden[(TOTAAL, kw)] = g.totaal[kw]
    waarden[(TOTAAL, TOTAAL)] = jaar
    vast = {(TOTAAL, kw): False for kw in kolommen}
    if jaar >= DREMPEL:
        vast[(TOTAAL, TOTAAL)] = False
    return Rooster(
        rijen=dim.codes,
        kolommen=kolommen,
        waarden=waarden,
        # A row (one value over the quarters) adds up to its year; a column (one quarter
        # over the values) adds up to the quarter's total unless a case can have several.
        rijen_tellen_op=True,
        kolommen_tellen_op=not dim.meervoudig,
        vast=vast,
    )


def bescherm(rooster: Rooster) -> suppressie.Uitkomst:
    if rooster.waarden[(TOTAAL, TOTAAL)] < DREMPEL:
        return suppressie.alles_verborgen(rooster)
    try:
        return suppressie.onderdruk(rooster)
    except suppressie.NietTeBeschermen:
        return suppressie.alles_verborgen(rooster)


def _rij(rooster: Rooster, uitkomst: suppressie.Uitkomst, code, label: str, kolommen: list) -> Rij:
    cellen = [uitkomst.toon((code, k), rooster.waarden[(code, k)]) for k in [*kolommen, TOTAAL]]
    return Rij(str(code), label, cellen)


def _kwartaallabel(kw: str) -> str:
    k = Kwartaal.van_code(kw)
    return _("K%(n)s %(jaar)s") % {"n": k.nummer, "jaar": k.jaar}


def _lees_per(per: list[str] | str) -> list[str]:
    if isinstance(per, str):
        per = [p.strip() for p in per.split(",") if p.strip()]
    if not per:
        raise OngeldigeVraag(
            "per", _("per: kies een of twee dimensies: %(namen)s.") % {"namen": ", ".join(NAMEN)}
        )
    for naam in per:
        if naam not in DIMENSIES:
            raise OngeldigeVraag(
                "per",
                _("per: onbekende dimensie “%(naam)s”; kies uit %(namen)s.")
                % {"naam": naam, "namen": ", ".join(NAMEN)},
            )
    if len(per) > 2:
        raise OngeldigeVraag("per", _("per: hoogstens twee dimensies tegelijk."))
    if len(per) == 2 and per[0] == per[1]:
        raise OngeldigeVraag("per", _("per: kies twee verschillende dimensies."))
    return list(per)


def tabel(
    per: list[str] | str,
    van: date | None = None,
    tot: date | None = None,
    *,
    periode: str | Periode | None = None,
    doelgroep: str = PUBLIEK,
    bron: Bron = VANGNET,
    nu: datetime | None = None,
) -> Tabel:
    """The suppressed table of cases by ``per`` (one or two dimension names) for a period.

    The period is ``periode`` ("2025" or "2025-K2"), or ``van``/``tot`` spanning exactly a
    quarter or a calendar year, or by default the latest year this audience sees. Raises
    ``OngeldigeVraag`` (with the field at fault) for an unknown dimension, a period that is
    not a quarter or a year, a crossing of a quarter, or a period without figures.
    """
    nu = nu or timezone.now()
    per = _lees_per(per)
    gevraagd = _lees_periode(van, tot, periode, doelgroep, bron, nu)
    if len(per) == 2 and gevraagd.kwartaal:
        raise OngeldigeVraag(
            "per", _("per: een kruising van twee dimensies bestaat alleen per kalenderjaar.")
        )
    if bron.organisatie_id and (len(per) == 2 or not all(p in AANLEVERBAAR for p in per)):
        raise GeenCijfers(
            "per", _("per: partners leveren hun cijfers aan per dimensie, zonder kruisingen.")
        )
    vast = _opnames_voor(doelgroep, bron)
    kwartalen = _kwartalen_van_jaar(gevraagd.jaar, doelgroep, bron, vast, nu)
    if doelgroep == PUBLIEK and len(kwartalen) < 4:
        kwartalen = []
    if gevraagd.kwartaal and Kwartaal(gevraagd.jaar, gevraagd.kwartaal) not in kwartalen:
        kwartalen = []
    if not kwartalen:
        raise GeenCijfers(
            "van", _("Voor %(periode)s zijn er (nog) geen cijfers.") % {"periode": gevraagd.code}
        )
    g = _gegevens(per, kwartalen, bron, vast, nu)
    dim = DIMENSIES[per[0]]
    rooster = jaarrooster(dim, kwartalen, g)
    uitkomst = bescherm(rooster)
    if len(per) == 1:
        kolommen = [(kw, _kwartaallabel(kw)) for kw in rooster.kolommen]
        if gevraagd.kwartaal and gevraagd.code not in rooster.kolommen:
            # Quarters of this year are not published (one has fewer than 10 cases).
            kolommen = [(gevraagd.code, _kwartaallabel(gevraagd.code))]
            rooster.kolommen = [gevraagd.code]
            for code in dim.codes:
                rooster.waarden[(code, gevraagd.code)] = g.enkel[dim.naam][(gevraagd.code, code)]
            rooster.waarden[(TOTAAL, gevraagd.code)] = g.totaal[gevraagd.code]
            uitkomst = suppressie.alles_verborgen(rooster)
        jaarlabel = (
            str(gevraagd.jaar)
            if len(kwartalen) == 4
            else _("%(jaar)s tot nu toe") % {"jaar": gevraagd.jaar}
        )
        kolommen.append((str(gevraagd.jaar), jaarlabel))
        rijen = [
            _rij(rooster, uitkomst, code, dim.label_van(code), rooster.kolommen)
            for code in dim.codes
        ]
        totaalrij = _rij(rooster, uitkomst, TOTAAL, _("alle meldingen"), rooster.kolommen)
        return Tabel(per, gevraagd, bron, kolommen, rijen, totaalrij, **_voorlopig(g))
    # A crossing: its totals are the year columns of the two tables by one dimension.
    andere = DIMENSIES[per[1]]
    rooster_b = jaarrooster(andere, kwartalen, g)
    kruis = kruisrooster(dim, andere, rooster, uitkomst, rooster_b, bescherm(rooster_b), g.paar)
    uitkomst_kruis = bescherm(kruis)
    kolommen = [(cb, andere.label_van(cb)) for cb in andere.codes]
    kolommen.append((TOTAAL, _("alle meldingen")))
    rijen = [_rij(kruis, uitkomst_kruis, ca, dim.label_van(ca), andere.codes) for ca in dim.codes]
    totaalrij = _rij(kruis, uitkomst_kruis, TOTAAL, _("alle meldingen"), andere.codes)
    return Tabel(per, gevraagd, bron, kolommen, rijen, totaalrij, **_voorlopig(g))


def _voorlopig(g: Gegevens) -> dict:
    """The quarters of a table that may still change, and when the oldest of their counts
    was taken (None when every one of them was counted just now)."""
    return {
        "voorlopig": sorted({*g.live, *g.voorlopig}),
        "geteld_op": min(g.voorlopig.values()) if g.voorlopig else None,
    }


def kruisrooster(
    dim: Dimensie,
    andere: Dimensie,
    rooster_a: Rooster,
    uitkomst_a: suppressie.Uitkomst,
    rooster_b: Rooster,
    uitkomst_b: suppressie.Uitkomst,
    paar: Counter,
) -> Rooster:
    """The crossing of a year, with as totals the year columns of the two tables by one
    dimension, fixed as shown or hidden there."""
    waarden, vast = {}, {}
    for ca in dim.codes:
        for cb in andere.codes:
            waarden[(ca, cb)] = paar[(ca, cb)]
        waarden[(ca, TOTAAL)] = rooster_a.waarden[(ca, TOTAAL)]
        vast[(ca, TOTAAL)] = (ca, TOTAAL) in uitkomst_a.verborgen
    for cb in andere.codes:
        waarden[(TOTAAL, cb)] = rooster_b.waarden[(cb, TOTAAL)]
        vast[(TOTAAL, cb)] = (cb, TOTAAL) in uitkomst_b.verborgen
    waarden[(TOTAAL, TOTAAL)] = rooster_a.waarden[(TOTAAL, TOTAAL)]
    vast[(TOTAAL, TOTAAL)] = (TOTAAL, TOTAAL) in uitkomst_a.verborgen
    return Rooster(
        rijen=list(dim.codes),
        kolommen=list(andere.codes),
        waarden=waarden,
        rijen_tellen_op=not andere.meervoudig,
        kolommen_tellen_op=not dim.meervoudig,
        vast=vast,
    )


def _lees_periode(van, tot, periode, doelgroep: str, bron: Bron, nu: datetime) -> Periode:
    if isinstance(periode, Periode):
        return periode
    if periode:
        try:
            return Periode.van_code(periode)
        except ValueError:
            raise OngeldigeVraag(
                "periode", _("periode: schrijf een jaar (2025) of een kwartaal (2025-K2).")
            ) from None
    if van and tot:
        try:
            return uit_datums(van, tot)
        except OngeldigePeriode as fout:
            raise OngeldigeVraag(fout.veld, fout.boodschap) from None
    if van or tot:
        veld = "tot" if van else "van"
        raise OngeldigeVraag(
            veld, _("%(veld)s: geef van en tot allebei, of geen van beide.") % {"veld": veld}
        )
    jaren = beschikbare_jaren(doelgroep, bron, nu)
    if not jaren:
        raise GeenCijfers("van", _("Er zijn nog geen cijfers."))
    return Periode(jaren[0])


def verloop(
    doelgroep: str = PUBLIEK, bron: Bron = VANGNET, nu: datetime | None = None
) -> list[tuple[str, Weergave]]:
    """The number of cases per quarter over every year this audience sees: the trend.

    A quarter's total is published when each quarter of its year has at least 10 cases
    (as in ``tabel``); otherwise its year's quarters show as hidden.
    """
    nu = nu or timezone.now()
    vast = _opnames_voor(doelgroep, bron)
    uit = []
    for jaar in sorted(beschikbare_jaren(doelgroep, bron, nu)):
        kwartalen = _kwartalen_van_jaar(jaar, doelgroep, bron, vast, nu)
        g = _gegevens([], kwartalen, bron, vast, nu) if kwartalen else None
        if g is None:
            continue
        tonen = all(g.totaal[k.code] >= DREMPEL for k in kwartalen)
        for k in kwartalen:
            n = g.totaal[k.code]
            uit.append(
                (_kwartaallabel(k.code), n if tonen else (f"<{DREMPEL}" if n < DREMPEL else "x"))
            )
    return uit
