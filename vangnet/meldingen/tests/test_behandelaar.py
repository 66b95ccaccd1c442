"""The handlers' pages: two-factor sign-in, the inbox, and working on a case."""

import base64
import re
import time
import types
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from vangnet.accounts.drempels import BEHANDELAAR_AANMELDEN
from vangnet.meldingen import acties, bijlagen, inschrijving, kluis
from vangnet.meldingen.bijlagen import SchoneBijlage
from vangnet.meldingen.choices import Auteur, Beslissing, Handeling, Kanaal, Stap, Status
from vangnet.meldingen.models import Auditregel, Melding, Toestemming
from vangnet.meldingen.tests.factories import (
    InzendingFactory,
    code_van,
    maak_lid,
    maak_team,
    meld_aan,
    sleutel_van,
    sluit_af,
    wachtwoord_ingeven,
)

pytestmark = pytest.mark.django_db

VERKEERD = "Deze gegevens kloppen niet."
ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")


# --- Helpers ----------------------------------------------------------------------------


def handeling(client: Client, melding: Melding, naam: str, data: dict | None = None, **extra):
    return client.post(reverse("meldingen:handeling", args=[melding.pk, naam]), data or {}, **extra)


def tekst(antwoord) -> str:
    return antwoord.content.decode()


# --- Signing in -------------------------------------------------------------------------


def test_a_page_needs_both_the_password_and_the_code_from_the_app():
    team = maak_team()
    hanne = team.leden["hanne"]
    client = Client()
    overzicht = reverse("meldingen:overzicht")
    assert client.get(overzicht)["Location"].startswith(reverse("meldingen:aanmelden"))
    wachtwoord_ingeven(client, "hanne", hanne.wachtwoord)
    assert client.get(overzicht)["Location"].startswith(reverse("meldingen:tweede-stap"))
    client.post(reverse("meldingen:tweede-stap"), {"code": code_van(hanne.totp)})
    assert client.get(overzicht).status_code == 200


def test_a_wrong_code_does_not_sign_in_and_quick_retries_are_slowed_down():
    team = maak_team()
    client = Client()
    wachtwoord_ingeven(client, "hanne", team.leden["hanne"].wachtwoord)
    antwoord = client.post(reverse("meldingen:tweede-stap"), {"code": "000000"})
    assert antwoord.status_code == 200 and "Deze code klopt niet" in tekst(antwoord)
    # django-otp doubles the wait after each wrong code: soon any quick retry is refused.
    for _poging in range(6):
        antwoord = client.post(reverse("meldingen:tweede-stap"), {"code": "000000"})
        if antwoord.status_code == 429:
            break
    assert antwoord.status_code == 429 and "Te veel foute codes" in tekst(antwoord)
    assert client.get(reverse("meldingen:overzicht")).status_code == 302


def test_a_handler_without_an_app_sets_it_up_with_a_qr_code_or_the_typed_secret():
    team = maak_team()
    hanne = team.leden["hanne"]
    hanne.totp.delete()
    client = Client()
    token = inschrijving.nieuwe_link(hanne.behandelaar, hanne.prive)
    nieuw = "hanne-haar-eigen-nieuwe-wachtwoord"
    antwoord = client.post(
        reverse("meldingen:inschrijven"), {"code": token, "nieuw": nieuw, "herhaal": nieuw}
    )
    assert antwoord["Location"] == reverse("meldingen:tweede-stap")
    pagina = client.get(reverse("meldingen:tweede-stap"))
    client.get(reverse("meldingen:tweede-stap"))
    toestel = TOTPDevice.objects.get(user=hanne.user)  # made once, not per visit
    assert not toestel.confirmed
    assert '<svg role="img"' in tekst(pagina) and "<title>" in tekst(pagina)
    geheim = re.search(r"<code>([A-Z2-7 ]+)</code>", tekst(pagina)).group(1).replace(" ", "")
    assert base64.b32decode(geheim + "=" * (-len(geheim) % 8)) == toestel.bin_key
    antwoord = client.post(reverse("meldingen:tweede-stap"), {"code": code_van(toestel)})
    assert antwoord["Location"] == reverse("meldingen:overzicht")
    toestel.refresh_from_db()
    assert toestel.confirmed


