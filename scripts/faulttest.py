"""`make faulttest`: reports keep their promise while workers die and the database restarts.

A throw-away PostgreSQL cluster of its own (``initdb``/``pg_ctl`` in a temporary folder, on
a port of its own; never the shared server) holds the database; two gunicorn masters with
the production settings serve it on two loopback ports (scripts/opstelling.py). Eight
reporters (threads) send reports with a unique text, round robin over the two servers,
through three phases:

1. **Workers die**: every 0.7 s a random worker of either server gets SIGKILL (no
   clean-up, no rollback by Python), for ``--kill-seconds``. Requests cut off are expected:
   they showed no receipt.
2. **The database goes away**: ``pg_ctl stop -m immediate`` (as a crash: no checkpoint,
   recovery from the WAL at the next start), ``--down-seconds`` without it. Meanwhile a
   prober asks both servers for ``/gereed`` (must be 503 naming the database), the home
   page, a kaart search and the receipt page: each must be a 200 (a page that needs no
   database) or the site's 503 page ("Vangnet is even niet bereikbaar"), never another
   error, and answer within 10 s. A report sent then must get a 503 that says nothing was
   sent.
3. **It comes back**: ``pg_ctl start``; both servers must be ready again (``/gereed`` 200)
   within ``--recovery-seconds`` without being touched, and reports must be filed again.

Afterwards: every receipt that was shown opens its case with its own text (on the other
server than the one that filed it), and no case is half-written (each has its reporter's
key envelope, the receiver's envelope and its "submitted" audit line). Exit status 1 when
a target is missed. The figures: kills, requests cut off, receipts shown per phase, the
answers during the outage, the seconds until each server was ready again.

    .venv/bin/python scripts/faulttest.py             # make faulttest (about 2 minutes)
    .venv/bin/python scripts/faulttest.py --short     # the CI version
"""

import argparse
import collections
import http.client
import os
import random
import re
import signal
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import opstelling  # noqa: E402

FORMULIER = "/melden/demo-api/"
OPVOLGEN = "/melden/opvolgen/"
MELDERS = 8
KILL_ELKE = 0.7
ONTVANGSTBEWIJS = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
VERZENDTOKEN = re.compile(r'name="verzendtoken" value="([^"]+)"')
STORINGSPAGINA = "Vangnet is even niet bereikbaar"
AFGEBROKEN = (OSError, http.client.HTTPException)
HALF_GESCHREVEN = """
SELECT m.id FROM meldingen_melding m
WHERE NOT EXISTS (SELECT 1 FROM meldingen_sleutelenvelop e
                  WHERE e.melding_id = m.id AND e.partij_id = m.melder_id)
   OR NOT EXISTS (SELECT 1 FROM meldingen_sleutelenvelop e
                  WHERE e.melding_id = m.id AND e.ontvanger_id = m.ontvanger_id)
   OR NOT EXISTS (SELECT 1 FROM meldingen_auditregel a
                  WHERE a.melding_id = m.id AND a.handeling = 'ingediend')
   OR NOT EXISTS (SELECT 1 FROM meldingen_toestemming t WHERE t.melding_id = m.id)
"""


