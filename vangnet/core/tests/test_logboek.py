"""Logs are one JSON line per request or event, and hold nothing that identifies a person or
says what they reported: no address, no query string, no report text, no receipt."""

import io
import json
import logging

from django.urls import reverse

import pytest

from vangnet.core.logboek import JsonFormatter
from vangnet.meldingen.tests.test_melder import festival, ontvangstbewijs_op, verstuur

ADRES = "203.0.113.77"
TEKST = "Kanarie-tekst-8f3a: de regisseur zat aan mij in de kleedkamer."
ZOEKWOORD = "kanariezoekwoord"


@pytest.fixture
def logregels():
    """Everything the request logger and the root logger write, through the real formatter."""
    uit = io.StringIO()
    handler = logging.StreamHandler(uit)
    handler.setFormatter(JsonFormatter())
    verzoek = logging.getLogger("vangnet.verzoek")
    root = logging.getLogger()
    oud = verzoek.level, root.level
    verzoek.addHandler(handler)
    root.addHandler(handler)
    verzoek.setLevel(logging.INFO)
    root.setLevel(logging.INFO)
    try:
        yield uit
    finally:
        verzoek.removeHandler(handler)
        root.removeHandler(handler)
        verzoek.setLevel(oud[0])
        root.setLevel(oud[1])


@pytest.mark.django_db
def test_a_report_leaves_json_lines_without_address_receipt_or_text(client, logregels, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    team = festival()
    extra = {"REMOTE_ADDR": ADRES, "HTTP_X_FORWARDED_FOR": ADRES}
    client.get(f"/kaart/?q={ZOEKWOORD}", **extra)
    response = verstuur(client, team, {"wat": TEKST, "email": "melder@example.org"}, **extra)
    code = ontvangstbewijs_op(response)
    client.post(reverse("meldingen:opvolgen"), {"ontvangstbewijs": code}, **extra)

    tekst = logregels.getvalue()
    regels = [json.loads(regel) for regel in tekst.splitlines()]
    verzoeken = [r for r in regels if r["logger"] == "vangnet.verzoek"]
    assert len(verzoeken) >= 4, tekst
    assert {"tijd", "niveau", "route", "status", "duur_ms", "methode"} <= set(verzoeken[0])
    assert any(r["route"].startswith("/melden/") and r["methode"] == "POST" for r in verzoeken)
    for geheim in (ADRES, code, code.replace(" ", ""), TEKST[:20], ZOEKWOORD, "melder@example"):
        assert geheim not in tekst, f"{geheim!r} is in the log"
    assert "?" not in "".join(r["route"] for r in verzoeken)


def test_an_exception_is_logged_by_type_and_place_never_by_its_message():
    try:
        raise ValueError(f"duplicate key (adres)=({ADRES})")
    except ValueError:
        record = logging.getLogger("x").makeRecord(
            "x", logging.ERROR, __file__, 1, "mislukt", (), __import__("sys").exc_info()
        )
    regel = json.loads(JsonFormatter().format(record))
    assert regel["fout"] == "ValueError"
    assert regel["spoor"] and regel["spoor"][0].startswith("test_logboek.py:")
    assert ADRES not in json.dumps(regel)


def test_fields_passed_by_mistake_are_dropped():
    record = logging.getLogger("x").makeRecord(
        "x", logging.INFO, __file__, 1, "gebeurtenis", (), None, extra={"ip": ADRES, "status": 200}
    )
    regel = json.loads(JsonFormatter().format(record))
    assert regel["status"] == 200 and "ip" not in regel
