"""The search-quality suite: what people type, and what must be among the first results.

Each ``Proef`` is a query as a person would type it (typos, compounds written together or
apart, everyday words, topics, whole sentences, French, English, only small words, no word
at all), the page language, and the items (``soort:id`` from ``data/*.yaml``) that must be
among the first ``binnen`` items the kaart shows. ``meet()`` runs them all on the content in
the database and gives one figure: the share of queries whose expected items are all found,
and the mean reciprocal rank. ``make test`` prints it (zoeken/tests/conftest.py), and so
does ``make bench`` (with and without the 10,000 synthetic items).

What "shows" means: the ranked results of the page; on a page without results, the items
it always offers instead (``search.ALTIJD``: the helpline 1712 and the emergency number
112), in that order. The table was written before the search learned typos, compounds,
synonyms and the three languages (issue 13); a query is never changed to fit the engine.
"""

from dataclasses import dataclass, field

from django.utils import translation

#: Ranks beyond this count as not found for the reciprocal rank.
MRR_DIEPTE = 10


@dataclass(frozen=True)
class Proef:
    """One query of the suite."""

    soort: str
    vraag: str
    verwacht: tuple[str, ...]
    binnen: int = 5
    taal: str = "nl"

    @property
    def naam(self) -> str:
        return f"{self.soort}/{self.taal}: {self.vraag}"


def _p(soort: str, vraag: str, *verwacht: str, binnen: int = 5, taal: str = "nl") -> Proef:
    return Proef(soort, vraag, tuple(verwacht), binnen, taal)


HULPLIJN = "aanspreekpunt:1712"
NOODNUMMER = "aanspreekpunt:noodnummer-112"

