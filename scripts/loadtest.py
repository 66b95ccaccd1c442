"""`make loadtest`: the public paths under load, on two app servers over PostgreSQL.

A fresh PostgreSQL database of its own on the server of ``LOADTEST_DATABASE_URL`` (else
``DATABASE_URL``; dropped afterwards) is migrated and loaded, and two gunicorn masters
(``gunicorn.conf.py``, the production settings) serve it on two loopback ports
(scripts/opstelling.py). Then ``--users`` visitors (threads, plain ``http.client``, a new
connection per request, as through a proxy) each walk the public paths over and over for
``--seconds``, with a think time of 1-3 s between requests, every request to the next
server in turn (round robin, no sticky sessions):

    home /  ->  wegwijzer start  ->  each question (GET, then POST the answer)  ->  route
    ->  kaart search  ->  one walk in ``--report-share``: the report form, a report with a
    unique text, the receipt page  ->  opening the case with that receipt (POST + case)

Afterwards every receipt that was shown is opened again (on the other server than the
one that filed it, when possible) and must show its report's text, and the number of
cases in the database must equal the number of receipts shown.

Targets (exit status 1 when one is missed): no server error (5xx, a dropped connection, a
time-out) on any path, no unexpected answer (a 4xx where none belongs), p95 of every path
under ``--p95-ms`` (default 2000), every report present and openable, no traceback or
worker time-out in the servers' logs. Figures: per path the count and p50/p95/p99/max.

    .venv/bin/python scripts/loadtest.py                  # 200 users, 60 s (make loadtest)
    .venv/bin/python scripts/loadtest.py --users 20 --seconds 10   # the CI version
"""

import argparse
import collections
import contextlib
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import opstelling  # noqa: E402

FORMULIER = "/melden/demo-api/"
OPVOLGEN = "/melden/opvolgen/"
ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
VERZENDTOKEN = re.compile(r'name="verzendtoken" value="([^"]+)"')
EERSTE_VRAAG = re.compile(r'href="(/wegwijzer/vraag/[^"]+)"')
ZOEKWOORDEN = ["opleiding", "vertrouwenspersoon", "circus", "muziek", "advies", "pesten"]
# One person's answers (vangnet/wegwijzer/tests/test_views.py): 5-8 questions to a route.
ANTWOORDEN = {
    "gevaar": ["nee"],
    "rol": ["werknemer"],
    "perspectief": ["slachtoffer"],
    "gedrag": ["seksueel"],
    "discriminatiegrond": ["gender"],
    "context": ["werk"],
    "wanneer": ["minder-dan-week"],
    "minderjarig": ["nee"],
    "wens": ["praten", "advies"],
    "anoniem": ["ja"],
    "eigen_aanspreekpunt": ["ja"],
    "sector": ["podiumkunsten"],
}
SERVERFOUT = (OSError, http.client.HTTPException)


class Onverwacht(Exception):
    """An answer that is not a server error but not what a visitor should get either."""


@dataclass
class Metingen:
    lock: threading.Lock = field(default_factory=threading.Lock)
    tijden: dict[str, list[float]] = field(default_factory=lambda: collections.defaultdict(list))
    serverfouten: collections.Counter = field(default_factory=collections.Counter)
    onverwacht: collections.Counter = field(default_factory=collections.Counter)
    voorbeelden: list[str] = field(default_factory=list)
    getoond: list[tuple[str, str, int]] = field(default_factory=list)  # receipt, text, server
    geopend_tijdens: int = 0

    def tijd(self, pad: str, ms: float) -> None:
        with self.lock:
            self.tijden[pad].append(ms)

    def fout(self, soort: collections.Counter, pad: str, wat: str) -> None:
        with self.lock:
            soort[pad] += 1
            if len(self.voorbeelden) < 10:
                self.voorbeelden.append(f"{pad}: {wat}")


