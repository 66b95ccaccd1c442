"""A consistent backup of one Vangnet installation, and its restore into an empty one.

A backup is one tar file with three parts:

- ``database.sqlite3`` (SQLite's online backup API) or ``database.pgdump`` (``pg_dump``'s
  custom format): one consistent snapshot, taken while the site keeps serving;
- ``bijlagen/``: the encrypted attachments of the reporting channel, read through Django's
  storage API (``storages["meldingen"]``), so the same code serves local or object storage;
- ``manifest.json``: the format, the moment, the database engine, the applied migrations,
  a SHA-256 checksum of every other member, and a fingerprint of the receipt salt.

What a backup never holds: ``SECRET_KEY`` and ``MELDINGEN_ZOUT``. Reports are encrypted
per case with keys that only handlers' passwords and the receivers' recovery keys unlock,
so a stolen backup reveals no report; the receipt salt stays in the deployment's secrets,
and a restore refuses an installation whose salt differs (every receipt would stop
working). See docs/operations.md.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import Storage, storages
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAAT = 1
MANIFEST = "manifest.json"
BIJLAGEN = "bijlagen/"

Voortgang = Callable[[str], None]


class OngeldigeKopie(Exception):
    """The backup cannot be restored here; the message says why, in words for an operator."""


@dataclass(frozen=True)
class Resultaat:
    """What a backup or a restore did."""

    pad: Path
    bijlagen: int
    bytes: int


def _motor() -> str:
    vendor = connection.vendor
    if vendor not in ("sqlite", "postgresql"):
        raise OngeldigeKopie(f"database engine {vendor} is not supported")
    return vendor


def zoutvingerafdruk() -> str:
    """A fingerprint of this installation's receipt salt that does not reveal the salt."""
    return hmac.new(
        settings.MELDINGEN_ZOUT.encode(), b"vangnet-reservekopie", hashlib.sha256
    ).hexdigest()[:32]


def _pg_omgeving() -> tuple[list[str], dict[str, str]]:
    """Connection arguments and environment for pg_dump and pg_restore (the password goes
    through the environment, never the command line)."""
    db = settings.DATABASES["default"]
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    env = {**os.environ, "PGCONNECT_TIMEOUT": "10"}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _draai(args: list[str], env: dict[str, str]) -> None:
    """Run a PostgreSQL client program; its own error message when it fails."""
    try:
        subprocess.run(args, env=env, check=True, capture_output=True, timeout=3600)  # noqa: S603
    except subprocess.CalledProcessError as fout:
        melding = fout.stderr.decode(errors="replace").strip()[-500:]
        raise OngeldigeKopie(f"{Path(args[0]).name} failed: {melding}") from fout


def _bijlagen(opslag: Storage, map_: str = "") -> Iterator[str]:
    """Every file name in a storage, through the storage API (recursively)."""
    mappen, bestanden = opslag.listdir(map_) if opslag.exists(map_ or ".") else ([], [])
    for naam in sorted(bestanden):
        yield f"{map_}/{naam}" if map_ else naam
    for sub in sorted(mappen):
        yield from _bijlagen(opslag, f"{map_}/{sub}" if map_ else sub)


def _sha256_van(bestand) -> str:
    h = hashlib.sha256()
    while blok := bestand.read(1 << 20):
        h.update(blok)
    return h.hexdigest()


def _sha256(pad: Path) -> str:
    with pad.open("rb") as bestand:
        return _sha256_van(bestand)


def _programma(naam: str) -> str:
    """The full path of a PostgreSQL client program, or a clear error when it is missing."""
    pad = shutil.which(naam)
    if pad is None:
        raise OngeldigeKopie(f"{naam} is not installed (Debian: postgresql-client)")
    return pad


def _migraties() -> dict[str, str]:
    """The last applied migration per app: what the code restoring it must at least know."""
    laatste: dict[str, str] = {}
    for app, naam in MigrationRecorder(connection).applied_migrations():
        laatste[app] = max(laatste.get(app, ""), naam)
    return dict(sorted(laatste.items()))