PROEVEN: list[Proef] = [
    # -- a name typed right: guards, so the rest never costs what already worked ---------
    _p("exact", "unia", "aanspreekpunt:unia", binnen=1),
    _p("exact", "1712", HULPLIJN, binnen=1),
    _p("exact", "cultuurloket", "aanspreekpunt:cultuurloket", binnen=1),
    _p("exact", "vlaggensysteem", "begrip:vlaggensysteem", binnen=3),
    # -- typos: one letter too many, too few, swapped or wrong ---------------------------
    _p(
        "typfout",
        "vertrouwenspersoonn",
        "aanspreekpunt:vertrouwenspersoon-intern",
        "aanspreekpunt:vertrouwenspersoon-extern",
    ),
    _p("typfout", "vertrouwenpersoon", "aanspreekpunt:vertrouwenspersoon-intern"),
    _p("typfout", "discriminatei", "aanspreekpunt:unia"),
    _p("typfout", "seksuele intimidatei", "begrip:seksuele-intimidatie", binnen=3),
    _p("typfout", "pesterijn", "begrip:pesterijen", binnen=3),
    _p("typfout", "preventieadvisuer", "aanspreekpunt:preventieadviseur-intern"),
    _p("typfout", "hulplijm", HULPLIJN),
    _p("typfout", "intimiteitscoordinatoor", "begrip:intimiteitscoordinatie"),
    _p("typfout", "machtsmisbruk", "begrip:machtsmisbruik", binnen=3),
    _p("typfout", "omstaandertraining", "aanbod:omstaanderstraining-sfp-punt"),
    _p("typfout", "verkrachitng", "aanspreekpunt:zsg", binnen=3),
    _p("typfout", "vlaams meldpunt grensoverschreidend", "aanspreekpunt:vlaams-meldpunt", binnen=3),
    # -- compounds: apart what the text writes together, and the other way round --------
    _p("samenstelling", "pest gedrag", "begrip:pesterijen"),
    _p("samenstelling", "vertrouwens persoon", "aanspreekpunt:vertrouwenspersoon-intern"),
    _p("samenstelling", "seksueelgeweld", "aanspreekpunt:zsg", binnen=3),
    _p("samenstelling", "meld punt", "begrip:meldpunt"),
    _p("samenstelling", "huis arts", "aanspreekpunt:huisarts", binnen=3),
    _p("samenstelling", "integriteitsaanspreekpunt", "aanspreekpunt:api"),
    _p(
        "samenstelling",
        "discriminatiemeldpunt",
        "aanspreekpunt:meldpunt-werkgerelateerde-discriminatie",
    ),
    _p("samenstelling", "preventie adviseur", "aanspreekpunt:preventieadviseur-intern"),
    _p("samenstelling", "leeftijdsdiscriminatie", "aanspreekpunt:unia"),
    _p("samenstelling", "lotgenotengroep seksueel geweld", "aanspreekpunt:punt-vzw"),
    # -- the person's word is not the data's word ----------------------------------------
    _p("synoniem", "zelfstandige", "begrip:freelancer", "aanspreekpunt:cultuurloket"),
    _p("synoniem", "klacht", "begrip:formeel-verzoek"),
    _p(
        "synoniem",
        "formele klacht indienen op het werk",
        "aanspreekpunt:preventieadviseur-psychosociaal",
    ),
    _p("synoniem", "racisme", "aanspreekpunt:unia", "begrip:discriminatie"),
    _p("synoniem", "seksisme", "aanspreekpunt:igvm"),
    _p("synoniem", "dader", "begrip:pleger", binnen=3),
    _p("synoniem", "gedragsregels", "aanbod:toolbox-omgangsregels"),
    _p("synoniem", "toeschouwer", "begrip:omstaander"),
    _p("synoniem", "ongewenste intimiteiten", "begrip:seksuele-intimidatie", binnen=3),
    _p("synoniem", "interimkracht", "begrip:flexwerker"),
    # -- a topic leads to the contact points that handle it, next to its term ------------
    _p(
        "onderwerp",
        "discriminatie",
        "aanspreekpunt:unia",
        "aanspreekpunt:vmri",
        "begrip:discriminatie",
    ),
    _p("onderwerp", "seksuele intimidatie", "begrip:seksuele-intimidatie", "aanspreekpunt:igvm"),
    _p("onderwerp", "pesten", "begrip:pesterijen", "aanspreekpunt:vertrouwenspersoon-intern"),
    _p("onderwerp", "seksueel geweld", "aanspreekpunt:zsg", "aanspreekpunt:punt-vzw"),
    _p("onderwerp", "machtsmisbruik", "begrip:machtsmisbruik", "aanspreekpunt:vlaams-meldpunt"),
    _p("onderwerp", "historisch misbruik", "aanspreekpunt:erkenningscommissie", binnen=3),
    _p("onderwerp", "geweld", HULPLIJN, "begrip:geweld"),
    _p("onderwerp", "discriminatie handicap", "aanspreekpunt:unia", binnen=3),
    _p("onderwerp", "discriminatie als vrouw", "aanspreekpunt:igvm", binnen=3),
    _p("onderwerp", "toxische werksfeer", "begrip:toxisch-leiderschap"),
    # -- whole sentences, as typed into a search box --------------------------------------
    _p(
        "zin",
        "waar kan ik terecht als ik op het werk gepest word",
        "aanspreekpunt:vertrouwenspersoon-intern",
    ),
    _p("zin", "ik ben aangerand na een voorstelling", "aanspreekpunt:zsg", binnen=3),
    _p("zin", "mijn regisseur maakt seksuele opmerkingen", "begrip:seksuele-intimidatie"),
    _p("zin", "ik wil anoniem iets melden over mijn werkgever", "aanspreekpunt:vlaams-meldpunt"),
    _p("zin", "ik word gediscrimineerd omdat ik zwart ben", "aanspreekpunt:unia", binnen=3),
    _p(
        "zin",
        "met wie kan ik praten over misbruik van jaren geleden",
        "aanspreekpunt:erkenningscommissie",
    ),
    _p(
        "zin",
        "hoe stel ik een gedragscode op voor mijn organisatie",
        "aanbod:toolbox-gedragscode",
        binnen=3,
    ),
    _p(
        "zin",
        "ik ben freelancer en word geintimideerd door een opdrachtgever",
        "aanspreekpunt:vlaams-meldpunt",
    ),
    _p(
        "zin",
        "ik zoek een opleiding tot vertrouwenspersoon",
        "aanbod:opleiding-vertrouwenspersoon-sfp",
    ),
    # -- French ---------------------------------------------------------------------------
    _p("frans", "harcèlement sexuel", "begrip:seksuele-intimidatie", binnen=3, taal="fr"),
    _p("frans", "personne de confiance", "aanspreekpunt:vertrouwenspersoon-intern", taal="fr"),
    _p("frans", "discrimination", "aanspreekpunt:unia", taal="fr"),
    _p("frans", "violence sexuelle", "aanspreekpunt:zsg", binnen=3, taal="fr"),
    _p("frans", "harcèlement", "begrip:pesterijen", taal="fr"),
    _p("frans", "plainte formelle", "begrip:formeel-verzoek", taal="fr"),
    _p("frans", "ligne d'écoute", HULPLIJN, taal="fr"),
    _p("frans", "abus de pouvoir", "begrip:machtsmisbruik", binnen=3, taal="fr"),
    _p("frans", "harcelement sexuel", "begrip:seksuele-intimidatie", binnen=3, taal="nl"),
    # -- English --------------------------------------------------------------------------
    _p(
        "engels",
        "sexual harassment",
        "begrip:seksuele-intimidatie",
        "aanspreekpunt:igvm",
        taal="en",
    ),
    _p("engels", "bullying", "begrip:pesterijen", binnen=3, taal="en"),
    _p("engels", "confidential counsellor", "aanspreekpunt:vertrouwenspersoon-intern", taal="en"),
    _p("engels", "rape", "aanspreekpunt:zsg", binnen=3, taal="en"),
    _p("engels", "helpline", HULPLIJN, binnen=3, taal="en"),
    _p("engels", "racism at work", "aanspreekpunt:unia", taal="en"),
    _p("engels", "bystander training", "aanbod:omstaanderstraining-sfp-punt", taal="en"),
    _p("engels", "self-employed", "begrip:freelancer", taal="en"),
    _p("engels", "bullying", "begrip:pesterijen", binnen=3, taal="nl"),
    # -- everyday and Flemish words -------------------------------------------------------
    _p("spreektaal", "gepest", "begrip:pesterijen", binnen=3),
    _p("spreektaal", "handtastelijk", "begrip:seksuele-intimidatie"),
    _p("spreektaal", "uitgescholden", "begrip:pesterijen"),
    _p("spreektaal", "verkracht", "aanspreekpunt:zsg", binnen=3),
    _p("spreektaal", "dokter", "aanspreekpunt:huisarts", binnen=3),
    _p("spreektaal", "flik", "aanspreekpunt:politie", binnen=3),
    _p("spreektaal", "syndicaat", "aanspreekpunt:vakbond", binnen=3),
    _p("spreektaal", "mijn baas kleineert me", "begrip:toxisch-leiderschap"),
    # -- only small words: nothing to rank on, the numbers that are always there ---------
    _p("stopwoorden", "ik", HULPLIJN, NOODNUMMER, binnen=3),
    _p("stopwoorden", "de het een", HULPLIJN, NOODNUMMER, binnen=3),
    _p("stopwoorden", "waar kan ik", HULPLIJN, NOODNUMMER, binnen=3),
    # -- no word at all -------------------------------------------------------------------
    _p("zonder-woord", "!", HULPLIJN, NOODNUMMER, binnen=3),
    _p("zonder-woord", "\N{GRINNING FACE}", HULPLIJN, NOODNUMMER, binnen=3),
    _p("zonder-woord", "?! ...", HULPLIJN, NOODNUMMER, binnen=3),
]


