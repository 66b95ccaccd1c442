"""A backup of a running installation, restored into an empty one: every case readable by
its handler, every receipt opening its case, every attachment back; a damaged backup, a
wrong receipt salt and a non-empty installation refused.

Both installations run as in production (vangnet/core/tests/livesite.py): gunicorn over
HTTPS, the production settings, the run's kind of database (SQLite, or PostgreSQL in CI's
PostgreSQL pass, where the backup is a pg_dump and the restore a pg_restore).
"""

import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from vangnet.core.tests.livesite import BASE_DIR, LiveSite, Visitor, running_site
from vangnet.meldingen.management.commands import demo_meldingen

pytestmark = pytest.mark.belasting

ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
DEMO_WACHTWOORD = "demo-behandelaar-wachtwoord"


def _meld(site: LiveSite, verhaal: str, bijlage: bytes) -> str:
    """A reporter sends a report with an attachment to the demo receiver; the receipt."""
    melder = Visitor(site.base_url)
    formulier = melder.get("/melden/demo-api/")
    token = re.search(r'name="verzendtoken" value="([^"]+)"', formulier.text).group(1)
    velden = {
        "verzendtoken": token,
        "wat": verhaal,
        "wanneer": "minder-dan-week",
        "gedrag": ["psychisch"],
        "wensen": ["gehoord"],
    }
    antwoord = melder.post("/melden/demo-api/", velden, [("bijlagen", "notitie.txt", bijlage)])
    gevonden = ONTVANGSTBEWIJS.search(antwoord.text)
    assert antwoord.status == 200 and gevonden, f"no receipt\n{site.log_tail()}"
    return gevonden.group(0)


def _open_met_bewijs(site: LiveSite, bewijs: str) -> str:
    """The case page a receipt opens (its text)."""
    melder = Visitor(site.base_url)
    melder.get("/melden/opvolgen/")
    dossier = melder.post("/melden/opvolgen/", {"ontvangstbewijs": bewijs})
    assert re.fullmatch(r"/melden/opvolgen/\d+/", dossier.path), (
        f"the receipt opened no case ({dossier.status} {dossier.path})\n{site.log_tail()}"
    )
    return dossier.text


def _behandelaar(site: LiveSite) -> Visitor:
    """The demo handler signed in (the restored device remembers the step the first sign-in
    used and refuses it again: ``totp_code`` gives one it accepts)."""
    behandelaar = Visitor(site.base_url)
    behandelaar.get("/behandelen/aanmelden/")
    behandelaar.post(
        "/behandelen/aanmelden/", {"username": "demo-behandelaar", "password": DEMO_WACHTWOORD}
    )
    binnen = behandelaar.post(
        "/behandelen/tweede-stap/",
        {"code": site.totp_code("demo-behandelaar", demo_meldingen.TOTP_SLEUTEL)},
    )
    assert binnen.path == "/behandelen/", f"handler sign-in: {binnen.status} {binnen.path}"
    return behandelaar


