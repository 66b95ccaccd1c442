"""The key drills of docs/operations.md ("Keys over time"), run as written there.

The commands are read from the document, in its order, with its placeholders filled in;
a drill that changes in the document changes here, and one that stops working fails.
"""

import io
import re
import shlex
import sys
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from vangnet.meldingen import acties, sleutels
from vangnet.meldingen.choices import Handeling, Rol
from vangnet.meldingen.models import Auditregel, Melding, Sleutelenvelop, Teamlid
from vangnet.meldingen.tests.factories import InzendingFactory, maak_team

pytestmark = pytest.mark.django_db

OPERATIONS = Path(__file__).resolve().parents[3] / "docs" / "operations.md"


def _drills() -> list[list[str]]:
    """The ``python manage.py`` lines of the section "Keys over time", in order."""
    tekst = OPERATIONS.read_text()
    sectie = tekst[tekst.index("## Keys over time") :]
    sectie = sectie[: sectie.index("\n## ", 3)]
    return [
        shlex.split(regel)[2:]
        for regel in re.findall(r"^ {4,}(python manage\.py .+)$", sectie, flags=re.M)
    ]


def _roep(argumenten: list[str], invullen: dict[str, str], invoer: str) -> str:
    """Run one command of the document with its placeholders filled in, the secret on stdin."""
    woorden = [invullen.get(w, w) for w in argumenten]
    assert not [w for w in woorden if w.startswith("<")], f"unfilled placeholder in {woorden}"
    uit, oud = io.StringIO(), sys.stdin
    sys.stdin = io.StringIO(invoer + "\n")
    try:
        call_command(*woorden, stdout=uit)
    finally:
        sys.stdin = oud
    return uit.getvalue()


def _geweigerd(ontvanger, herstelsleutel: str) -> bool:
    try:
        acties.ontvanger_prive_uit_herstel(ontvanger, herstelsleutel)
    except acties.Geweigerd:
        return True
    return False


def _herstelbaar(teamlid: Teamlid, herstelsleutel: str) -> bytes | None:
    """The member's key as the recovery key opens it (what ``sleutel_herstellen`` uses)."""
    teamlid.refresh_from_db()
    if teamlid.prive_sleutel_herstel is None:
        return None
    try:
        return sleutels.open_zegel(
            acties.herstelsleutel_uit_tekst(herstelsleutel), bytes(teamlid.prive_sleutel_herstel)
        )
    except sleutels.OngeldigeSleutel:
        return None


def _leest(lid, melding: Melding) -> bool:
    envelop = melding.enveloppen.filter(behandelaar=lid.behandelaar).first()
    if envelop is None:
        return False
    sleutel = acties.sleutel_uit_envelop(envelop, lid.prive)
    return "repetitie" in acties.inhoud(melding, sleutel)["antwoorden"]["wat"]


