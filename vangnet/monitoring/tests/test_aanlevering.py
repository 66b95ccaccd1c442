"""Figures from outside Vangnet: the upload checks every row and keeps nothing on any mistake."""

from django.test import Client

import pytest

from vangnet.accounts.tests.factories import meld_aan_in_beheer
from vangnet.kaart.models import Organisatie
from vangnet.monitoring import aanlevering, cijfers
from vangnet.monitoring.models import Momentopname, Telling

API = "/api/v1/monitoring/aanlevering"
GOED = (
    "kwartaal,dimensie,waarde,aantal\n"
    "2025-K1,totaal,,48\n"
    "2025-K1,sector,muziek,30\n"
    "2025-K1,sector,circus,6\n"
    "2025-K1,gedrag,seksueel,20\n"
    "2025-K1,gedrag,psychisch,31\n"
    "2025-K2,totaal,,12\n"
)


@pytest.fixture
def sfp(db):
    return Organisatie.objects.get(slug="sociaal-fonds-podiumkunsten")


@pytest.fixture
def bob_client(bob, nu):
    client = Client()
    meld_aan_in_beheer(client, bob)
    return client


def test_a_right_file_replaces_the_partners_figures_of_its_quarters(sfp, nu):
    uitkomst = aanlevering.bewaar(sfp, GOED.encode())
    assert uitkomst.gelukt, uitkomst.fouten
    assert uitkomst.kwartalen == ["2025-K1", "2025-K2"]
    k1 = Momentopname.objects.get(kwartaal="2025-K1", bron=sfp)
    assert k1.aantal == 48
    sector = dict(k1.tellingen.filter(dim1="sector").values_list("waarde1", "aantal"))
    # What the sectors leave over of the total is "niet ingevuld".
    assert sector == {"muziek": 30, "circus": 6, "onbekend": 12}
    assert aanlevering.bewaar(sfp, GOED.replace(",,48", ",,50").encode()).gelukt
    assert Momentopname.objects.get(kwartaal="2025-K1", bron=sfp).aantal == 50
    assert Momentopname.objects.filter(bron=sfp).count() == 2


@pytest.mark.parametrize(
    ("regel", "in_de_fout"),
    [
        ("2025-K5,sector,muziek,3", "2025-K5"),
        ("2026-K1,sector,muziek,3", "nog niet voorbij"),
        ("2025-K1,schoenmaat,41,3", "schoenmaat"),
        ("2025-K1,sector,opera,3", "opera"),
        ("2025-K1,sector,muziek,drie", "drie"),
        ("2025-K1,sector,muziek,-3", "-3"),
        ("2025-K1,sector,muziek", "3 kolommen"),
        ("2025-K1,sector,muziek,30", "herhaalt rij 3"),
        ("2025-K1,totaal,muziek,30", "leeg"),
        ("2025-K1,erkenning,op-tijd,30", "erkenning"),
    ],
)
def test_every_wrong_row_is_named_with_its_number_and_nothing_is_kept(sfp, nu, regel, in_de_fout):
    bestand = GOED + regel + "\n"
    uitkomst = aanlevering.bewaar(sfp, bestand.encode())
    assert not uitkomst.gelukt
    fout = uitkomst.fouten[0]
    assert fout.rij == 8
    assert in_de_fout in fout.boodschap
    assert not Momentopname.objects.filter(bron=sfp).exists()
    assert not Telling.objects.exists()


@pytest.mark.parametrize(
    ("bestand", "in_de_fout"),
    [
        ("kwartaal;dimensie;aantal\n", "kolommen"),
        ("kwartaal,dimensie,waarde,aantal\n2025-K1,sector,muziek,3\n", "totaal ontbreekt"),
        (
            "kwartaal,dimensie,waarde,aantal\n2025-K1,totaal,,5\n2025-K1,sector,muziek,6\n",
            "meer dan het totaal",
        ),
        ("kwartaal,dimensie,waarde,aantal\n", "geen cijfers"),
    ],
)
def test_a_wrong_file_as_a_whole_is_refused(sfp, nu, bestand, in_de_fout):
    uitkomst = aanlevering.bewaar(sfp, bestand.encode())
    assert not uitkomst.gelukt
    assert in_de_fout in " ".join(f.boodschap for f in uitkomst.fouten)
    assert not Momentopname.objects.exists()


def test_a_file_in_another_encoding_gets_a_clear_answer(sfp, nu):
    uitkomst = aanlevering.bewaar(sfp, GOED.encode("utf-16"))
    assert "UTF-8" in uitkomst.fouten[0].boodschap


def test_a_spreadsheets_semicolons_are_read_too(sfp, nu):
    assert aanlevering.bewaar(sfp, GOED.replace(",", ";").encode("utf-8-sig")).gelukt


def test_the_template_is_a_valid_file_that_names_every_dimension(sfp, nu):
    sjabloon = aanlevering.sjabloon()
    for naam in aanlevering.AANLEVERBAAR:
        assert f",{naam}," in sjabloon
    assert aanlevering.bewaar(sfp, sjabloon.encode()).gelukt


