"""The production set-up on loopback, for `make loadtest` and `make faulttest`.

Two (or more) application servers, each a gunicorn master with the project's
``gunicorn.conf.py`` and the production settings, on its own loopback port, against one
PostgreSQL database that this module creates, migrates and loads (content and the demo
receivers of the reporting channel), and drops afterwards. In front of them stands, as in
docs/deploy.md, a TLS-ending proxy: the clients here play that proxy, sending
``X-Forwarded-Proto: https`` and ``X-Forwarded-For`` (``VANGNET_TRUSTED_PROXY_HOPS=1``),
so Django sees the secure requests it sees in production and gives every visitor an
address of its own, without a TLS handshake per request that a real proxy would do in
its own process. The proxy's balancing is round robin per request (no sticky sessions:
everything shared lives in the database).

`Cluster` is a throw-away PostgreSQL cluster (``initdb``/``pg_ctl`` from
/usr/lib/postgresql/*/bin) on a port of its own, for tests that stop the database; it is
never the shared server.
"""

import contextlib
import glob
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(BASE_DIR))

from vangnet.core.tests.livesite import (  # noqa: E402
    DATA_FILES,
    Visitor,
    production_env,
)

PROXY = {"X-Forwarded-Proto": "https"}


class Mislukt(Exception):
    """The set-up could not be made (a command failed, a server did not come up)."""


