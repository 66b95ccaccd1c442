"""Tests for the vangnet poster: every contact point printed, nothing cut, QR honest."""

import functools
import io
import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Circle, Group, Rect, String
from reportlab.lib.pagesizes import A3, A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from vangnet.wegwijzer.poster import (
    FORMATEN,
    EigenPunt,
    Poster,
    PosterNiveau,
    PosterPastNiet,
    PosterPunt,
    _tekening,
    render_pdf,
    render_svg,
)

# Realistic lengths: the real data's summaries run 90-140 characters.
NAMEN_PER_NIVEAU = {
    "Nu in gevaar": [
        (
            "Noodnummer 112",
            "Bel 112 als iemand in gevaar is of dringend een ziekenwagen of de brandweer nodig heeft.",
            "Bel 112",
        ),
        (
            "Politie (101)",
            "Bel 101 als je dringend de politie nodig hebt, of ga naar het politiekantoor om aangifte te doen.",
            "Bel 101 · politie.be",
        ),
    ],
    "Dichtbij": [
        (
            "Vertrouwenspersoon in je organisatie",
            "Voor iedereen die er werkt, speelt of helpt, ook freelancers en vrijwilligers: luistert, informeert en zoekt mee naar een oplossing.",
            "Vraag het aan je leidinggevende",
        ),
        (
            "Preventieadviseur psychosociale aspecten",
            "Voor werknemers die een informeel of formeel verzoek tot psychosociale interventie willen indienen bij de externe dienst.",
            "Via je externe dienst voor preventie",
        ),
        (
            "Vlaams Meldpunt Grensoverschrijdend Gedrag",
            "Voor iedereen in de cultuursector die grensoverschrijdend gedrag meemaakte, zag gebeuren of ervan beschuldigd wordt.",
            "Bel 1712 · chat op 1712.be",
        ),
        (
            "Hulplijn 1712",
            "Voor vragen over geweld, misbruik en kindermishandeling, voor slachtoffers, omstaanders en wie twijfelt aan het eigen gedrag.",
            "Bel gratis 1712 · chat en mail via 1712.be",
        ),
        (
            "Tele-Onthaal",
            "Voor wie nood heeft aan een gesprek, dag en nacht, over alles wat je bezighoudt, anoniem en zonder wachtlijst.",
            "Bel 106 · chat op tele-onthaal.be",
        ),
        (
            "Engagement Arts",
            "Voor kunstenaars en medewerkers in de kunsten die een vertrouwenspersoon zoeken buiten hun eigen organisatie of netwerk.",
            "contact@engagementarts.be",
        ),
        (
            "Centrum Algemeen Welzijnswerk (CAW)",
            "Voor slachtoffers, plegers en hun omgeving: onthaal, begeleiding en hulp bij praktische, juridische en emotionele vragen.",
            "caw.be · 0800 13 500",
        ),
        (
            "Huisarts",
            "Voor lichamelijke en psychische klachten na wat er gebeurde; je huisarts kan je ook doorverwijzen naar gespecialiseerde hulp.",
            "",
        ),
    ],
    "Specialistisch": [
        (
            "Zorgcentrum na Seksueel Geweld (ZSG)",
            "Voor wie recent seksueel geweld meemaakte: medische, psychische en forensische zorg op één plek, dag en nacht, ook zonder klacht.",
            "ZSG Leuven (UZ Leuven) · ZSG Antwerpen (UZA, Edegem)",
        ),
        (
            "Centre de prise en charge des violences sexuelles – é ç œ €",
            "Pour les victimes de violences sexuelles à Bruxelles et en Wallonie : soins médicaux, psychologiques et médico-légaux.",
            "cpvs.be",
        ),
        (
            "Slachtofferonthaal bij het parket",
            "Voor slachtoffers die een klacht indienden en informatie en ondersteuning willen bij het volgen van hun gerechtelijk dossier.",
            "Via het justitiehuis",
        ),
        (
            "Sensoa",
            "Voor vragen over seksuele gezondheid en grenzen, ook voor organisaties die een preventiebeleid willen uitwerken.",
            "sensoa.be",
        ),
        (
            "PUNT vzw",
            "Voor wie grensoverschrijdend gedrag meemaakte in de kunsten en met lotgenoten wil praten in een veilige groep.",
            "Website van PUNT vzw",
        ),
        (
            "Nuance",
            "Voor mensen in de podiumkunsten die hun verhaal willen doen bij een collega die het klappen van de zweep kent.",
            "nuance.be · café-gesprekken",
        ),
        (
            "Vlaams Expertisecentrum Suïcidepreventie",
            "Voor wie zich zorgen maakt om zichzelf of een ander, of aan zelfdoding denkt na wat er gebeurde.",
            "Bel 1813 · zelfmoord1813.be",
        ),
        (
            "Advocaat via de eerstelijnsbijstand",
            "Voor een eerste juridisch advies over je rechten en de mogelijke procedures, vaak gratis of tegen een beperkte vergoeding.",
            "Via het justitiehuis of de balie",
        ),
    ],
    "Klacht en erkenning": [
        (
            "Vlaams Mensenrechteninstituut (VMRI)",
            "Voor discriminatie en intimidatie op grond van beschermde kenmerken zoals afkomst, leeftijd, handicap of seksuele oriëntatie.",
            "vmri.be · 0800 12 800",
        ),
        (
            "Instituut voor de gelijkheid van vrouwen en mannen (IGVM)",
            "Voor seksisme, seksuele intimidatie en discriminatie op grond van geslacht of gender, ook op de werkvloer.",
            "Gratis nummer, kies 1 in het menu · gelijkheid.manvrouw@igvm.belgie.be",
        ),
        (
            "Unia",
            "Voor discriminatie op grond van handicap, geloof, overtuiging of vermogen, en voor meldingen over haatmisdrijven.",
            "unia.be · 0800 12 800",
        ),
        (
            "Toezicht op het Welzijn op het Werk (arbeidsinspectie)",
            "Voor werknemers als de interne procedure niet werkt of de werkgever zijn verplichtingen niet nakomt.",
            "werk.belgie.be",
        ),
        (
            "Erkennings- en Bemiddelingscommissie historisch misbruik",
            "Voor slachtoffers van seksueel misbruik in een gezags- of pastorale relatie die erkenning en financiële compensatie zoeken.",
            "Via het Centrum voor Arbitrage",
        ),
        (
            "Arbeidsrechtbank",
            "Voor een vordering tegen de werkgever of de dader, bijvoorbeeld om een schadevergoeding of een stakingsbevel te krijgen.",
            "",
        ),
        (
            "Ombudsdienst Vlaanderen",
            "Voor klachten over hoe een Vlaamse overheidsdienst met jouw melding of dossier omging.",
            "Bel 1700",
        ),
        (
            "Kinderrechtencommissariaat",
            "Voor klachten van en over minderjarigen, ook als het gebeurde tijdens een repetitie, kamp of voorstelling.",
            "kinderrechten.be",
        ),
    ],
}
UITLEG = {
    "Nu in gevaar": "Bel meteen de hulpdiensten; wacht niet.",
    "Dichtbij": "Praat eerst met iemand in je buurt of bij een laagdrempelige hulplijn.",
    "Specialistisch": "Voor gespecialiseerde zorg en advies na wat er gebeurde.",
    "Klacht en erkenning": "Als je een klacht wilt indienen of erkenning zoekt.",
}


