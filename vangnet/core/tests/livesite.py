"""The real platform on loopback, and a headless Chromium to look at it.

`live_site` starts Vangnet much as it runs in production: its own SQLite database in a
temporary folder, the content of data/*.yaml, gunicorn with two workers, DEBUG off, static
files served by WhiteNoise. It needs nothing from pytest-django's test database (whose
live server would flush it), so the browser tests never touch that database.
`running_site(folder, demo=True)` starts the same on a folder of one's own, with the demo
receivers of the reporting channel if asked (the fault and canary tests use it).

Chromium is Debian's (/usr/bin/chromium). A test tool's own browser download cannot work
here, so nothing calls `playwright install`. Every page is offline: a request that does not
go to the live site fails, except those for the quick exit's neutral site, which a tiny
stand-in page answers.
"""

import base64
import contextlib
import http.client
import http.cookies
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator, Sequence
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


@dataclass
class LiveSite:
    """A running Vangnet: `site("/kaart/")` is the absolute URL of a path."""

    base_url: str
    log: Path
    timings: dict[str, float] = field(default_factory=dict)
    folder: Path | None = None  # holds the database, gunicorn.log and the meldingen folder
    process: subprocess.Popen | None = None  # the gunicorn master

    @property
    def database(self) -> Path:
        return self.folder / DATABASE

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
        with _LOOPBACK.open(self(path), timeout=10) as response:
            return response.read()


# Straight to loopback, whatever proxy the environment names.
_LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))
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

    def __init__(self, base_url: str, timeout: float = 30.0, adres: str = "") -> None:
        """``adres``: sent as X-Forwarded-For, as the site's proxy would (for a site started
        with ``VANGNET_TRUSTED_PROXY_HOPS=1``: each visitor its own address and bucket)."""
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.timeout = timeout
        self.adres = adres
        self.cookies: dict[str, str] = {}
        self.csrf_token = ""

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
        headers = {"Accept-Language": "nl", "Connection": "close"}
        if self.adres:
            headers["X-Forwarded-For"] = self.adres
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
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


def _manage(env: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    result = subprocess.run(  # noqa: S603 - our own manage.py, fixed arguments
        [sys.executable, str(BASE_DIR / "manage.py"), *args, "--verbosity=0"],
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
    return time.perf_counter() - started


def _wait_until_up(url: str, process: subprocess.Popen, log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(
                f"gunicorn stopped ({process.returncode}):\n{log.read_text()}", pytrace=False
            )
        try:
            with _LOOPBACK.open(url, timeout=2) as response:
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


@contextlib.contextmanager
def running_site(
    folder: Path,
    *,
    extra_env: dict[str, str] | None = None,
    demo: bool = False,
    gunicorn_args: tuple[str, ...] = (),
) -> Iterator[LiveSite]:
    """Vangnet under gunicorn on a new SQLite file in ``folder``, stopped afterwards.

    ``extra_env`` goes into gunicorn's environment (and manage.py's); ``demo`` loads the
    demo receivers of the reporting channel (``demo_meldingen --ook-zonder-debug``);
    ``gunicorn_args`` are added to gunicorn's command line.
    Encrypted attachments go to ``folder/meldingen``, never into the working tree.
    """
    missing = [name for name in DATA_FILES if not (BASE_DIR / "data" / name).exists()]
    if missing:
        pytest.fail(f"data/ lacks {', '.join(missing)}: load_content needs all five files")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SECRET_KEY", "QUICK_EXIT_URL", "SERVER_TIMING"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "vangnet.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder / DATABASE}",
            "DEBUG": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "MELDINGEN_MAP": str(folder / MELDINGEN_MAP),
            **(extra_env or {}),
        }
    )
    timings: dict[str, float] = {}
    started = time.perf_counter()
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    log = folder / "gunicorn.log"
    # gunicorn boots its workers while the database is made: no request reaches it before
    # /gezond is asked, after load_content. Static files need no collectstatic: the dev
    # profile lets WhiteNoise serve them from the apps, also with DEBUG off.
    with log.open("w") as log_file:
        process = subprocess.Popen(  # noqa: S603 - gunicorn from our own virtual environment
            [
                sys.executable,
                "-m",
                "gunicorn",
                "vangnet.wsgi",
                "-b",
                f"127.0.0.1:{port}",
                "-w",
                "2",
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
    try:
        timings["migrate"] = _manage(env, "migrate", "--noinput")
        timings["load_content"] = _manage(env, "load_content")
        if demo:
            timings["demo_meldingen"] = _manage(env, "demo_meldingen", "--ook-zonder-debug")
        _wait_until_up(base_url + "/gezond", process, log, timeout=30)
        timings["ready"] = time.perf_counter() - started
        yield LiveSite(base_url=base_url, log=log, timings=timings, folder=folder, process=process)
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    with running_site(tmp_path_factory.mktemp("vangnet-live")) as site:
        _check_static_files(site)
        yield site


def _check_static_files(site: LiveSite) -> None:
    """Fail early and clearly when the stylesheet or the quick exit script is not served."""
    home = site.get("/").decode()
    for path in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', home):
        try:
            site.get(path)
        except OSError as error:
            pytest.fail(f"{path} is not served ({error}); see {site.log}", pytrace=False)


@pytest.fixture(scope="module")
def chromium():
    """Debian's Chromium, headless. Module-scoped on purpose: while Playwright's sync API is
    active its event loop counts as running, and Django would refuse database access in
    the tests that run after this module."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


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


@pytest.fixture
def new_page(chromium, live_site: LiveSite):
    """Open offline pages, each in its own browser context: `new_page()`,
    `new_page(java_script_enabled=False)`; `page.context` is the context. Closed after."""
    pages = []

    def make(**context_options):
        pages.append(open_page_in_new_context(chromium, live_site, **context_options))
        return pages[-1]

    yield make
    for page in pages:
        page.context.close()


@pytest.fixture
def page(new_page):
    """An offline page with JavaScript, in a fresh browser context."""
    return new_page()


@pytest.fixture(scope="module")
def shared_page(chromium, live_site: LiveSite):
    """One offline page for tests that only look (axe, the quick exit's place): opening a
    context per page costs more than the look itself."""
    page = open_page_in_new_context(chromium, live_site)
    yield page
    page.context.close()
