"""The real platform on loopback, and a headless Chromium to look at it.

`running_site(folder)` starts Vangnet as it runs in production: the production settings
(`vangnet.settings.production`: DEBUG off, HTTPS only, Secure `__Host-` cookies, HSTS,
collected static files served by WhiteNoise) with a secret key and salt generated for the
run, gunicorn with two workers, the content of data/*.yaml, and HTTPS. TLS ends in gunicorn
itself, with a certificate for 127.0.0.1 from a certificate authority made for the test
run (trustme): in production a proxy ends TLS and says so in X-Forwarded-Proto, and either
way Django sees a secure request, so nothing in the production profile is switched off or
faked. Clients trust that authority (`tls().context`); Chromium is told to accept it.

The database is the test run's kind: a SQLite file in the folder, or, when the run's
DATABASE_URL is PostgreSQL, a PostgreSQL database of its own (`test_<name>_live_<random>`),
dropped afterwards. It is never pytest-django's test database (whose live server would
flush it). `demo=True` loads the demo receivers of the reporting channel (the fault and
canary tests use it); `database="sqlite"` keeps a file for tests that read the file itself.
The session-wide `live_site` fixture is in vangnet/conftest.py: it starts once per run.

Chromium is Debian's (/usr/bin/chromium). A test tool's own browser download cannot work
here, so nothing calls `playwright install`. Every page is offline: a request that does not
go to the live site fails, except those for the quick exit's neutral site, which a tiny
stand-in page answers.
"""

import atexit
import base64
import contextlib
import functools
import hashlib
import http.client
import http.cookies
import os
import re
import secrets
import shutil
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[3]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The neutral site the quick exit leads to (settings.QUICK_EXIT_URL) and its stand-in.
EXIT_SITE = "https://www.meteo.be/"
EXIT_SITE_PAGE = (
    "<!doctype html><html lang='nl'><title>Het weer</title><h1>Het weer in België</h1></html>"
)
DATABASE = "vangnet.sqlite3"
MELDINGEN_MAP = "meldingen"
DATA_FILES = (
    "organisaties.yaml",
    "paritaire-comites.yaml",
    "begrippen.yaml",
    "aanspreekpunten.yaml",
    "aanbod.yaml",
)


