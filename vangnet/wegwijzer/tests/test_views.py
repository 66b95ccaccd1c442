"""The interview as a person meets it: one question per page, answers only on their device."""

import re

from django.core import signing

import pytest
from pypdf import PdfReader

from vangnet.wegwijzer import bewaring

pytestmark = pytest.mark.django_db

ANTWOORDEN = {
    "gevaar": ["nee"],
    "rol": ["werknemer"],
    "perspectief": ["slachtoffer"],
    "gedrag": ["seksueel"],
    "discriminatiegrond": ["gender"],
    "context": ["werk"],
    "wanneer": ["minder-dan-week"],
    "minderjarig": ["nee"],
    "wens": ["praten", "advies"],
    "anoniem": ["ja"],
    "eigen_aanspreekpunt": ["ja"],
    "sector": ["podiumkunsten"],
}


def doorloop(client, start="/wegwijzer/", antwoorden=ANTWOORDEN) -> list[str]:
    """Answer every question the interview asks; returns the addresses visited."""
    bezocht = [start]
    page = client.get(start)
    adres = re.search(r'href="(/wegwijzer/vraag/[^"]+)"', page.content.decode()).group(1)
    adres = adres.replace("&amp;", "&")
    while "/vraag/" in adres:
        bezocht.append(adres)
        vraag_id = adres.split("/vraag/")[1].split("/")[0]
        assert client.get(adres).status_code == 200
        response = client.post(adres, {"antwoord": antwoorden[vraag_id]})
        assert response.status_code == 302, response.content.decode()[:500]
        adres = response["Location"]
    bezocht.append(adres)
    return bezocht


def test_the_start_page_sets_no_cookie_and_explains_where_answers_stay(client):
    response = client.get("/wegwijzer/")
    assert response.status_code == 200
    assert not response.cookies
    assert "Wij bewaren ze niet" in response.content.decode()


def test_a_person_reaches_a_route_through_one_question_per_page(client):
    bezocht = doorloop(client)
    assert bezocht[-1] == "/wegwijzer/controleren/"
    gesteld = [a for a in bezocht if "/vraag/" in a]
    assert 5 <= len(gesteld) <= 8
    page = client.get("/wegwijzer/route/").content.decode()
    assert "Jouw route" in page
    assert "Waarom dit past" in page
    assert "Vertrouwenspersoon in je organisatie" in page


def test_answers_never_appear_in_an_address(client):
    # Only the question's name is in the address; what the person chose never is.
    toegelaten = re.compile(r"^/wegwijzer/((vraag/[a-z_]+/)|(controleren/))?$")
    for adres in doorloop(client):
        assert toegelaten.match(adres), adres


def test_the_answers_live_only_in_a_signed_http_only_cookie(client):
    doorloop(client)
    cookie = client.cookies[bewaring.cookienaam()]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Strict"
    assert not cookie["max-age"] and not cookie["expires"]  # gone when the browser closes
    with pytest.raises(signing.BadSignature):
        signing.get_cookie_signer(salt="iets-anders").unsign(cookie.value)


def test_an_altered_cookie_starts_the_interview_over(client):
    doorloop(client)
    client.cookies[bewaring.cookienaam()] = client.cookies[bewaring.cookienaam()].value + "x"
    response = client.get("/wegwijzer/route/")
    assert response.status_code == 302 and response["Location"] == "/wegwijzer/"


@pytest.mark.parametrize("adres", ["/wegwijzer/vraag/rol/", "/wegwijzer/controleren/"])
def test_interview_pages_are_never_cached_or_indexed(client, adres):
    doorloop(client)
    response = client.get(adres)
    assert response["Cache-Control"] == "no-store"
    assert 'name="robots" content="noindex' in response.content.decode()


def test_the_back_link_leads_to_the_previous_question_with_its_answer_kept(client):
    client.post("/wegwijzer/vraag/gevaar/", {"antwoord": ["nee"]})
    client.post("/wegwijzer/vraag/rol/", {"antwoord": ["freelancer"]})
    page = client.get("/wegwijzer/vraag/perspectief/").content.decode()
    assert 'class="terug" href="/wegwijzer/vraag/rol/"' in page
    vorige = client.get("/wegwijzer/vraag/rol/").content.decode()
    assert re.search(r'value="freelancer" checked', vorige)