class Gebruiker:
    """One visitor, walking the public paths until ``einde``."""

    def __init__(self, nummer: int, site: opstelling.Platform, m: Metingen, args) -> None:
        self.nummer = nummer
        self.site = site
        self.m = m
        self.args = args
        self.kans = random.Random(nummer)
        self.verzoeken = nummer  # round robin over the servers, per request
        self.bezoeker = site.bezoeker(f"10.{nummer // 250}.{nummer % 250}.1")

    def stap(self, pad: str, doe, verwacht=(200,)):
        """One request (following redirects) through the proxy's round robin, timed."""
        self.verzoeken += 1
        self.site.naar(self.bezoeker, self.verzoeken)
        begin = time.perf_counter()
        try:
            antwoord = doe()
        except SERVERFOUT as fout:
            self.m.fout(self.m.serverfouten, pad, f"{type(fout).__name__}: {fout}")
            raise
        self.m.tijd(pad, (time.perf_counter() - begin) * 1000)
        if antwoord.status >= 500:
            self.m.fout(self.m.serverfouten, pad, f"HTTP {antwoord.status}")
            raise Onverwacht
        if antwoord.status not in verwacht:
            self.m.fout(self.m.onverwacht, pad, f"HTTP {antwoord.status} ({antwoord.path})")
            raise Onverwacht
        return antwoord

    def denk(self, einde: float) -> bool:
        """Think for 1-3 s; False when the run is over."""
        time.sleep(self.kans.uniform(self.args.think_min, self.args.think_max))
        return time.monotonic() < einde

    def wandel(self, einde: float) -> None:
        b = self.bezoeker
        self.stap("/", lambda: b.get("/"))
        if not self.denk(einde):
            return
        start = self.stap("/wegwijzer/", lambda: b.get("/wegwijzer/"))
        adres = EERSTE_VRAAG.search(start.text).group(1).replace("&amp;", "&")
        while "/vraag/" in adres:
            if not self.denk(einde):
                return
            self.stap("/wegwijzer/vraag/ (GET)", lambda a=adres: b.get(a))
            vraag = adres.split("/vraag/")[1].split("/")[0]
            if not self.denk(einde):
                return
            antwoord = self.stap(
                "/wegwijzer/vraag/ (POST)",
                lambda a=adres, v=vraag: b.post(a, {"antwoord": ANTWOORDEN[v]}, follow=False),
                verwacht=(302,),
            )
            adres = antwoord.headers["Location"]
        if not self.denk(einde):
            return
        self.stap("/wegwijzer/route/", lambda: b.get("/wegwijzer/route/"))
        if not self.denk(einde):
            return
        woord = self.kans.choice(ZOEKWOORDEN)
        self.stap("/kaart/?q=", lambda: b.get(f"/kaart/?q={woord}"))
        if self.kans.random() >= self.args.report_share or not self.denk(einde):
            return
        formulier = self.stap(FORMULIER + " (GET)", lambda: b.get(FORMULIER))
        token = VERZENDTOKEN.search(formulier.text).group(1)
        tekst = f"Belasting {self.nummer}-{uuid.uuid4().hex}: het gebeurde na de repetitie."
        if not self.denk(einde + 30):  # a report that was typed is sent
            return
        server = self.verzoeken + 1
        bewijs = self.stap(
            FORMULIER + " (POST + receipt)",
            lambda: b.post(FORMULIER, {"wat": tekst, "verzendtoken": token}),
        )
        code = ONTVANGSTBEWIJS.search(bewijs.text)
        if code is None:
            self.m.fout(self.m.onverwacht, FORMULIER + " (POST + receipt)", "no receipt")
            raise Onverwacht
        with self.m.lock:
            self.m.getoond.append((code.group(0), tekst, server))
        if not self.denk(einde):
            return
        # A reporter coming back: a fresh browser, only the receipt.
        terug = self.site.bezoeker(b.adres)
        self.bezoeker, b = terug, terug
        self.stap(OPVOLGEN + " (GET)", lambda: b.get(OPVOLGEN))
        if not self.denk(einde):
            return
        dossier = self.stap(
            OPVOLGEN + " (POST + case)",
            lambda: b.post(OPVOLGEN, {"ontvangstbewijs": code.group(0)}),
        )
        if tekst not in dossier.text:
            self.m.fout(self.m.onverwacht, OPVOLGEN + " (POST + case)", "case without its text")
            raise Onverwacht
        with self.m.lock:
            self.m.geopend_tijdens += 1

    def draai(self, einde: float) -> None:
        # Arrive spread over the first think time, not all in the same millisecond.
        time.sleep(self.kans.uniform(0, self.args.think_max))
        while time.monotonic() < einde:
            try:
                self.wandel(einde)
            except (Onverwacht, *SERVERFOUT, AttributeError):
                time.sleep(1)  # counted already (or a page without its link: see below)
            self.bezoeker = self.site.bezoeker(self.bezoeker.adres)