def _poster(**wijzigingen) -> Poster:
    niveaus = []
    for titel, namen in NAMEN_PER_NIVEAU.items():
        punten = tuple(
            PosterPunt(
                naam=naam,
                voor_wie=voor_wie,
                bereik=bereik,
                anoniem=[True, None, False][i % 3],
                kosteloos=[True, True, None][i % 3],
            )
            for i, (naam, voor_wie, bereik) in enumerate(namen)
        )
        niveaus.append(PosterNiveau(titel=titel, uitleg=UITLEG[titel], punten=punten))
    poster = Poster(
        titel="Het vangnet tegen grensoverschrijdend gedrag",
        ondertitel="Van dichtbij naar gespecialiseerd: hier kan je terecht als er iets gebeurde.",
        niveaus=tuple(niveaus),
        voetnoot="In nood: bel 112 of 101. Bronnen: Vlaams actieplan grensoverschrijdend gedrag. Meer op vangnet.be",
    )
    return replace(poster, **wijzigingen)


EIGEN_PUNTEN = (
    EigenPunt("Vertrouwenspersoon", "An Peeters", "an@voorbeeld.be · 0470 12 34 56"),
    # A long address without spaces: wrapped at "@" or ".", never run out of its box.
    EigenPunt(
        "Preventieadviseur",
        "Jérôme Dubœuf",
        "vertrouwenspersoon.grensoverschrijdendgedrag@theater-antigone.be",
    ),
    EigenPunt("Leidinggevende", "Saïda El Amrani", "0470 98 76 54"),
)
QR_URL = "https://vangnet.be/nl/wegwijzer/?org=theater-antigone"