@dataclass(frozen=True)
class Resultaat:
    """How one query fared: what was shown, and where the expected items stood."""

    proef: Proef
    getoond: tuple[str, ...]

    @property
    def rangen(self) -> dict[str, int | None]:
        """The 1-based rank of each expected item (None when it is not shown)."""
        return {
            item: (self.getoond.index(item) + 1 if item in self.getoond else None)
            for item in self.proef.verwacht
        }

    @property
    def gevonden(self) -> bool:
        """Every expected item is among the first ``binnen``."""
        return all(r is not None and r <= self.proef.binnen for r in self.rangen.values())

    @property
    def reciproke_rang(self) -> float:
        """1 / the rank of the best-placed expected item (0 beyond MRR_DIEPTE)."""
        found = [r for r in self.rangen.values() if r is not None and r <= MRR_DIEPTE]
        return 1 / min(found) if found else 0.0


@dataclass
class Uitslag:
    """The suite's figure."""

    resultaten: list[Resultaat] = field(default_factory=list)

    @property
    def aantal(self) -> int:
        return len(self.resultaten)

    @property
    def gevonden(self) -> int:
        return sum(r.gevonden for r in self.resultaten)

    @property
    def aandeel(self) -> float:
        return self.gevonden / self.aantal if self.aantal else 0.0

    @property
    def mrr(self) -> float:
        if not self.resultaten:
            return 0.0
        return sum(r.reciproke_rang for r in self.resultaten) / self.aantal

    def regel(self) -> str:
        """One line: the figure as ``make test`` and ``make bench`` print it."""
        return (
            f"zoekkwaliteit: {self.gevonden}/{self.aantal} vragen gevonden "
            f"({self.aandeel:.0%}), MRR {self.mrr:.3f}"
        )

    def per_soort(self) -> dict[str, tuple[int, int]]:
        """(found, total) per kind of query."""
        result: dict[str, tuple[int, int]] = {}
        for r in self.resultaten:
            found, total = result.get(r.proef.soort, (0, 0))
            result[r.proef.soort] = (found + r.gevonden, total + 1)
        return result

    def gemist(self) -> list[Resultaat]:
        return [r for r in self.resultaten if not r.gevonden]


def getoond(vraag: str, taal: str = "nl", n: int = MRR_DIEPTE) -> tuple[str, ...]:
    """The first ``n`` items the kaart shows for ``vraag`` on a page in ``taal``."""
    from vangnet.zoeken.search import ALTIJD, Zoekvraag, documents, zoek

    with translation.override(taal):
        gevraagd = Zoekvraag(tekst=vraag)
        rows = list(zoek(gevraagd)[:n])
        if gevraagd.heeft_tekst and not rows:
            # A page without results offers the numbers that are always there.
            return ALTIJD[:n]
        return tuple(f"{doc.soort}:{doc.slug}" for doc in documents(rows))


def meet(proeven: list[Proef] | None = None) -> Uitslag:
    """Run the suite on the content in the database."""
    uitslag = Uitslag()
    for proef in PROEVEN if proeven is None else proeven:
        uitslag.resultaten.append(Resultaat(proef, getoond(proef.vraag, proef.taal)))
    return uitslag