@dataclass(frozen=True)
class Tls:
    """The test run's certificate authority and the certificate of 127.0.0.1 it signed."""

    ca_file: Path
    cert_file: Path
    key_file: Path

    @functools.cached_property
    def spki_hash(self) -> str:
        """Base64 of the SHA-256 of the certificate's public key, as Chromium's
        ``--ignore-certificate-errors-spki-list`` names a certificate it is to trust."""
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization

        certificate = x509.load_pem_x509_certificate(self.cert_file.read_bytes())
        spki = certificate.public_key().public_bytes(
            serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        return base64.b64encode(hashlib.sha256(spki).digest()).decode()

    @functools.cached_property
    def context(self) -> ssl.SSLContext:
        """A client context that trusts the live sites (and nothing else)."""
        return ssl.create_default_context(cafile=str(self.ca_file))


@functools.cache
def tls() -> Tls:
    """Made once per test process, removed when it ends."""
    import trustme

    folder = Path(tempfile.mkdtemp(prefix="vangnet-tls-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    ca = trustme.CA()
    certificate = ca.issue_cert("127.0.0.1", "localhost")
    paths = Tls(folder / "ca.pem", folder / "cert.pem", folder / "key.pem")
    ca.cert_pem.write_to_path(str(paths.ca_file))
    certificate.private_key_pem.write_to_path(str(paths.key_file))
    for i, pem in enumerate(certificate.cert_chain_pems):
        pem.write_to_path(str(paths.cert_file), append=i > 0)
    return paths


def aanvaarde_code(sleutel: bytes, t0: int, step: int, drift: int, last_t: int, digits: int) -> str:
    """The code an authenticator app shows that a TOTP device with these fields accepts now.

    django-otp refuses a code from a time step it already accepted (no replay), so two
    sign-ins within the same 30 seconds need the next step's code, which its tolerance of
    one step lets in; when that one is used too, wait for the clock to move on."""
    from django_otp.oath import totp

    while True:
        nu = int(time.time() - t0) // step
        vooruit = max(0, last_t - (nu + drift) + 1)
        if vooruit <= 1:
            break
        time.sleep(step - (time.time() - t0) % step + 0.1)
    return f"{totp(sleutel, step, t0, digits, drift + vooruit):0{digits}d}"


@dataclass
class LiveSite:
    """A running Vangnet: `site("/kaart/")` is the absolute URL of a path."""

    base_url: str
    log: Path
    timings: dict[str, float] = field(default_factory=dict)
    folder: Path | None = None  # holds gunicorn.log, the static files, the meldingen folder
    process: subprocess.Popen | None = None  # the gunicorn master
    env: dict[str, str] = field(default_factory=dict)  # the site's environment

    @property
    def database_url(self) -> str:
        return self.env["DATABASE_URL"]

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite:")

    @property
    def database(self) -> Path:
        """The SQLite file (only for a site on SQLite)."""
        assert self.is_sqlite, "this site runs on PostgreSQL"
        return self.folder / DATABASE

    def manage(self, *args: str) -> str:
        """Run ``manage.py`` with the site's settings and database; its output."""
        return _manage(self.env, *args, quiet=False)

    def add_demo_department_account(self) -> None:
        """Create the demo department account (with its known TOTP key) on this site.

        ``demo_beheer`` refuses the production settings these sites run, so the tests that
        sign in as the department make the account by hand, the same way everywhere."""
        from vangnet.accounts.management.commands import demo_beheer

        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model;"
            "from django.contrib.auth.models import Group;"
            "from django_otp.plugins.otp_totp.models import TOTPDevice;"
            "from vangnet.accounts.models import DEPARTEMENT_GROUP;"
            f"u = get_user_model().objects.create_user('{demo_beheer.GEBRUIKERSNAAM}',"
            f" password='{demo_beheer.WACHTWOORD}', is_staff=True);"
            "u.groups.add(Group.objects.get(name=DEPARTEMENT_GROUP));"
            f"TOTPDevice.objects.create(user=u, name='demo', key='{demo_beheer.TOTP_SLEUTEL}',"
            " confirmed=True)",
        )

    def execute(self, sql: str, params: Sequence = ()) -> list[tuple]:
        """Run one SQL statement on the site's database, whatever its engine (``%s``
        placeholders), committed; the rows it returns."""
        if self.is_sqlite:
            import sqlite3

            with contextlib.closing(sqlite3.connect(self.database)) as db, db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.database_url) as db:
            cursor = db.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def totp_code(self, gebruikersnaam: str, sleutel: str) -> str:
        """The code the user's app would show that this site still accepts (``aanvaarde_code``)."""
        (t0, step, drift, last_t, digits), *_ = self.execute(
            "SELECT d.t0, d.step, d.drift, d.last_t, d.digits FROM otp_totp_totpdevice d"
            " JOIN auth_user u ON u.id = d.user_id WHERE u.username = %s",
            (gebruikersnaam,),
        )
        return aanvaarde_code(bytes.fromhex(sleutel), t0, step, drift, last_t, digits)

    @property
    def meldingen_map(self) -> Path:
        return self.folder / MELDINGEN_MAP

    def worker_pids(self) -> list[int]:
        """The pids of gunicorn's workers now: the children of the master."""
        if self.process is None or self.process.poll() is not None:
            return []
        pids = []
        for task in Path(f"/proc/{self.process.pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                pids += [int(pid) for pid in (task / "children").read_text().split()]
        return pids

    def __call__(self, path: str) -> str:
        return self.base_url + path

    def is_own(self, url: str) -> bool:
        return url == self.base_url or url.startswith(self.base_url + "/")

    def log_tail(self, size: int = 4000) -> str:
        """The end of gunicorn's log (errors and tracebacks), for failure messages."""
        text = self.log.read_text(errors="replace") if self.log.exists() else ""
        return "gunicorn log: " + (text[-size:].strip() or "(empty)")

    def get(self, path: str) -> bytes:
        with _loopback().open(self(path), timeout=10) as response:
            return response.read()


@functools.cache
def _loopback() -> urllib.request.OpenerDirector:
    """Straight to loopback, whatever proxy the environment names, trusting the test CA."""
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=tls().context)
    )


_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@dataclass
class Answer:
    """One HTTP response as a `Visitor` got it."""

    status: int
    headers: http.client.HTTPMessage
    body: bytes
    path: str  # the path that answered (after any redirects followed)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


