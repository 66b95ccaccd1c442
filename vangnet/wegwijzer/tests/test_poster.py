"""The vangnet flowchart and its posters: the decisions from the data, readable on a wall,
"Nu in gevaar" first, short addresses instead of raw URLs, in Dutch, French and English."""

import functools
import io
import re

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

import pytest
from pypdf import PdfReader

from vangnet.core.qr import qr_vorm
from vangnet.kaart.choices import Niveau, Wens
from vangnet.wegwijzer import poster as poster_module
from vangnet.wegwijzer import regels
from vangnet.wegwijzer.poster import (
    FORMATEN,
    PAGINAS,
    EigenPunt,
    Formaat,
    PosterPastNiet,
    algemene_pdf,
    eigen_pdf,
    inhoud,
    render_pdf,
)
from vangnet.wegwijzer.schema import KORT, kort_adres, stroomschema

TALEN = ["nl", "fr", "en"]
ADRESSEN = {
    # A long host name: the short addresses must still fit the directory's page.
    "host": "vangnet.cultuur.vlaanderen.be",
    "wegwijzer_url": "https://vangnet.cultuur.vlaanderen.be/wegwijzer/?sector=amateurkunsten",
    "vangnet_url": "https://vangnet.cultuur.vlaanderen.be/vangnet/",
}
EIGEN = (
    EigenPunt("Vertrouwenspersoon", "Jérôme Dubœuf", "jerome@koor-de-stem.be · 0470 12 34 56"),
    EigenPunt("Aanspreekpunt integriteit", "Saïda El Amrani", "api@koor-de-stem.be"),
)
# Sizes in the PDF: 1 CSS px is 0.75 pt. A4's floor is 9 pt (the brief's wall-readable size).
BODEM_PT = {"a4": 9.0, "a3": 9.0 * FORMATEN["a3"].tekst_pt / FORMATEN["a4"].tekst_pt}


def _kern(tekst: str) -> str:
    """Text with layout removed: line breaks, spaces and wrap hyphens."""
    return re.sub(r"[\s\-‐­]+", "", tekst).casefold()


@functools.cache
def _pdf(taal: str, formaat: str, eigen: bool = False) -> bytes:
    """Rendered once per test run and language: rendering dominates the run time."""
    with translation.override(taal):
        extra = {"organisatie": "Koor De Stem", "eigen_punten": EIGEN} if eigen else {}
        return render_pdf(formaat, **ADRESSEN, **extra)


@functools.cache
def _paginas(taal: str, formaat: str, eigen: bool = False) -> tuple[PdfReader, list[str]]:
    lezer = PdfReader(io.BytesIO(_pdf(taal, formaat, eigen)))
    return lezer, [pagina.extract_text() for pagina in lezer.pages]