def test_a_missing_answer_gets_a_clear_error_and_keeps_what_was_chosen(client):
    response = client.post("/wegwijzer/vraag/rol/", {})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies een antwoord" in page and "data-foutoverzicht" in page
    assert "<title>Fout:" in page
    both = client.post("/wegwijzer/vraag/gedrag/", {"antwoord": ["seksueel", "onzeker"]})
    assert both.status_code == 400
    assert re.search(r'value="seksueel" checked', both.content.decode())


def test_an_unknown_answer_is_refused_without_losing_the_others(client):
    client.post("/wegwijzer/vraag/gevaar/", {"antwoord": ["nee"]})
    response = client.post("/wegwijzer/vraag/rol/", {"antwoord": ["<script>x</script>"]})
    assert response.status_code == 400
    assert "<script>x" not in response.content.decode()
    assert bewaring.lees(response.wsgi_request).antwoorden.gevaar is False


def test_i_am_not_sure_is_an_answer_that_leaves_the_route_open(client):
    response = client.post("/wegwijzer/vraag/rol/", {"antwoord": ["onzeker"]})
    assert response.status_code == 302
    controle = client.get("/wegwijzer/controleren/").content.decode()
    assert "Ik zeg het liever niet" in controle


def test_the_role_fills_in_where_it_happened_and_the_check_page_can_change_it(client):
    doorloop(client)
    page = client.get("/wegwijzer/controleren/").content.decode()
    assert "Op het werk" in page
    assert 'href="/wegwijzer/vraag/context/?terug=controleren"' in page
    response = client.post(
        "/wegwijzer/vraag/context/?terug=controleren", {"antwoord": ["evenement"]}
    )
    assert response["Location"] == "/wegwijzer/controleren/"
    assert "Op een evenement" in client.get("/wegwijzer/controleren/").content.decode()


def test_changing_the_role_does_not_overwrite_a_place_the_person_chose(client):
    doorloop(client)
    client.post("/wegwijzer/vraag/context/?terug=controleren", {"antwoord": ["evenement"]})
    client.post("/wegwijzer/vraag/rol/?terug=controleren", {"antwoord": ["student"]})
    page = client.get("/wegwijzer/controleren/").content.decode()
    assert "Op een evenement" in page


def test_a_poster_qr_code_brings_only_the_sector(client):
    page = client.get("/wegwijzer/?sector=circus").content.decode()
    assert 'href="/wegwijzer/vraag/gevaar/?sector=circus"' in page
    client.post("/wegwijzer/vraag/gevaar/?sector=circus", {"antwoord": ["nee"]})
    gesprek = bewaring.lees(client.get("/wegwijzer/controleren/").wsgi_request)
    assert gesprek.antwoorden.sector == "circus"
    assert "sector" in gesprek.afgeleid


def test_the_result_page_shows_the_route_but_none_of_the_answers(client):
    doorloop(client)
    page = client.get("/wegwijzer/route/").content.decode()
    route_deel = page.split('id="bewaar-kop"')[0]
    assert "Zorgcentrum" in route_deel  # sexual violence this week: the ZSG comes first
    for antwoord in ["Minder dan een week geleden", "Werknemer", "Seksueel grensoverschrijdend"]:
        assert antwoord not in route_deel
    # The download form offers exactly the questions that were asked, none ticked.
    aangeboden = re.findall(r'id="bewaar-([a-z_]+)"', page)
    assert aangeboden and "discriminatiegrond" not in aangeboden
    assert "checked" not in page.split('id="bewaar-kop"')[1]


def test_the_download_holds_only_the_answers_the_person_ticked(client):
    doorloop(client)
    response = client.post("/wegwijzer/route/bewaren/", {"bewaar": ["rol"]})
    assert response["Content-Disposition"].startswith("attachment;")
    bestand = response.content.decode()
    assert "Werknemer" in bestand
    assert "Seksueel grensoverschrijdend gedrag" not in bestand.split("Mijn stappen")[0]
    zonder = client.post("/wegwijzer/route/bewaren/", {}).content.decode()
    assert "De antwoorden die ik wilde bewaren" not in zonder


def test_danger_shows_what_to_do_now_first(client):
    client.post("/wegwijzer/vraag/gevaar/", {"antwoord": ["ja"]})
    page = client.get("/wegwijzer/route/").content.decode()
    nu = page.split('id="nu-kop"')[1]
    assert nu.index("Noodnummer 112") < nu.index("Politie")


