"""A beheerder runs the team through pages (issue 16): invites by e-mail (a one-time link,
48 hours), removes a member (their keys go), recovers a member with the recovery key. No
password or app passes through anyone else's hands. Through the real pages.

Named people: hanne (beheerder of test-api), hugo (member), ines (invited), bert (second
beheerder), ward (another receiver), sofie (SFP's coordinator of a pool receiver).
"""

from datetime import timedelta
from unittest import mock

from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from vangnet.meldingen import acties, post, sleutels
from vangnet.meldingen.choices import OntvangerSoort, Rol
from vangnet.meldingen.models import Auditregel, Inschrijflink, Postbericht, Teamlid
from vangnet.meldingen.tests.factories import (
    InzendingFactory,
    maak_team,
    meld_aan,
    wachtwoord_ingeven,
)
from vangnet.meldingen.tests.inschrijven import schrijf_in, verstuurde_link

pytestmark = pytest.mark.django_db

VERHAAL = "Tijdens de repetitie raakte de regisseur mij aan zonder te vragen."


def _tekst(antwoord) -> str:
    return antwoord.content.decode()


def _nodig_uit(client, slug="test-api", **anders) -> object:
    gegevens = {"email": "ines@example.org", "naam": "Ines", "rol": "behandelaar", **anders}
    return client.post(reverse("meldingen:uitnodigen", args=[slug]), gegevens)


def test_a_beheerder_invites_a_member_who_sets_their_own_password_and_app():
    team = maak_team(leden=("hanne",))
    hanne = meld_aan(team.leden["hanne"])
    teampagina = _tekst(hanne.get(reverse("meldingen:team", args=["test-api"])))
    assert reverse("meldingen:uitnodigen", args=["test-api"]) in teampagina
    antwoord = _nodig_uit(hanne)
    assert antwoord["Location"] == reverse("meldingen:team", args=["test-api"])
    assert mail.outbox == [], "queued, not sent by the request"
    assert "inschrijven" not in Postbericht.objects.get().tekst, "the link is kept encrypted"
    pad = verstuurde_link("ines@example.org")
    # The beheerder's pages never show the link.
    assert pad.split("code=")[1] not in teampagina + _tekst(antwoord)
    ines = schrijf_in(pad, "ines-kiest-haar-eigen-wachtwoord")
    assert ines.get(reverse("meldingen:inbox", args=["test-api"])).status_code == 200
    assert Teamlid.objects.get(behandelaar__user__username="ines@example.org").rol == "behandelaar"
    assert Auditregel.objects.filter(
        gebruiker=team.leden["hanne"].user, detail__startswith="uitgenodigd"
    ).exists()


def test_an_invitation_works_once():
    team = maak_team(leden=("hanne",))
    _nodig_uit(meld_aan(team.leden["hanne"]))
    pad = verstuurde_link("ines@example.org")
    schrijf_in(pad, "ines-kiest-haar-eigen-wachtwoord")
    tweede = Client()
    assert tweede.get(pad).status_code == 404
    code = pad.split("code=")[1]
    antwoord = tweede.post(
        reverse("meldingen:inschrijven"),
        {"code": code, "nieuw": "iemand-anders-probeert", "herhaal": "iemand-anders-probeert"},
    )
    assert antwoord.status_code == 404


def test_an_invitation_expires_after_48_hours():
    team = maak_team(leden=("hanne",))
    _nodig_uit(meld_aan(team.leden["hanne"]))
    pad = verstuurde_link("ines@example.org")
    verstuurd = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=verstuurd + timedelta(hours=47)):
        assert Client().get(pad).status_code == 200
    with mock.patch(
        "django.utils.timezone.now", return_value=verstuurd + timedelta(hours=48, minutes=1)
    ):
        assert Client().get(pad).status_code == 404
    assert Inschrijflink.objects.count() == 1, "the expired link is refused, not used"


def test_someone_already_in_the_team_is_not_invited_twice():
    team = maak_team(leden=("hanne", "hugo"))
    antwoord = _nodig_uit(meld_aan(team.leden["hanne"]), email="hugo@example.org")
    # hugo's username is "hugo": found by e-mail address, and refused as already there.
    assert antwoord.status_code == 400 and "al in het team" in _tekst(antwoord)


