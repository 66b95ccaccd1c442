"""A receipt that was shown is a report that was kept, even when workers die mid-request.

The site runs as in production (livesite.py) under gunicorn with two workers, on its own
database of the run's kind (SQLite file or PostgreSQL), with the production Argon2id cost.
Eight reporters send reports with a unique text while a worker is killed (SIGKILL: no
clean-up, no rollback by Python) every 0.7 s; gunicorn starts a new one.
Requests that were cut off fail at the reporter's side, which is fine: they got no
receipt. Every receipt that *was* shown must afterwards open a case with exactly the
text that was sent with it, and a SQLite database must pass SQLite's own checks.

The load runs 15 s, longer (up to 30 s) on a busy machine until 25 receipts were shown.
"""

import http.client
import os
import random
import re
import signal
import sqlite3
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from vangnet.core.tests.livesite import LiveSite, Visitor, running_site

pytestmark = pytest.mark.belasting

FORMULIER = "/melden/demo-api/"
RAPPORTEURS = 8
DUUR = 15.0
HOOGSTENS = 30.0  # on a busy machine, to get GENOEG receipts
GENOEG = 25
KILL_ELKE = 0.7
ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
VERZENDTOKEN = re.compile(r'name="verzendtoken" value="([^"]+)"')
# A connection cut by a dying worker shows up as one of these on the reporter's side.
AFGEBROKEN = (OSError, http.client.HTTPException)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    # --preload: a new worker is a fork of a master that has the app loaded, so it takes
    # requests at once, and nearly every kill hits a worker in the middle of one.
    folder = tmp_path_factory.mktemp("fouten-onder-belasting")
    # Behind a proxy of its own, and every report from another address: this test is about
    # dying workers, not about the limit on new reports per bucket of addresses.
    with running_site(
        folder,
        demo=True,
        gunicorn_args=("--preload",),
        extra_env={"VANGNET_TRUSTED_PROXY_HOPS": "1"},
    ) as site:
        yield site


class Belasting:
    """Reporters that keep sending reports, and what came back to them."""

    def __init__(self, site: LiveSite) -> None:
        self.site = site
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.getoond: list[tuple[str, str]] = []  # (receipt, the text sent with it)
        self.afgebroken = 0
        self.anders: list[str] = []  # answers that were neither a receipt nor cut off
        self.gedood: list[int] = []

    def melder(self, nummer: int) -> None:
        visitor = Visitor(self.site.base_url, timeout=20)
        verzonden = 0
        while not self.stop.is_set():
            verzonden += 1
            visitor.adres = f"10.{nummer}.{verzonden // 250}.{verzonden % 250}"
            tekst = f"Melding {nummer}-{uuid.uuid4().hex}: het gebeurde na de voorstelling."
            try:
                # Every report needs a form of its own: its one-time token files one case.
                formulier = visitor.get(FORMULIER)
                token = VERZENDTOKEN.search(formulier.text)
                if token is None:
                    with self.lock:
                        self.anders.append(f"form: HTTP {formulier.status}")
                    continue
                antwoord = visitor.post(FORMULIER, {"wat": tekst, "verzendtoken": token.group(1)})
            except AFGEBROKEN:
                with self.lock:
                    self.afgebroken += 1
                continue
            gevonden = ONTVANGSTBEWIJS.search(antwoord.text)
            with self.lock:
                if antwoord.status == 200 and gevonden:
                    self.getoond.append((gevonden.group(0), tekst))
                else:
                    self.anders.append(f"HTTP {antwoord.status}")

    def doder(self) -> None:
        kans = random.Random()
        while not self.stop.wait(KILL_ELKE):
            werkers = self.site.worker_pids()
            if werkers:
                slachtoffer = kans.choice(werkers)
                with self.lock:
                    self.gedood.append(slachtoffer)
                os.kill(slachtoffer, signal.SIGKILL)  # a worker of our own gunicorn

    def draai(self, seconden: float, genoeg: int, hoogstens: float) -> float:
        """Run for ``seconden``, longer (up to ``hoogstens``) on a slow machine until
        ``genoeg`` receipts were shown; the seconds it ran."""
        threads = [threading.Thread(target=self.melder, args=(n,)) for n in range(RAPPORTEURS)]
        threads.append(threading.Thread(target=self.doder))
        begin = time.monotonic()
        for thread in threads:
            thread.start()
        time.sleep(seconden)
        while len(self.getoond) < genoeg and time.monotonic() - begin < hoogstens:
            time.sleep(0.5)
        self.stop.set()
        geduurd = time.monotonic() - begin
        for thread in threads:
            thread.join(timeout=60)
        return geduurd


def _wacht_op_werkers(site: LiveSite, aantal: int = 2, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if len(site.worker_pids()) >= aantal:
            try:
                if site.get("/gezond"):
                    return
            except OSError:
                pass
        time.sleep(0.2)
    pytest.fail(f"gunicorn did not get {aantal} workers back\n{site.log_tail()}")


def _open(site: LiveSite, ontvangstbewijs: str) -> str:
    """The case page that the receipt opens, as a reporter coming back sees it."""
    visitor = Visitor(site.base_url)
    visitor.get("/melden/opvolgen/")
    antwoord = visitor.post("/melden/opvolgen/", {"ontvangstbewijs": ontvangstbewijs})
    assert antwoord.status == 200, f"{ontvangstbewijs}: HTTP {antwoord.status}"
    assert re.fullmatch(r"/melden/opvolgen/\d+/", antwoord.path), (
        f"{ontvangstbewijs} did not open a case (ended on {antwoord.path})"
    )
    return antwoord.text


def test_every_receipt_shown_while_workers_are_killed_opens_its_own_report(site):
    belasting = Belasting(site)
    geduurd = belasting.draai(DUUR, GENOEG, HOOGSTENS)
    _wacht_op_werkers(site)
    print(  # shown with -s, and with a failure
        f"{len(belasting.gedood)} workers killed, {belasting.afgebroken} requests cut off, "
        f"{len(belasting.getoond)} receipts shown in {geduurd:.0f} s"
    )

    assert len(belasting.gedood) >= geduurd / KILL_ELKE / 2, "too few workers were killed"
    assert belasting.afgebroken > 0, "no request was cut off: the test proved nothing"
    assert len(belasting.getoond) >= 20, (
        f"only {len(belasting.getoond)} receipts in {geduurd:.0f} s\n{site.log_tail()}"
    )
    assert not belasting.anders, f"answers other than a receipt: {belasting.anders[:5]}"
    with ThreadPoolExecutor(max_workers=2) as pool:
        paginas = list(pool.map(lambda paar: _open(site, paar[0]), belasting.getoond))
    for (ontvangstbewijs, tekst), pagina in zip(belasting.getoond, paginas, strict=True):
        assert tekst in pagina, f"{ontvangstbewijs} opened a case without its own text"
    # And SQLite itself is whole: no torn page, no row pointing nowhere. (PostgreSQL checks
    # its foreign keys on every write, and its pages on its own.)
    if not site.is_sqlite:
        return
    with sqlite3.connect(f"file:{site.database}?mode=ro", uri=True) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