class Visitor:
    """One person on the live site over loopback: keeps cookies, fills in forms.

    Plain `http.client`, one connection per request (a worker may close or die at any
    moment), so that load tests measure the server and not a client library. A form is
    posted with the CSRF token of the last page that had one, unless the fields carry one.
    """

    def __init__(
        self,
        base_url: str,
        timeout: float = 30.0,
        adres: str = "",
        headers: dict[str, str] | None = None,
    ) -> None:
        """``adres``: sent as X-Forwarded-For, as the site's proxy would (for a site started
        with ``VANGNET_TRUSTED_PROXY_HOPS=1``: each visitor its own address and bucket).
        ``headers``: sent with every request (e.g. ``X-Forwarded-Proto: https``, as the
        TLS-ending proxy of scripts/opstelling.py says)."""
        self.naar(base_url)
        self.timeout = timeout
        self.adres = adres
        self.headers = dict(headers or {})
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""

    def naar(self, base_url: str) -> "Visitor":
        """Send the next requests to another server of the same site, with the same cookies
        (a load balancer that picks another app server)."""
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port, self.https = parts.hostname, parts.port, parts.scheme == "https"
        self.origin = f"{parts.scheme}://{parts.netloc}"
        return self

    def get(self, path: str, *, follow: bool = True) -> Answer:
        return self.request("GET", path, follow=follow)

    def post(
        self,
        path: str,
        fields: dict[str, str | list[str]],
        files: Sequence[tuple[str, str, bytes]] = (),
        *,
        follow: bool = True,
    ) -> Answer:
        """Post a form (multipart when there are files: (field, file name, content))."""
        fields = {"csrfmiddlewaretoken": self.csrf_token, **fields}
        if files:
            body, content_type = _multipart(fields, files)
        else:
            pairs = [(k, v) for k, vs in fields.items() for v in _as_list(vs)]
            body = urllib.parse.urlencode(pairs).encode()
            content_type = "application/x-www-form-urlencoded"
        return self.request("POST", path, body=body, content_type=content_type, follow=follow)

    def request(
        self,
        method: str,
        path: str,
        *,
        body: bytes | None = None,
        content_type: str = "",
        follow: bool = True,
    ) -> Answer:
        """One request; with ``follow``, then GET where redirects point (at most 5)."""
        answer = self._once(method, path, body, content_type)
        for _hop in range(5):
            location = answer.headers.get("Location")
            if not follow or answer.status not in (301, 302, 303) or not location:
                break
            target = urllib.parse.urlsplit(location)._replace(scheme="", netloc="", fragment="")
            answer = self._once("GET", target.geturl(), None, "")
        return answer

    def _once(self, method: str, path: str, body: bytes | None, content_type: str) -> Answer:
        headers = {"Accept-Language": "nl", "Connection": "close", **self.headers}
        if self.adres:
            headers["X-Forwarded-For"] = self.adres
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        if method not in ("GET", "HEAD"):
            # As a browser does: over HTTPS Django's CSRF check wants the Origin to match.
            headers["Origin"] = self.origin
        if self.https:
            connection = http.client.HTTPSConnection(
                self.host, self.port, timeout=self.timeout, context=tls().context
            )
        else:
            connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read(), path)
        finally:
            connection.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            cookie = http.cookies.SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.coded_value
        if token := _CSRF_FIELD.search(answer.text):
            self.csrf_token = token.group(1)
        return answer


def _as_list(value: str | list[str]) -> list[str]:
    return value if isinstance(value, list) else [value]