def test_wiping_the_answers_deletes_the_cookie(client):
    doorloop(client)
    response = client.post("/wegwijzer/wissen/")
    assert response.cookies[bewaring.cookienaam()]["max-age"] == 0
    assert client.get("/wegwijzer/route/")["Location"] == "/wegwijzer/"


def test_the_quick_exit_deletes_the_answers(client):
    doorloop(client)
    response = client.get("/weg/")
    assert response.cookies[bewaring.cookienaam()]["max-age"] == 0
    assert '"cookies"' in response["Clear-Site-Data"]


def test_the_guide_for_who_receives_a_disclosure_has_three_parts_with_sources(client):
    page = client.get("/wegwijzer/iemand-vertelde-het-mij/").content.decode()
    for kop in ["De eerste 24 uur", "Wat je beter niet doet", "Hoe je doorverwijst"]:
        assert kop in page
    assert "actieplan" in page
    assert 'href="/kaart/aanspreekpunt/1712/"' in page


def test_the_vangnet_page_is_the_flowchart_and_lists_every_contact_point(client, kaart):
    page = client.get("/vangnet/").content.decode()
    for punt in kaart.values():
        assert f'href="{punt.url}"' in page, punt.id
    # The decisions, danger first, with numbers that dial.
    assert page.index("Is iemand nu in gevaar?") < page.index("Wat wil je?")
    assert 'href="tel:112"' in page and 'href="tel:101"' in page
    # Each kind on the flowchart links to its section with how it follows up.
    for soort in re.findall(r'href="#soort-([a-z-]+)"', page):
        assert f'id="soort-{soort}"' in page


def _pdf_tekst(inhoud: bytes) -> str:
    import io

    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(inhoud)).pages)
    return re.sub(r"\s+", " ", tekst.replace("-\n", ""))


@pytest.mark.parametrize("formaat", ["a4", "a3"])
def test_the_poster_pdf_renders_and_names_every_contact_point(client, kaart, formaat):
    response = client.get(f"/vangnet/poster.pdf?formaat={formaat}")
    assert response["Content-Type"] == "application/pdf"
    tekst = _pdf_tekst(response.content)
    for punt in kaart.values():
        assert re.sub(r"\s+", " ", punt.naam) in tekst, punt.id


def test_the_old_svg_poster_address_leads_to_the_page_that_replaces_it(client):
    # ADR 0014: the poster is no longer drawn as SVG; the page is its web version.
    for taal in ("", "/fr"):
        response = client.get(f"{taal}/vangnet/poster.svg?formaat=a3")
        assert response.status_code == 301
        assert response["Location"] == f"{taal}/vangnet/"