def _organisatieposter() -> Poster:
    return _poster(
        organisatie="Theater Antigone",
        organisatie_kop="Bij Theater Antigone",
        eigen_punten=EIGEN_PUNTEN,
        qr_url=QR_URL,
        qr_uitleg="Scan: waar kan ik terecht?",
    )


def _alle_namen(poster: Poster) -> list[str]:
    return [punt.naam for niveau in poster.niveaus for punt in niveau.punten]


def _kern(tekst: str) -> str:
    """Text with layout removed: line breaks, spaces and (wrap or real) hyphens."""
    return re.sub(r"[\s\-‐­]+", "", tekst)


@functools.cache
def _pdf(poster: Poster, formaat: str = "a4") -> bytes:
    """Rendered once per test run: rendering and text extraction dominate the run time."""
    return render_pdf(poster, formaat)


@functools.cache
def _pdf_tekst(poster: Poster, formaat: str = "a4") -> tuple[PdfReader, str]:
    lezer = PdfReader(io.BytesIO(_pdf(poster, formaat)))
    return lezer, "\n".join(pagina.extract_text() for pagina in lezer.pages)


def _vormen(knoop):
    """Every shape in painting order (the poster uses no transforms)."""
    for kind in getattr(knoop, "contents", []):
        if isinstance(kind, Group):
            yield from _vormen(kind)
        else:
            yield kind