def _multipart(
    fields: dict[str, str | list[str]], files: Sequence[tuple[str, str, bytes]]
) -> tuple[bytes, str]:
    boundary = "vangnet" + uuid.uuid4().hex
    parts = []
    for name, values in fields.items():
        for value in _as_list(values):
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
                + value.encode()
                + b"\r\n"
            )
    for name, filename, content in files:
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env: dict[str, str], *args: str, quiet: bool = True) -> str:
    verbosity = ["--verbosity=0"] if quiet else []
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, str(BASE_DIR / "manage.py"), *args, *verbosity],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(
            f"manage.py {' '.join(args)} failed ({result.returncode}):\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )
    return result.stdout


def _timed(timings: dict[str, float], name: str, env: dict[str, str], *args: str) -> None:
    started = time.perf_counter()
    _manage(env, *args)
    timings[name] = time.perf_counter() - started


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"gunicorn stopped ({process.returncode}):\n{log.read_text()}", pytrace=False
            )
        try:
            with _loopback().open(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    pytest.fail(f"{url} did not answer within {timeout:.0f} s:\n{log.read_text()}", pytrace=False)


def _stop(process: subprocess.Popen) -> None:
    """Stop gunicorn (and its workers, which share its process group) that we started."""
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait(timeout=10)


def _start_gunicorn(
    env: dict[str, str], port: int, log: Path, gunicorn_args: Sequence[str] = ()
) -> subprocess.Popen:
    """gunicorn with two workers over HTTPS on ``port``, in a process group of its own."""
    certificates = tls()
    with log.open("w") as log_file:
        return subprocess.Popen(  # noqa: S603 - gunicorn from our own virtual environment
            [
                sys.executable,
                "-m",
                "gunicorn",
                "vangnet.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "2",
                "--certfile",
                str(certificates.cert_file),
                "--keyfile",
                str(certificates.key_file),
                "--log-level",
                "warning",
                *gunicorn_args,
            ],
            cwd=BASE_DIR,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


@contextlib.contextmanager
def another_server(site: LiveSite, gunicorn_args: tuple[str, ...] = ()) -> Iterator[LiveSite]:
    """A second application server of the same installation: the same settings, secrets,
    database and attachments folder, another port (as behind a load balancer). Stopped
    afterwards."""
    port = _free_port()
    base_url = f"https://127.0.0.1:{port}"
    log = site.folder / f"gunicorn-{port}.log"
    process = _start_gunicorn(site.env, port, log, gunicorn_args)
    try:
        _wait_until_up(base_url + "/gezond", process, log, timeout=30)
        yield LiveSite(
            base_url=base_url, log=log, folder=site.folder, process=process, env=site.env
        )
    finally:
        _stop(process)


@contextlib.contextmanager
def _own_database(folder: Path, kind: str) -> Iterator[str]:
    """The URL of a new, empty database for one live site, removed afterwards.

    PostgreSQL when the test run's DATABASE_URL is PostgreSQL (and ``kind`` is not
    "sqlite"), else a SQLite file in ``folder``.
    """
    run_url = os.environ.get("DATABASE_URL", "")
    if kind == "sqlite" or not run_url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{folder / DATABASE}"
        return
    import psycopg
    from psycopg import sql

    parts = urllib.parse.urlsplit(run_url)
    name = f"test_{parts.path.lstrip('/') or 'vangnet'}_live_{secrets.token_hex(4)}"
    server = parts._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as db:
        db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield parts._replace(path=f"/{name}").geturl()
    finally:
        with psycopg.connect(server, autocommit=True) as db:
            db.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )


def production_env(folder: Path, database_url: str) -> dict[str, str]:
    """The environment the production profile requires, for a site in ``folder``: a secret
    key and a receipt salt of the run's own, this host only, static files collected into
    the folder, encrypted attachments in it."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY", "QUICK_EXIT_URL", "SERVER_TIMING", "DEBUG"}
        and not key.startswith(("SECURE_", "MELDINGEN_", "DJANGO_", "VANGNET_"))
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "vangnet.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "MELDINGEN_ZOUT": secrets.token_hex(16),
            "DATABASE_URL": database_url,
            "ALLOWED_HOSTS": "127.0.0.1",
            "VANGNET_ADRES": "https://127.0.0.1",
            "STATIC_ROOT": str(folder / "static"),
            "MELDINGEN_MAP": str(folder / MELDINGEN_MAP),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    return env


@contextlib.contextmanager
def running_site(
    folder: Path,
    *,
    extra_env: dict[str, str] | None = None,
    demo: bool = False,
    gunicorn_args: tuple[str, ...] = (),
    database: str = "auto",
    before_migrate: Callable[[dict[str, str]], None] | None = None,
) -> Iterator[LiveSite]:
    """Vangnet with the production settings under gunicorn over HTTPS, stopped afterwards.

    ``extra_env`` goes into gunicorn's environment (and manage.py's); ``demo`` loads the
    demo receivers of the reporting channel (``demo_meldingen --ook-zonder-debug``);
    ``gunicorn_args`` are added to gunicorn's command line; ``database="sqlite"`` keeps the
    database in a file in ``folder`` whatever the run's DATABASE_URL (for tests that look
    into the file). Encrypted attachments go to ``folder/meldingen``, never into the tree.
    ``before_migrate(env)`` runs against the new, empty installation before anything else
    touches its database (a restore from a backup does).
    """
    missing = [name for name in DATA_FILES if not (BASE_DIR / "data" / name).exists()]
    if missing:
        pytest.fail(f"data/ lacks {', '.join(missing)}: load_content needs all five files")
    with _own_database(folder, database) as database_url:
        env = {**production_env(folder, database_url), **(extra_env or {})}
        timings: dict[str, float] = {}
        started = time.perf_counter()
        port = _free_port()
        base_url = f"https://127.0.0.1:{port}"
        log = folder / "gunicorn.log"
        # The static files must be there before gunicorn imports WhiteNoise, which reads
        # STATIC_ROOT once; the database is made while gunicorn boots its workers: no
        # request reaches it before /gezond is asked, after load_content.
        _timed(timings, "collectstatic", env, "collectstatic", "--noinput")
        process = _start_gunicorn(env, port, log, gunicorn_args)
        try:
            if before_migrate is not None:
                before_migrate(env)
            _timed(timings, "migrate", env, "migrate", "--noinput")
            _timed(timings, "load_content", env, "load_content")
            if demo:
                _timed(timings, "demo_meldingen", env, "demo_meldingen", "--ook-zonder-debug")
            _wait_until_up(base_url + "/gezond", process, log, timeout=30)
            timings["ready"] = time.perf_counter() - started
            yield LiveSite(
                base_url=base_url,
                log=log,
                timings=timings,
                folder=folder,
                process=process,
                env=env,
            )
        finally:
            _stop(process)


def start_live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """The body of the session-wide ``live_site`` fixture (vangnet/conftest.py)."""
    with running_site(tmp_path_factory.mktemp("vangnet-live")) as site:
        _check_static_files(site)
        yield site


def start_chromium() -> Iterator:
    """Debian's Chromium, headless (the body of the ``chromium`` fixture)."""
    from playwright.sync_api import sync_playwright

    # Playwright's own requests (page.request) come from its Node driver, which trusts the
    # test run's authority through NODE_EXTRA_CA_CERTS (read when the driver starts).
    os.environ["NODE_EXTRA_CA_CERTS"] = str(tls().ca_file)
    with sync_playwright() as playwright:
        # The live sites' certificate counts as valid (not as an error clicked away: Chromium
        # would then refuse downloads, as from any site with a broken certificate).
        trust = f"--ignore-certificate-errors-spki-list={tls().spki_hash}"
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, trust])
        try:
            yield browser
        finally:
            browser.close()