def test_wrong_passwords_from_one_network_make_the_name_wait_there_and_say_how_long():
    team = maak_team()
    client = Client()
    for _poging in range(BEHANDELAAR_AANMELDEN.paar.vrij):
        antwoord = wachtwoord_ingeven(client, "Hanne", "fout-wachtwoord")
        assert antwoord.status_code == 200 and VERKEERD in tekst(antwoord)
    antwoord = wachtwoord_ingeven(client, "hanne", team.leden["hanne"].wachtwoord)
    assert antwoord.status_code == 429
    assert "Probeer het over 60 seconden opnieuw." in tekst(antwoord)
    assert not client.session.get("_auth_user_id")


def test_an_unknown_name_gets_the_same_answers_so_names_cannot_be_guessed():
    maak_team()
    bekend, onbekend = Client(), Client()
    for _poging in range(BEHANDELAAR_AANMELDEN.paar.vrij):
        a = wachtwoord_ingeven(bekend, "hanne", "fout-wachtwoord")
        b = wachtwoord_ingeven(onbekend, "niemand", "fout-wachtwoord")
        assert (a.status_code, b.status_code) == (200, 200)
        assert VERKEERD in tekst(a) and VERKEERD in tekst(b)
    a = wachtwoord_ingeven(bekend, "hanne", "fout-wachtwoord")
    b = wachtwoord_ingeven(onbekend, "niemand", "fout-wachtwoord")
    assert (a.status_code, b.status_code) == (429, 429)
    assert re.search(r"over \d+ seconden", tekst(a)) and re.search(r"over \d+ seconden", tekst(b))


def test_many_names_from_one_network_are_slowed_down_too():
    team = maak_team()
    client = Client()
    for nummer in range(BEHANDELAAR_AANMELDEN.emmer.vrij):
        wachtwoord_ingeven(client, f"gok-{nummer}", "fout-wachtwoord")
    antwoord = wachtwoord_ingeven(client, "hanne", team.leden["hanne"].wachtwoord)
    assert antwoord.status_code == 429


def _via_proxy(adres: str) -> Client:
    """A browser behind the site's own proxy, which reports ``adres`` as the client."""
    return Client(HTTP_X_FORWARDED_FOR=adres)


def test_twenty_wrong_logins_through_the_proxy_do_not_keep_other_handlers_out(settings):
    # Audit finding: "twenty wrong logins from one address blocked every handler from it":
    # behind the TLS proxy every request came from the proxy's address.
    settings.TRUSTED_PROXY_HOPS = 1
    team = maak_team()
    aanvaller = _via_proxy("198.51.100.66")
    for nummer in range(40):
        wachtwoord_ingeven(aanvaller, f"gok-{nummer}", "fout-wachtwoord")
    assert wachtwoord_ingeven(aanvaller, "gok", "fout-wachtwoord").status_code == 429

    hanne = _via_proxy("203.0.113.7")
    antwoord = wachtwoord_ingeven(hanne, "hanne", team.leden["hanne"].wachtwoord)
    assert antwoord["Location"] == reverse("meldingen:tweede-stap")


def test_wrong_passwords_for_a_name_from_elsewhere_do_not_keep_its_handler_out(settings):
    # Audit finding: "five wrong passwords for one user name blocked that handler from every
    # address". Now the stranger waits; the handler, with password and code, gets in.
    settings.TRUSTED_PROXY_HOPS = 1
    team = maak_team()
    lid = team.leden["hanne"]
    for nummer in range(30):
        # Many networks, so that no limit of the stranger's own network stops him first.
        wachtwoord_ingeven(_via_proxy(f"198.51.100.{nummer}"), "hanne", "fout-wachtwoord")

    hanne = _via_proxy("203.0.113.7")
    antwoord = wachtwoord_ingeven(hanne, "hanne", lid.wachtwoord, code=code_van(lid.totp))
    assert antwoord["Location"] == reverse("meldingen:overzicht")
    assert hanne.get(reverse("meldingen:overzicht")).status_code == 200


