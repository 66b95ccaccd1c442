"""Benchmark of the figures (vangnet/monitoring): `make bench` runs it after the others.

On SQLite and then PostgreSQL (when the server answers on BENCH_MONITORING_PG, default
postgres://postgres@127.0.0.1:5432/bench_monitoring), at two sizes (100,000 and 1,000,000
synthetic classified cases over three years):

1. a database with that many cases is made once and kept (the data step: `manage.py
   synthetische_meldingen`'s code, rows written by COPY or executemany, then the ended
   quarters fixed). The 1,000,000 one starts as a copy of the 100,000 one. The files are
   kept in BENCH_MONITORING_DATA (default .bench-monitoring/, git-ignored), the PostgreSQL
   databases as <name>_100000 and <name>_1000000; a later run reuses them while the
   generator's version and the current quarter are the same (a table bench_gegevens says
   which), so only the first run of a quarter pays for the data. BENCH_MONITORING_NIEUW=1
   makes them again;
2. the daily provisional count of the quarters not fixed yet is taken (what
   `manage.py monitoring_vastleggen` does every night; its time is printed);
3. the public page, its crossing, the API (one dimension and a crossing) and the
   department's page for the current year (its current quarter from the provisional count)
   are requested in-process with the test client: queries per request (an execute wrapper;
   the unit tests pin the same with django_assert_num_queries), the time of each request
   (p50, p95, max over BENCH_MONITORING_REPS after one warm-up) and the peak of Python
   memory allocated during one request (tracemalloc).

Targets: every path under 1 s on SQLite and under 0.5 s on PostgreSQL (p95) with 1,000,000
cases; the same number of queries with 100,000 and 1,000,000 cases; peak memory per request
not growing with the number of cases (at most 1.5 times the figure at 100,000; the ratio is
printed). One JSON line per measurement ends the output. BENCH_MONITORING_CASES (1000000)
and BENCH_MONITORING_FIRST (100000) change the sizes; BENCH_MONITORING_DB=sqlite or
postgresql measures one database only. The exit status is 0 whatever the targets say; 1
only when a step failed.
"""

import json
import math
import os
import platform
import statistics
import subprocess
import sys
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


def paden(jaar: int, huidig: int, kwartaal: str) -> dict[str, tuple[str, dict]]:
    """The paths measured; the department's two read the current year and quarter."""
    return {
        "pagina": ("/monitoring/", {"per": "gedrag", "periode": str(jaar)}),
        "pagina-kruising": (
            "/monitoring/",
            {"per": "sector", "per2": "route", "periode": str(jaar)},
        ),
        "api": ("/api/v1/monitoring/cijfers", {"per": "sector"}),
        "api-kruising": ("/api/v1/monitoring/cijfers", {"per": "gedrag,melder_status"}),
        "beleid-jaar": (
            "/monitoring/beleid/",
            {"per": "erkenning", "per2": "sector", "periode": str(huidig)},
        ),
        "beleid-kwartaal": ("/monitoring/beleid/", {"per": "gedrag", "periode": kwartaal}),
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
        "p95_ms": round(tijden[math.ceil(len(tijden) * 0.95) - 1], 1),  # nearest rank
        "max_ms": round(tijden[-1], 1),
        "piek_kib": round(piek / 1024),
    }


def _django(database_url: str) -> None:
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
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def vul(database_url: str, begin: int, aantal: int, sleutel: str) -> None:
    """Add cases up to ``aantal`` (there are ``begin``), fix the ended quarters, mark it."""
    _django(database_url)
    from django.db import connection
    from django.utils import timezone

    from vangnet.monitoring import momentopname, synthetisch

    soort, nu = connection.vendor, timezone.now()
    t = time.perf_counter()
    synthetisch.maak_meldingen(
        aantal - begin,
        jaren=3,
        zaad=1 + begin,
        nu=nu,
        voortgang=lambda d, n: _voortgang(soort, d, n),
    )
    say(f"  [{soort}] {aantal - begin:,} cases written in {time.perf_counter() - t:.0f} s")
    t = time.perf_counter()
    for kwartaal in momentopname.vastgelegd():  # a copy: its fixed quarters got more cases
        momentopname.neem(momentopname.Kwartaal.van_code(kwartaal), nu=nu)
    momentopname.leg_vast(nu, wachttijd=momentopname.timedelta(0))
    say(f"  [{soort}] ended quarters fixed in {time.perf_counter() - t:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS bench_gegevens (sleutel varchar(200))")
        cursor.execute("DELETE FROM bench_gegevens")
        cursor.execute("INSERT INTO bench_gegevens (sleutel) VALUES (%s)", [sleutel])