def _relatieve_luminantie(kleur) -> float:
    def kanaal(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * kanaal(kleur.red) + 0.7152 * kanaal(kleur.green) + 0.0722 * kanaal(kleur.blue)


def _contrast(a, b) -> float:
    la, lb = sorted((_relatieve_luminantie(a), _relatieve_luminantie(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _achtergrond(vlakken, x: float, y: float):
    """The topmost filled rect or circle under the point (x, y)."""
    for vorm in reversed(vlakken):
        if isinstance(vorm, Rect):
            if vorm.x <= x <= vorm.x + vorm.width and vorm.y <= y <= vorm.y + vorm.height:
                return vorm
        elif (x - vorm.cx) ** 2 + (y - vorm.cy) ** 2 <= vorm.r**2:
            return vorm
    raise AssertionError(f"no background under ({x}, {y})")


def test_the_pdf_renders_on_a4_and_a3_and_contains_every_contact_point():
    poster = _poster()
    assert len(_alle_namen(poster)) == 26
    for formaat, (breedte, hoogte) in (("a4", A4), ("a3", A3)):
        lezer, tekst = _pdf_tekst(poster, formaat)
        assert len(lezer.pages) == 1
        vak = lezer.pages[0].mediabox
        assert (float(vak.width), float(vak.height)) == pytest.approx((breedte, hoogte), abs=0.5)
        kern = _kern(tekst)
        for naam in _alle_namen(poster):
            assert _kern(naam) in kern, f"{naam!r} missing on {formaat}"
        for niveau in poster.niveaus:
            assert _kern(niveau.titel) in kern
        assert _kern(poster.titel) in kern
        assert _kern(poster.voetnoot) in kern


def test_the_svg_is_well_formed_and_contains_every_contact_point():
    poster = _poster()
    svg = render_svg(poster)
    assert svg.startswith(b"<?xml")
    wortel = ET.fromstring(svg)  # noqa: S314 - our own output; raises if malformed
    ns = "{http://www.w3.org/2000/svg}"
    assert wortel.tag == f"{ns}svg"
    assert float(wortel.get("width")) == pytest.approx(A4[0])
    assert wortel.find(f"{ns}title").text == poster.titel
    tekst = _kern("".join(t.text or "" for t in wortel.iter(f"{ns}text")))
    for naam in _alle_namen(poster):
        assert _kern(naam) in tekst, naam
    assert "é ç œ €".replace(" ", "") in tekst


def test_an_organisation_poster_shows_its_own_contact_points_and_a_qr_code():
    poster = _organisatieposter()
    _, tekst = _pdf_tekst(poster, "a4")
    kern = _kern(tekst)
    assert _kern("Bij Theater Antigone") in kern
    for eigen in EIGEN_PUNTEN:
        for deel in (eigen.soort, eigen.naam, eigen.bereik):
            assert _kern(deel) in kern, deel
    # Near the top: the organisation block comes before every level.
    assert kern.index(_kern("An Peeters")) < kern.index(_kern("Noodnummer 112"))
    assert _kern(poster.qr_uitleg) in kern
    for naam in _alle_namen(poster):
        assert _kern(naam) in kern

    tekening = _tekening(poster, "a4")
    qr = [v for v in _vormen(tekening) if isinstance(v, QrCodeWidget)]
    assert len(qr) == 1
    qr[0].qr.make()
    modules = qr[0].qr.getModuleCount()
    scanbaar = qr[0].barWidth * modules / (modules + 2 * qr[0].barBorder)
    assert qr[0].barBorder >= 4  # quiet zone
    assert scanbaar >= 30 * mm - 0.01
    # In the top right corner, on the page.
    assert A4[0] / 2 <= qr[0].x and qr[0].x + qr[0].barWidth <= A4[0]
    assert A4[1] / 2 <= qr[0].y and qr[0].y + qr[0].barHeight <= A4[1]


def test_the_qr_code_encodes_only_the_given_address():
    poster = _organisatieposter()
    qr = [v for v in _vormen(_tekening(poster, "a3")) if isinstance(v, QrCodeWidget)]
    assert [w.value for w in qr] == [QR_URL]
    # Nothing from the form leaks into the code beyond what the URL itself says.
    for eigen in EIGEN_PUNTEN:
        assert eigen.naam not in qr[0].value and eigen.bereik not in qr[0].value
    # No address, no code; a relative address would be useless on paper.
    zonder = replace(poster, qr_url="")
    assert not [v for v in _vormen(_tekening(zonder, "a4")) if isinstance(v, QrCodeWidget)]
    with pytest.raises(ValueError, match="absolute"):
        render_pdf(replace(poster, qr_url="/nl/wegwijzer/"))


def test_accents_survive_in_the_pdf_text():
    poster = _organisatieposter()
    pdf = _pdf(poster, "a4")
    _, tekst = _pdf_tekst(poster, "a4")
    kern = _kern(tekst)
    for woord in ("Jérôme", "Dubœuf", "Saïda", "Suïcidepreventie", "é", "ç", "œ", "€", "café"):
        assert woord in kern, woord
    assert b"/FontFile2" in pdf  # the TrueType font is embedded, not referenced


def test_an_unknown_format_is_refused():
    for fout in ("a5", "A4", "letter", ""):
        with pytest.raises(ValueError, match="format"):
            render_pdf(_poster(), fout)
        with pytest.raises(ValueError, match="format"):
            render_svg(_poster(), fout)
    assert set(FORMATEN) == {"a4", "a3"}


def test_a_poster_too_full_to_read_is_refused_rather_than_cut():
    punten = tuple(
        PosterPunt(
            f"Hulppunt nummer {i}",
            "Voor iedereen die hulp zoekt in de buurt.",
            "Bel 1712",
            True,
            True,
        )
        for i in range(200)
    )
    vol = _poster(niveaus=(PosterNiveau("Dichtbij", "Veel te veel.", punten),))
    with pytest.raises(PosterPastNiet, match="200 contact points"):
        render_pdf(vol, "a4")
    assert issubclass(PosterPastNiet, ValueError)


def test_text_never_shrinks_below_the_floor_and_has_enough_contrast_and_stays_in_its_box():
    for formaat, bodem in (("a4", 6.5), ("a3", 7.5)):
        tekening = _tekening(_organisatieposter(), formaat)
        vlakken = []
        teksten = 0
        for vorm in _vormen(tekening):
            if isinstance(vorm, Rect | Circle) and vorm.fillColor is not None:
                vlakken.append(vorm)
            elif isinstance(vorm, String):
                teksten += 1
                assert vorm.fontSize >= bodem, vorm.text
                breedte = stringWidth(vorm.text, vorm.fontName, vorm.fontSize)
                links = vorm.x - (breedte / 2 if vorm.textAnchor == "middle" else 0)
                vlak = _achtergrond(vlakken, vorm.x, vorm.y + 0.3 * vorm.fontSize)
                assert _contrast(vorm.fillColor, vlak.fillColor) >= 4.5, vorm.text
                if isinstance(vlak, Rect):
                    assert vlak.x <= links and links + breedte <= vlak.x + vlak.width + 0.01, (
                        vorm.text
                    )
        assert teksten > 26
        x0, y0, x1, y1 = tekening.getBounds()
        assert x0 >= 0 and y0 >= 0 and x1 <= tekening.width and y1 <= tekening.height


def test_the_output_is_reproducible():
    # Same poster, same bytes: no timestamps or random ids, so a re-render is a no-op.
    poster = _organisatieposter()
    assert render_pdf(poster, "a4") == _pdf(poster, "a4")
    assert render_svg(_poster(), "a3") == render_svg(_poster(), "a3")


def test_the_emergency_band_says_so_and_is_not_marked_by_colour_alone():
    def badges(poster: Poster) -> list[str]:
        return [
            v.text
            for v in _vormen(_tekening(poster, "a4"))
            if isinstance(v, String) and v.fontName.endswith("Bold") and v.textAnchor == "middle"
        ]

    poster = _poster()
    # The first band is the emergency one by default: a "!" badge instead of a number,
    # its own title, and a heavier border.
    assert badges(poster) == ["!", "1", "2", "3"]
    randen = sorted(
        {round(v.strokeWidth, 1) for v in _vormen(_tekening(poster, "a4")) if isinstance(v, Rect)}
    )
    assert randen[-1] >= 2
    niveaus = tuple(replace(n, dringend=False) for n in poster.niveaus)
    assert badges(replace(poster, niveaus=niveaus)) == ["1", "2", "3", "4"]


def test_a_sparse_poster_without_levels_or_markers_still_renders():
    poster = Poster(titel="Vangnet", ondertitel="", niveaus=(), voetnoot="")
    assert render_pdf(poster, "a4").startswith(b"%PDF")
    ET.fromstring(render_svg(poster, "a3"))  # noqa: S314 - our own output