def test_while_a_name_is_being_guessed_the_password_alone_reveals_nothing(monkeypatch):
    team = maak_team()
    lid = team.leden["hanne"]
    for nummer in range(BEHANDELAAR_AANMELDEN.naam.vrij):
        wachtwoord_ingeven(Client(REMOTE_ADDR=f"198.51.100.{nummer}"), "hanne", "fout")

    client = Client(REMOTE_ADDR="203.0.113.7")
    # The right password alone: the code is asked on the same page, nothing more is said.
    antwoord = wachtwoord_ingeven(client, "hanne", lid.wachtwoord)
    assert antwoord.status_code == 200 and 'name="code"' in tekst(antwoord)
    assert "Typ ook de zes cijfers uit je app." in tekst(antwoord)
    assert not client.session.get("_auth_user_id")
    # The right password with a wrong code: the same answer as a wrong password.
    antwoord = wachtwoord_ingeven(client, "hanne", lid.wachtwoord, code="000000")
    fout = wachtwoord_ingeven(client, "hanne", "fout-wachtwoord", code="000000")
    assert VERKEERD in tekst(antwoord) and VERKEERD in tekst(fout)
    assert not client.session.get("_auth_user_id")
    # Both right, once django-otp's own pause after a wrong code has passed: signed in with
    # both factors at once.
    later = timezone.now() + timedelta(seconds=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    antwoord = wachtwoord_ingeven(client, "hanne", lid.wachtwoord, code=code_van(lid.totp))
    assert antwoord["Location"] == reverse("meldingen:overzicht")


def test_someone_of_the_department_cannot_sign_in_here(alice):
    maak_team()
    client = Client()
    antwoord = wachtwoord_ingeven(client, "alice", "alice-wachtwoord-lang")
    assert antwoord.status_code == 200 and VERKEERD in tekst(antwoord)
    assert not client.session.get("_auth_user_id")


def test_signing_in_returns_to_the_page_asked_for_but_never_to_another_site():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    adres = reverse("meldingen:melding", args=[melding.pk])
    client = Client()
    naar_aanmelden = client.get(adres)["Location"]
    assert "next=" in naar_aanmelden
    antwoord = wachtwoord_ingeven(client, "hanne", hanne.wachtwoord, next=adres)
    antwoord = client.post(antwoord["Location"], {"code": code_van(hanne.totp), "next": adres})
    assert antwoord["Location"] == adres
    ander = Client()
    wachtwoord_ingeven(ander, "hanne", hanne.wachtwoord)
    antwoord = ander.post(
        reverse("meldingen:tweede-stap"),
        {"code": code_van(hanne.totp), "next": "https://elders.example/"},
    )
    assert antwoord["Location"] == reverse("meldingen:overzicht")


def test_after_half_an_hour_without_activity_the_handler_must_sign_in_again(monkeypatch):
    team = maak_team()
    client = meld_aan(team.leden["hanne"])
    echt = time.time
    monkeypatch.setattr(kluis, "time", types.SimpleNamespace(time=lambda: echt() + 31 * 60))
    antwoord = client.get(reverse("meldingen:overzicht"), follow=True)
    assert antwoord.redirect_chain[0][0].startswith(reverse("meldingen:aanmelden") + "?next=")
    assert "Je sessie is verlopen" in tekst(antwoord)
    monkeypatch.setattr(kluis, "time", time)
    assert client.get(reverse("meldingen:overzicht")).status_code == 302


def test_signing_out_closes_the_session_and_the_vault():
    team = maak_team()
    client = meld_aan(team.leden["hanne"])
    antwoord = client.post(reverse("meldingen:afmelden"))
    assert antwoord["Location"] == reverse("meldingen:aanmelden")
    assert client.cookies[kluis.COOKIE].value == ""
    assert client.get(reverse("meldingen:overzicht")).status_code == 302


# --- Overview and inbox -----------------------------------------------------------------


def test_the_overview_counts_open_cases_news_and_late_deadlines():
    team = maak_team()
    acties.dien_in(team.ontvanger, InzendingFactory())
    laat, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    Melding.objects.filter(pk=laat.pk).update(ontvangen_op=timezone.now() - timedelta(days=8))
    antwoord = meld_aan(team.leden["hanne"]).get(reverse("meldingen:overzicht"))
    rij = re.sub(r"\s+", " ", tekst(antwoord))
    assert "Ontvanger test-api" in rij
    assert '<td data-label="Open meldingen">2</td> <td data-label="Met nieuws">2</td>' in rij
    assert "1 te laat" in rij


def test_the_inbox_shows_the_next_deadline_and_says_when_it_is_late():
    team = maak_team()
    nieuw, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    laat, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    Melding.objects.filter(pk=laat.pk).update(ontvangen_op=timezone.now() - timedelta(days=8))
    antwoord = meld_aan(team.leden["hanne"]).get(reverse("meldingen:inbox", args=["test-api"]))
    html = tekst(antwoord)
    assert html.count("te laat</strong>") == 1
    assert "Ontvangst bevestigen" in html
    # The most urgent first.
    assert html.index(laat.nummer) < html.index(nieuw.nummer)


def test_the_inbox_shows_closed_cases_only_when_asked():
    team = maak_team()
    hanne = team.leden["hanne"]
    open_melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    dicht, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    sluit_af(dicht, door=hanne.behandelaar)
    client = meld_aan(hanne)
    inbox = reverse("meldingen:inbox", args=["test-api"])
    assert open_melding.nummer in tekst(client.get(inbox))
    assert dicht.nummer not in tekst(client.get(inbox))
    afgesloten = tekst(client.get(inbox + "?toon=afgesloten"))
    assert dicht.nummer in afgesloten and open_melding.nummer not in afgesloten


def test_the_inbox_names_the_closed_cases_that_still_lack_monitoring_codes():
    team = maak_team()
    hanne = team.leden["hanne"]
    zonder, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    met, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    acties.classificeer(
        met,
        hanne.behandelaar,
        gedrag=["seksueel"],
        sector="muziek",
        melder_status="freelancer",
        route="advies",
    )
    for melding in (zonder, met):
        sluit_af(melding, door=hanne.behandelaar)
    # Closed before every code was asked at closing: nothing filled in.
    Melding.objects.filter(pk=zonder.pk).update(gedrag=[], sector="", melder_status="", route="")
    client = meld_aan(hanne)
    inbox = reverse("meldingen:inbox", args=["test-api"])
    assert "1 afgesloten melding mist nog codes voor de monitoring" in tekst(client.get(inbox))
    afgesloten = re.sub(r"\s+", " ", tekst(client.get(inbox + "?toon=afgesloten")))
    rij_zonder = afgesloten[afgesloten.index(zonder.nummer) :].split("</tr>")[0]
    rij_met = afgesloten[afgesloten.index(met.nummer) :].split("</tr>")[0]
    assert "gedrag, sector, status van de melder, route" in rij_zonder
    assert "<strong>" not in rij_met.split("</td>")[-2]
    assert list(Melding.objects.zonder_codes()) == [zonder]


def test_a_handler_cannot_open_the_inbox_or_a_case_of_another_receiver():
    team = maak_team()
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    melding, _code = acties.dien_in(ander.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    assert client.get(reverse("meldingen:inbox", args=["test-ander"])).status_code == 404
    assert client.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 404
    assert client.get(reverse("meldingen:team", args=["test-ander"])).status_code == 404
    assert handeling(client, melding, "notitie", {"notitie-tekst": "x"}).status_code == 404


# --- The case page ----------------------------------------------------------------------


def test_the_case_page_shows_the_decrypted_report_in_words_and_notes_the_reading():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    antwoord = meld_aan(team.leden["hanne"]).get(reverse("meldingen:melding", args=[melding.pk]))
    html = tekst(antwoord)
    assert "Tijdens de repetitie raakte de regisseur mij aan" in html
    assert "minder dan een week geleden" in html
    assert "seksueel grensoverschrijdend gedrag" in html
    assert "advies over wat ik kan doen" in html
    assert "Anoniem" in html
    assert Auditregel.objects.filter(melding=melding, handeling=Handeling.GELEZEN).exists()
    assert not Melding.objects.get(pk=melding.pk).nieuws_voor_team


def test_an_attachment_downloads_decrypted_and_never_opens_in_the_browser():
    team = maak_team()
    bijlage = SchoneBijlage(naam="bewijs.txt", soort="text/plain", inhoud=b"wat er stond")
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory(bijlagen=[bijlage]))
    client = meld_aan(team.leden["hanne"])
    pk = melding.bijlagen.get().pk
    assert "bewijs.txt" in tekst(client.get(reverse("meldingen:melding", args=[melding.pk])))
    antwoord = client.get(reverse("meldingen:behandelaar-bijlage", args=[melding.pk, pk]))
    assert antwoord.content == b"wat er stond"
    assert antwoord["Content-Disposition"].startswith("attachment")
    assert antwoord["X-Content-Type-Options"] == "nosniff"
    assert Auditregel.objects.filter(handeling=Handeling.BIJLAGE_GELEZEN, detail=str(pk)).exists()


def test_a_reply_with_an_attachment_reaches_the_reporter():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(hanne)
    bestand = SimpleUploadedFile("uitleg.txt", b"Zo gaat het verder.", "text/plain")
    antwoord = handeling(
        client, melding, "bericht", {"bericht-tekst": "Dank je.", "bericht-bijlagen": bestand}
    )
    assert antwoord.status_code == 302
    sleutel = sleutel_van(melding, hanne)
    assert [b["tekst"] for b in acties.berichten(melding, sleutel, Kanaal.MELDER)] == ["Dank je."]
    assert acties.bijlagen(melding, sleutel)[0]["naam"] == "uitleg.txt"
    assert Melding.objects.get(pk=melding.pk).erkend_op is not None


def test_a_refused_attachment_is_explained_and_the_typed_message_kept():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    bestand = SimpleUploadedFile("programma.exe", b"MZ\x90\x00\x03", "application/octet-stream")
    antwoord = handeling(
        client, melding, "bericht", {"bericht-tekst": "Mijn antwoord", "bericht-bijlagen": bestand}
    )
    assert antwoord.status_code == 200
    assert "Mijn antwoord</textarea>" in tekst(antwoord)
    assert 'class="foutoverzicht"' in tekst(antwoord)
    assert not melding.berichten.exists()


def test_a_broken_upload_is_a_clear_error_not_a_server_error():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    antwoord = client.generic(
        "POST",
        reverse("meldingen:handeling", args=[melding.pk, "bericht"]),
        b"--grens\r\nkapot",
        content_type="multipart/form-data",  # no boundary: the parser gives up
    )
    assert antwoord.status_code == 400
    assert "kwam niet goed aan" in tekst(antwoord)
    assert not melding.berichten.exists()


def test_a_file_over_the_limit_stops_the_upload_with_the_size_in_the_error(monkeypatch):
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    monkeypatch.setattr(bijlagen, "MAX_GROOTTE", 1024 * 1024)
    groot = SimpleUploadedFile("groot.txt", b"a" * (1024 * 1024 + 1), "text/plain")
    antwoord = handeling(
        client, melding, "bericht", {"bericht-tekst": "Kijk eens", "bericht-bijlagen": groot}
    )
    assert antwoord.status_code == 200
    assert "te groot" in tekst(antwoord) and "Kijk eens</textarea>" in tekst(antwoord)
    assert not melding.berichten.exists()


def test_an_action_takes_only_a_post_and_only_a_known_name():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    assert (
        client.get(reverse("meldingen:handeling", args=[melding.pk, "status"])).status_code == 405
    )
    assert handeling(client, melding, "vernietig").status_code == 404


def test_internal_notes_stay_in_the_team():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(hanne)
    assert (
        handeling(client, melding, "notitie", {"notitie-tekst": "Bel maandag."}).status_code == 302
    )
    html = tekst(client.get(reverse("meldingen:melding", args=[melding.pk])))
    assert "Bel maandag." in html
    assert not melding.berichten.exists()


def test_the_status_follows_the_case_path_and_a_refused_step_says_why():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory(wensen=["advies"]))
    client = meld_aan(team.leden["hanne"])
    geweigerd = handeling(client, melding, "status", {"status-naar": "advies"})
    assert geweigerd.status_code == 200 and "kan een melding niet naar" in tekst(geweigerd)
    assert Melding.objects.get(pk=melding.pk).status == Status.ONTVANGEN
    gelukt = handeling(client, melding, "status", {"status-naar": "in-gesprek"}, follow=True)
    assert "De status is nu" in tekst(gelukt)
    zonder_toestemming = handeling(client, melding, "status", {"status-naar": "bemiddeling"})
    assert "toestemming van de melder nodig" in tekst(zonder_toestemming)
    assert Melding.objects.get(pk=melding.pk).status == Status.IN_GESPREK
    # A step without consent shows as a disabled button with the reason.
    assert "Kan pas met de toestemming van de melder" in tekst(zonder_toestemming)
    zonder_uitkomst = handeling(client, melding, "status", {"status-naar": "afgesloten"})
    assert "Kies een uitkomst" in tekst(zonder_uitkomst)
    handeling(
        client,
        melding,
        "status",
        {
            "status-naar": "afgesloten",
            "status-uitkomst": "geholpen",
            "status-terugkoppeling": "We sluiten af: je kreeg advies, zoals je vroeg.",
            "status-gedrag": ["onbekend"],
            "status-sector": "onbekend",
            "status-melder_status": "onbekend",
            "status-route": "onbekend",
        },
    )
    assert Melding.objects.get(pk=melding.pk).status == Status.AFGESLOTEN