def _regels(pagina) -> list[tuple[float, float, str]]:
    """Every run of text on ``pagina`` with its size in points and its height on the page
    (PDF coordinates: larger is higher), read with pypdf's text visitor."""
    runs = []

    def bezoek(tekst, cm, tm, _font, grootte):
        if tekst.strip():
            schaal = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 * (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            hoogte = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            runs.append((grootte * schaal, hoogte, tekst))

    pagina.extract_text(visitor_text=bezoek)
    return runs


# --------------------------------------------------------------------------- the flowchart


def test_the_flowchart_is_built_from_the_kaart_and_the_wegwijzer_rules(kaart):
    with translation.override("nl"):
        schema = stroomschema()
    # Danger: exactly the contact points of the emergency level, 112 before 101.
    assert [s.punt.id for s in schema.gevaar] == ["noodnummer-112", "politie"]
    assert {s.punt.id for s in schema.gevaar} == {
        p.id for p in kaart.values() if p.niveau == Niveau.NOOD
    }
    # What do you want: one row per wish, in the vocabulary's order.
    assert [k.wens for k in schema.keuzes] == list(Wens.values)
    # Every kind on a row has a point that offers that wish on that side, and every point
    # that offers it puts its kind there: nothing kept by hand beside the data.
    for keuze in schema.keuzes:
        for binnen, soorten in ((True, keuze.binnen), (False, keuze.buiten)):
            verwacht = {
                p.soort
                for p in kaart.values()
                if keuze.wens in p.biedt and (p.id in regels.BINNEN_DE_ORGANISATIE) == binnen
            }
            assert {s.waarde for s in soorten} == verwacht, (keuze.wens, binnen)
    # Every contact point stands exactly once in the directory, under its own kind.
    gids = [(soort.waarde, s.punt.id) for soort in schema.soorten for s in soort.schakels]
    assert sorted(i for _, i in gids) == sorted(kaart)
    assert all(kaart[i].soort == soort for soort, i in gids)


def test_a_kind_says_anonymous_or_free_only_when_every_one_of_its_points_confirms_it(kaart):
    with translation.override("nl"):
        soorten = {s.waarde: s for s in stroomschema().soorten}
    for soort in soorten.values():
        punten = [s.punt for s in soort.schakels]
        assert soort.anoniem == all(p.anoniem is True for p in punten), soort.waarde
        assert soort.gratis == all(p.kosteloos is True for p in punten), soort.waarde
    # 1712 is the only helpline and confirms both; the equality bodies do not all confirm
    # that you can stay anonymous, so the poster says nothing about it (unknown is not no).
    assert soorten["hulplijn"].anoniem and soorten["hulplijn"].gratis
    assert not soorten["gelijkheidsorgaan"].anoniem


def test_a_long_web_address_is_never_printed_raw():
    assert kort_adres("https://www.puntvzw.be/") == "puntvzw.be"
    assert kort_adres("https://www.1712.be/") == "1712.be"
    lang = "https://www.vlaanderen.be/vlaams-meldpunt-grensoverschrijdend-gedrag"
    assert len(lang.split("://")[1]) > KORT and kort_adres(lang) == ""


# --------------------------------------------------------------------------- the poster


@pytest.mark.parametrize("taal", TALEN)
@pytest.mark.parametrize("formaat", ["a4", "a3"])
def test_the_poster_is_the_flowchart_then_the_directory_on_two_pages(kaart, taal, formaat):
    lezer, (stroom, gids) = _paginas(taal, formaat)
    assert len(lezer.pages) == PAGINAS
    with translation.override(taal):
        vragen = [gettext("Is iemand nu in gevaar?"), gettext("Wat wil je?")]
        plaatsen = [gettext("Binnen je organisatie"), gettext("Buiten je organisatie")]
        wensen = [str(label) for label in Wens.labels]
        namen = {p.id: p.naam for p in stroomschema_punten()}
    for tekst in vragen + plaatsen + wensen:
        assert _kern(tekst) in _kern(stroom), (taal, tekst)
    for naam in namen.values():
        assert _kern(naam) in _kern(gids), (taal, naam)
    # 112 and 101 on both pages: a sheet on its own still says who to call.
    for nummer in ("112", "101"):
        assert nummer in stroom and nummer in gids


def stroomschema_punten():
    return [s.punt for soort in stroomschema().soorten for s in soort.schakels]


@pytest.mark.parametrize("taal", TALEN)
def test_no_text_on_an_a4_poster_is_smaller_than_9_points(kaart, taal):
    lezer, _ = _paginas(taal, "a4", eigen=True)
    for pagina in lezer.pages:
        runs = _regels(pagina)
        assert len(runs) > 30
        kleinste = min(runs)
        assert kleinste[0] >= BODEM_PT["a4"] - 0.01, kleinste


def test_a3_is_a4_enlarged(kaart):
    lezer, _ = _paginas("nl", "a3")
    assert min(_regels(lezer.pages[1]))[0] >= BODEM_PT["a3"] - 0.01
    breedte, hoogte = (float(x) for x in lezer.pages[0].mediabox.upper_right)
    assert (round(breedte), round(hoogte)) == (842, 1191)


@pytest.mark.parametrize("taal", TALEN)
def test_the_poster_prints_short_addresses_not_raw_urls(kaart, taal):
    _, paginas = _paginas(taal, "a4")
    tekst = "\n".join(paginas)
    assert "http://" not in tekst and "https://" not in tekst
    # Web addresses are short: a contact point's own when it is short, else Vangnet's
    # (<host>/fr/a/<id>/), which leads to its page with every channel and source.
    adressen = [w for w in tekst.split() if "/" in w or re.search(r"\.(be|org|eu)\b", w)]
    host = ADRESSEN["host"]
    # (A Vangnet address may wrap: its tail on the next line ends in the contact point's id.)
    eigen = [
        a
        for a in adressen
        if not a.startswith(host) and "@" not in a and a.strip("/").split("/")[-1] not in kaart
    ]
    assert eigen and max(len(a) for a in eigen) <= KORT + 1, max(eigen, key=len)
    vangnet = [a for a in adressen if a.startswith(host)]
    assert any("/a/" in a for a in vangnet)


@pytest.mark.parametrize("taal", TALEN)
def test_an_organisation_poster_puts_nu_in_gevaar_first_then_its_own_box(kaart, taal):
    lezer, (stroom, _) = _paginas(taal, "a4", eigen=True)
    assert len(lezer.pages) == PAGINAS
    for eigen in EIGEN:
        for deel in (eigen.naam, eigen.bereik):
            assert _kern(deel) in _kern(stroom), deel
    with translation.override(taal):
        gevaar = gettext("Is iemand nu in gevaar?")
        wens = gettext("Wat wil je? En binnen of buiten je organisatie?")

    def hoogte(stuk: str) -> float:
        return max(h for _, h, t in _regels(lezer.pages[0]) if _kern(stuk) in _kern(t))

    # Higher on the page is read first: danger, then the organisation's own people, then
    # the rest of the flowchart.
    assert hoogte(gevaar) > hoogte(EIGEN[0].naam) > hoogte(wens)


def test_the_qr_codes_hold_only_the_addresses_given(kaart):
    with translation.override("nl"):
        context = inhoud("a4", **ADRESSEN, organisatie="Koor De Stem", eigen_punten=EIGEN)
        html = render_to_string("wegwijzer/poster.html", {**context, "taal": "nl"})
    paden = re.findall(r'<path fill="#000" d="([^"]+)"', html)
    assert paden == [
        qr_vorm(ADRESSEN["wegwijzer_url"]).pad,
        qr_vorm(ADRESSEN["vangnet_url"]).pad,
    ]
    # Nothing typed on the form is in a code: the codes are those of the two addresses.
    assert qr_vorm("https://vangnet.be/wegwijzer/?sector=amateurkunsten&n=Jérôme").pad not in paden


def test_accents_survive_and_the_typeface_is_embedded(kaart):
    lezer, (stroom, _) = _paginas("nl", "a4", eigen=True)
    for woord in ("Jérôme", "Dubœuf", "Saïda"):
        assert woord in stroom, woord
    # Every font is embedded (the print shop sees what was laid out) and it is ours.
    for pagina in lezer.pages:
        for letter in pagina["/Resources"]["/Font"].values():
            letter = letter.get_object()
            beschrijving = letter["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in beschrijving.get_object(), letter["/BaseFont"]
            assert "Vangnet-Vera" in letter["/BaseFont"], letter["/BaseFont"]


@pytest.mark.parametrize("taal", TALEN)
def test_the_pdf_is_tagged_in_its_language_with_a_title(kaart, taal):
    lezer, _ = _paginas(taal, "a4")
    catalogus = lezer.trailer["/Root"]
    assert catalogus["/Lang"] == taal
    assert catalogus["/MarkInfo"]["/Marked"]
    with translation.override(taal):
        assert lezer.metadata.title == gettext(
            "Het vangnet tegen grensoverschrijdend gedrag in de cultuur"
        )


def test_the_output_is_reproducible(kaart):
    with translation.override("nl"):
        assert render_pdf("a4", **ADRESSEN) == _pdf("nl", "a4")


def test_an_unknown_format_is_refused(kaart):
    for fout in ("a5", "A4", "letter", ""):
        with pytest.raises(ValueError, match="format"):
            render_pdf(fout, **ADRESSEN)


def test_own_texts_too_long_for_the_page_are_refused_rather_than_cut(kaart):
    veel = tuple(
        EigenPunt(f"Vertrouwenspersoon {i}", "An Peeters " * 5, "an@x.be " * 12) for i in range(12)
    )
    with translation.override("nl"), pytest.raises(PosterPastNiet, match="pages on A4"):
        render_pdf("a4", **ADRESSEN, organisatie="Koor De Stem", eigen_punten=veel)
    assert issubclass(PosterPastNiet, ValueError)


# ------------------------------------------------------------ more pages, never a failure


def test_a_directory_too_long_for_one_page_goes_on_over_the_next(kaart, monkeypatch):
    """More contact points (here: larger text) make the directory longer: it takes a third
    page instead of failing, and every contact point is still on it."""
    monkeypatch.setitem(FORMATEN, "a4", Formaat(12.5, 10))
    with translation.override("nl"):
        pdf = render_pdf("a4", **ADRESSEN)
        namen = [p.naam for p in stroomschema_punten()]
    lezer = PdfReader(io.BytesIO(pdf))
    assert len(lezer.pages) > PAGINAS
    stroom, *gids = [pagina.extract_text() for pagina in lezer.pages]
    assert _kern(gettext_in("nl", "Wat wil je?")) in _kern(stroom)
    for naam in namen:
        assert _kern(naam) in _kern("".join(gids)), naam


def gettext_in(taal: str, tekst: str) -> str:
    with translation.override(taal):
        return gettext(tekst)


def test_the_general_poster_is_delivered_even_if_its_flowchart_outgrows_the_page(
    kaart, monkeypatch, caplog
):
    """Without own texts nobody can shorten anything: the poster is delivered (the
    flowchart goes on over the next page) and the error is logged, never a 500."""
    monkeypatch.setitem(FORMATEN, "a4", Formaat(24, 10))
    with translation.override("nl"):
        pdf = render_pdf("a4", **ADRESSEN)
        assert pdf.startswith(b"%PDF")
        assert "flowchart needs" in caplog.text
        with pytest.raises(PosterPastNiet):
            render_pdf("a4", **ADRESSEN, organisatie="Koor De Stem", eigen_punten=EIGEN)


def test_the_general_poster_is_rendered_once_per_version_language_and_size(kaart, monkeypatch):
    from vangnet.core import drukwerk

    echt = drukwerk.render
    gerenderd = []

    def tel(*args, **kwargs):
        gerenderd.append(translation.get_language())
        return echt(*args, **kwargs)

    monkeypatch.setattr(drukwerk, "render", tel)
    with translation.override("nl"):
        eerste = algemene_pdf("a4", **ADRESSEN)
        assert algemene_pdf("a4", **ADRESSEN) is eerste
    with translation.override("fr"):
        assert algemene_pdf("a4", **ADRESSEN) != eerste
    assert gerenderd == ["nl", "fr"]
    # A new content version (an edit in the admin, a new load of data/) renders anew.
    monkeypatch.setattr(poster_module, "huidige", lambda: -1)
    with translation.override("nl"):
        assert algemene_pdf("a4", **ADRESSEN) == eerste
    assert gerenderd == ["nl", "fr", "nl"]


def test_an_own_poster_is_kept_per_organisation_and_a_content_change_gives_a_new_one(
    kaart, monkeypatch
):
    """Issue 11: an own poster took 7-9 s per request under load. It is kept like the general
    one, per content version, language, size and what was filled in."""
    from vangnet.core import drukwerk
    from vangnet.kaart.models import Aanspreekpunt

    echt = drukwerk.render
    gerenderd = []

    def tel(*args, **kwargs):
        gerenderd.append(args[2]["organisatie"])
        return echt(*args, **kwargs)

    monkeypatch.setattr(drukwerk, "render", tel)
    koor = {"organisatie": "Koor De Stem", "eigen_punten": EIGEN}
    with translation.override("nl"):
        eerste = eigen_pdf("a4", **ADRESSEN, **koor)
        assert eigen_pdf("a4", **ADRESSEN, **koor) is eerste
        ander = eigen_pdf("a4", **ADRESSEN, organisatie="Koor De Stem", eigen_punten=EIGEN[:1])
        assert ander != eerste
        assert gerenderd == ["Koor De Stem", "Koor De Stem"]

        zsg = Aanspreekpunt.objects.get(slug="zsg")
        zsg.naam_nl = "Zorgcentrum na Seksueel Geweld, nieuwe naam"
        zsg.save()  # a content change raises the version: the poster is made again
        nieuw = eigen_pdf("a4", **ADRESSEN, **koor)
    assert gerenderd == ["Koor De Stem"] * 3
    tekst = _kern(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(nieuw)).pages))
    assert _kern("Zorgcentrum na Seksueel Geweld, nieuwe naam") in tekst
