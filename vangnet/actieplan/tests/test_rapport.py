"""The interim report: one command and one button, HTML and PDF; the PDF's text read back."""

import io
from pathlib import Path

from django.core.management import call_command

import pytest
from pypdf import PdfReader

from vangnet.actieplan.models import Vergadering

pytestmark = pytest.mark.django_db


def _tekst(pdf: bytes) -> str:
    tekst = " ".join(pagina.extract_text() for pagina in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(tekst.split())


def test_the_demo_and_the_command_write_the_report_as_html_and_pdf(tmp_path: Path):
    uit = io.StringIO()
    call_command("demo_actieplan", stdout=uit)
    call_command("demo_actieplan", stdout=uit)  # idempotent
    assert Vergadering.objects.filter(titel__startswith="Demo:").count() == 4
    uit = io.StringIO()
    call_command("tussentijds_rapport", map=str(tmp_path), stdout=uit)
    assert "[6/6]" in uit.getvalue()  # progress, part by part
    html = (tmp_path / "actieplan-tussentijds-rapport.html").read_text(encoding="utf-8")
    assert "Weinig kandidaten buiten de podiumkunsten." in html
    tekst = _tekst((tmp_path / "actieplan-tussentijds-rapport.pdf").read_bytes())
    for verwacht in (
        "Tussentijds rapport van het actieplan",
        "In gevaar",
        "Weinig kandidaten buiten de podiumkunsten",  # the latest update of 2.3.c
        "Demo: stuurgroep 1",  # a meeting held
        "55000",  # budget: not yet allocated of the 100,000 (45,000 allocated)
        "Cijfers over meldingen",
        "Aanbevelingen en hun opvolging",
        "PC 329",
    ):
        assert verwacht in tekst, verwacht


def test_the_button_gives_the_stuurgroep_the_pdf(clients):
    call_command("demo_actieplan", stdout=io.StringIO())
    pagina = clients["sara"].get("/actieplan/rapport/").content.decode()
    assert 'href="/actieplan/rapport.pdf"' in pagina
    antwoord = clients["sara"].get("/actieplan/rapport.pdf")
    assert antwoord["Content-Type"] == "application/pdf"
    assert "Demo: platform" in _tekst(antwoord.content)