def test_a_referral_with_consent_reaches_the_other_receivers_inbox_and_nothing_more():
    team = maak_team()
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    andere_melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    hanne = meld_aan(team.leden["hanne"])
    antwoord = handeling(
        hanne,
        melding,
        "toestemming",
        {
            "toestemming-stap": "doorverwijzing",
            "toestemming-doel": ander.ontvanger.pk,
            "toestemming-omvang": "volledig",
        },
    )
    assert antwoord.status_code == 302
    toestemming = melding.toestemmingen.get(stap=Stap.DOORVERWIJZING)
    vooraf = handeling(hanne, melding, "doorverwijzen", {"doorverwijzen-keuze": toestemming.pk})
    assert "geen toestemming" in tekst(vooraf)
    acties.beslis(toestemming, Beslissing.GEGEVEN)
    antwoord = handeling(hanne, melding, "doorverwijzen", {"doorverwijzen-keuze": toestemming.pk})
    assert antwoord.status_code == 302
    nieuwe = Melding.objects.get(doorverwezen_van=melding)
    ward = meld_aan(ander.leden["ward"])
    inbox = tekst(ward.get(reverse("meldingen:inbox", args=["test-ander"])))
    assert nieuwe.nummer in inbox and andere_melding.nummer not in inbox
    dossier = tekst(ward.get(reverse("meldingen:melding", args=[nieuwe.pk])))
    assert "Doorverwezen door Ontvanger test-api" in dossier
    assert "Tijdens de repetitie" in dossier
    assert ward.get(reverse("meldingen:melding", args=[andere_melding.pk])).status_code == 404