def test_the_page_uploads_a_file_and_names_every_mistake(bob_client, sfp):
    pagina = bob_client.get("/monitoring/aanleveren/")
    assert pagina.status_code == 200
    assert bob_client.get("/monitoring/aanleveren/sjabloon.csv").content.startswith(b"kwartaal,")
    from django.core.files.uploadedfile import SimpleUploadedFile

    fout = SimpleUploadedFile("cijfers.csv", (GOED + "2025-K1,sector,opera,3\n").encode())
    antwoord = bob_client.post("/monitoring/aanleveren/", {"organisatie": sfp.pk, "bestand": fout})
    assert antwoord.status_code == 400
    assert "Rij 8:" in antwoord.content.decode() and "opera" in antwoord.content.decode()
    goed = SimpleUploadedFile("cijfers.csv", GOED.encode())
    antwoord = bob_client.post("/monitoring/aanleveren/", {"organisatie": sfp.pk, "bestand": goed})
    assert antwoord.status_code == 200
    assert Momentopname.objects.filter(bron=sfp).count() == 2


def test_a_partner_cannot_upload_for_another_organisation(bob_client, nu):
    faro = Organisatie.objects.get(slug="faro")
    from django.core.files.uploadedfile import SimpleUploadedFile

    bestand = SimpleUploadedFile("cijfers.csv", GOED.encode())
    antwoord = bob_client.post(
        "/monitoring/aanleveren/", {"organisatie": faro.pk, "bestand": bestand}
    )
    assert antwoord.status_code == 200  # the form refuses the choice
    assert not Momentopname.objects.exists()


def test_the_api_takes_the_same_file_with_a_token_and_refuses_without(client, sfp, nu):
    token = aanlevering.nieuw_token(sfp)
    zonder = client.post(API, GOED, content_type="text/csv")
    assert zonder.status_code == 401
    verkeerd = client.post(
        API, GOED, content_type="text/csv", headers={"Authorization": "Bearer nee"}
    )
    assert verkeerd.status_code == 401
    fout = client.post(
        API,
        GOED + "2025-K1,sector,opera,3\n",
        content_type="text/csv",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert fout.status_code == 400
    assert fout.json()["fouten"] == [{"rij": 8, "fout": fout.json()["fouten"][0]["fout"]}]
    assert not Momentopname.objects.exists()
    goed = client.post(
        API, GOED, content_type="text/csv", headers={"Authorization": f"Bearer {token}"}
    )
    assert goed.status_code == 201
    assert goed.json()["kwartalen"] == ["2025-K1", "2025-K2"]


def test_a_revoked_token_no_longer_works(bob_client, client, sfp):
    token = aanlevering.nieuw_token(sfp)
    sleutel = sfp.pk
    pagina = bob_client.get("/monitoring/aanleveren/").content.decode()
    assert "Intrekken" in pagina
    from vangnet.monitoring.models import Aanlevertoken

    bob_client.post(
        "/monitoring/aanleveren/",
        {"intrekken": Aanlevertoken.objects.get(organisatie_id=sleutel).pk},
    )
    antwoord = client.post(
        API, GOED, content_type="text/csv", headers={"Authorization": f"Bearer {token}"}
    )
    assert antwoord.status_code == 401


def test_the_department_sees_each_source_labelled(sfp, twee_jaar):
    assert aanlevering.bewaar(sfp, GOED.encode()).gelukt
    bron = cijfers.Bron(organisatie_id=sfp.pk, naam=sfp.naam)
    tabel = cijfers.tabel(["sector"], periode="2025", doelgroep=cijfers.BELEID, bron=bron)
    assert tabel.bron.label == sfp.naam
    assert dict(cijfers.verloop(cijfers.BELEID, bron)) == {"K1 2025": 48, "K2 2025": 12}
    with pytest.raises(cijfers.GeenCijfers):
        cijfers.tabel(["sector"], periode="2025", bron=bron)  # not public: the year is not whole


def test_the_department_page_shows_each_partners_table_with_its_export(sfp, twee_jaar, alice):
    assert aanlevering.bewaar(sfp, GOED.encode()).gelukt
    client = Client()
    meld_aan_in_beheer(client, alice)
    tekst = client.get("/monitoring/beleid/", {"per": "sector", "periode": "2025"}).content
    assert sfp.naam in tekst.decode()
    assert f"bron={sfp.pk}".encode() in tekst
    export = client.get(
        "/monitoring/beleid/tabel.csv", {"per": "sector", "periode": "2025", "bron": sfp.pk}
    )
    assert export.status_code == 200
    assert b"alle meldingen" in export.content
    onbekend = {"per": "sector", "periode": "2025", "bron": "999999"}
    assert client.get("/monitoring/beleid/tabel.csv", onbekend).status_code == 404