def warm_op(site: opstelling.Platform) -> None:
    """Not counted: every worker of every server loads its templates and connects, as a
    server in rotation for a while has (a cold worker takes seconds on a busy machine)."""
    paden = [
        "/",
        "/wegwijzer/",
        "/wegwijzer/vraag/gevaar/",
        "/wegwijzer/route/",
        "/kaart/?q=opleiding",
        FORMULIER,
        OPVOLGEN,
    ]

    def keer(n: int) -> None:
        bezoeker = site.bezoeker(f"10.254.{n // 250}.{n % 250 + 1}")
        for pad in paden:
            site.naar(bezoeker, n)
            with contextlib.suppress(*SERVERFOUT):
                bezoeker.get(pad)

    aantal = 2 * sum(len(s.werkers()) for s in site.servers)
    with ThreadPoolExecutor(max_workers=aantal) as pool:
        list(pool.map(keer, range(aantal * 2)))


def controleer_achteraf(site: opstelling.Platform, m: Metingen) -> list[str]:
    """Every receipt shown opens its case with its text; as many cases as receipts."""
    fouten = []

    def open_(item: tuple[int, tuple[str, str, int]]) -> str | None:
        i, (code, tekst, server) = item
        bezoeker = site.bezoeker(f"10.200.{i // 250}.{i % 250 + 1}")
        site.naar(bezoeker, server + 1)  # the other server than the one that filed it
        try:
            bezoeker.get(OPVOLGEN)
            dossier = bezoeker.post(OPVOLGEN, {"ontvangstbewijs": code})
        except SERVERFOUT as fout:
            return f"{code}: {fout}"
        if dossier.status != 200 or tekst not in dossier.text:
            gevonden = "found" if tekst in dossier.text else "missing"
            return f"{code}: HTTP {dossier.status} on {dossier.path}, text {gevonden}"
        return None

    with ThreadPoolExecutor(max_workers=4) as pool:
        fouten += [f for f in pool.map(open_, enumerate(m.getoond)) if f]
    import psycopg

    with psycopg.connect(site.env["DATABASE_URL"]) as db:
        (zaken,) = db.execute(
            "SELECT count(*) FROM meldingen_melding m JOIN meldingen_ontvanger o "
            "ON o.id = m.ontvanger_id WHERE o.slug = 'demo-api'"
        ).fetchone()
    if zaken != len(m.getoond):
        fouten.append(f"{zaken} cases in the database, {len(m.getoond)} receipts shown")
    return fouten


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--workers", type=int, default=None, help="per server (default: config)")
    parser.add_argument("--p95-ms", type=float, default=2000)
    parser.add_argument("--report-share", type=float, default=0.3)
    parser.add_argument("--think-min", type=float, default=1.0)
    parser.add_argument("--think-max", type=float, default=3.0)
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args(argv)

    server_url = os.environ.get("LOADTEST_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if not opstelling.is_postgres(server_url):
        print(
            "loadtest: needs PostgreSQL: set LOADTEST_DATABASE_URL (or DATABASE_URL) to a "
            "server where it may create a database, e.g. postgres://postgres@127.0.0.1:5432/postgres"
        )
        return 2
    m = Metingen()
    begonnen = time.monotonic()
    with (
        opstelling.eigen_database(server_url, "vangnet_loadtest") as url,
        opstelling.platform(url, servers=args.servers, werkers=args.workers) as site,
    ):
        warm_op(site)
        opgezet = time.monotonic() - begonnen
        print(
            f"loadtest: {args.servers} app servers "
            f"({', '.join(s.base_url for s in site.servers)}), "
            f"{len(site.servers[0].werkers())} workers each, "
            f"set up and warmed up in {opgezet:.0f} s "
            f"({', '.join(f'{k} {v:.0f} s' for k, v in site.stappen.items())}); "
            f"{args.users} users for {args.seconds:.0f} s",
            flush=True,
        )
        log_begin = site.log_groottes()
        cpu_voor = os.times()
        einde = time.monotonic() + args.seconds
        gebruikers = [Gebruiker(n, site, m, args) for n in range(args.users)]
        threads = [threading.Thread(target=g.draai, args=(einde,), daemon=True) for g in gebruikers]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=args.seconds + 120)
        geduurd = time.monotonic() - einde + args.seconds
        cpu_na = os.times()
        achteraf = controleer_achteraf(site, m)
        logs = site.log_tekst(log_begin)
    totaal = sum(len(v) for v in m.tijden.values())
    print(
        f"\n{totaal} requests in {geduurd:.0f} s ({totaal / geduurd:.0f}/s); "
        f"client CPU {cpu_na.user + cpu_na.system - cpu_voor.user - cpu_voor.system:.1f} s"
    )
    print(
        f"{'path':34} {'n':>6} {'5xx/err':>7} {'other':>5} "
        f"{'p50':>6} {'p95':>6} {'p99':>6} {'max':>6}  ms"
    )
    rijen = []
    missers = []
    for pad in sorted(set(m.tijden) | set(m.serverfouten) | set(m.onverwacht)):
        t = m.tijden.get(pad, [])
        rij = {
            "pad": pad,
            "n": len(t),
            "serverfouten": m.serverfouten[pad],
            "onverwacht": m.onverwacht[pad],
            "p50": opstelling.percentiel(t, 50),
            "p95": opstelling.percentiel(t, 95),
            "p99": opstelling.percentiel(t, 99),
            "max": max(t, default=float("nan")),
        }
        rijen.append(rij)
        print(
            f"{pad:34} {rij['n']:6} {rij['serverfouten']:7} {rij['onverwacht']:5} "
            f"{rij['p50']:6.0f} {rij['p95']:6.0f} {rij['p99']:6.0f} {rij['max']:6.0f}"
        )
        if rij["serverfouten"]:
            missers.append(f"{pad}: {rij['serverfouten']} server errors")
        if rij["onverwacht"]:
            missers.append(f"{pad}: {rij['onverwacht']} unexpected answers")
        if t and rij["p95"] > args.p95_ms:
            missers.append(f"{pad}: p95 {rij['p95']:.0f} ms > {args.p95_ms:.0f} ms")
    print(
        f"\nreports: {len(m.getoond)} receipts shown, {m.geopend_tijdens} opened during the run; "
        f"afterwards {len(m.getoond) - len(achteraf)} of {len(m.getoond)} open their case"
    )
    missers += achteraf
    if not m.getoond:
        missers.append("no report was submitted")
    for teken in ("Traceback", "WORKER TIMEOUT", "Internal Server Error"):
        if teken in logs:
            missers.append(f"the servers' logs contain {teken!r}")
    if m.voorbeelden:
        print("examples: " + "; ".join(m.voorbeelden))
    if args.json:
        print(json.dumps({"rijen": rijen, "getoond": len(m.getoond), "seconden": geduurd}))
    if missers:
        print("FAIL: " + "; ".join(missers[:20]))
        return 1
    print(f"PASS: no server errors, every p95 under {args.p95_ms:.0f} ms, every report opens")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except opstelling.Mislukt as fout:
        print(f"loadtest: the set-up failed: {fout}")
        sys.exit(2)