def test_an_external_referral_prints_only_the_summary_the_reporter_approved():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    volledig = handeling(
        client,
        melding,
        "toestemming",
        {
            "toestemming-stap": "doorverwijzing",
            "toestemming-extern": "Centrum Elders",
            "toestemming-omvang": "volledig",
        },
    )
    assert "enkel een samenvatting" in tekst(volledig)
    handeling(
        client,
        melding,
        "toestemming",
        {
            "toestemming-stap": "doorverwijzing",
            "toestemming-extern": "Centrum Elders",
            "toestemming-omvang": "samenvatting",
            "toestemming-samenvatting": "Een melding over een regisseur.",
        },
    )
    toestemming = Toestemming.objects.get(melding=melding, stap=Stap.DOORVERWIJZING)
    adres = reverse("meldingen:samenvatting", args=[melding.pk, toestemming.pk])
    assert client.get(adres).status_code == 404
    acties.beslis(toestemming, Beslissing.GEGEVEN)
    pagina = tekst(client.get(adres))
    assert "Een melding over een regisseur." in pagina and "Centrum Elders" in pagina
    assert "Tijdens de repetitie" not in pagina


def test_the_other_partys_receipt_is_shown_once_and_never_again():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory(wensen=["bemiddeling"]))
    client = meld_aan(hanne)
    zonder = handeling(client, melding, "andere-partij")
    assert "geen toestemming" in tekst(zonder)
    t = acties.vraag_toestemming(
        melding, sleutel_van(melding, hanne), hanne.behandelaar, Stap.ANDERE_PARTIJ
    )
    acties.beslis(t, Beslissing.GEGEVEN)
    antwoord = handeling(client, melding, "andere-partij")
    assert antwoord.status_code == 200
    code = ONTVANGSTBEWIJS.search(tekst(antwoord)).group(0)
    assert acties.open_partij(code) is not None
    pagina = tekst(client.get(reverse("meldingen:melding", args=[melding.pk])))
    assert code not in pagina
    assert "al een eigen kanaal" in tekst(handeling(client, melding, "andere-partij"))
    bericht = handeling(
        client, melding, "andere-partij-bericht", {"andere-partij-bericht-tekst": "Welkom."}
    )
    assert bericht.status_code == 302
    assert melding.berichten.get().kanaal == Kanaal.ANDERE_PARTIJ


