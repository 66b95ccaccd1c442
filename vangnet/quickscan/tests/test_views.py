"""The quickscan's pages: the flow without JavaScript, answers only in a cookie, the result,
the PDF report, and the organisation account (sign-up, rate-limited login, saved results)."""

import io
import re
from datetime import timedelta

from django.test import Client, RequestFactory

import pytest
from pypdf import PdfReader

from vangnet.accounts.drempels import QUICKSCAN_AANMELDEN, emmer
from vangnet.accounts.models import Teller
from vangnet.quickscan import bewaring
from vangnet.quickscan.models import Organisatieaccount, Resultaat
from vangnet.quickscan.tests.factories import OrganisatieaccountFactory, ResultaatFactory

pytestmark = pytest.mark.django_db

START = "/toolbox/quickscan/"
PROFIEL = {
    "vorm": "werkgever",
    "grootte": "50-of-meer",
    "paritair_comite": "304",
    "sector": "podiumkunsten",
    "met_minderjarigen": "nee",
    "intimiteit": "ja",
}
WACHTWOORD = "een-lang-wachtwoord-42"


def stellingen_op(response) -> list[str]:
    """The statement ids asked on a level page (the radio groups' names)."""
    html = response.content.decode()
    return list(dict.fromkeys(re.findall(r'type="radio" name="([\w-]+)"', html)))


def doorloop(client, profiel=PROFIEL, standaard="ja", uitzonderingen=None) -> list[str]:
    """Fill in the whole scan with plain form posts, as a browser without JavaScript does;
    the pages passed on the way."""
    uitzonderingen = uitzonderingen or {}
    response = client.post(START + "organisatie/", profiel)
    assert response.status_code == 302, response.content.decode()[:2000]
    paginas = []
    while "/stellingen/" in response["Location"]:
        paginas.append(response["Location"])
        pagina = client.get(response["Location"])
        assert pagina.status_code == 200
        antwoorden = {s: uitzonderingen.get(s, standaard) for s in stellingen_op(pagina)}
        response = client.post(response["Location"], antwoorden)
        assert response.status_code == 302
    assert response["Location"] == START + "controleren/"
    return paginas


def test_the_start_page_sets_no_cookie_and_names_the_url(client):
    from django.urls import reverse

    assert reverse("quickscan:start") == START
    response = client.get(START)
    assert response.status_code == 200
    assert not response.cookies
    assert "Begin de quickscan" in response.content.decode()


def test_the_whole_scan_works_with_plain_forms_and_one_page_per_level(client):
    paginas = doorloop(client)
    assert paginas == [START + f"stellingen/{n}/" for n in ("kwaliteit", "preventie", "reactie")]
    controle = client.get(START + "controleren/")
    assert controle.status_code == 200
    assert "Wijzigen" in controle.content.decode()
    resultaat = client.get(START + "resultaat/")
    assert resultaat.status_code == 200
    html = resultaat.content.decode()
    assert 'role="img"' in html
    assert "Kwaliteit: 100 procent, sterk" in html


def test_answers_live_only_in_a_signed_cookie_and_never_in_the_address(client):
    doorloop(client, standaard="nee")
    cookie = client.cookies[bewaring.cookienaam()]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert Resultaat.objects.count() == 0
    # An altered cookie starts over instead of trusting it.
    client.cookies[bewaring.cookienaam()] = cookie.value.replace("nee", "ja")
    assert client.get(START + "resultaat/")["Location"] == START


