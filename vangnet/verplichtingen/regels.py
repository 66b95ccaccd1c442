"""The evaluation of the rules: from the numbers an organisation gives to what applies.

Pure: no database, no request. A rule is anything with the attributes of ``Regel``
(``slug``, ``volgorde``, ``gevallen``, ``niet_van_toepassing``); its cases are tried in
order and the first whose condition holds decides. The thresholds live in the data file,
never here.

A condition (``voorwaarde``) is a mapping; every entry must hold:

- ``werknemers``, ``vrijwilligers``, ``werknemers_en_vrijwilligers``: ``{vanaf: n, tot: m}``,
  both optional, ``vanaf`` inclusive and ``tot`` exclusive (``tot: 50`` means "fewer
  than 50"), so two cases meet at one number without a gap or an overlap;
- ``pc``: a list of paritaire comités (the number as text).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils.translation import get_language

TELLERS = ("werknemers", "vrijwilligers", "werknemers_en_vrijwilligers")
GRENZEN = ("vanaf", "tot")
SOORTEN = ("verplicht", "aanbevolen")
NIET_VAN_TOEPASSING = "niet-van-toepassing"
# Order of the result: what the law requires first, then what is recommended.
RANG = {"verplicht": 0, "aanbevolen": 1, NIET_VAN_TOEPASSING: 2}


class RegelLike(Protocol):
    slug: str
    volgorde: int
    gevallen: list[dict]
    niet_van_toepassing: str


@dataclass(frozen=True)
class Invoer:
    """What the organisation tells us: numbers of people and its paritair comité."""

    werknemers: int
    vrijwilligers: int
    pc: str | None = None

    def getal(self, teller: str) -> int:
        if teller == "werknemers_en_vrijwilligers":
            return self.werknemers + self.vrijwilligers
        return getattr(self, teller)


@dataclass
class Uitkomst:
    """What one rule means for this organisation."""

    regel: Any
    soort: str  # verplicht | aanbevolen | niet-van-toepassing
    uitleg: str
    kenmerken: dict[str, Any] = field(default_factory=dict)
    #: ``{"uitleg"}`` when the explanation is the Dutch text for lack of a translation
    #: (the page marks it ``lang="nl"``, see ``vangnet.core.vertaald``).
    terugval: frozenset[str] = frozenset()

    @property
    def verplicht(self) -> bool:
        return self.soort == "verplicht"

    @property
    def van_toepassing(self) -> bool:
        return self.soort != NIET_VAN_TOEPASSING


def geldt(voorwaarde: Mapping[str, Any] | None, invoer: Invoer) -> bool:
    """Whether every entry of a declarative condition holds for ``invoer`` (none: always)."""
    for sleutel, eis in (voorwaarde or {}).items():
        if sleutel == "pc":
            if invoer.pc not in [str(p) for p in eis]:
                return False
            continue
        getal = invoer.getal(sleutel)
        if "vanaf" in eis and getal < eis["vanaf"]:
            return False
        if "tot" in eis and getal >= eis["tot"]:
            return False
    return True


def tekst(waarde: Any, taal: str | None = None) -> str:
    """A translatable text of a case (``{nl, fr, en}`` or Dutch only) in the active language,
    falling back to Dutch."""
    if isinstance(waarde, Mapping):
        taal = (taal or get_language() or "nl")[:2]
        return str(waarde.get(taal) or waarde.get("nl") or "")
    return str(waarde or "")


def valt_terug(waarde: Any, taal: str | None = None) -> bool:
    """Whether ``tekst`` gives the Dutch text because ``taal`` has no translation."""
    taal = (taal or get_language() or "nl")[:2]
    if taal == "nl" or not waarde:
        return False
    return not (isinstance(waarde, Mapping) and waarde.get(taal))


def _vul_in(zin: str, invoer: Invoer) -> str:
    # Plain replacement, not str.format: a stray brace in a text must not break the page.
    for naam in ("werknemers", "vrijwilligers"):
        zin = zin.replace("{" + naam + "}", str(invoer.getal(naam)))
    return zin


def kenmerk_namen(regel: RegelLike) -> list[str]:
    """Every computed detail any case of ``regel`` can give, in order of first appearance."""
    namen: list[str] = []
    for geval in regel.gevallen:
        for naam in geval.get("kenmerken") or {}:
            if naam not in namen:
                namen.append(naam)
    return namen


def _vertalingen(regel: RegelLike) -> dict[str, str]:
    # A stored rule has modeltranslation columns; a plain one in a test is Dutch only.
    return {code: getattr(regel, f"niet_van_toepassing_{code}", "") for code in ("fr", "en")}


def beoordeel_regel(regel: RegelLike, invoer: Invoer) -> Uitkomst:
    """The first case of ``regel`` whose condition holds, or "niet van toepassing"."""
    for geval in regel.gevallen:
        if geldt(geval.get("voorwaarde"), invoer):
            return Uitkomst(
                regel=regel,
                soort=geval["soort"],
                uitleg=_vul_in(tekst(geval.get("uitleg")), invoer),
                kenmerken=dict(geval.get("kenmerken") or {}),
                terugval=frozenset({"uitleg"} if valt_terug(geval.get("uitleg")) else ()),
            )
    # Not applicable: the details are unknown rather than false (no adviser to be external).
    return Uitkomst(
        regel=regel,
        soort=NIET_VAN_TOEPASSING,
        uitleg=_vul_in(str(regel.niet_van_toepassing or ""), invoer),
        kenmerken=dict.fromkeys(kenmerk_namen(regel)),
        terugval=frozenset(
            {"uitleg"}
            if valt_terug({"nl": regel.niet_van_toepassing, **_vertalingen(regel)})
            else ()
        ),
    )


def beoordeel(
    werknemers: int, vrijwilligers: int, pc: str | None, regels: Iterable[RegelLike]
) -> list[Uitkomst]:
    """Every rule's outcome for an organisation: required first, then recommended, then what
    does not apply; within each, in the order of the data file."""
    if werknemers < 0 or vrijwilligers < 0:
        raise ValueError("werknemers and vrijwilligers cannot be negative")
    invoer = Invoer(werknemers=werknemers, vrijwilligers=vrijwilligers, pc=pc or None)
    uitkomsten = [beoordeel_regel(r, invoer) for r in regels]
    return sorted(uitkomsten, key=lambda u: (RANG[u.soort], u.regel.volgorde))