def test_declaring_a_conflict_hides_the_case_from_that_handler_only():
    team = maak_team(leden=("hanne", "hugo"))
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    hugo = meld_aan(team.leden["hugo"])
    zonder_vinkje = handeling(hugo, melding, "conflict")
    assert zonder_vinkje.status_code == 200 and "belangenconflict" in tekst(zonder_vinkje)
    antwoord = handeling(hugo, melding, "conflict", {"conflict-bevestig": "on"}, follow=True)
    assert antwoord.redirect_chain[-1][0] == reverse("meldingen:inbox", args=["test-api"])
    assert "Je hebt een belangenconflict verklaard" in tekst(antwoord)
    assert melding.nummer not in tekst(hugo.get(reverse("meldingen:inbox", args=["test-api"])))
    assert hugo.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 404
    hanne = meld_aan(team.leden["hanne"])
    assert hanne.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 200


def test_a_beheerder_with_a_conflict_does_not_see_the_case_through_the_receivers_key():
    team = maak_team(leden=("hanne", "hugo"))
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    hanne = meld_aan(team.leden["hanne"])
    handeling(hanne, melding, "conflict", {"conflict-bevestig": "on"})
    inbox = tekst(hanne.get(reverse("meldingen:inbox", args=["test-api"])))
    assert reverse("meldingen:melding", args=[melding.pk]) not in inbox
    assert hanne.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 404


