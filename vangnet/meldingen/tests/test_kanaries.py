"""Nothing a reporter or a handler types or uploads is stored readable, anywhere.

A report goes through the live site (the production settings, gunicorn with two workers
over HTTPS, its own database of the run's kind: a SQLite file in WAL mode or a PostgreSQL
database; the production Argon2id cost) with a unique *canary* in every free-text field, in
the names of its attachments and in what they hold: a text file, a PDF with a canary on
its page and in its document information, a JPEG with canaries in its EXIF. The handler
signs in with password and second factor, answers with an attachment and writes an
internal note; the reporter answers back. Then the raw bytes of everything the platform
keeps are searched for every canary, as text, in UTF-16, as hex and in base64: the
database file with its -wal and -shm files (while gunicorn runs and after it stopped) or,
on PostgreSQL, every row of every table as the server gives it (COPY), every file in the
attachments folder and gunicorn's log. Not one may be found.

So that the test can fail, the same canaries must come back through the app: the case
page shows them, the attachments download with their content. Metadata the platform
strips (EXIF, PDF document information) must be gone even from the download.

E-mail notices go to files instead of an SMTP server, as in production they go
to an SMTP server and not into the log. They are checked too: a notice tells there is news
and nothing else.
"""

import base64
import re
import secrets
from io import BytesIO
from pathlib import Path

import pytest
from django_otp.oath import totp
from PIL import Image
from pypdf import PdfReader
from reportlab.pdfgen import canvas

from vangnet.core.tests.livesite import LiveSite, Visitor, running_site

pytestmark = pytest.mark.belasting

DEMO_WACHTWOORD = "demo-behandelaar-wachtwoord"
DEMO_TOTP = b"vangnet-demo-totp-20"
ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
INSTELLINGEN = """from vangnet.settings.production import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = {post!r}
"""
# What the platform removes from an attachment: never shown, not even after decryption.
METADATA = ("exif_beschrijving", "exif_artiest", "pdf_auteur", "pdf_titel")


def kanaries() -> dict[str, str]:
    """A fresh, unique canary per place: mixed case, so the lower-case search means something."""
    plaatsen = [
        "wat", "waar", "naam", "email", "txt_inhoud", "txt_naam", "pdf_tekst", "pdf_naam",
        "jpg_naam", "antwoord", "antwoord_bijlage", "notitie", "reactie", "reactie_bijlage",
        *METADATA,
    ]  # fmt: skip
    per_plaats = {
        p: f"Kanarie{p.title().replace('_', '')}{secrets.token_hex(6).upper()}" for p in plaatsen
    }
    # Digits only, as a mobile number: a 4 and nine random digits are unique enough.
    per_plaats["telefoon"] = "4" + "".join(str(secrets.randbelow(10)) for _ in range(9))
    return per_plaats


def varianten(kanarie: str) -> dict[str, bytes]:
    """The byte strings under which a canary could hide in a file."""
    tekst = kanarie.encode()
    vormen = {
        "utf-8": tekst,
        "kleine letters": kanarie.lower().encode(),
        "hoofdletters": kanarie.upper().encode(),
        "utf-16-le": kanarie.encode("utf-16-le"),
        "utf-16-be": kanarie.encode("utf-16-be"),
        "hex": tekst.hex().encode(),
    }
    # Base64 at each of the three alignments, without the characters the neighbours change.
    for verschuiving in range(3):
        for naam, codeer in (("base64", base64.b64encode), ("base64url", base64.urlsafe_b64encode)):
            vormen[f"{naam}+{verschuiving}"] = codeer(b"\0" * verschuiving + tekst)[4:-4]
    return vormen


def zoek_in(inhoud: bytes, kanarie: str) -> list[str]:
    """The forms under which ``kanarie`` is in ``inhoud``."""
    return [vorm for vorm, patroon in varianten(kanarie).items() if patroon in inhoud]


def zoek(bestanden: list[Path], gezocht: dict[str, str]) -> list[str]:
    """Every "file: place (form)" where a canary is found in the raw bytes."""
    treffers = []
    for bestand in bestanden:
        inhoud = bestand.read_bytes()
        for plaats, kanarie in gezocht.items():
            treffers += [f"{bestand.name}: {plaats} ({vorm})" for vorm in zoek_in(inhoud, kanarie)]
    return treffers


def bewaard(site: LiveSite) -> list[Path]:
    """Everything the platform keeps: the database (and its WAL), attachments, the log."""
    if site.is_sqlite:
        database = site.database
        bestanden = [database, database.with_name(database.name + "-wal")]
        bestanden.append(database.with_name(database.name + "-shm"))
    else:
        bestanden = [postgresql_inhoud(site)]
    bestanden += [p for p in site.meldingen_map.rglob("*") if p.is_file()]
    bestanden.append(site.log)
    return [p for p in bestanden if p.exists()]