def test_a_short_address_on_the_poster_leads_to_the_contact_point(client, kaart):
    response = client.get("/fr/a/vlaams-meldpunt/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/kaart/aanspreekpunt/vlaams-meldpunt/"
    assert client.get("/a/bestaat-niet/").status_code == 404


def test_an_organisation_gets_its_own_poster_with_a_qr_code_to_the_wegwijzer(client):
    response = client.post(
        "/vangnet/eigen-poster/",
        {
            "organisatie": "Koor De Stem",
            "sector": "amateurkunsten",
            "vertrouwenspersoon": "An Peeters",
            "vertrouwenspersoon_bereik": "an@destem.be",
            "formaat": "a4",
        },
    )
    assert response.status_code == 200
    tekst = _pdf_tekst(response.content)
    assert "Koor De Stem" in tekst and "An Peeters" in tekst and "an@destem.be" in tekst


def test_an_own_poster_without_any_own_contact_point_is_refused_clearly(client):
    response = client.post("/vangnet/eigen-poster/", {"organisatie": "X", "formaat": "a4"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul minstens één eigen aanspreekpunt in" in page
    assert 'value="X"' in page  # nothing typed is lost


@pytest.mark.parametrize("adres", ["/vangnet/poster.pdf?formaat=a5", "/vangnet/poster.doc"])
def test_an_unknown_poster_format_is_not_found(client, adres):
    assert client.get(adres).status_code == 404


@pytest.mark.parametrize("taal", ["fr", "en"])
def test_the_wegwijzer_speaks_french_and_english(client, taal):
    page = client.get(f"/{taal}/wegwijzer/vraag/rol/").content.decode()
    assert f'lang="{taal}"' in page
    assert "Wat was jouw rol" not in page


def test_no_answer_and_no_reason_of_a_person_is_ever_kept_in_a_cache(client):
    import pickle

    from django.core.cache import caches

    doorloop(client)
    client.get("/wegwijzer/route/")
    client.get("/wegwijzer/controleren/")
    client.get("/wegwijzer/vraag/rol/")

    bewaard: list = []
    sleutels: list[str] = []
    for naam in ("pages", "default", "fragmenten"):
        cache = caches[naam]
        bewaard += [pickle.loads(v) for v in cache._cache.values()]  # noqa: S301 (our own)
        sleutels += list(cache._cache)
    for deel in ("wegwijzer-kop", "wegwijzer-knop", "wegwijzer-stap", "basis-voet"):
        assert any(deel in k for k in sleutels), f"{deel} is cached"
    assert not any("werknemer" in k for k in sleutels)
    tekst = " ".join(str(v) for v in bewaard)
    assert " checked" not in tekst
    assert "Je wil erover praten" not in tekst  # a reason from this person's route
    assert 'value="werknemer" checked' not in tekst


def test_hours_nobody_confirmed_are_marked_and_never_said_to_be_open_now(client):
    """Issue 10: a channel that is not confirmed is shown as such, and its hours never turn
    into "nu open" or "nu gesloten"."""
    from vangnet.kaart.models import Kanaal

    kanaal = Kanaal.objects.get(aanspreekpunt__slug="caw", soort="telefoon")
    assert kanaal.onbevestigd and kanaal.uren
    response = client.post(
        "/api/v1/wegwijzer", {"rol": "vrijwilliger"}, content_type="application/json"
    )
    caw = next(s for s in response.json()["route"] if s["id"] == "caw")
    telefoon = next(k for k in caw["kanalen"] if k["soort"] == "telefoon")
    assert telefoon["onbevestigd"] is True and telefoon["open_nu"] is None


def test_every_channel_with_structured_hours_has_a_source():
    """Issue 10: no structured opening hours without a source."""
    from vangnet.kaart.models import Kanaal

    zonder = [str(k) for k in Kanaal.objects.exclude(uren=[]) if not k.bron]
    assert not zonder


def test_a_step_without_a_french_text_shows_the_dutch_inside_lang_nl_with_a_note(client):
    """Issue 11: content without a translation is shown in Dutch, marked for screen readers."""
    from vangnet.kaart.models import Aanspreekpunt, Kanaal

    zsg = Aanspreekpunt.objects.get(slug="zsg")
    zsg.opvolging_fr = []
    zsg.kosten_fr = ""
    zsg.save()  # raises the content version: no fragment of the old text is served
    telefoon = Kanaal.objects.filter(aanspreekpunt=zsg, soort="telefoon").exclude(label_nl="")[0]
    telefoon.label_fr = ""
    telefoon.save()
    doorloop(client)

    page = client.get("/fr/wegwijzer/route/").content.decode()
    stap = page.split('id="stap-zsg"')[1].split("</li>\n</ol>")[0]
    eerste_zin = zsg.opvolging_nl[0]
    assert re.search(r'<ol class="stappen" lang="nl">\s*<li>' + re.escape(eerste_zin), stap)
    assert f'<span lang="nl">{zsg.kosten_nl}</span>' in stap.replace("&#x27;", "'")
    assert f'<span lang="nl">{telefoon.label_nl}</span>' in stap.replace("&#x27;", "'")
    assert stap.count("en néerlandais, pas encore traduit") >= 3
    # What has a translation is not marked.
    assert f'<h3 class="stap__kop">{zsg.naam_fr}</h3>' in stap


def test_saying_the_organisation_has_its_own_confidential_adviser_keeps_every_answer(client):
    """``eigen_aanspreekpunt`` answers "ja" or "nee" (a vocabulary, not a yes/no bool): the
    answer was once stored as ``true``, the cookie then failed its check and the whole
    interview started over without a word."""
    for vraag, antwoord in ANTWOORDEN.items():
        response = client.post(f"/wegwijzer/vraag/{vraag}/", {"antwoord": antwoord})
        assert response["Location"] != "/wegwijzer/vraag/gevaar/", f"lost after {vraag}"
    controle = client.get("/wegwijzer/controleren/")
    assert controle.status_code == 200
    assert "Minder dan een week geleden" in controle.content.decode()
    route = client.get("/wegwijzer/route/").content.decode()
    eerst = route.split('id="nu-kop"')[1].split("</section>")[0]
    assert 'id="stap-zsg"' in eerst  # sexual violence less than a week ago: urgent, first