def test_the_classification_takes_only_codes_from_the_lists():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    verzonnen = handeling(
        client, melding, "classificatie", {"classificatie-gedrag": ["iets-verzonnen"]}
    )
    assert verzonnen.status_code == 200 and 'class="foutoverzicht"' in tekst(verzonnen)
    assert Melding.objects.get(pk=melding.pk).gedrag == []
    handeling(
        client,
        melding,
        "classificatie",
        {
            "classificatie-gedrag": ["seksueel", "machtsmisbruik"],
            "classificatie-sector": "podiumkunsten",
            "classificatie-melder_status": "freelancer",
            "classificatie-route": "advies",
        },
    )
    opgeslagen = Melding.objects.get(pk=melding.pk)
    assert opgeslagen.gedrag == ["seksueel", "machtsmisbruik"]
    assert (opgeslagen.sector, opgeslagen.route) == ("podiumkunsten", "advies")


def test_a_case_is_assigned_only_to_a_member_who_can_read_it():
    team = maak_team(leden=("hanne", "hugo"))
    hugo = team.leden["hugo"].behandelaar
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory(uitgesloten=[hugo.pk]))
    client = meld_aan(team.leden["hanne"])
    geweigerd = handeling(client, melding, "toewijzen", {"toewijzen-behandelaar": hugo.pk})
    assert geweigerd.status_code == 200
    assert Melding.objects.get(pk=melding.pk).behandelaar is None
    hanne = team.leden["hanne"].behandelaar
    handeling(client, melding, "toewijzen", {"toewijzen-behandelaar": hanne.pk})
    assert Melding.objects.get(pk=melding.pk).behandelaar == hanne