def kind(database_url: str, aantal: int) -> None:
    """Measure one database: the provisional count, then every path; JSON rows on stdout."""
    _django(database_url)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from vangnet.accounts.models import DEPARTEMENT_GROUP
    from vangnet.accounts.tests.factories import meld_aan_in_beheer
    from vangnet.monitoring import momentopname

    soort = connection.vendor
    nu = timezone.now()
    client = Client()
    user, _nieuw = get_user_model().objects.get_or_create(
        username="bench-departement", defaults={"is_staff": True}
    )
    user.groups.add(Group.objects.get(name=DEPARTEMENT_GROUP))
    meld_aan_in_beheer(client, user)
    jaar, huidig = timezone.localtime(nu).year - 1, timezone.localtime(nu).year
    t = time.perf_counter()
    kwartalen = momentopname.neem_voorlopig(nu)
    duur = time.perf_counter() - t
    say(f"  [{soort}] provisional count of {len(kwartalen)} quarter(s) in {duur:.1f} s")
    print("TEL " + json.dumps({"db": soort, "meldingen": aantal, "s": round(duur, 1)}))
    kwartaal = momentopname.Kwartaal.van_moment(nu).code
    for naam, (pad, vraag) in paden(jaar, huidig, kwartaal).items():
        rij = {"db": soort, "meldingen": aantal, "naam": naam, "pad": pad, "vraag": vraag}
        rij.update(meet(client, pad, vraag))
        print("RIJ " + json.dumps(rij), flush=True)


_laatste: dict[str, int] = {}


def _voortgang(soort: str, gedaan: int, totaal: int) -> None:
    procent = 100 * gedaan // totaal
    if procent // 10 != _laatste.get(soort, -1) or gedaan == totaal:
        _laatste[soort] = procent // 10
        say(f"  [{soort}] cases {gedaan:>9,}/{totaal:,} ({procent}%)")


DATA = Path(os.environ.get("BENCH_MONITORING_DATA", ROOT / ".bench-monitoring"))
# Change when synthetisch.py makes other cases: kept databases are then made again.
VERSIE = "2"


def _sleutel(aantal: int) -> str:
    from datetime import datetime

    vandaag = datetime.now().astimezone()
    return f"{VERSIE}:{aantal}:{vandaag.year}-K{(vandaag.month - 1) // 3 + 1}"


def _url(db: str, aantal: int) -> str:
    if db == "sqlite":
        return f"sqlite:///{DATA / f'monitoring-{aantal}.sqlite3'}"
    return f"{PG}_{aantal}"


def _pg_beheer(url: str):
    import psycopg

    basis, naam = url.rsplit("/", 1)
    return psycopg.connect(f"{basis}/postgres", autocommit=True, connect_timeout=3), naam


def _postgres_klaar(url: str) -> bool:
    try:
        c, _naam = _pg_beheer(url)
        c.close()
    except Exception as fout:  # noqa: BLE001 - no server, no driver: not measured
        say(f"PostgreSQL not measured: {fout}")
        return False
    return True


def _kept_sleutel(url: str) -> str | None:
    """The key written in a kept database, if it is complete."""
    try:
        if url.startswith("sqlite"):
            import sqlite3

            pad = url.removeprefix("sqlite:///")
            if not Path(pad).exists():
                return None
            with sqlite3.connect(pad) as c:
                rij = c.execute("SELECT sleutel FROM bench_gegevens").fetchone()
        else:
            import psycopg

            with psycopg.connect(url, connect_timeout=3) as c:
                rij = c.execute("SELECT sleutel FROM bench_gegevens").fetchone()
    except Exception:  # noqa: BLE001 - missing database or table: not kept
        return None
    return rij[0] if rij else None