def test_the_key_drills_of_the_operations_manual_work_as_written():
    drills = _drills()
    assert [d[0] for d in drills] == [
        "herstelsleutel_vernieuwen",
        "behandelaar_vertrekt",
        "behandelaar_toevoegen",
        "herstelsleutel_vervangen",
    ]
    team = maak_team(leden=("hanne", "hugo", "ines"), beheerders=("hanne",))
    ontvanger, hanne, hugo, ines = team.ontvanger, *team.leden.values()
    meldingen = [acties.dien_in(ontvanger, InzendingFactory()) for _ in range(2)]
    invullen = {"<ontvanger>": ontvanger.slug}

    # Rotating the recovery key: the old one opens nothing, the new one everything.
    uit = _roep(drills[0], invullen, team.herstelsleutel)
    nieuw = uit.strip().splitlines()[-1]
    ontvanger.refresh_from_db()
    assert _geweigerd(ontvanger, team.herstelsleutel)
    assert acties.ontvanger_prive_uit_herstel(ontvanger, nieuw) == team.prive
    teamlid_hugo = Teamlid.objects.get(ontvanger=ontvanger, behandelaar=hugo.behandelaar)
    assert _herstelbaar(teamlid_hugo, nieuw) == hugo.prive  # a password can still be reset
    assert _herstelbaar(teamlid_hugo, team.herstelsleutel) is None

    # hanne, the only beheerder, leaves: her keys go, the receiver gets a new key pair.
    oud_publiek = bytes(ontvanger.publieke_sleutel)
    uit = _roep(drills[1], {**invullen, "<gebruikersnaam>": "hanne"}, nieuw)
    assert "2 sleutels tot meldingen vernietigd" in uit
    ontvanger.refresh_from_db()
    assert bytes(ontvanger.publieke_sleutel) != oud_publiek
    assert not Teamlid.objects.filter(behandelaar=hanne.behandelaar).exists()
    assert not Sleutelenvelop.objects.filter(behandelaar=hanne.behandelaar).exists()
    hanne.user.refresh_from_db()
    assert not hanne.user.is_active
    ontvanger_prive = acties.ontvanger_prive_uit_herstel(ontvanger, nieuw)
    assert ontvanger_prive != team.prive
    for melding, _code in meldingen:
        assert _leest(hugo, melding) and _leest(ines, melding)
        envelop = melding.enveloppen.get(ontvanger=ontvanger)
        sleutel = sleutels.open_zegel(ontvanger_prive, bytes(envelop.verzegeld))
        assert acties.inhoud(melding, sleutel)["antwoorden"]["wat"]
    # hugo becomes beheerder with the recovery key.
    _roep(drills[2], {**invullen, "<gebruikersnaam>": "hugo"}, nieuw)
    teamlid_hugo.refresh_from_db()
    assert teamlid_hugo.rol == Rol.BEHEERDER
    assert acties.ontvangersleutel(teamlid_hugo, hugo.prive) == ontvanger_prive

    # The recovery key is lost: hugo makes a new one with his password.
    uit = _roep(drills[3], {**invullen, "<beheerder>": "hugo"}, hugo.wachtwoord)
    derde = uit.strip().splitlines()[-1]
    ontvanger.refresh_from_db()
    assert _geweigerd(ontvanger, nieuw)
    assert acties.ontvanger_prive_uit_herstel(ontvanger, derde) == ontvanger_prive
    teamlid_ines = Teamlid.objects.get(ontvanger=ontvanger, behandelaar=ines.behandelaar)
    assert _herstelbaar(teamlid_ines, derde) is None
    with pytest.raises(acties.Geweigerd):
        acties.herstel(teamlid_ines, derde)
    acties.vul_herstel_aan(ines.behandelaar, ines.prive)  # what her next sign-in does
    assert _herstelbaar(teamlid_ines, derde) == ines.prive
    assert _herstelbaar(teamlid_hugo, derde) == hugo.prive
    assert acties.herstel(teamlid_ines, derde)  # sleutel_herstellen works again for her

    # The reporters' receipts open their cases throughout.
    for melding, code in meldingen:
        partij, prive = acties.open_partij(code)
        assert partij.pk == melding.melder_id
    # Two rotations, one replacement, one recovery of a member (acties.herstel): each a line.
    assert Auditregel.objects.filter(handeling=Handeling.SLEUTELS).count() == 4


def test_the_drills_refuse_wrong_secrets_and_the_last_team_member():
    team = maak_team(leden=("hanne", "hugo"), beheerders=("hanne",))
    slug = team.ontvanger.slug
    with pytest.raises(CommandError, match="hoort niet bij"):
        _roep(["herstelsleutel_vernieuwen", slug], {}, maak_team("andere", leden=()).herstelsleutel)
    with pytest.raises(CommandError, match="opent de sleutel"):
        _roep(["herstelsleutel_vervangen", slug, "hanne"], {}, "fout-wachtwoord")
    with pytest.raises(CommandError, match="Alleen een beheerder"):
        _roep(["herstelsleutel_vervangen", slug, "hugo"], {}, team.leden["hugo"].wachtwoord)
    _roep(["behandelaar_vertrekt", slug, "hugo"], {}, team.herstelsleutel)
    with pytest.raises(CommandError, match="laatste teamlid"):
        _roep(["behandelaar_vertrekt", slug, "hanne"], {}, team.herstelsleutel)
    assert team.leden["hanne"].user.is_active