def test_the_case_page_shows_who_did_what():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(team.leden["hanne"])
    handeling(client, melding, "status", {"status-naar": "in-gesprek"})
    html = tekst(client.get(reverse("meldingen:melding", args=[melding.pk])))
    spoor = html[html.index('id="auditspoor"') :]
    assert "Status gewijzigd" in spoor and "Hanne" in spoor and "Melding ingediend" in spoor


# --- Team and password ------------------------------------------------------------------


def test_a_beheerder_gives_a_new_member_access_to_older_cases():
    team = maak_team()
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    nieuw = maak_lid("hugo")
    teamlid = acties.voeg_toe_aan_team(team.ontvanger, nieuw.behandelaar, nieuw.prive)
    hugo = meld_aan(nieuw)
    assert hugo.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 404
    assert hugo.post(reverse("meldingen:team", args=["test-api"]), {"keuze": 1}).status_code == 404
    hanne = meld_aan(team.leden["hanne"])
    antwoord = hanne.post(
        reverse("meldingen:team", args=["test-api"]), {"keuze": teamlid.pk}, follow=True
    )
    assert "Hugo kan nu 1 eerdere melding openen." in tekst(antwoord)
    assert hugo.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 200


def test_a_new_password_keeps_the_key_and_the_session_working():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    client = meld_aan(hanne)
    adres = reverse("meldingen:wachtwoord")
    nieuw = "een-heel-nieuw-wachtwoord"
    fout = client.post(adres, {"huidig": "niet-het-mijne", "nieuw": nieuw, "herhaal": nieuw})
    assert "Dit is niet je huidige wachtwoord." in tekst(fout)
    te_kort = client.post(adres, {"huidig": hanne.wachtwoord, "nieuw": "kort", "herhaal": "kort"})
    assert te_kort.status_code == 200 and 'class="foutoverzicht"' in tekst(te_kort)
    antwoord = client.post(adres, {"huidig": hanne.wachtwoord, "nieuw": nieuw, "herhaal": nieuw})
    assert antwoord.status_code == 302
    assert client.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 200
    assert VERKEERD in tekst(wachtwoord_ingeven(Client(), "hanne", hanne.wachtwoord))
    opnieuw = meld_aan(hanne, wachtwoord=nieuw)
    assert opnieuw.get(reverse("meldingen:melding", args=[melding.pk])).status_code == 200


def test_a_handlers_reply_is_stored_as_a_message_from_the_team():
    team = maak_team()
    hanne = team.leden["hanne"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    handeling(meld_aan(hanne), melding, "bericht", {"bericht-tekst": "Hallo."})
    bericht = melding.berichten.get()
    assert (bericht.auteur, bericht.behandelaar) == (Auteur.BEHANDELAAR, hanne.behandelaar)


def test_the_inbox_leads_to_the_poster_and_the_qr_codes_of_the_receiver():
    team = maak_team()
    client = meld_aan(team.leden["hanne"])
    pagina = tekst(client.get(reverse("meldingen:inbox", args=["test-api"])))
    for pad in (
        "/m/test-api/",
        "/melden/test-api/affiche.pdf?formaat=a5",
        "/melden/test-api/qr.png",
    ):
        assert pad in pagina
    assert (
        client.get("/melden/test-api/affiche.pdf?formaat=a5")["Content-Type"] == "application/pdf"
    )