def postgresql_inhoud(site: LiveSite) -> Path:
    """Every row of every table of the site's PostgreSQL database, as COPY gives it (bytea
    as hex), in one file next to the site's log."""
    import psycopg

    uit = site.folder / "postgresql-inhoud.txt"
    with psycopg.connect(site.database_url) as db, uit.open("wb") as bestand:
        tabellen = db.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
        ).fetchall()
        for (tabel,) in tabellen:
            copy = psycopg.sql.SQL("COPY {} TO STDOUT").format(psycopg.sql.Identifier(tabel))
            with db.cursor().copy(copy) as rijen:
                for blok in rijen:
                    bestand.write(bytes(blok))
    return uit


# --- The attachments ----------------------------------------------------------------------


def pdf(tekst: str, auteur: str, titel: str) -> bytes:
    uit = BytesIO()
    document = canvas.Canvas(uit, pageCompression=0)
    document.setAuthor(auteur)
    document.setTitle(titel)
    document.drawString(72, 720, tekst)
    document.save()
    return uit.getvalue()


def jpeg(beschrijving: str, artiest: str) -> bytes:
    exif = Image.Exif()
    exif[0x010E] = beschrijving  # ImageDescription
    exif[0x013B] = artiest  # Artist
    uit = BytesIO()
    Image.new("RGB", (48, 32), (200, 60, 30)).save(uit, "JPEG", exif=exif.tobytes())
    return uit.getvalue()


def bijlagen_van(pagina: str) -> list[str]:
    return sorted(set(re.findall(r'href="(/[^"]*/bijlage/\d+/)"', pagina)))


# --- The people ---------------------------------------------------------------------------


def meld(site: LiveSite, k: dict[str, str]) -> tuple[Visitor, int]:
    """The reporter sends the report and comes back with the receipt; (reporter, case)."""
    melder = Visitor(site.base_url)
    formulier = melder.get("/melden/demo-api/")
    velden = {
        "verzendtoken": re.search(r'name="verzendtoken" value="([^"]+)"', formulier.text).group(1),
        "wat": f"Na de repetitie zei {k['wat']} dingen over mijn lichaam.",
        "wanneer": "minder-dan-week",
        "waar": k["waar"],
        "gedrag": ["seksueel", "psychisch"],
        "wensen": ["gehoord", "advies"],
        "naam": k["naam"],
        "email": f"{k['email']}@example.org",
        "telefoon": f"+32 {k['telefoon']}",
    }
    bestanden = [
        ("bijlagen", f"{k['txt_naam']}.txt", f"Wat ik opschreef: {k['txt_inhoud']}\n".encode()),
        ("bijlagen", f"{k['pdf_naam']}.pdf", pdf(k["pdf_tekst"], k["pdf_auteur"], k["pdf_titel"])),
        ("bijlagen", f"{k['jpg_naam']}.jpg", jpeg(k["exif_beschrijving"], k["exif_artiest"])),
    ]
    antwoord = melder.post("/melden/demo-api/", velden, bestanden)
    gevonden = ONTVANGSTBEWIJS.search(antwoord.text)
    assert antwoord.status == 200 and gevonden, f"no receipt\n{site.log_tail()}"
    melder.get("/melden/opvolgen/")
    dossier = melder.post("/melden/opvolgen/", {"ontvangstbewijs": gevonden.group(0)})
    pad = re.fullmatch(r"/melden/opvolgen/(\d+)/", dossier.path)
    assert pad, f"the receipt opened no case ({dossier.status} {dossier.path})"
    return melder, int(pad.group(1))


def meld_aan(site: LiveSite) -> Visitor:
    """The demo handler signs in: password, then the code of the authenticator app."""
    behandelaar = Visitor(site.base_url)
    behandelaar.get("/behandelen/aanmelden/")
    stap = behandelaar.post(
        "/behandelen/aanmelden/", {"username": "demo-behandelaar", "password": DEMO_WACHTWOORD}
    )
    assert stap.path.startswith("/behandelen/tweede-stap/"), f"first factor: {stap.path}"
    binnen = behandelaar.post("/behandelen/tweede-stap/", {"code": f"{totp(DEMO_TOTP):06d}"})
    assert binnen.status == 200 and binnen.path == "/behandelen/", f"second: {binnen.path}"
    return behandelaar