def _check_static_files(site: LiveSite) -> None:
    """Fail early and clearly when the stylesheet or the quick exit script is not served."""
    home = site.get("/").decode()
    for path in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', home):
        try:
            site.get(path)
        except OSError as error:
            pytest.fail(f"{path} is not served ({error}); see {site.log}", pytrace=False)


def keep_offline(page, site: LiveSite) -> None:
    """Keep a page off the network: only the live site and the exit stand-in answer.

    This uses the DevTools Fetch domain, not Playwright's `route()`: a route sees only the
    first URL of a redirect chain (microsoft/playwright#33882), and the quick exit is a
    redirect (/weg/ answers 302 to the neutral site). Fetch sees every hop.
    """
    cdp = page.context.new_cdp_session(page)
    body = base64.b64encode(EXIT_SITE_PAGE.encode()).decode()

    def paused(event: dict) -> None:
        url, request_id = event["request"]["url"], event["requestId"]
        if site.is_own(url):
            cdp.send("Fetch.continueRequest", {"requestId": request_id})
        elif url.startswith(EXIT_SITE):
            headers = [{"name": "Content-Type", "value": "text/html; charset=utf-8"}]
            cdp.send(
                "Fetch.fulfillRequest",
                {
                    "requestId": request_id,
                    "responseCode": 200,
                    "responseHeaders": headers,
                    "body": body,
                },
            )
        else:
            cdp.send(
                "Fetch.failRequest", {"requestId": request_id, "errorReason": "BlockedByClient"}
            )

    cdp.on("Fetch.requestPaused", paused)
    cdp.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})


def open_page_in_new_context(browser, site: LiveSite, **context_options):
    """A fresh browser context (no cookies, no cache) with one offline page."""
    context = browser.new_context(locale="nl-BE", **context_options)
    context.set_default_timeout(10_000)
    page = context.new_page()
    keep_offline(page, site)
    return page