def test_a_removed_member_can_no_longer_decrypt_a_case():
    team = maak_team(leden=("hanne", "hugo"))
    hugo = team.leden["hugo"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    hugo_browser = meld_aan(hugo)
    assert VERHAAL in _tekst(hugo_browser.get(reverse("meldingen:melding", args=[melding.pk])))
    envelop_van_hugo = bytes(melding.enveloppen.get(behandelaar=hugo.behandelaar).verzegeld)

    hanne = meld_aan(team.leden["hanne"])
    lid = team.ontvanger.team.get(behandelaar=hugo.behandelaar)
    pagina = reverse("meldingen:verwijderen", args=["test-api", lid.pk])
    assert pagina in _tekst(hanne.get(reverse("meldingen:team", args=["test-api"])))
    assert hanne.post(pagina, {}).status_code == 400, "asks to confirm"
    antwoord = hanne.post(pagina, {"bevestig": "on"})
    assert antwoord["Location"] == reverse("meldingen:team", args=["test-api"])

    # His open session opens nothing any more, and no envelope opens with his key.
    assert hugo_browser.get(reverse("meldingen:melding", args=[melding.pk])).status_code != 200
    assert not melding.enveloppen.filter(behandelaar=hugo.behandelaar).exists()
    for envelop in melding.enveloppen.all():
        with pytest.raises(sleutels.OngeldigeSleutel):
            sleutels.open_zegel(hugo.prive, bytes(envelop.verzegeld))
    # Only a copy of the destroyed envelope (a backup of before) would open it.
    assert sleutels.open_zegel(hugo.prive, envelop_van_hugo)
    hugo.user.refresh_from_db()
    assert not hugo.user.is_active, "no team left: the account is closed"
    assert wachtwoord_ingeven(Client(), "hugo", hugo.wachtwoord).status_code != 302
    regel = Auditregel.objects.get(detail__startswith=f"vertrek {hugo.behandelaar.pk}")
    assert regel.gebruiker == team.leden["hanne"].user
    # hanne still reads the case.
    assert VERHAAL in _tekst(hanne.get(reverse("meldingen:melding", args=[melding.pk])))


def test_removing_a_beheerder_seals_the_cases_to_a_new_receiver_key():
    team = maak_team(leden=("hanne", "bert"), beheerders=("hanne", "bert"))
    bert = team.leden["bert"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    lid = team.ontvanger.team.get(behandelaar=bert.behandelaar)
    oude_ontvangersleutel = acties.ontvangersleutel(lid, bert.prive)
    hanne = meld_aan(team.leden["hanne"])
    hanne.post(reverse("meldingen:verwijderen", args=["test-api", lid.pk]), {"bevestig": "on"})
    envelop = melding.enveloppen.get(ontvanger=team.ontvanger)
    with pytest.raises(sleutels.OngeldigeSleutel):
        sleutels.open_zegel(oude_ontvangersleutel, bytes(envelop.verzegeld))
    assert VERHAAL in _tekst(hanne.get(reverse("meldingen:melding", args=[melding.pk])))


def test_a_beheerder_cannot_remove_themselves_nor_a_member_of_another_team():
    team = maak_team(leden=("hanne",))
    ander = maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    hanne = meld_aan(team.leden["hanne"])
    zelf = team.ontvanger.team.get()
    ward = ander.ontvanger.team.get()
    assert (
        hanne.get(reverse("meldingen:verwijderen", args=["test-api", zelf.pk])).status_code == 404
    )
    assert (
        hanne.get(reverse("meldingen:verwijderen", args=["test-api", ward.pk])).status_code == 404
    )
    assert hanne.get(reverse("meldingen:herstellen", args=["test-api", ward.pk])).status_code == 404


def test_a_member_who_lost_password_and_phone_is_recovered_through_the_page():
    team = maak_team(leden=("hanne", "hugo"))
    hugo = team.leden["hugo"]
    melding, _code = acties.dien_in(team.ontvanger, InzendingFactory())
    hanne = meld_aan(team.leden["hanne"])
    lid = team.ontvanger.team.get(behandelaar=hugo.behandelaar)
    pagina = reverse("meldingen:herstellen", args=["test-api", lid.pk])
    assert pagina in _tekst(hanne.get(reverse("meldingen:team", args=["test-api"])))

    verkeerd = acties.herstelsleutel_als_tekst(bytes(32))
    antwoord = hanne.post(pagina, {"herstelsleutel": verkeerd})
    assert antwoord.status_code == 400 and "hoort niet bij" in _tekst(antwoord)
    assert not Postbericht.objects.exists()

    antwoord = hanne.post(pagina, {"herstelsleutel": team.herstelsleutel, "nieuwe_app": "on"})
    assert antwoord["Location"] == reverse("meldingen:team", args=["test-api"])
    assert wachtwoord_ingeven(Client(), "hugo", hugo.wachtwoord).status_code != 302
    pad = verstuurde_link("hugo@example.org")
    assert pad.split("code=")[1] not in _tekst(antwoord)
    terug = schrijf_in(pad, "hugo-heeft-een-nieuw-wachtwoord")  # a new app, too
    assert VERHAAL in _tekst(terug.get(reverse("meldingen:melding", args=[melding.pk])))
    regel = Auditregel.objects.get(detail=f"herstel {hugo.behandelaar.pk} met nieuwe app")
    assert regel.gebruiker == team.leden["hanne"].user and regel.ontvanger == team.ontvanger


def test_sfp_runs_the_team_of_a_pool_receiver_the_same_way():
    pool = maak_team(
        "test-pool-lid",
        soort=OntvangerSoort.VERTROUWENSPERSOON,
        leden=("sofie",),
        beheerders=("sofie",),
    )
    sofie = meld_aan(pool.leden["sofie"])
    antwoord = _nodig_uit(sofie, slug="test-pool-lid", email="vp@example.org", naam="Vera")
    assert antwoord.status_code == 302
    vera = schrijf_in(verstuurde_link("vp@example.org"), "vera-haar-eigen-wachtwoord")
    assert vera.get(reverse("meldingen:inbox", args=["test-pool-lid"])).status_code == 200
    lid = Teamlid.objects.get(behandelaar__user__username="vp@example.org")
    assert lid.rol == Rol.BEHANDELAAR
    sofie.post(reverse("meldingen:verwijderen", args=["test-pool-lid", lid.pk]), {"bevestig": "on"})
    assert not Teamlid.objects.filter(pk=lid.pk).exists()


def test_the_invitation_link_uses_the_sites_configured_address_not_the_host_asked(settings):
    settings.VANGNET_ADRES = "https://vangnet.example"
    team = maak_team(leden=("hanne",))
    _nodig_uit(meld_aan(team.leden["hanne"]))
    verstuurde_link("ines@example.org")
    assert "https://vangnet.example/behandelen/inschrijven/?code=" in mail.outbox[-1].body


def test_a_removed_member_can_be_invited_again_and_starts_afresh():
    team = maak_team(leden=("hanne",))
    hanne = meld_aan(team.leden["hanne"])
    _nodig_uit(hanne)
    schrijf_in(verstuurde_link("ines@example.org"), "ines-kiest-haar-eigen-wachtwoord")
    lid = Teamlid.objects.get(behandelaar__user__username="ines@example.org")
    oude_sleutel = bytes(lid.behandelaar.publieke_sleutel)
    hanne.post(reverse("meldingen:verwijderen", args=["test-api", lid.pk]), {"bevestig": "on"})
    assert _nodig_uit(hanne).status_code == 302
    ines = schrijf_in(verstuurde_link("ines@example.org"), "ines-begint-opnieuw-met-dit")
    assert ines.get(reverse("meldingen:inbox", args=["test-api"])).status_code == 200
    lid = Teamlid.objects.get(behandelaar__user__username="ines@example.org")
    assert bytes(lid.behandelaar.publieke_sleutel) != oude_sleutel, "a fresh key pair"


def test_an_existing_handler_added_to_another_team_is_told_by_e_mail(settings):
    settings.VANGNET_ADRES = "https://vangnet.example"
    maak_team("test-ander", leden=("ward",), beheerders=("ward",))
    team = maak_team(leden=("hanne",))
    assert (
        _nodig_uit(meld_aan(team.leden["hanne"]), email="ward@example.org", naam="Ward").status_code
        == 302
    )
    assert Teamlid.objects.filter(
        ontvanger=team.ontvanger, behandelaar__user__username="ward"
    ).exists()
    assert not Postbericht.objects.get().geheim, "no link that opens anything"
    post.verstuur_wat_klaar_staat()
    (bericht,) = mail.outbox
    assert bericht.to == ["ward@example.org"]
    assert "Ontvanger test-api" in bericht.subject
    assert "https://vangnet.example/behandelen/" in bericht.body
    assert "Verwittig" in bericht.body