def behandel(behandelaar: Visitor, pk: int, k: dict[str, str]) -> None:
    """An answer to the reporter with an attachment, and a note for the team only."""
    behandelaar.get(f"/behandelen/melding/{pk}/")
    antwoord = behandelaar.post(
        f"/behandelen/melding/{pk}/bericht/",
        {"bericht-tekst": f"Dank je. {k['antwoord']}"},
        [("bericht-bijlagen", "uitleg.txt", f"{k['antwoord_bijlage']}\n".encode())],
    )
    assert antwoord.path == f"/behandelen/melding/{pk}/", f"answer: {antwoord.status}"
    notitie = behandelaar.post(
        f"/behandelen/melding/{pk}/notitie/", {"notitie-tekst": f"Intern: {k['notitie']}"}
    )
    assert notitie.path == f"/behandelen/melding/{pk}/", f"note: {notitie.status}"


def reageer(melder: Visitor, pk: int, k: dict[str, str]) -> str:
    """The reporter reads the answer and answers back; the case page afterwards."""
    melder.get(f"/melden/opvolgen/{pk}/")
    reactie = melder.post(
        f"/melden/opvolgen/{pk}/bericht/",
        {"tekst": f"Bedankt. {k['reactie']}"},
        [("bijlagen", "meer.txt", f"{k['reactie_bijlage']}\n".encode())],
    )
    assert reactie.path == f"/melden/opvolgen/{pk}/", f"reply: {reactie.status}"
    return reactie.text


# --- The test -----------------------------------------------------------------------------


def test_no_canary_is_stored_readable_but_every_one_comes_back_through_the_app(tmp_path):
    k = kanaries()
    post = tmp_path / "post"
    (tmp_path / "kanarie_instellingen.py").write_text(INSTELLINGEN.format(post=str(post)))
    omgeving = {"DJANGO_SETTINGS_MODULE": "kanarie_instellingen", "PYTHONPATH": str(tmp_path)}
    with running_site(tmp_path, extra_env=omgeving, demo=True) as site:
        melder, pk = meld(site, k)
        behandelaar = meld_aan(site)
        behandel(behandelaar, pk, k)
        melder_pagina = reageer(melder, pk, k)
        behandelaar_pagina = behandelaar.get(f"/behandelen/melding/{pk}/").text
        downloads = {pad: behandelaar.get(pad).body for pad in bijlagen_van(behandelaar_pagina)}

        # The positive control: through the app every canary is there, where it belongs.
        tekstvelden = ["wat", "waar", "naam", "email", "telefoon", "antwoord", "notitie"]
        bestandsnamen = ["txt_naam", "pdf_naam", "jpg_naam"]
        for plaats in [*tekstvelden, *bestandsnamen, "reactie"]:
            assert k[plaats] in behandelaar_pagina, f"the handler does not see {plaats}"
        for plaats in ["wat", "waar", "naam", "email", "telefoon", "antwoord", "reactie"]:
            assert k[plaats] in melder_pagina, f"the reporter does not see {plaats}"
        assert k["notitie"] not in melder_pagina, "the reporter sees the team's note"
        assert len(downloads) == 5, f"attachments on the case page: {sorted(downloads)}"
        alles = b"".join(downloads.values())
        for plaats in ["txt_inhoud", "antwoord_bijlage", "reactie_bijlage"]:
            assert k[plaats].encode() in alles, f"the download lacks {plaats}"
        pdfs = [d for d in downloads.values() if d.startswith(b"%PDF")]
        assert (
            len(pdfs) == 1 and k["pdf_tekst"] in PdfReader(BytesIO(pdfs[0])).pages[0].extract_text()
        )
        for plaats in METADATA:
            assert not zoek_in(alles, k[plaats]), f"{plaats} survived the cleaning"

        # Notices wait in the queue until the mail worker sends them (outside any request).
        site.manage("verstuur_berichten")

        # While gunicorn runs: on SQLite the WAL holds the latest writes.
        bestanden = bewaard(site)
        if site.is_sqlite:
            assert site.database.with_name(site.database.name + "-wal") in bestanden
        assert len([p for p in bestanden if site.meldingen_map in p.parents]) == 5
        assert zoek(bestanden, k) == []
    # After gunicorn stopped, whatever SQLite left on disk (PostgreSQL's database is gone).
    if site.is_sqlite:
        assert zoek(bewaard(site), k) == []

    # Notices by e-mail: one to the reporter's address, none with anything of the case.
    berichten = sorted(post.glob("*"))
    assert any(k["email"].encode() in p.read_bytes() for p in berichten), "no notice"
    zonder_adres = {plaats: waarde for plaats, waarde in k.items() if plaats != "email"}
    assert zoek(berichten, zonder_adres) == []
