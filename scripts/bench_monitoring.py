"""Benchmark of the figures (vangnet/monitoring): `make bench` runs it after the others.

On a new temporary database, SQLite and then PostgreSQL (when the server answers on
BENCH_MONITORING_PG, default postgres://postgres@127.0.0.1:5432/bench_monitoring), it:

1. makes 100,000 synthetic classified cases over three years
   (`manage.py synthetische_meldingen`'s code, bulk inserts) and fixes the ended quarters;
2. requests the public page, its crossing, the API (one dimension and a crossing) and the
   department's page (whose current quarter is counted live, a GROUP BY over that quarter's
   cases) in-process with the test client: queries per request (an execute wrapper; the unit
   tests pin the same with CaptureQueriesContext), the
   time of each request (p50, p95, max over BENCH_MONITORING_REPS after one warm-up) and the
   peak of Python memory allocated during one request (tracemalloc);
3. adds 900,000 cases (1,000,000 in all), fixes the quarters again and measures again.

Targets: every path under 1 s on SQLite and under 0.5 s on PostgreSQL (p95) with 1,000,000
cases; the same number of queries with 100,000 and 1,000,000 cases; peak memory per request
not growing with the number of cases (at most 1.5 times the figure at 100,000). One JSON line
per measurement ends the output. BENCH_MONITORING_CASES (1000000) and
BENCH_MONITORING_FIRST (100000) change the sizes; BENCH_MONITORING_DB=sqlite or postgresql
measures one database only. The exit status is 0 whatever the targets
say; 1 only when a request failed.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GROOT = int(os.environ.get("BENCH_MONITORING_CASES", "1000000"))
EERST = int(os.environ.get("BENCH_MONITORING_FIRST", "100000"))
REPS = int(os.environ.get("BENCH_MONITORING_REPS", "10"))
PG = os.environ.get("BENCH_MONITORING_PG", "postgres://postgres@127.0.0.1:5432/bench_monitoring")
# "sqlite", "postgresql" or both (the default): to run the two at once in two shells.
DB = os.environ.get("BENCH_MONITORING_DB", "beide")
DOEL_MS = {"sqlite": 1000, "postgresql": 500}


def say(message: str = "") -> None:
    print(message, flush=True)


def paden(jaar: int, huidig: int) -> dict[str, tuple[str, dict]]:
    return {
        "pagina": ("/monitoring/", {"per": "gedrag", "periode": str(jaar)}),
        "pagina-kruising": (
            "/monitoring/",
            {"per": "sector", "per2": "route", "periode": str(jaar)},
        ),
        "api": ("/api/v1/monitoring/cijfers", {"per": "sector"}),
        "api-kruising": ("/api/v1/monitoring/cijfers", {"per": "gedrag,melder_status"}),
        "beleid-live": (
            "/monitoring/beleid/",
            {"per": "erkenning", "per2": "sector", "periode": str(huidig)},
        ),
    }


def meet(client, pad: str, vraag: dict) -> dict:
    from django.db import connection

    antwoord = client.get(pad, vraag)  # warm-up
    if antwoord.status_code != 200:
        raise SystemExit(f"{pad} {vraag}: {antwoord.status_code} {antwoord.content[:300]!r}")
    # Counted by an execute wrapper: outside DEBUG, each request opens its own connection,
    # which empties the log CaptureQueriesContext reads (the unit tests use that instead).
    queries = []

    def tel(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(tel):
        client.get(pad, vraag)
    tijden = []
    for _ in range(REPS):
        t = time.perf_counter()
        client.get(pad, vraag)
        tijden.append((time.perf_counter() - t) * 1000)
    tracemalloc.start()
    client.get(pad, vraag)
    _nu, piek = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    tijden.sort()
    return {
        "queries": len(queries),
        "p50_ms": round(statistics.median(tijden), 1),
        "p95_ms": round(tijden[max(0, int(len(tijden) * 0.95) - 1)], 1),
        "max_ms": round(tijden[-1], 1),
        "piek_kib": round(piek / 1024),
    }


def kind(database_url: str) -> None:
    """One database: fill, measure, fill more, measure again; JSON rows on stdout."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "vangnet.settings.dev",
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "ALLOWED_HOSTS": "testserver",
        }
    )
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from vangnet.accounts.models import DEPARTEMENT_GROUP
    from vangnet.accounts.tests.factories import meld_aan_in_beheer
    from vangnet.monitoring import momentopname, synthetisch

    call_command("migrate", interactive=False, verbosity=0)
    soort = connection.vendor
    nu = timezone.now()
    client = Client()
    user = get_user_model().objects.create_user("bench-departement", is_staff=True)
    user.groups.add(Group.objects.get(name=DEPARTEMENT_GROUP))
    meld_aan_in_beheer(client, user)
    jaar, huidig = timezone.localtime(nu).year - 1, timezone.localtime(nu).year

    def vul(aantal: int, zaad: int) -> None:
        t = time.perf_counter()
        synthetisch.maak_meldingen(
            aantal, jaren=3, zaad=zaad, nu=nu, voortgang=lambda d, n: _voortgang(soort, d, n)
        )
        say(f"  [{soort}] {aantal:,} cases in {time.perf_counter() - t:.0f} s")
        t = time.perf_counter()
        for kwartaal in momentopname.vastgelegd():
            momentopname.neem(momentopname.Kwartaal.van_code(kwartaal), nu=nu)
        momentopname.leg_vast(nu, wachttijd=momentopname.timedelta(0))
        say(f"  [{soort}] quarters fixed in {time.perf_counter() - t:.0f} s")

    totaal = 0
    for aantal, zaad in ((EERST, 1), (GROOT - EERST, 2)):
        vul(aantal, zaad)
        totaal += aantal
        for naam, (pad, vraag) in paden(jaar, huidig).items():
            rij = {"db": soort, "meldingen": totaal, "naam": naam, "pad": pad, "vraag": vraag}
            rij.update(meet(client, pad, vraag))
            print("RIJ " + json.dumps(rij), flush=True)