def _gelezen_door_behandelaar(site: LiveSite) -> dict[str, str]:
    """Every case in the handler's inbox: its page and its attachments' text, joined."""
    behandelaar = _behandelaar(site)
    inbox = behandelaar.get("/behandelen/demo-api/")
    gelezen = {}
    for pad in sorted(set(re.findall(r'href="(/behandelen/melding/\d+/)"', inbox.text))):
        pagina = behandelaar.get(pad).text
        bijlagen = [
            behandelaar.get(b).text
            for b in sorted(
                set(re.findall(r'href="(/behandelen/melding/\d+/bijlage/\d+/)"', pagina))
            )
        ]
        gelezen[pad] = pagina + "\n".join(bijlagen)
    return gelezen


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_a_backup_restored_into_an_empty_installation_opens_every_case_and_receipt(tmp_path):
    verhalen = {
        "Kenmerk-RK1: de regisseur schreeuwde elke dag tegen mij.": b"Kenmerk-BIJLAGE-1\n",
        "Kenmerk-RK2: na de voorstelling werd ik vastgepakt.": b"Kenmerk-BIJLAGE-2\n",
    }
    with running_site(tmp_path / "oud", demo=True) as oud:
        bewijzen = {verhaal: _meld(oud, verhaal, bijlage) for verhaal, bijlage in verhalen.items()}
        voor = _gelezen_door_behandelaar(oud)
        gelezen = "\n".join(voor.values())
        assert "Kenmerk-RK1" in gelezen and "Kenmerk-BIJLAGE-2" in gelezen
        gemaakt = _manage(oud.env, "maak_reservekopie", str(tmp_path / "kopieen"))
        assert gemaakt.returncode == 0, gemaakt.stderr
        kopie = Path(re.search(r"Reservekopie: (\S+\.tar)", gemaakt.stdout).group(1))
        assert "… database" in gemaakt.stderr and "… klaar" in gemaakt.stderr

        # Restoring over a running installation with data is refused.
        weigering = _manage(oud.env, "zet_reservekopie_terug", str(kopie))
        assert weigering.returncode != 0
        assert "not empty" in weigering.stderr

        zout = oud.env["MELDINGEN_ZOUT"]

    with tarfile.open(kopie) as tar:
        namen = tar.getnames()
    assert "manifest.json" in namen
    assert sum(n.startswith("bijlagen/") for n in namen) >= 2

    uitkomst = {}

    def zet_terug(env: dict[str, str]) -> None:
        uitkomst["terug"] = _manage(env, "zet_reservekopie_terug", str(kopie))

    with running_site(
        tmp_path / "nieuw", extra_env={"MELDINGEN_ZOUT": zout}, before_migrate=zet_terug
    ) as nieuw:
        terug = uitkomst["terug"]
        assert terug.returncode == 0, terug.stderr
        assert "elke melding vindt haar bijlagen" in terug.stdout
        for verhaal, bewijs in bewijzen.items():
            assert verhaal in _open_met_bewijs(nieuw, bewijs)
        na = _gelezen_door_behandelaar(nieuw)
        assert set(na) == set(voor)
        for pad, tekst in voor.items():
            for kenmerk in re.findall(r"Kenmerk-[A-Z0-9-]+", tekst):
                assert kenmerk in na[pad], (pad, kenmerk)
        assert len(na) >= len(verhalen)


def test_a_damaged_backup_or_another_salt_is_refused_before_anything_is_written(tmp_path):
    with running_site(tmp_path / "oud", demo=True) as oud:
        _meld(oud, "Kenmerk-RK3: een opmerking over mijn afkomst.", b"Kenmerk-BIJLAGE-3\n")
        gemaakt = _manage(oud.env, "maak_reservekopie", str(tmp_path / "kopieen"))
        kopie = Path(re.search(r"Reservekopie: (\S+\.tar)", gemaakt.stdout).group(1))
        assert (
            _manage(oud.env, "zet_reservekopie_terug", "--controleer", str(kopie)).returncode == 0
        )

        beschadigd = tmp_path / "beschadigd.tar"
        inhoud = bytearray(kopie.read_bytes())
        plek = inhoud.find(b"Kenmerk") if b"Kenmerk" in inhoud else len(inhoud) // 2
        inhoud[plek + 3] ^= 0xFF
        beschadigd.write_bytes(bytes(inhoud))
        controle = _manage(oud.env, "zet_reservekopie_terug", "--controleer", str(beschadigd))
        assert controle.returncode != 0

    uitkomst = {}

    def probeer(env: dict[str, str]) -> None:
        uitkomst["ander_zout"] = _manage(env, "zet_reservekopie_terug", str(kopie))
        uitkomst["beschadigd"] = _manage(env, "zet_reservekopie_terug", str(beschadigd))

    # The new installation gets a salt of its own (production_env makes one per site).
    with running_site(tmp_path / "nieuw", before_migrate=probeer):
        pass
    assert uitkomst["ander_zout"].returncode != 0
    assert "MELDINGEN_ZOUT differs" in uitkomst["ander_zout"].stderr
    assert uitkomst["beschadigd"].returncode != 0
