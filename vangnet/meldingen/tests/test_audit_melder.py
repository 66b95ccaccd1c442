"""Findings of the pre-launch audit (issue 12) on the reporting channel, each pinned by a
test named after it: cookies, signing in and out, resubmission, database outages."""

import ast
import base64
import io
import os
import re
import subprocess
import sys
import threading
import time
from datetime import timedelta

from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import OperationalError, connection, connections
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.core import storing
from vangnet.meldingen import acties, kluis, post, sleutels, verzending
from vangnet.meldingen.choices import OntvangerSoort
from vangnet.meldingen.models import (
    Behandelaar,
    Bijlage,
    Inschrijflink,
    Melding,
    Partij,
    Postbericht,
    Teamlid,
    Verzending,
)
from vangnet.meldingen.tests.factories import (
    InzendingFactory,
    Lid,
    code_van,
    maak_team,
    meld_aan,
    verzendtoken,
    wachtwoord_ingeven,
)

pytestmark = pytest.mark.django_db


def festival():
    nu = timezone.now()
    return maak_team(
        "test-festival",
        soort=OntvangerSoort.MELDPUNT_PUBLIEK,
        venster_start=nu - timedelta(hours=2),
        venster_einde=nu + timedelta(hours=2),
    )


# --- Low: the reporter's pages set a CSRF cookie that lasts a year ----------------------------


def test_the_reporters_pages_set_no_csrf_cookie_that_lasts_a_year():
    team = festival()
    client = Client()
    response = client.get(reverse("meldingen:formulier", args=[team.ontvanger.slug]))
    cookie = response.cookies["csrftoken"]
    # A session cookie: no Max-Age, no Expires, gone when the browser closes.
    assert cookie["max-age"] == "" and cookie["expires"] == "", cookie.output()


# --- Low: the vault cookie is reused at sign-in and has no __Host- prefix ---------------------

GEPLANT = base64.urlsafe_b64encode(bytes(range(32))).decode()  # a key someone else knows


def test_the_vault_cookie_is_replaced_at_a_handlers_sign_in_not_reused():
    team = maak_team()
    lid = team.leden["hanne"]
    client = Client()
    client.cookies[kluis.COOKIE] = GEPLANT
    wachtwoord_ingeven(client, lid.user.username, lid.wachtwoord)
    nieuw = client.cookies[kluis.COOKIE].value
    assert nieuw and nieuw != GEPLANT
    antwoord = client.post(reverse("meldingen:tweede-stap"), {"code": code_van(lid.totp)})
    assert antwoord["Location"] == reverse("meldingen:overzicht")
    assert client.get(reverse("meldingen:overzicht")).status_code == 200


def test_the_vault_cookie_is_replaced_when_a_receipt_opens_a_case_and_keeps_a_handlers_key():
    team = maak_team()
    _melding, code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    handler_cookie = client.cookies[kluis.COOKIE].value
    client.post(reverse("meldingen:opvolgen"), {"ontvangstbewijs": code})
    assert client.cookies[kluis.COOKIE].value not in ("", handler_cookie)
    # What was kept before moves under the new key: the handler is still signed in.
    assert client.get(reverse("meldingen:overzicht")).status_code == 200
    assert client.get(reverse("meldingen:opvolgen")).status_code == 200


def test_the_vault_cookie_has_the_host_prefix_over_https(settings):
    settings.SESSION_COOKIE_SECURE = True
    team = maak_team()
    lid = team.leden["hanne"]
    client = Client()
    client.cookies["__Host-" + kluis.COOKIE] = GEPLANT
    wachtwoord_ingeven(client, lid.user.username, lid.wachtwoord, secure=True)
    cookie = client.cookies["__Host-" + kluis.COOKIE]
    assert cookie.value != GEPLANT
    assert cookie["secure"] and cookie["path"] == "/" and not cookie["domain"]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert kluis.COOKIE not in client.cookies