def _snapshot(doel: Path) -> str:
    """Write one consistent snapshot of the database into ``doel``; the member's name."""
    motor = _motor()
    if motor == "sqlite":
        naam = "database.sqlite3"
        connection.ensure_connection()
        bron = sqlite3.connect(settings.DATABASES["default"]["NAME"])
        try:
            kopie = sqlite3.connect(doel / naam)
            with kopie:
                # The online backup API copies a consistent state while writers go on.
                bron.backup(kopie)
            kopie.close()
        finally:
            bron.close()
        return naam
    naam = "database.pgdump"
    args, env = _pg_omgeving()
    _draai(
        [
            _programma("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            # The shared caches (docs/adr/0016) are rebuilt on demand: their tables are kept,
            # their rows are not worth a backup.
            "--exclude-table-data=vangnet_cache_*",
            *args,
            "--file",
            str(doel / naam),
        ],
        env,
    )
    return naam


def maak(doelmap: Path, voortgang: Voortgang = lambda _t: None) -> Resultaat:
    """Make a backup in ``doelmap`` (created if needed); the tar file's path.

    The database snapshot comes first, then the attachments: a file written after the
    snapshot is an extra file (harmless), a file destroyed after it (a retention run) is
    listed in the manifest as missing, and its case will be destroyed again."""
    doelmap.mkdir(parents=True, exist_ok=True)
    ruim_halve_kopieen_op(doelmap)
    stempel = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory(dir=doelmap, prefix=".bezig-") as tijdelijk:
        werk = Path(tijdelijk)
        voortgang("database")
        db_naam = _snapshot(werk)
        checksums = {db_naam: _sha256(werk / db_naam)}
        opslag = storages["meldingen"]
        (werk / BIJLAGEN).mkdir()
        namen = list(_bijlagen(opslag))
        ontbrekend = []
        for i, naam in enumerate(namen, 1):
            try:
                with opslag.open(naam, "rb") as bron:
                    inhoud = bron.read()
            except FileNotFoundError:
                ontbrekend.append(naam)
                continue
            pad = werk / BIJLAGEN / naam
            pad.parent.mkdir(parents=True, exist_ok=True)
            pad.write_bytes(inhoud)
            checksums[BIJLAGEN + naam] = hashlib.sha256(inhoud).hexdigest()
            if i % 100 == 0 or i == len(namen):
                voortgang(f"bijlagen {i}/{len(namen)}")
        manifest = {
            "formaat": FORMAAT,
            "gemaakt": timezone.now().isoformat(),
            "motor": _motor(),
            "migraties": _migraties(),
            "zout": zoutvingerafdruk(),
            "bestanden": checksums,
            "verdwenen_tijdens_kopie": ontbrekend,
        }
        doel = doelmap / f"vangnet-reservekopie-{stempel}.tar"
        halfaf = doel.with_suffix(".tar.bezig")
        with tarfile.open(halfaf, "w") as tar:
            gegevens = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(gegevens)
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, io.BytesIO(gegevens))
            for lid in checksums:
                tar.add(werk / lid, arcname=lid)
        with halfaf.open("rb") as bestand:
            os.fsync(bestand.fileno())
        os.chmod(halfaf, 0o600)
        # Only a complete file carries the final name: a crash leaves ".bezig", never a
        # truncated backup that looks whole.
        halfaf.rename(doel)
    voortgang("klaar")
    return Resultaat(doel, len(checksums) - 1, doel.stat().st_size)


def _lees_manifest(tar: tarfile.TarFile) -> dict:
    try:
        lid = tar.extractfile(MANIFEST)
    except KeyError as fout:
        raise OngeldigeKopie("the file has no manifest.json: not a Vangnet backup") from fout
    manifest = json.loads(lid.read())
    if manifest.get("formaat") != FORMAAT:
        raise OngeldigeKopie(f"backup format {manifest.get('formaat')} is not {FORMAAT}")
    return manifest