def vrije_poort() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        raise Mislukt(f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def is_postgres(url: str) -> bool:
    return url.startswith(("postgres://", "postgresql://"))


@contextlib.contextmanager
def eigen_database(server_url: str, voorvoegsel: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of ``server_url``; dropped after."""
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(server_url)
    naam = f"{voorvoegsel}_{secrets.token_hex(4)}"
    beheer = parts._replace(path="/postgres").geturl()
    with psycopg.connect(beheer, autocommit=True) as db:
        db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(naam)))
    try:
        yield parts._replace(path=f"/{naam}").geturl()
    finally:
        with contextlib.suppress(psycopg.Error), psycopg.connect(beheer, autocommit=True) as db:
            db.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(naam))
            )


@dataclass
class Appserver:
    poort: int
    proces: subprocess.Popen
    log: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.poort}"

    def werkers(self) -> list[int]:
        """The pids of this master's workers now."""
        if self.proces.poll() is not None:
            return []
        pids = []
        for task in Path(f"/proc/{self.proces.pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                pids += [int(pid) for pid in (task / "children").read_text().split()]
        return pids

    def stop(self) -> None:
        if self.proces.poll() is None:
            self.proces.terminate()
            try:
                self.proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proces.pid, signal.SIGKILL)
                self.proces.wait(timeout=10)


@dataclass
class Platform:
    """Application servers on one database, and the environment they run with."""

    map: Path
    env: dict[str, str]
    servers: list[Appserver] = field(default_factory=list)
    stappen: dict[str, float] = field(default_factory=dict)  # seconds per set-up step

    def bezoeker(self, adres: str, timeout: float = 30.0) -> Visitor:
        """A visitor behind the proxy, with an address of its own; on the first server
        until `naar` sends it elsewhere."""
        return Visitor(self.servers[0].base_url, timeout=timeout, adres=adres, headers=PROXY)

    def naar(self, visitor: Visitor, nummer: int) -> None:
        """Send the visitor's next request to server ``nummer`` (modulo the count)."""
        visitor.port = self.servers[nummer % len(self.servers)].poort
        # As the browser says it: the site's own https origin (Django's CSRF check).
        visitor.origin = f"https://127.0.0.1:{visitor.port}"

    def logs(self) -> str:
        return "\n".join(
            f"--- {s.log.name}\n{s.log.read_text(errors='replace')[-3000:]}" for s in self.servers
        )

    def log_tekst(self, vanaf: list[int] | None = None) -> str:
        """The servers' logs, each from byte ``vanaf[n]`` on (see `log_groottes`)."""
        vanaf = vanaf or [0] * len(self.servers)
        return "".join(
            s.log.read_bytes()[v:].decode(errors="replace")
            for s, v in zip(self.servers, vanaf, strict=True)
        )

    def log_groottes(self) -> list[int]:
        return [s.log.stat().st_size for s in self.servers]


def wacht_tot_gereed(server: Appserver, timeout: float = 60.0) -> None:
    bezoeker = Visitor(server.base_url, timeout=5, headers=PROXY)
    einde = time.monotonic() + timeout
    while time.monotonic() < einde:
        if server.proces.poll() is not None:
            raise Mislukt(f"gunicorn on {server.poort} stopped:\n{server.log.read_text()}")
        with contextlib.suppress(OSError):
            if bezoeker.get("/gereed").status == 200:
                return
        time.sleep(0.2)
    raise Mislukt(f"gunicorn on {server.poort} not ready in {timeout:.0f} s")


@contextlib.contextmanager
def platform(
    database_url: str,
    *,
    servers: int = 2,
    werkers: int | None = None,
    map: Path | None = None,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Platform]:
    """Migrate and load ``database_url`` (an empty database), start ``servers`` gunicorn
    masters on it; stop them afterwards. ``werkers``: per server (default: the config's)."""
    missing = [n for n in DATA_FILES if not (BASE_DIR / "data" / n).exists()]
    if missing:
        raise Mislukt(f"data/ lacks {', '.join(missing)}")
    eigen = map is None
    map = Path(tempfile.mkdtemp(prefix="vangnet-opstelling-")) if eigen else map
    env = production_env(map, database_url)
    env.update(
        {
            "VANGNET_TRUSTED_PROXY_HOPS": "1",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
            "EMAIL_FILE_PATH": str(map / "mail"),
            **(extra_env or {}),
        }
    )
    if werkers:
        env["WEB_CONCURRENCY"] = str(werkers)
    opstelling = Platform(map=map, env=env)
    try:
        for stap in (
            ("collectstatic", "--noinput"),
            ("migrate", "--noinput"),
            ("load_content",),
            ("demo_meldingen", "--ook-zonder-debug"),
        ):
            begin = time.monotonic()
            manage(env, *stap, "--verbosity=0")
            opstelling.stappen[stap[0]] = time.monotonic() - begin
        for nummer in range(servers):
            poort = vrije_poort()
            log = map / f"gunicorn-{nummer + 1}.log"
            with log.open("w") as uit:
                proces = subprocess.Popen(  # noqa: S603 - gunicorn of our own environment
                    [
                        sys.executable,
                        "-m",
                        "gunicorn",
                        "vangnet.wsgi",
                        "-c",
                        str(BASE_DIR / "gunicorn.conf.py"),
                        "-b",
                        f"127.0.0.1:{poort}",
                        "--log-level",
                        "warning",
                    ],
                    cwd=BASE_DIR,
                    env=env,
                    stdout=uit,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            opstelling.servers.append(Appserver(poort, proces, log))
        for server in opstelling.servers:
            wacht_tot_gereed(server)
        yield opstelling
    finally:
        for server in opstelling.servers:
            server.stop()
        if eigen and not os.environ.get("VANGNET_KEEP"):
            shutil.rmtree(map, ignore_errors=True)


def postgres_bin(naam: str) -> str:
    """A PostgreSQL server program (initdb, pg_ctl) of the newest installed major version."""
    kandidaten = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{naam}"),
        key=lambda p: int(Path(p).parts[-3]) if Path(p).parts[-3].isdigit() else 0,
    )
    if not kandidaten:
        raise Mislukt(f"{naam} not found under /usr/lib/postgresql/*/bin")
    return kandidaten[-1]


class Cluster:
    """A throw-away PostgreSQL cluster in a folder of its own, on a port of its own, with
    the durability production needs (fsync, synchronous_commit on: the defaults). Run as
    root, the server programs run as the ``postgres`` account (PostgreSQL refuses root)."""

    def __init__(self, map: Path) -> None:
        self.map = map
        self.data = map / "data"
        self.poort = vrije_poort()
        self.log = map / "postgresql.log"
        self._als = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.poort}/postgres"

    def _run(self, *args: str, timeout: float = 120) -> None:
        result = subprocess.run(
            [*self._als, *args], capture_output=True, text=True, timeout=timeout, check=False
        )
        if result.returncode != 0:
            raise Mislukt(f"{' '.join(args)}:\n{result.stdout}\n{result.stderr}")

    def maak(self) -> None:
        self.map.mkdir(parents=True, exist_ok=True)
        if self._als:
            shutil.chown(self.map, "postgres", "postgres")
        self._run(
            postgres_bin("initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "--encoding=UTF8",
            "--no-instructions",
        )

    def start(self) -> None:
        opties = (
            f"-p {self.poort} -c listen_addresses=127.0.0.1 -k {self.map} -c max_connections=200"
        )
        self._run(
            postgres_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-l",
            str(self.log),
            "-o",
            opties,
            "-w",
            "start",
        )

    def stop(self, modus: str = "fast") -> None:
        """``immediate``: as a crash (no checkpoint; recovery from the WAL at the next start)."""
        self._run(postgres_bin("pg_ctl"), "-D", str(self.data), "-m", modus, "-w", "stop")

    def draait(self) -> bool:
        return (self.data / "postmaster.pid").exists()


@contextlib.contextmanager
def cluster() -> Iterator[Cluster]:
    map = Path(tempfile.mkdtemp(prefix="vangnet-pg-"))
    pg = Cluster(map)
    try:
        pg.maak()
        pg.start()
        yield pg
    finally:
        if pg.draait():
            with contextlib.suppress(Mislukt, subprocess.TimeoutExpired):
                pg.stop("immediate")
        shutil.rmtree(map, ignore_errors=True)


def percentiel(waarden: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0-100); NaN for no values."""
    if not waarden:
        return float("nan")
    geordend = sorted(waarden)
    rang = max(1, -(-len(geordend) * p // 100))
    return geordend[int(rang) - 1]