def test_every_cookie_that_can_have_it_gets_the_host_prefix_in_production():
    namen = (
        "SESSION_COOKIE_NAME CSRF_COOKIE_NAME LANGUAGE_COOKIE_NAME SESSION_COOKIE_PATH "
        "CSRF_COOKIE_PATH LANGUAGE_COOKIE_PATH SESSION_COOKIE_DOMAIN CSRF_COOKIE_DOMAIN "
        "LANGUAGE_COOKIE_DOMAIN SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE LANGUAGE_COOKIE_SECURE"
    ).split()
    code = (
        f"from django.conf import settings; print(repr([getattr(settings, n) for n in {namen!r}]))"
    )
    omgeving = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    omgeving.update(
        DJANGO_SETTINGS_MODULE="vangnet.settings.production",
        SECRET_KEY="x7#kLp2!qZ9vR4mN8wT1yB6cF3hJ0sD5gA" + "eU2iO7pX4zV9nM1bQ8",
        MELDINGEN_ZOUT="een-vaste-zout",
        VANGNET_ADRES="https://vangnet.be",
    )
    uit = subprocess.run(
        [sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, timeout=60
    )
    assert uit.returncode == 0, uit.stderr
    waarden = dict(zip(namen, ast.literal_eval(uit.stdout), strict=True))
    for soort in ("SESSION", "CSRF", "LANGUAGE"):
        assert waarden[f"{soort}_COOKIE_NAME"].startswith("__Host-"), soort
        assert waarden[f"{soort}_COOKIE_PATH"] == "/"
        assert waarden[f"{soort}_COOKIE_DOMAIN"] is None
        assert waarden[f"{soort}_COOKIE_SECURE"] is True


# --- Low: any GET under /behandelen/ signs a reporter out ------------------------------------


def test_a_get_under_behandelen_does_not_sign_a_reporter_out():
    team = maak_team()
    melding, code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = Client()
    client.post(reverse("meldingen:opvolgen"), {"ontvangstbewijs": code})
    dossier = reverse("meldingen:dossier", args=[melding.pk])
    assert client.get(dossier).status_code == 200
    for adres in [
        reverse("meldingen:overzicht"),
        reverse("meldingen:tweede-stap"),
        reverse("meldingen:wachtwoord"),
        reverse("meldingen:inbox", args=[team.ontvanger.slug]),
        reverse("meldingen:melding", args=[melding.pk]),
        reverse("meldingen:aanmelden"),
    ]:
        assert client.get(adres).status_code in (200, 302), adres
        assert client.get(dossier).status_code == 200, f"{adres} signed the reporter out"
    # Only an explicit action does.
    client.post(reverse("meldingen:afsluiten"))
    assert client.get(dossier).status_code == 302


# --- Medium #7: reloading the receipt page files the report again ----------------------------

BEWIJS = re.compile(r'<span class="bewijs__groep">(\d{4})</span>')


class Browser:
    """Just enough of a browser: follows redirects with a GET, and reloads the last request
    the way a browser does (a POST is sent again, a GET fetched again)."""

    def __init__(self, client: Client | None = None) -> None:
        self.client = client or Client()
        self.laatste: tuple[str, str, dict] = ("GET", "", {})

    def get(self, url: str):
        return self._doe("GET", url, {})

    def post(self, url: str, data: dict):
        return self._doe("POST", url, data)

    def herlaad(self):
        methode, url, data = self.laatste
        return self._doe(methode, url, data)

    def _doe(self, methode: str, url: str, data: dict):
        self.laatste = (methode, url, data)
        antwoord = self.client.post(url, data) if methode == "POST" else self.client.get(url)
        while antwoord.status_code in (301, 302, 303):
            self.laatste = ("GET", antwoord["Location"], {})
            antwoord = self.client.get(antwoord["Location"])
        return antwoord


def bewijzen_op(antwoord) -> list[str]:
    return BEWIJS.findall(antwoord.content.decode())


def test_reloading_the_receipt_page_does_not_file_the_report_again():
    team = festival()
    url = reverse("meldingen:formulier", args=[team.ontvanger.slug])
    browser = Browser()
    data = {**verzendtoken(browser.client, url), "wat": "Aan de bar werd ik vastgepakt."}
    eerste = browser.post(url, data)
    assert len(bewijzen_op(eerste)) == 5, "the receipt is shown after sending"
    herladen = browser.herlaad()
    assert herladen.status_code == 200
    assert bewijzen_op(herladen) == [], "the receipt is shown only once"
    assert "al getoond" in herladen.content.decode()
    assert Melding.objects.count() == 1


def test_a_replayed_post_of_the_report_form_files_no_second_case_and_shows_no_receipt():
    team = festival()
    url = reverse("meldingen:formulier", args=[team.ontvanger.slug])
    browser = Browser()
    data = {**verzendtoken(browser.client, url), "wat": "Aan de bar werd ik vastgepakt."}
    assert len(bewijzen_op(browser.post(url, data))) == 5
    # Back, and the same form sent again (from this browser or replayed from another).
    for client in (browser.client, Client()):
        antwoord = client.post(url, data)
        assert antwoord.status_code == 303
        assert antwoord["Location"] == reverse("meldingen:verstuurd")
        assert bewijzen_op(client.get(antwoord["Location"])) == []
    assert Melding.objects.count() == 1 and Partij.objects.count() == 1


def test_a_double_click_files_one_case_and_the_second_answer_still_shows_its_receipt():
    team = festival()
    url = reverse("meldingen:formulier", args=[team.ontvanger.slug])
    eerste, tweede = Client(), Client()
    data = {**verzendtoken(eerste, url), "wat": "Aan de bar werd ik vastgepakt."}
    # The browser drops the answer to the first click (and its cookies) and shows the second.
    assert eerste.post(url, data).status_code == 303
    getoond = Browser(tweede).post(url, data)
    assert len(bewijzen_op(getoond)) == 5
    assert Melding.objects.count() == 1
    code = " ".join(bewijzen_op(getoond))
    assert acties.open_partij(code) is not None, "the receipt shown opens the one case"


def test_the_same_token_never_files_twice_even_when_both_sends_pass_the_first_check():
    team = maak_team()
    token = verzending.lees_token(verzending.nieuw_token())
    acties.dien_in(team.ontvanger, InzendingFactory(), verzendtoken=token)
    with pytest.raises(verzending.AlVerstuurd):
        acties.dien_in(team.ontvanger, InzendingFactory(), verzendtoken=token)
    assert Melding.objects.count() == 1 and Partij.objects.count() == 1


def test_a_report_form_open_too_long_is_not_filed_and_keeps_its_text(monkeypatch):
    team = maak_team()
    url = reverse("meldingen:formulier", args=[team.ontvanger.slug])
    client = Client()
    data = {**verzendtoken(client, url), "wat": "Mijn lange verhaal.", "waar": "Theater Noord"}
    later = time.time() + verzending.GELDIG.total_seconds() + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    antwoord = client.post(url, data)
    assert antwoord.status_code == 400 and Melding.objects.count() == 0
    inhoud = antwoord.content.decode()
    assert "niet verstuurd" in inhoud
    assert "Mijn lange verhaal." in inhoud and 'value="Theater Noord"' in inhoud
    nieuw = re.search(r'name="verzendtoken" value="([^"]+)"', inhoud).group(1)
    assert nieuw != data["verzendtoken"]
    antwoord = client.post(url, {**data, "verzendtoken": nieuw}, follow=True)
    assert len(bewijzen_op(antwoord)) == 5 and Melding.objects.count() == 1


def test_a_report_without_a_token_is_not_filed():
    team = maak_team()
    url = reverse("meldingen:formulier", args=[team.ontvanger.slug])
    antwoord = Client().post(url, {"wat": "Iets.", "verzendtoken": "gemaakt:door:iemand"})
    assert antwoord.status_code == 400 and Melding.objects.count() == 0


# --- Medium #6: a database outage gives 500, and the form says nothing needs retyping ---------

# Where a connection ends up when the database is away: a file that cannot be opened, or a
# PostgreSQL port where nobody listens.
ONBEREIKBAAR = {
    "sqlite": {"NAME": "/nergens/vangnet-is-weg/vangnet.sqlite3"},
    "postgresql": {"HOST": "127.0.0.1", "PORT": "1"},
}


def zonder_databank(doe, *, herstel=None):
    """Run ``doe()`` in a thread whose database connection cannot reach the database (a real
    connection failure, not a mocked view); then, with ``herstel``, run ``herstel()`` in the
    same thread with the database back. Django connections are per thread: the test's own
    connection and transaction stay as they are."""
    uitkomst = {}

    def draad():
        verbinding = connections["default"]
        gewoon = verbinding.settings_dict
        verbinding.settings_dict = {**gewoon, **ONBEREIKBAAR[verbinding.vendor]}
        try:
            uitkomst["weg"] = doe()
            if herstel is not None:
                verbinding.settings_dict = gewoon
                uitkomst["terug"] = herstel()
        except BaseException as fout:  # noqa: BLE001 - handed to the test thread
            uitkomst["fout"] = fout
        finally:
            verbinding.close()

    thread = threading.Thread(target=draad)
    thread.start()
    thread.join(timeout=60)
    if "fout" in uitkomst:
        raise uitkomst["fout"]
    return uitkomst


def test_a_database_outage_gives_a_503_page_with_the_quick_exit_and_emergency_numbers():
    uitkomst = zonder_databank(lambda: (Client().get("/melden/"), Client().get("/fr/melden/")))
    for antwoord in uitkomst["weg"]:
        assert antwoord.status_code == 503
        assert antwoord["Retry-After"].isdigit()
        assert antwoord["Cache-Control"] == "no-store"
        inhoud = antwoord.content.decode()
        for nummer in ("112", "101", "1712"):
            assert f'href="tel:{nummer}"' in inhoud
        assert 'href="/weg/"' in inhoud, "the quick exit"
    nl, fr = (a.content.decode() for a in uitkomst["weg"])
    assert "Vangnet is even niet bereikbaar" in nl
    assert "Vangnet is even niet bereikbaar" not in fr and 'lang="fr"' in fr


def test_a_database_outage_gives_the_api_a_503_in_json():
    uitkomst = zonder_databank(lambda: Client().get("/api/v1/organisaties"))
    antwoord = uitkomst["weg"]
    assert antwoord.status_code == 503 and antwoord["Content-Type"] == "application/json"
    assert "fout" in antwoord.json() and antwoord["Retry-After"].isdigit()


def test_after_a_database_outage_the_next_request_works_again():
    uitkomst = zonder_databank(
        lambda: Client().get("/api/v1/organisaties"),
        herstel=lambda: Client().get("/api/v1/organisaties"),
    )
    assert uitkomst["weg"].status_code == 503
    assert uitkomst["terug"].status_code == 200, "no broken connection was kept"


def test_a_report_sent_while_the_database_is_away_says_it_was_not_sent_and_keeps_every_text():
    team = maak_team(leden=("hanne", "hugo"))
    vraag = acties.voeg_vraag_toe(team.ontvanger, team.leden["hanne"].behandelaar, "Welke zaal?")
    url = reverse("meldingen:formulier", args=[team.ontvanger.slug])
    melder = Client()
    data = {
        **verzendtoken(melder, url),
        "wat": "Na de voorstelling <b>zei</b> hij dingen over mij.",
        "waar": "Theater Noord",
        "gedrag": ["seksueel", "psychisch"],
        "naam": "Sam",
        f"extra_{vraag.pk}": "Zaal 2",
    }
    antwoord = zonder_databank(lambda: Client().post(url, data))["weg"]
    assert antwoord.status_code == 503
    inhoud = antwoord.content.decode()
    assert "NIET verstuurd" in inhoud
    assert "Na de voorstelling &lt;b&gt;zei&lt;/b&gt; hij dingen over mij." in inhoud
    for tekst in ("Theater Noord", "Sam", "Zaal 2"):
        assert f">{tekst}</textarea>" in inhoud
    for keuze in ("seksueel", "psychisch"):
        assert f'name="gedrag" value="{keuze}"' in inhoud
    assert f'value="{data["verzendtoken"]}"' in inhoud and 'href="tel:112"' in inhoud
    assert Melding.objects.count() == 0
    # The database is back: sending the same again files the report, once.
    assert melder.post(url, data).status_code == 303
    assert Melding.objects.count() == 1


def test_a_report_whose_database_fails_halfway_is_not_half_stored_and_the_form_keeps_its_text():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's query_only pragma refuses writes in the middle of a transaction")
    team = maak_team()
    url = reverse("meldingen:formulier", args=[team.ontvanger.slug])
    melder = Client()
    data = {
        **verzendtoken(melder, url),
        "wat": "Mijn verhaal.",
        "waar": "Theater Noord",
        "naam": "Sam",
        "bijlagen": [SimpleUploadedFile("notitie.txt", b"wat ik opschreef", "text/plain")],
    }
    # The database answers reads, then refuses the report's writes (as a database that
    # goes read-only or away between two statements does).
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA query_only = ON")
    try:
        antwoord = melder.post(url, data)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA query_only = OFF")
    assert antwoord.status_code == 503 and antwoord["Retry-After"].isdigit()
    inhoud = antwoord.content.decode()
    assert "NIET verstuurd" in inhoud and "Kies je bestanden opnieuw" in inhoud
    assert "Mijn verhaal." in inhoud and 'value="Theater Noord"' in inhoud
    assert 'value="Sam"' in inhoud
    assert not Melding.objects.exists() and not Partij.objects.exists()
    assert not Verzending.objects.exists() and not Bijlage.objects.exists()
    data["bijlagen"] = [SimpleUploadedFile("notitie.txt", b"wat ik opschreef", "text/plain")]
    assert melder.post(url, data).status_code == 303
    assert Melding.objects.count() == 1 and Bijlage.objects.count() == 1


def test_an_outage_outside_a_view_is_a_503_too():
    verzoek = RequestFactory().get("/melden/")
    try:
        raise OperationalError("server closed the connection unexpectedly")
    except OperationalError:
        antwoord = storing.serverfout(verzoek)
    assert antwoord.status_code == 503
    try:
        raise ValueError("een fout in de code")
    except ValueError:
        assert storing.serverfout(verzoek).status_code == 500


# --- Low: the first sign-in trusts whoever has the password for enrolling the app -------------


def _voeg_toe(*args: str, invoer: str = "") -> str:
    uit = io.StringIO()
    oud = sys.stdin
    sys.stdin = io.StringIO(invoer)
    try:
        call_command("behandelaar_toevoegen", *args, stdout=uit)
    finally:
        sys.stdin = oud
    return uit.getvalue()


def _link(uitvoer: str) -> str:
    return re.search(r"(https://vangnet\.example/behandelen/inschrijven/\?code=\S+)", uitvoer)[1]


def test_the_operator_types_no_password_and_the_handler_enrols_with_a_one_time_link():
    team = maak_team()
    # Nothing on stdin: the operator is asked no password at all.
    uit = _voeg_toe(
        "test-api", "greet", "--email", "greet@example.org", "--adres", "https://vangnet.example"
    )
    link = _link(uit)
    greet = Behandelaar.objects.get(user__username="greet")
    assert not greet.user.has_usable_password()
    # The mail is queued (post.py), with the link encrypted, and sent by the mail worker.
    assert mail.outbox == []
    token = link.split("code=")[1]
    assert token not in str(list(Postbericht.objects.values()))
    post.verstuur_wat_klaar_staat()
    assert link in mail.outbox[0].body and mail.outbox[0].to == ["greet@example.org"]
    assert token not in str(list(Inschrijflink.objects.values())), "only a hash is stored"
    assert token not in str(list(Behandelaar.objects.values()))

    browser = Client()
    pad = link.removeprefix("https://vangnet.example")
    assert "greet" in browser.get(pad).content.decode()
    wachtwoord = "greet-kiest-haar-eigen-wachtwoord"
    antwoord = browser.post(
        reverse("meldingen:inschrijven"),
        {"code": token, "nieuw": wachtwoord, "herhaal": wachtwoord},
    )
    assert antwoord["Location"] == reverse("meldingen:tweede-stap")
    pagina = browser.get(reverse("meldingen:tweede-stap")).content.decode()
    assert '<svg role="img"' in pagina, "the existing enrolment page with its QR code"
    toestel = TOTPDevice.objects.get(user=greet.user)
    antwoord = browser.post(reverse("meldingen:tweede-stap"), {"code": code_van(toestel)})
    assert antwoord["Location"] == reverse("meldingen:overzicht")
    assert browser.get(reverse("meldingen:inbox", args=["test-api"])).status_code == 200
    # The handler's own password opens the key that new cases are sealed to.
    greet.refresh_from_db()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    prive = acties.ontgrendel(greet, wachtwoord)
    assert acties.sleutel_uit_envelop(melding.enveloppen.get(behandelaar=greet), prive)
    # The link worked once.
    assert Client().get(pad).status_code == 404
    nogmaals = {"code": token, "nieuw": "iemand-anders-wachtwoord", "herhaal": "x"}
    assert Client().post(reverse("meldingen:inschrijven"), nogmaals).status_code == 404


def test_a_password_alone_never_enrols_an_app_at_the_first_sign_in():
    team = maak_team()
    hanne = team.leden["hanne"]
    hanne.totp.delete()  # a handler without an app, whose password someone else knows
    client = Client()
    assert wachtwoord_ingeven(client, "hanne", hanne.wachtwoord).status_code == 302
    antwoord = client.get(reverse("meldingen:tweede-stap"))
    assert antwoord.status_code == 403 and "inschrijflink" in antwoord.content.decode()
    assert not TOTPDevice.objects.filter(user=hanne.user).exists()
    antwoord = client.post(reverse("meldingen:tweede-stap"), {"code": "123456"})
    assert antwoord.status_code == 403
    assert client.get(reverse("meldingen:overzicht")).status_code == 302


def test_an_enrolment_link_expires_after_48_hours():
    team = maak_team()
    uit = _voeg_toe("test-api", "greet", "--adres", "https://vangnet.example")
    token = _link(uit).split("code=")[1]
    Inschrijflink.objects.update(verloopt=timezone.now() - timedelta(seconds=1))
    antwoord = Client().get(reverse("meldingen:inschrijven"), {"code": token})
    assert antwoord.status_code == 404 and "werkt niet" in antwoord.content.decode()
    assert team.ontvanger.team.filter(behandelaar__user__username="greet").exists()


def test_a_handler_joining_another_team_is_asked_nothing_and_sealed_to_its_recovery_key():
    maak_team()
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    hanne_lid = Teamlid.objects.get(behandelaar__user__username="hanne")
    _voeg_toe("test-ander", "hanne")  # no password asked
    nieuw = Teamlid.objects.get(ontvanger=ander.ontvanger, behandelaar=hanne_lid.behandelaar)
    assert not nieuw.prive_sleutel_herstel
    totp = TOTPDevice.objects.get(user=hanne_lid.behandelaar.user)
    meld_aan(Lid(hanne_lid.behandelaar, b"", "hanne-wachtwoord-lang-genoeg", totp))
    nieuw.refresh_from_db()
    herstel = acties.herstelsleutel_uit_tekst(ander.herstelsleutel)
    prive = sleutels.open_zegel(herstel, bytes(nieuw.prive_sleutel_herstel))
    assert prive == acties.ontgrendel(hanne_lid.behandelaar, "hanne-wachtwoord-lang-genoeg")
