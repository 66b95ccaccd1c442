"""Notices are queued by the request and sent outside it: a mail server that hangs or is
gone never slows or breaks a report; failed notices are retried with a growing wait and end
as dead letters the operators see. A notice never holds what was reported."""

import socket
import threading
import time
from datetime import timedelta

from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

import pytest

from vangnet.meldingen import post
from vangnet.meldingen.models import Postbericht
from vangnet.meldingen.tests.test_melder import festival, ontvangstbewijs_op, verstuur

pytestmark = pytest.mark.django_db

TEKST = "Kanarie 5c1e: hij duwde mij tegen de muur achter het podium."


@pytest.fixture
def hangende_smtp(settings):
    """A mail server on loopback that accepts connections and never says a word."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    verbonden: list[socket.socket] = []
    stop = threading.Event()

    def aanvaard():
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                verbonden.append(server.accept()[0])
            except TimeoutError:
                continue

    draad = threading.Thread(target=aanvaard, daemon=True)
    draad.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.getsockname()[1]
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    # A request that waited on this server would take at least this long.
    settings.EMAIL_TIMEOUT = 30
    yield verbonden
    stop.set()
    draad.join(timeout=2)
    for verbinding in verbonden:
        verbinding.close()
    server.close()


def test_a_report_is_not_slowed_by_a_mail_server_that_hangs(
    hangende_smtp, settings, django_capture_on_commit_callbacks
):
    team = festival()
    client = Client()
    begin = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = verstuur(client, team, {"wat": TEKST, "email": "melder@example.org"})
    duur = time.monotonic() - begin
    ontvangstbewijs_op(response)
    assert duur < 15, f"the report took {duur:.1f} s"
    assert not hangende_smtp, "the request talked to the mail server"
    bericht = Postbericht.objects.get()
    assert TEKST[:12] not in bericht.onderwerp + bericht.tekst
    assert b"example.org" not in bytes(bericht.ontvangers), "addresses are kept encrypted"

    # The worker tries, gives up after EMAIL_TIMEOUT, and plans the next attempt later.
    settings.EMAIL_TIMEOUT = 1
    begin = time.monotonic()
    call_command("verstuur_berichten")
    assert time.monotonic() - begin < 5
    assert hangende_smtp, "the worker did try the mail server"
    bericht.refresh_from_db()
    assert bericht.pogingen == 1 and bericht.verstuurd_op is None
    # smtplib reports a greeting that never came as a disconnection ("timed out").
    assert bericht.laatste_fout in {"TimeoutError", "SMTPServerDisconnected"}
    assert bericht.volgende_poging > timezone.now() + timedelta(seconds=50)


def test_failed_notices_wait_ever_longer_and_end_as_dead_letters(settings, capsys):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    bericht = post.plaats("Nieuws in Vangnet", "Er is nieuws.", ["hanne@example.org"])
    wachttijden = []
    for _poging in range(post.MAX_POGINGEN):
        Postbericht.objects.filter(pk=bericht.pk).update(volgende_poging=timezone.now())
        voor = timezone.now()
        post.verstuur_wat_klaar_staat()
        bericht.refresh_from_db()
        if bericht.opgegeven_op is None:
            wachttijden.append(round((bericht.volgende_poging - voor).total_seconds() / 60))
    assert wachttijden == [1, 2, 4, 8, 16, 32, 60]
    assert bericht.opgegeven_op is not None and bericht.pogingen == post.MAX_POGINGEN
    assert bericht.laatste_fout == "ConnectionRefusedError"

    with pytest.raises(CommandError, match="1 opgegeven"):
        call_command("verstuur_berichten", "--toon")
    lijst = capsys.readouterr().out
    assert "ConnectionRefusedError" in lijst and "hanne@" not in lijst

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("verstuur_berichten", "--opnieuw")
    call_command("verstuur_berichten")
    assert [m.to for m in mail.outbox] == [["hanne@example.org"]]
    bericht.refresh_from_db()
    assert bericht.verstuurd_op is not None and bytes(bericht.ontvangers) == b""


def test_two_workers_never_send_one_notice_twice():
    post.plaats("Nieuws in Vangnet", "Er is nieuws.", ["hanne@example.org"])
    kandidaat = Postbericht.objects.get()
    # The second worker read the row before the first claimed it: its claim changes nothing.
    eerste = post.verstuur_wat_klaar_staat()
    gewijzigd = post.wachtend().filter(pk=kandidaat.pk, volgende_poging=kandidaat.volgende_poging)
    assert eerste.verstuurd == 1 and gewijzigd.update(pogingen=9) == 0
    assert len(mail.outbox) == 1


def test_a_notice_with_a_one_time_link_is_stored_encrypted_and_emptied_once_sent():
    link = "https://vangnet.example/behandelen/inschrijven/eenmalig-7f3a/"
    bericht = post.plaats("Je uitnodiging", f"Open {link}", ["lid@example.org"], geheim=True)
    opgeslagen = Postbericht.objects.get(pk=bericht.pk)
    assert opgeslagen.geheim and link not in opgeslagen.tekst
    assert post.tekst_van(opgeslagen) == f"Open {link}"

    post.verstuur_wat_klaar_staat()

    assert link in mail.outbox[0].body
    assert Postbericht.objects.get(pk=bericht.pk).tekst == ""


def test_an_ordinary_notice_keeps_its_fixed_text_after_sending():
    bericht = post.plaats("Er is nieuws", "Er is nieuws in je melding.", ["lid@example.org"])
    post.verstuur_wat_klaar_staat()
    assert Postbericht.objects.get(pk=bericht.pk).tekst == "Er is nieuws in je melding."