class Storingstest:
    def __init__(self, site: opstelling.Platform) -> None:
        self.site = site
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.fase = "kill"
        self.getoond: list[tuple[str, str, int, str]] = []  # receipt, text, server, phase
        self.afgebroken = collections.Counter()  # per phase
        self.antwoorden = collections.Counter()  # (phase, what, status)
        self.fouten: list[str] = []
        self.gedood = 0

    def noteer(self, wat: str, status) -> None:
        with self.lock:
            self.antwoorden[(self.fase, wat, status)] += 1

    def melder(self, nummer: int) -> None:
        kans = random.Random(nummer)
        verzonden = 0
        while not self.stop.is_set():
            verzonden += 1
            bezoeker = self.site.bezoeker(f"10.{nummer}.{verzonden // 250}.{verzonden % 250}", 20)
            server = kans.randrange(len(self.site.servers))
            self.site.naar(bezoeker, server)
            tekst = f"Storing {nummer}-{uuid.uuid4().hex}: het gebeurde in de kleedkamer."
            fase = self.fase
            try:
                formulier = bezoeker.get(FORMULIER)
                token = VERZENDTOKEN.search(formulier.text)
                if token is None:
                    self.noteer("form", formulier.status)
                    # The phase when the answer came (a request may start before the outage).
                    self._mag(fase if fase != "kill" else self.fase, "form", formulier)
                    time.sleep(0.3)
                    continue
                self.site.naar(bezoeker, server + 1)
                antwoord = bezoeker.post(FORMULIER, {"wat": tekst, "verzendtoken": token.group(1)})
            except AFGEBROKEN:
                with self.lock:
                    self.afgebroken[fase] += 1
                continue
            gevonden = ONTVANGSTBEWIJS.search(antwoord.text)
            self.noteer("report", antwoord.status)
            if antwoord.status == 200 and gevonden:
                with self.lock:
                    self.getoond.append((gevonden.group(0), tekst, server + 1, fase))
            else:
                self._mag(fase if fase != "kill" else self.fase, "report", antwoord)
                time.sleep(0.3)

    def _mag(self, fase: str, wat: str, antwoord) -> None:
        """Outside the outage only receipts (or cut-off requests); during it a clear 503."""
        if antwoord.status == 503 and (
            STORINGSPAGINA in antwoord.text or "niet verstuurd" in antwoord.text.lower()
        ):
            if fase == "database":
                return
            if fase == "herstel":  # the first seconds after the restart, before /gereed is 200
                return
        with self.lock:
            self.fouten.append(f"{fase}: {wat} answered HTTP {antwoord.status} ({antwoord.path})")

    def doder(self, seconden: float) -> None:
        kans = random.Random()
        einde = time.monotonic() + seconden
        while time.monotonic() < einde and not self.stop.wait(KILL_ELKE):
            werkers = [pid for s in self.site.servers for pid in s.werkers()]
            if werkers:
                os.kill(kans.choice(werkers), signal.SIGKILL)  # a worker of our own gunicorn
                self.gedood += 1

    def peiler(self, stop: threading.Event) -> None:
        """During the outage: readiness and a few pages on each server, each answer judged."""
        paden = ["/gereed", "/", "/kaart/?q=opleiding", OPVOLGEN, "/wegwijzer/"]
        i = 0
        while not stop.is_set():
            for server in range(len(self.site.servers)):
                pad = paden[i % len(paden)]
                bezoeker = self.site.bezoeker(f"10.250.0.{i % 250}", 10)
                self.site.naar(bezoeker, server)
                begin = time.monotonic()
                try:
                    antwoord = bezoeker.get(pad)
                except AFGEBROKEN as fout:
                    with self.lock:
                        self.fouten.append(f"outage: {pad} on server {server + 1}: {fout}")
                    continue
                duur = time.monotonic() - begin
                self.noteer(pad, antwoord.status)
                if pad == "/gereed":
                    goed = antwoord.status == 503 and '"database": "fout"' in antwoord.text
                else:
                    goed = antwoord.status == 200 or (
                        antwoord.status == 503 and STORINGSPAGINA in antwoord.text
                    )
                if not goed or duur > 10:
                    with self.lock:
                        self.fouten.append(
                            f"outage: {pad} on server {server + 1}: "
                            f"HTTP {antwoord.status} in {duur:.1f} s"
                        )
            i += 1
            stop.wait(0.5)


def wacht_op_werkers(site: opstelling.Platform, werkers: int, timeout: float = 120) -> None:
    """Until gunicorn has replaced every killed worker and each server answers."""
    einde = time.monotonic() + timeout
    for n, server in enumerate(site.servers):
        while time.monotonic() < einde:
            if len(server.werkers()) >= werkers:
                bezoeker = site.bezoeker("10.253.0.1", 10)
                site.naar(bezoeker, n)
                try:
                    if bezoeker.get("/gezond").status == 200:
                        break
                except AFGEBROKEN:
                    pass
            time.sleep(0.2)
        else:
            raise opstelling.Mislukt(f"server {n + 1} did not get its workers back")