_laatste: dict[str, int] = {}


def _voortgang(soort: str, gedaan: int, totaal: int) -> None:
    procent = 100 * gedaan // totaal
    if procent // 10 != _laatste.get(soort, -1) or gedaan == totaal:
        _laatste[soort] = procent // 10
        say(f"  [{soort}] cases {gedaan:>9,}/{totaal:,} ({procent}%)")


def _postgres_klaar(url: str) -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    basis, naam = url.rsplit("/", 1)
    try:
        with psycopg.connect(f"{basis}/postgres", autocommit=True, connect_timeout=3) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{naam}"')
            c.execute(f'CREATE DATABASE "{naam}"')
    except psycopg.Error as fout:
        say(f"PostgreSQL not measured: {fout}")
        return False
    return True


def _verwijder_postgres(url: str) -> None:
    import psycopg

    basis, naam = url.rsplit("/", 1)
    with psycopg.connect(f"{basis}/postgres", autocommit=True, connect_timeout=3) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{naam}"')


def _oordeel(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--kind":
        kind(sys.argv[2])
        return 0
    say(f"monitoring bench: {EERST:,} then {GROOT:,} synthetic cases; {platform.python_version()}")
    rijen, fout = [], False
    with tempfile.TemporaryDirectory(prefix="bench-monitoring-") as tmp:
        databanken = [f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"] if DB != "postgresql" else []
        if DB != "sqlite" and _postgres_klaar(PG):
            databanken.append(PG)
        for url in databanken:
            t = time.perf_counter()
            proces = subprocess.Popen(
                [sys.executable, __file__, "--kind", url],
                stdout=subprocess.PIPE,
                text=True,
                cwd=ROOT,
            )
            for regel in proces.stdout:
                if regel.startswith("RIJ "):
                    rijen.append(json.loads(regel[4:]))
                    r = rijen[-1]
                    say(
                        f"  [{r['db']}] {r['meldingen']:,} cases, {r['naam']}: p95 {r['p95_ms']} ms"
                    )
                else:
                    print(regel, end="", flush=True)
            fout |= proces.wait() != 0
            say(f"  done in {time.perf_counter() - t:.0f} s")
        if PG in databanken:
            _verwijder_postgres(PG)
    say()
    kop = ("db", "cases", "path", "queries", "p50 ms", "p95 ms", "max ms", "peak KiB")
    say("{:<11}{:>10}  {:<16}{:>8}{:>9}{:>9}{:>9}{:>10}".format(*kop))
    for r in rijen:
        say(
            f"{r['db']:<11}{r['meldingen']:>10,}  {r['naam']:<16}{r['queries']:>8}"
            f"{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}{r['piek_kib']:>10}"
        )
    say()
    for db in sorted({r["db"] for r in rijen}):
        klein = {r["naam"]: r for r in rijen if r["db"] == db and r["meldingen"] == EERST}
        groot = {r["naam"]: r for r in rijen if r["db"] == db and r["meldingen"] == GROOT}
        for naam, r in groot.items():
            doel = DOEL_MS.get(db, 1000)
            k = klein[naam]
            say(f"{_oordeel(r['p95_ms'] < doel)} {db} {naam}: p95 {r['p95_ms']} ms < {doel} ms")
            say(
                f"{_oordeel(r['queries'] == k['queries'])} {db} {naam}: {r['queries']} queries "
                f"at {GROOT:,} cases, {k['queries']} at {EERST:,}"
            )
            groei = r["piek_kib"] / max(k["piek_kib"], 1)
            say(
                f"{_oordeel(groei <= 1.5)} {db} {naam}: peak memory {r['piek_kib']} KiB, "
                f"{groei:.2f}x the figure at {EERST:,}"
            )
    for r in rijen:
        say(json.dumps(r))
    return 1 if fout else 0


if __name__ == "__main__":
    sys.exit(main())