def controleer(pad: Path) -> dict:
    """Check a backup without restoring it: every member present with its checksum, nothing
    extra. Returns the manifest; raises ``OngeldigeKopie`` naming what is wrong."""
    with tarfile.open(pad, "r") as tar:
        manifest = _lees_manifest(tar)
        leden = {lid.name for lid in tar.getmembers() if lid.isfile()} - {MANIFEST}
        verwacht = set(manifest["bestanden"])
        if leden != verwacht:
            raise OngeldigeKopie(
                f"members differ from the manifest: missing {sorted(verwacht - leden)[:5]}, "
                f"extra {sorted(leden - verwacht)[:5]}"
            )
        for naam, checksum in manifest["bestanden"].items():
            if _sha256_van(tar.extractfile(naam)) != checksum:
                raise OngeldigeKopie(f"{naam}: checksum does not match, the backup is damaged")
    return manifest


def _is_leeg() -> bool:
    return not connection.introspection.table_names()


def zet_terug(pad: Path, voortgang: Voortgang = lambda _t: None) -> Resultaat:
    """Restore a backup into this installation, which must be empty (no tables, no
    attachments) and have the same engine and receipt salt. Checks every checksum first;
    afterwards the caller runs ``migrate`` to bring an older backup up to this code."""
    voortgang("controle")
    manifest = controleer(pad)
    if manifest["motor"] != _motor():
        raise OngeldigeKopie(
            f"the backup is of a {manifest['motor']} database; this installation uses {_motor()}"
        )
    if not hmac.compare_digest(manifest["zout"], zoutvingerafdruk()):
        raise OngeldigeKopie(
            "MELDINGEN_ZOUT differs from the installation that made the backup: "
            "no receipt would open its case. Set the original salt and try again."
        )
    opslag = storages["meldingen"]
    if not _is_leeg() or next(_bijlagen(opslag), None) is not None:
        raise OngeldigeKopie("this installation is not empty: restore only into a new one")
    with tarfile.open(pad, "r") as tar, tempfile.TemporaryDirectory() as tijdelijk:
        werk = Path(tijdelijk)
        voortgang("database")
        if manifest["motor"] == "sqlite":
            tar.extract("database.sqlite3", werk, filter="data")
            connection.close()
            doel = sqlite3.connect(settings.DATABASES["default"]["NAME"])
            bron = sqlite3.connect(werk / "database.sqlite3")
            try:
                with doel:
                    bron.backup(doel)
            finally:
                bron.close()
                doel.close()
        else:
            tar.extract("database.pgdump", werk, filter="data")
            args, env = _pg_omgeving()
            connection.close()
            _draai(
                [
                    _programma("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    *args,
                    str(werk / "database.pgdump"),
                ],
                env,
            )
        bijlagen = [n for n in manifest["bestanden"] if n.startswith(BIJLAGEN)]
        for i, lid in enumerate(bijlagen, 1):
            naam = lid.removeprefix(BIJLAGEN)
            opgeslagen = opslag.save(naam, ContentFile(tar.extractfile(lid).read()))
            if opgeslagen != naam:
                raise OngeldigeKopie(f"attachment {naam} was stored as {opgeslagen}")
            if i % 100 == 0 or i == len(bijlagen):
                voortgang(f"bijlagen {i}/{len(bijlagen)}")
    voortgang("klaar")
    return Resultaat(pad, len(bijlagen), pad.stat().st_size)


def ontbrekende_bijlagen(namen: list[str]) -> list[str]:
    """The attachment names (as the cases refer to them) that the storage lacks."""
    opslag = storages["meldingen"]
    return [naam for naam in namen if not opslag.exists(naam)]


def ruim_halve_kopieen_op(doelmap: Path) -> list[Path]:
    """Remove what a crashed backup left behind in ``doelmap``; the paths removed."""
    weg = []
    for pad in sorted(doelmap.glob(".bezig-*")) + sorted(doelmap.glob("*.tar.bezig")):
        shutil.rmtree(pad) if pad.is_dir() else pad.unlink()
        weg.append(pad)
    return weg