def _leeg(url: str, kopie_van: str | None) -> None:
    """An empty database at ``url``, or a copy of ``kopie_van``."""
    if url.startswith("sqlite"):
        import shutil

        pad = Path(url.removeprefix("sqlite:///"))
        pad.parent.mkdir(parents=True, exist_ok=True)
        for oud in pad.parent.glob(pad.name + "*"):
            oud.unlink()
        if kopie_van:
            shutil.copyfile(kopie_van.removeprefix("sqlite:///"), pad)
        return
    c, naam = _pg_beheer(url)
    with c:
        c.execute(f'DROP DATABASE IF EXISTS "{naam}"')
        sjabloon = f' TEMPLATE "{kopie_van.rsplit("/", 1)[1]}"' if kopie_van else ""
        c.execute(f'CREATE DATABASE "{naam}"{sjabloon}')


def _kind(*argumenten: str, rijen: list | None = None, tellingen: list | None = None) -> bool:
    proces = subprocess.Popen(
        [sys.executable, __file__, *argumenten], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    for regel in proces.stdout:
        if regel.startswith("RIJ ") and rijen is not None:
            rijen.append(json.loads(regel[4:]))
            r = rijen[-1]
            say(f"  [{r['db']}] {r['meldingen']:,} cases, {r['naam']}: p95 {r['p95_ms']} ms")
        elif regel.startswith("TEL ") and tellingen is not None:
            tellingen.append(json.loads(regel[4:]))
        else:
            print(regel, end="", flush=True)
    return proces.wait() == 0


def _oordeel(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--kind":
        kind(sys.argv[2], int(sys.argv[3]))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--vul":
        vul(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
        return 0
    say(f"monitoring bench: {EERST:,} then {GROOT:,} synthetic cases; {platform.python_version()}")
    rijen, tellingen, fout = [], [], False
    databanken = ["sqlite"] if DB != "postgresql" else []
    if DB != "sqlite" and _postgres_klaar(PG):
        databanken.append("postgresql")
    for db in databanken:
        t = time.perf_counter()
        vorige = None
        for aantal in (EERST, GROOT):
            url = _url(db, aantal)
            if os.environ.get("BENCH_MONITORING_NIEUW") or _kept_sleutel(url) != _sleutel(aantal):
                kopie = vorige if vorige and _kept_sleutel(vorige[0]) == vorige[2] else None
                _leeg(url, kopie[0] if kopie else None)
                begin = kopie[1] if kopie else 0
                say(f"  [{db}] making the {aantal:,} cases' database ({begin:,} copied)")
                fout |= not _kind("--vul", url, str(begin), str(aantal), _sleutel(aantal))
            else:
                say(f"  [{db}] the {aantal:,} cases' database is kept from an earlier run")
            fout |= not _kind("--kind", url, str(aantal), rijen=rijen, tellingen=tellingen)
            vorige = (url, aantal, _sleutel(aantal))
        say(f"  [{db}] done in {time.perf_counter() - t:.0f} s")
    say()
    kop = ("db", "cases", "path", "queries", "p50 ms", "p95 ms", "max ms", "peak KiB")
    say("{:<11}{:>10}  {:<16}{:>8}{:>9}{:>9}{:>9}{:>10}".format(*kop))
    for r in rijen:
        say(
            f"{r['db']:<11}{r['meldingen']:>10,}  {r['naam']:<16}{r['queries']:>8}"
            f"{r['p50_ms']:>9}{r['p95_ms']:>9}{r['max_ms']:>9}{r['piek_kib']:>10}"
        )
    say()
    for r in tellingen:
        say(f"{r['db']:<11}{r['meldingen']:>10,}  daily provisional count: {r['s']} s")
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
    for r in [*rijen, *tellingen]:
        say(json.dumps(r))
    return 1 if fout else 0


if __name__ == "__main__":
    sys.exit(main())