def test_a_level_page_without_all_answers_answers_400_and_keeps_the_choices(client):
    client.post(START + "organisatie/", PROFIEL)
    pagina = client.get(START + "stellingen/kwaliteit/")
    eerste, tweede, *_rest = stellingen_op(pagina)
    response = client.post(START + "stellingen/kwaliteit/", {eerste: "deels"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Er is een probleem" in html
    assert "Kies een antwoord bij deze stelling." in html
    assert f'href="#id_{tweede}_0"' in html
    assert re.search(rf'name="{eerste}" value="deels" id="id_{eerste}_\d"\s*checked', html)


def test_the_profile_refuses_an_employer_without_workers(client):
    response = client.post(START + "organisatie/", {**PROFIEL, "grootte": "geen"})
    assert response.status_code == 400
    assert "Een werkgever heeft minstens één werknemer" in response.content.decode()
    assert 'value="werkgever" id="id_vorm_0" checked' in response.content.decode()


def test_the_back_link_shows_the_answers_given(client):
    doorloop(client, standaard="deels")
    html = client.get(START + "stellingen/kwaliteit/").content.decode()
    assert 'href="/toolbox/quickscan/organisatie/"' in html  # the back link
    assert html.count(" checked") == len(stellingen_op(client.get(START + "stellingen/kwaliteit/")))
    profiel = client.get(START + "organisatie/").content.decode()
    assert 'value="50-of-meer" id="id_grootte_3" checked' in profiel


def test_changing_an_answer_from_the_check_page_comes_back_to_it(client):
    doorloop(client)
    pagina = client.get(START + "stellingen/reactie/?terug=controleren")
    antwoorden = dict.fromkeys(stellingen_op(pagina), "nee")
    response = client.post(START + "stellingen/reactie/?terug=controleren", antwoorden)
    assert response["Location"] == START + "controleren/"


def test_the_result_lists_next_steps_with_kaart_links_and_cost_for_the_pc(client):
    doorloop(client, uitzonderingen={"vertrouwenspersoon-verplicht": "nee"})
    html = client.get(START + "resultaat/").content.decode()
    assert "Vanaf 50 werknemers moet je een vertrouwenspersoon aanstellen." in html
    assert 'href="/kaart/aanbod/opleiding-vertrouwenspersoon-sfp/"' in html
    assert "gratis" in html  # PC 304 takes part for free
    assert "850 euro" in html


def test_the_result_says_once_that_a_price_is_not_known_instead_of_at_every_item(client):
    doorloop(client, standaard="nee")
    html = client.get(START + "resultaat/").content.decode()
    assert "niet gekend" not in html
    assert html.count("kent Vangnet de prijs niet") == 1
    # Several items of help, none with a price the kaart does not have.
    assert html.count('href="/kaart/aanbod/') > 3
    assert 'class="kenmerk"></span>' not in html


def test_the_pdf_report_holds_profile_scores_steps_help_cost_and_date(client):
    doorloop(
        client,
        uitzonderingen={"vertrouwenspersoon-verplicht": "nee", "intieme-scenes": "deels"},
    )
    response = client.get(START + "rapport.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    tekst = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    tekst = " ".join(tekst.split())
    for verwacht in (
        "Quickscan integriteitsbeleid",
        "Gemaakt op",
        "een werkgever met personeel",
        "PC 304",
        "Kwaliteit",
        "100 %",
        "sterk",
        "Vanaf 50 werknemers moet je een vertrouwenspersoon aanstellen.",
        "Opleiding tot vertrouwenspersoon (Sociaal Fonds Podiumkunsten en IDEWE) (gratis)",
        "(vanaf 1.180 euro)",
        "Werk met de methode van intimiteitscoördinatie.",
    ):
        assert verwacht in tekst, verwacht
    # The order of the steps: weight, then no before partly.
    assert tekst.index("vertrouwenspersoon aanstellen") < tekst.index("intimiteitscoördinatie")
    # The POST from the result page gives the same report.
    assert client.post(START + "rapport.pdf")["Content-Type"] == "application/pdf"


def test_the_pdf_without_a_scan_goes_back_to_the_start(client):
    assert client.get(START + "rapport.pdf")["Location"] == START


def test_wiping_deletes_the_cookie(client):
    doorloop(client)
    response = client.post(START + "wissen/")
    assert response["Location"] == START + "?gewist=1"
    assert response.cookies[bewaring.cookienaam()]["max-age"] == 0


# -- the organisation account ---------------------------------------------------------------


def test_an_organisation_signs_up_is_logged_in_and_is_no_staff(client):
    doorloop(client)
    response = client.post(
        START + "account/nieuw/",
        {
            "naam": "Gezelschap De Proef",
            "gebruikersnaam": "test-proef",
            "wachtwoord1": WACHTWOORD,
            "wachtwoord2": WACHTWOORD,
        },
    )
    assert response["Location"] == START + "resultaat/"
    account = Organisatieaccount.objects.get(naam="Gezelschap De Proef")
    assert not account.user.is_staff and not account.user.is_superuser
    assert (
        "Bewaar dit resultaat bij Gezelschap De Proef"
        in client.get(START + "resultaat/").content.decode()
    )


@pytest.mark.parametrize(
    ("wachtwoord1", "wachtwoord2", "fout"),
    [
        ("kort", "kort", 'id="id_wachtwoord1_error"'),
        (WACHTWOORD, WACHTWOORD + "x", "De twee wachtwoorden zijn niet gelijk."),
        ("123456789012345", "123456789012345", "alleen cijfers"),
    ],
)
def test_sign_up_refuses_bad_passwords_and_keeps_what_was_typed(
    client, wachtwoord1, wachtwoord2, fout
):
    response = client.post(
        START + "account/nieuw/",
        {
            "naam": "Gezelschap De Proef",
            "gebruikersnaam": "test-proef",
            "wachtwoord1": wachtwoord1,
            "wachtwoord2": wachtwoord2,
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert fout in html
    assert 'value="Gezelschap De Proef"' in html
    assert not Organisatieaccount.objects.exists()


def test_saving_a_result_and_seeing_progress(client):
    account = OrganisatieaccountFactory(naam="Testgezelschap")
    ResultaatFactory(account=account)
    assert client.login(username=account.user.username, password=WACHTWOORD)
    doorloop(client, standaard="nee")
    response = client.post(START + "bewaren/")
    assert response["Location"] == START + "resultaat/?bewaard=1"
    nieuw = account.resultaten.order_by("gemaakt").last()
    assert nieuw.scores["kwaliteit"] == {"procent": 0, "woord": "nog-te-doen"}
    assert nieuw.profiel["paritair_comite"] == "304"
    html = client.get(START + "mijn-resultaten/").content.decode()
    assert "Resultaten van Testgezelschap" in html
    assert 'role="img"' in html
    assert html.count("<tr>") == 3  # the header and two results
    assert "40 %" in html and "0 %" in html


def test_saving_needs_a_login_and_the_results_page_too(client):
    assert client.post(START + "bewaren/")["Location"].startswith(START + "account/inloggen/")
    assert client.get(START + "mijn-resultaten/")["Location"].startswith(
        START + "account/inloggen/"
    )


def test_one_organisation_never_sees_another_ones_results(client):
    ResultaatFactory(account=OrganisatieaccountFactory(naam="Anders Gezelschap"))
    mijn = OrganisatieaccountFactory(naam="Mijn Gezelschap")
    client.login(username=mijn.user.username, password=WACHTWOORD)
    html = client.get(START + "mijn-resultaten/").content.decode()
    assert "Je hebt nog geen resultaat bewaard" in html


def test_login_works_and_a_wrong_password_answers_400_without_saying_whether_the_name_exists(
    client,
):
    account = OrganisatieaccountFactory()
    naam = account.user.username
    fout = client.post(START + "account/inloggen/", {"username": naam, "password": "fout"})
    onbekend = client.post(
        START + "account/inloggen/", {"username": "test-bestaat-niet", "password": "fout"}
    )
    assert fout.status_code == onbekend.status_code == 400
    boodschap = "De gebruikersnaam of het wachtwoord klopt niet."
    assert boodschap in fout.content.decode() and boodschap in onbekend.content.decode()
    goed = client.post(START + "account/inloggen/", {"username": naam, "password": WACHTWOORD})
    assert goed["Location"] == START + "mijn-resultaten/"
    # A success forgets this name's failures from this network.
    paar = f"{naam.lower()}\n{emmer(RequestFactory().get('/'))}"
    assert QUICKSCAN_AANMELDEN.paar.mislukkingen(paar) == 0


def test_staff_cannot_log_in_here(client, alice):
    response = client.post(
        START + "account/inloggen/", {"username": "alice", "password": "alice-wachtwoord-lang"}
    )
    assert response.status_code == 400


def test_five_failures_from_one_network_make_that_name_wait_there_even_with_the_right_password(
    client,
):
    account = OrganisatieaccountFactory()
    naam = account.user.username
    for _ in range(QUICKSCAN_AANMELDEN.paar.vrij):
        client.post(START + "account/inloggen/", {"username": naam, "password": "fout"})
    response = client.post(START + "account/inloggen/", {"username": naam, "password": WACHTWOORD})
    assert response.status_code == 400
    assert "Probeer het over 60 seconden opnieuw." in response.content.decode()
    # The table holds no names, only keyed hashes; another name is not slowed down.
    assert not Teller.objects.filter(sleutel__icontains=naam).exists()
    ander = OrganisatieaccountFactory()
    ok = client.post(
        START + "account/inloggen/", {"username": ander.user.username, "password": WACHTWOORD}
    )
    assert ok.status_code == 302


def test_the_wait_ends_and_the_right_password_works_again(client, monkeypatch):
    from django.utils import timezone

    account = OrganisatieaccountFactory()
    naam = account.user.username
    for _ in range(QUICKSCAN_AANMELDEN.paar.vrij):
        client.post(START + "account/inloggen/", {"username": naam, "password": "fout"})
    later = timezone.now() + timedelta(minutes=1, seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.post(START + "account/inloggen/", {"username": naam, "password": WACHTWOORD})
    assert response.status_code == 302


def test_a_stranger_guessing_an_accounts_password_elsewhere_does_not_lock_it_out(settings):
    # Audit finding: five wrong passwords for a name blocked it from every address.
    settings.TRUSTED_PROXY_HOPS = 1
    naam = OrganisatieaccountFactory().user.username
    eigenaar = Client(HTTP_X_FORWARDED_FOR="203.0.113.7")
    # The organisation signs in from its office as usual, and signs out.
    eigenaar.post(START + "account/inloggen/", {"username": naam, "password": WACHTWOORD})
    eigenaar.post(START + "account/uitloggen/")
    vreemde = Client(HTTP_X_FORWARDED_FOR="198.51.100.66")
    for _ in range(30):
        vreemde.post(START + "account/inloggen/", {"username": naam, "password": "fout"})
    response = eigenaar.post(
        START + "account/inloggen/", {"username": naam, "password": WACHTWOORD}
    )
    assert response.status_code == 302


def test_logout_is_a_post_and_leads_to_the_start(client):
    account = OrganisatieaccountFactory()
    client.login(username=account.user.username, password=WACHTWOORD)
    response = client.post(START + "account/uitloggen/")
    assert response["Location"] == START


def test_the_statements_follow_the_language_of_the_address(client):
    client.post("/fr" + START + "organisatie/", PROFIEL)
    html = client.get("/fr" + START + "stellingen/kwaliteit/").content.decode()
    assert '<html lang="fr">' in html
    assert "Nous avons décrit ensemble les comportements" in html