def wacht_op_herstel(site: opstelling.Platform, timeout: float) -> list[float]:
    """Seconds until each server answers /gereed with 200 again (NaN: not in time)."""
    begin = time.monotonic()
    klaar = [float("nan")] * len(site.servers)
    while time.monotonic() - begin < timeout and any(k != k for k in klaar):
        for n in range(len(site.servers)):
            if klaar[n] == klaar[n]:
                continue
            bezoeker = site.bezoeker("10.251.0.1", 5)
            site.naar(bezoeker, n)
            try:
                if bezoeker.get("/gereed").status == 200:
                    klaar[n] = time.monotonic() - begin
            except AFGEBROKEN:
                pass
        time.sleep(0.2)
    return klaar


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kill-seconds", type=float, default=30)
    parser.add_argument("--down-seconds", type=float, default=10)
    parser.add_argument("--after-seconds", type=float, default=15)
    parser.add_argument("--recovery-seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=2, help="per server")
    parser.add_argument("--short", action="store_true", help="8 s, 4 s, 6 s: the CI version")
    args = parser.parse_args(argv)
    if args.short:
        args.kill_seconds, args.down_seconds, args.after_seconds = 8, 4, 6

    missers: list[str] = []
    begonnen = time.monotonic()
    # The servers' connections go through the cluster's port: a restart drops them all.
    with (
        opstelling.cluster() as pg,
        opstelling.eigen_database(pg.url, "vangnet_faulttest") as url,
        opstelling.platform(url, servers=2, werkers=args.workers) as site,
    ):
        print(
            f"faulttest: PostgreSQL cluster on port {pg.poort} "
            f"({opstelling.postgres_bin('postgres')}), "
            f"2 app servers with {args.workers} workers each, set up in "
            f"{time.monotonic() - begonnen:.0f} s",
            flush=True,
        )
        test = Storingstest(site)
        melders = [threading.Thread(target=test.melder, args=(n,)) for n in range(MELDERS)]
        for t in melders:
            t.start()
        try:
            # 1. Workers die.
            test.doder(args.kill_seconds)
            wacht_op_werkers(site, args.workers)
            # 2. The database goes away, as in a crash.
            test.fase = "database"
            pg.stop("immediate")
            peil_stop = threading.Event()
            peiler = threading.Thread(target=test.peiler, args=(peil_stop,))
            peiler.start()
            time.sleep(args.down_seconds)
            peil_stop.set()
            peiler.join()
            # 3. It comes back.
            test.fase = "herstel"
            pg.start()
            klaar = wacht_op_herstel(site, args.recovery_seconds)
            test.fase = "na"
            time.sleep(args.after_seconds)
        finally:
            test.stop.set()
            for t in melders:
                t.join(timeout=60)

        def open_(item) -> str | None:
            i, (code, tekst, server, _fase) = item
            bezoeker = site.bezoeker(f"10.252.{i // 250}.{i % 250 + 1}")
            site.naar(bezoeker, server + 1)
            try:
                bezoeker.get(OPVOLGEN)
                dossier = bezoeker.post(OPVOLGEN, {"ontvangstbewijs": code})
            except AFGEBROKEN as fout:
                return f"{code}: {fout}"
            if dossier.status != 200 or tekst not in dossier.text:
                return (
                    f"receipt {code} shown in phase {_fase} does not open its case "
                    f"(HTTP {dossier.status})"
                )
            return None

        with ThreadPoolExecutor(max_workers=4) as pool:
            niet_open = [f for f in pool.map(open_, enumerate(test.getoond)) if f]
        import psycopg

        with psycopg.connect(url) as db:
            half = db.execute(HALF_GESCHREVEN).fetchall()
            (zaken,) = db.execute(
                "SELECT count(*) FROM meldingen_melding m JOIN meldingen_ontvanger o "
                "ON o.id = m.ontvanger_id WHERE o.slug = 'demo-api'"
            ).fetchone()
        logs = site.log_tekst()

    per_fase = collections.Counter(f for *_r, f in test.getoond)
    print(
        f"\nkills: {test.gedood} SIGKILLs of workers; requests cut off: "
        + ", ".join(f"{f} {n}" for f, n in sorted(test.afgebroken.items()))
    )
    print(
        "receipts shown: "
        + ", ".join(f"{f} {per_fase[f]}" for f in ("kill", "database", "herstel", "na"))
        + f"; cases in the database {zaken} (a cut-off request may have filed one)"
    )
    print("answers during the outage:")
    for (fase, wat, status), n in sorted(test.antwoorden.items(), key=str):
        if fase == "database":
            print(f"  {wat:28} HTTP {status}: {n}")
    print(
        "ready again after the restart: "
        + ", ".join(f"server {n + 1} {s:.1f} s" for n, s in enumerate(klaar))
    )
    print(
        f"afterwards: {len(test.getoond) - len(niet_open)} of {len(test.getoond)} receipts "
        f"open their case; half-written cases: {len(half)}"
    )

    missers += test.fouten[:10]
    missers += niet_open[:10]
    if half:
        missers.append(f"half-written cases: {[r[0] for r in half][:10]}")
    if any(k != k for k in klaar):
        missers.append(
            f"a server was not ready within {args.recovery_seconds:.0f} s of the restart"
        )
    if zaken < len(test.getoond):
        missers.append(f"{zaken} cases for {len(test.getoond)} receipts")
    if per_fase["kill"] == 0 or per_fase["na"] == 0:
        missers.append("no receipt while workers died, or none after the restart")
    if test.gedood == 0:
        missers.append("no worker was killed")
    if "Internal Server Error" in logs or " 500 " in logs:
        missers.append("a 500 in the servers' logs")
    if missers:
        print("FAIL: " + "; ".join(missers))
        return 1
    print(
        "PASS: clear 503s while the database was away, recovery without a hand, "
        "every receipt opens, no half-written case"
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except opstelling.Mislukt as fout:
        print(f"faulttest: the set-up failed: {fout}")
        sys.exit(2)
