"""Benchmark of the public pages: `make bench` (method and figures: docs/benchmarks.md).

1. A temporary SQLite database is migrated and filled with `load_content`; the number of
   queries of a few pages is counted in-process, and the wegwijzer's router
   (`vangnet.wegwijzer.routing.route`) is timed in-process over a fixed, seeded set of
   BENCH_ROUTING answer combinations, each timed 3 times (plus `vragen.volgende`, which
   calls the router for every answer it tries, mid-interview and part-way through 2,000
   interviews).
2. 10,000 synthetic offering items (Aanbod, with prices, providers and glossary links) are
   bulk-inserted, the search index is rebuilt, and the queries are counted again: a page
   must not need more queries with more items. The router is timed again (it reads only
   contact points, so neither its time nor its routes may change). Each page is then
   timed in-process, one request at a time (its service time, and the part spent in SQL).
3. gunicorn serves the app on 127.0.0.1 (a free port; 2 workers, gthread with one thread
   each, so keep-alive works and Server-Timing is the request's own time, not time spent
   waiting for the GIL); the load generator in scripts/loadgen.py holds 32 keep-alive
   connections to each path for BENCH_SECONDS after a warm-up and records client latencies,
   statuses and the server's own time (Server-Timing). The wegwijzer's question, check and
   result pages are sent the signed answers cookie of a person who answered eight
   questions (made in-process with the SECRET_KEY that gunicorn inherits).
4. The figures are compared with the floor (`/gezond`, the full middleware stack and no
   database) of the same run, the targets are checked (PASS/FAIL), and one JSON object per
   path (and per routing timing) is printed at the end.

Environment: BENCH_SECONDS (8), BENCH_WARMUP (2), BENCH_CONNECTIONS (32), BENCH_ITEMS (10000),
BENCH_WORKERS (2), BENCH_THREADS (1), BENCH_WORKER_CLASS (gthread), BENCH_INPROC_REPS (20),
BENCH_ROUTING (2000 answer combinations), BENCH_DATA (data/), BENCH_KEEP (keep the temporary
folder), BENCH_PATHS (only these paths of the plan, comma-separated, e.g. `ww-route`: the
floor and those paths are measured on the real content, without the synthetic items, the
search quality or the routing timings; a quick check of one page against the floor, with
also the server's time for one request at a time over one connection, BENCH_SEQUENTIAL
(400) requests alternating with the floor), BENCH_DATABASE_URL (another database than a
temporary SQLite file, e.g. an empty PostgreSQL database: it is flushed first), BENCH_ONLY
(comma-separated paths to measure under load after the full set-up with the synthetic items,
e.g. `zoeken,api-zoeken,zoeken-vers,api-zoeken-vers`; the floor is always measured and the
targets of the other paths are left out).
The exit status is 0 whatever the targets say; it is 1 only when the server failed.
"""

import asyncio
import contextlib
import gzip
import hashlib
import html
import http.client
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import loadgen  # noqa: E402

HOST = "127.0.0.1"
SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))
WARMUP = float(os.environ.get("BENCH_WARMUP", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "32"))
ITEMS = int(os.environ.get("BENCH_ITEMS", "10000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
THREADS = int(os.environ.get("BENCH_THREADS", "1"))
WORKER_CLASS = os.environ.get("BENCH_WORKER_CLASS", "gthread")
DATA_DIR = Path(os.environ.get("BENCH_DATA", str(ROOT / "data")))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "")
ONLY_LOAD = {name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()}

DETAIL_SLUG = "1712"
SEARCHES = [
    "vertrouwenspersoon",
    "intimiteitscoördinatie",
    "opleiding",
    "grensoverschrijdend gedrag",
    "peer support",
    "bemiddeling",
    "machtsmisbruik",
    "melden",
    "preventieadviseur",
    "seksuele intimidatie",
    "hulplijn",
    "toolbox gedragscode",
]
# Enough distinct addresses that a run never repeats one (so no page-cache hit).
UNIQUE = [(i, SEARCHES[i % len(SEARCHES)]) for i in range(60_000)]
# Targets (from the issue).
SEARCH_SERVER_P95_MS = 30.0
# A search never asked before (issue 13): server p95, and the index rebuild for ITEMS items.
SEARCH_FRESH_P95_MS = 15.0
REBUILD_SECONDS = 10.0
PAGE_P95_MS = 50.0
# A personal page (the interview's answers travel in a signed cookie) is rendered per request
# and cannot be cached whole: the brief asks a p95 under 100 ms of it, not the floor's rate
# (issue 11), so it is held to that line and not to PAGE_FLOOR_SHARE.
PERSOONLIJK = ("ww-vraag", "ww-controleren", "ww-route")
PAGE_P95_MS_PER_PAGE = dict.fromkeys(PERSOONLIJK, 100.0)
ONLY = [naam for naam in os.environ.get("BENCH_PATHS", "").split(",") if naam.strip()]
SEQUENTIAL = int(os.environ.get("BENCH_SEQUENTIAL", "400"))
PAGE_FLOOR_SHARE = 0.5
PAGE_WEIGHT_BYTES = 50_000
INPROC_REPS = int(os.environ.get("BENCH_INPROC_REPS", "20"))
ROUTING_COMBINATIONS = int(os.environ.get("BENCH_ROUTING", "2000"))
ROUTING_P99_US = 1000.0  # "under 1 ms"
ROUTING_PASSES = 3
VOLGENDE_REPS = 200
# The pages measured against the floor's rate and the 50 ms p95 (the targets).
PAGE_TARGETS = ("kaart", "kaart-filter", "begrippen")
WEGWIJZER_TARGETS = ("wegwijzer", "ww-vraag", "ww-controleren", "ww-route", "vangnet")
# A person who answered eight questions (in this order, as the interview stores them; the
# role fills in the context, as the interview does). The question page, the check page and
# the result page are loaded with this person's cookie.
GESPREK = (
    ("gevaar", False),
    ("rol", "werknemer"),
    ("perspectief", "slachtoffer"),
    ("gedrag", frozenset({"seksueel", "machtsmisbruik"})),
    ("wanneer", "minder-dan-maand"),
    ("wens", frozenset({"praten", "advies"})),
    ("anoniem", True),
    ("eigen_aanspreekpunt", None),  # "Ik weet het niet"
)
# Mid-interview: the first five answers; `volgende` then looks for the next question.
MIDDEN = 5
JSON_KEYS = (
    "naam", "pad", "rps", "p50_ms", "p95_ms", "p99_ms", "server_p50_ms", "server_p95_ms",
    "server_p99_ms", "vloer_rps", "ratio_vs_vloer", "cpu_ratio_vs_vloer", "bytes",
    "html_bytes", "html_gz_bytes", "css_js_gz_bytes", "queries", "inproc_p50_ms",
    "inproc_p95_ms", "inproc_sql_ms",
    "server_cpu_ms", "requests", "fouten", "statussen", "server_cpu", "werker_cpu",
    "pogingen", "client_cpu", "andere_cpu", "load_voor",
)  # fmt: skip

HEADERS = {
    "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8",
    "Accept-Language": "nl-BE,nl;q=0.9",
    "User-Agent": "vangnet-bench",
}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.machine()


def say(message: str = "") -> None:
    print(message, flush=True)


def progress(name: str, done: int, total: int) -> None:
    """A progress line; redrawn in place on a terminal, every 20% otherwise."""
    tty = sys.stdout.isatty()
    step = max(1, total // 5)
    if tty:
        end = "\n" if done >= total else ""
        print(f"\r  {name:<28} {done:>6}/{total}", end=end, flush=True)
    elif done >= total or done % step == 0:
        print(f"  {name:<28} {done:>6}/{total}", flush=True)


# -- set-up ----------------------------------------------------------------------------------


def configure(tmp: Path) -> None:
    """Environment of this process and of gunicorn: the dev settings on a temporary DB.

    vangnet.settings.dev serves static files through WhiteNoise's finders (no
    collectstatic); STATIC_ROOT still points into the temporary folder so that nothing is
    written into the working tree.
    """
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "vangnet.settings.dev",
            "DATABASE_URL": DATABASE_URL or f"sqlite:///{tmp / 'bench.sqlite3'}",
            "DEBUG": "false",
            "ALLOWED_HOSTS": HOST,
            "SERVER_TIMING": "true",
            "STATIC_ROOT": str(tmp / "static"),
        }
    )


def prepare_database() -> None:
    from django.core.management import call_command

    t = time.perf_counter()
    if DATABASE_URL:
        say("flush (BENCH_DATABASE_URL) ...")
        call_command("migrate", interactive=False, verbosity=0)
        call_command("flush", interactive=False, verbosity=0)
    say("migrate ...")
    call_command("migrate", interactive=False, verbosity=0)
    say(f"  done in {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    say(f"load_content ({DATA_DIR}) ...")
    call_command("load_content", data=str(DATA_DIR))
    say(f"  done in {time.perf_counter() - t:.1f} s")


# Synthetic offering: (nl, fr, en[, code]) fragments combined into titles and summaries.
FORMATS = [
    ("Opleiding", "Formation", "Training", "vorming"),
    ("Vormingsdag", "Journée de formation", "Training day", "vorming"),
    ("Opleidingstraject", "Parcours de formation", "Training programme", "vorming"),
    ("Workshop", "Atelier", "Workshop", "workshop"),
    ("Webinar", "Webinaire", "Webinar", "workshop"),
    ("Intervisie", "Intervision", "Peer review", "begeleiding"),
    ("Supervisie", "Supervision", "Supervision", "begeleiding"),
    ("Coaching", "Coaching", "Coaching", "begeleiding"),
    ("Handleiding", "Guide", "Guide", "instrument"),
    ("Stappenplan", "Plan par étapes", "Step-by-step plan", "instrument"),
    ("Checklist", "Liste de contrôle", "Checklist", "instrument"),
    ("Brochure", "Brochure", "Brochure", "publicatie"),
    ("Praatgroep", "Groupe de parole", "Talking group", "peer-support"),
    ("Lerend netwerk", "Réseau apprenant", "Learning network", "peer-support"),
]
TOPICS = [
    ("grensoverschrijdend gedrag", "les comportements abusifs", "transgressive behaviour"),
    (
        "de rol van de vertrouwenspersoon",
        "le rôle de la personne de confiance",
        "the role of the confidential adviser",
    ),
    ("intimiteitscoördinatie", "la coordination d'intimité", "intimacy coordination"),
    ("omstaandersinterventie", "l'intervention des témoins", "bystander intervention"),
    (
        "machtsmisbruik in creatieve processen",
        "l'abus de pouvoir dans les processus créatifs",
        "abuse of power in creative processes",
    ),
    ("een veilige werkplek", "un lieu de travail sûr", "a safe workplace"),
    ("psychosociaal welzijn", "le bien-être psychosocial", "psychosocial well-being"),
    ("pesten en uitsluiting", "le harcèlement et l'exclusion", "bullying and exclusion"),
    ("seksuele intimidatie", "le harcèlement sexuel", "sexual harassment"),
    ("discriminatie en racisme", "la discrimination et le racisme", "discrimination and racism"),
    ("herstelgericht werken", "l'approche restauratrice", "restorative practice"),
    ("bemiddeling na een conflict", "la médiation après un conflit", "mediation after a conflict"),
    ("een gedragscode opstellen", "rédiger un code de conduite", "drafting a code of conduct"),
    ("feedback geven en ontvangen", "donner et recevoir du feedback", "giving and taking feedback"),
    ("grenzen aangeven", "poser ses limites", "setting boundaries"),
    ("peer support", "le soutien par les pairs", "peer support"),
    ("integriteit in het bestuur", "l'intégrité au conseil", "integrity on the board"),
    ("een risicoanalyse", "une analyse des risques", "a risk analysis"),
    ("melden en opvolgen", "signaler et assurer le suivi", "reporting and follow-up"),
    ("veerkracht na een incident", "la résilience après un incident", "resilience afterwards"),
    ("preventiebeleid", "la politique de prévention", "prevention policy"),
    ("ongewenst gedrag op tournee", "les abus en tournée", "misconduct on tour"),
    ("werken met minderjarigen", "travailler avec des mineurs", "working with minors"),
    ("een open teamcultuur", "une culture d'équipe ouverte", "an open team culture"),
    ("machtsverhoudingen op de set", "les rapports de pouvoir sur le plateau", "power on set"),
    ("het onthaal van een melding", "l'accueil d'un signalement", "receiving a report"),
]
AUDIENCES = [
    ("voor leidinggevenden", "pour les responsables", "for managers", "leidinggevenden"),
    (
        "voor vertrouwenspersonen",
        "pour les personnes de confiance",
        "for confidential advisers",
        "vertrouwenspersonen",
    ),
    ("voor vrijwilligers", "pour les bénévoles", "for volunteers", "vrijwilligers"),
    ("voor freelancers", "pour les indépendants", "for freelancers", "freelancers"),
    ("voor bestuursleden", "pour les administrateurs", "for board members", "bestuursleden"),
    ("voor studenten", "pour les étudiants", "for students", "studenten"),
    (
        "voor preventieadviseurs",
        "pour les conseillers en prévention",
        "for prevention advisers",
        "preventieadviseurs",
    ),
    ("voor het hele team", "pour toute l'équipe", "for the whole team", "medewerkers"),
    ("voor organisaties", "pour les organisations", "for organisations", "organisaties"),
    ("voor omstaanders", "pour les témoins", "for bystanders", "omstaanders"),
    ("voor lotgenoten", "pour les victimes", "for survivors", "slachtoffers"),
]
SETTINGS = [
    "in het jeugdtheater",
    "in de muzieksector",
    "op de filmset",
    "in het circusatelier",
    "in een kleine vzw",
    "in een museum",
    "bij een festival",
    "in het amateurkoor",
    "in de redactie",
    "in het kunstonderwijs",
]
SENTENCES = [
    "Je oefent met situaties uit je eigen praktijk {setting}.",
    "Een ervaren begeleider deelt voorbeelden en geeft handvaten voor {topic}.",
    "Na afloop weet je hoe je een gesprek over {topic} aanpakt en waar je kan doorverwijzen.",
    "Deelnemers krijgen een werkboek, een checklist en een stappenplan mee.",
    "We vertrekken van het beleidskader van de sector en vertalen het naar afspraken {setting}.",
    "Er is ruimte voor vragen, intervisie en uitwisseling tussen deelnemers.",
    "De sessie is vertrouwelijk: wat gedeeld wordt, blijft in de groep.",
    "Je leert signalen herkennen en weet wat je kan doen als iemand je iets vertelt.",
]
SUMMARIES = [
    (
        "Een {fmt} over {topic}, met oefeningen en voorbeelden {setting}.",
        "Un(e) {fmt} sur {topic}, avec des exercices et des exemples.",
        "A {fmt} on {topic}, with exercises and examples.",
    ),
    (
        "Je leert hoe je omgaat met {topic} en wat je kan doen als het toch gebeurt.",
        "Vous apprenez à faire face à {topic} et à réagir si cela arrive.",
        "You learn how to deal with {topic} and what to do when it happens.",
    ),
    (
        "Praktische {fmt} rond {topic} {audience}.",
        "{fmt} pratique sur {topic} {audience}.",
        "A practical {fmt} on {topic} {audience}.",
    ),
]
DUUR = ["3 uur", "1 dag", "2 dagen", "5 sessies", "een halve dag", "10 weken", ""]


def synthetic_items(n: int, seed: int = 1712):
    """Yield (values, provider ids, prices, term ids) for ``n`` synthetic offering items."""
    from vangnet.begrippen.models import Begrip
    from vangnet.kaart import choices as c
    from vangnet.kaart.models import Organisatie, ParitairComite

    rng = random.Random(seed)
    org_ids = list(Organisatie.objects.values_list("pk", flat=True))
    pc_ids = list(ParitairComite.objects.values_list("pk", flat=True))
    term_ids = list(Begrip.objects.values_list("pk", flat=True))
    niveaus = c.Beleidsniveau.values
    sectoren = c.Sector.values
    for i in range(n):
        fmt, topic, audience = rng.choice(FORMATS), rng.choice(TOPICS), rng.choice(AUDIENCES)
        setting = rng.choice(SETTINGS)
        titles = [f"{fmt[k]} – {topic[k]} {audience[k]}" for k in range(3)]
        template = rng.choice(SUMMARIES)
        summaries = [
            template[k].format(
                fmt=fmt[k].lower(), topic=topic[k], audience=audience[k], setting=setting
            )
            for k in range(3)
        ]
        body = " ".join(s.format(topic=topic[0], setting=setting) for s in rng.sample(SENTENCES, 3))
        values = {"slug": f"bench-{i:05d}", "soort": fmt[3]}
        for k, code in enumerate(("nl", "fr", "en")):
            values[f"titel_{code}"] = titles[k][:200]
            values[f"samenvatting_{code}"] = summaries[k][:300]
        values["titel"], values["samenvatting"] = values["titel_nl"], values["samenvatting_nl"]
        values["beschrijving"] = values["beschrijving_nl"] = body
        values["duur"] = values["duur_nl"] = rng.choice(DUUR)
        values["beleidsniveaus"] = sorted(rng.sample(niveaus, rng.randint(1, 2)))
        values["doelgroepen"] = sorted({audience[3], *rng.sample(c.AanbodDoelgroep.values, 1)})
        values["sectoren"] = [] if rng.random() < 0.3 else sorted(rng.sample(sectoren, 2))
        values["talen"] = ["nl"] if rng.random() < 0.6 else ["nl", "fr", "en"]
        values["bron"] = ["actieplan actie 2.3.a"]
        values["url"] = f"https://example.org/aanbod/{i}"
        prices = []
        if rng.random() < 0.85:
            prices.append((None, Decimal(rng.choice([0, 0, 25, 60, 120, 250, 450, 750]))))
            if pc_ids and rng.random() < 0.3:
                prices.append((rng.choice(pc_ids), Decimal(0)))
        providers = rng.sample(org_ids, min(len(org_ids), rng.randint(1, 2)))
        terms = rng.sample(term_ids, min(len(term_ids), rng.randint(0, 2)))
        yield values, providers, prices, terms


def seed_offering(n: int) -> float:
    """Bulk-insert ``n`` synthetic offering items, then rebuild the search index; returns the
    rebuild's seconds."""
    from django.db import transaction
    from django.utils import translation

    from vangnet.kaart.models import Aanbod, Prijs
    from vangnet.zoeken.indexing import reindex_all

    batch = 1000
    t = time.perf_counter()
    say(f"adding {n} synthetic offering items (bulk_create) ...")
    rows = list(synthetic_items(n))
    with translation.override("nl"), transaction.atomic():
        for start in range(0, n, batch):
            chunk = rows[start : start + batch]
            items = Aanbod.objects.bulk_create(
                Aanbod(
                    **values,
                    kosteloos=bool(prices) and all(bedrag == 0 for _pc, bedrag in prices),
                )
                for values, _providers, prices, _terms in chunk
            )
            Aanbod.aanbieders.through.objects.bulk_create(
                Aanbod.aanbieders.through(aanbod_id=item.pk, organisatie_id=org)
                for item, (_v, providers, _p, _t) in zip(items, chunk, strict=True)
                for org in providers
            )
            Aanbod.begrippen.through.objects.bulk_create(
                Aanbod.begrippen.through(aanbod_id=item.pk, begrip_id=term)
                for item, (_v, _o, _p, terms) in zip(items, chunk, strict=True)
                for term in terms
            )
            Prijs.objects.bulk_create(
                Prijs(aanbod_id=item.pk, paritair_comite_id=pc, bedrag=bedrag)
                for item, (_v, _o, prices, _t) in zip(items, chunk, strict=True)
                for pc, bedrag in prices
            )
            progress("aanbod (synthetisch)", min(start + batch, n), n)
    say(f"  done in {time.perf_counter() - t:.1f} s")
    t, cpu = time.perf_counter(), time.process_time()
    say("rebuilding the search index (reindex_all) ...")
    count = reindex_all(progress)
    seconds = time.perf_counter() - t
    # The CPU of this process (the database's own work too on SQLite, not on PostgreSQL):
    # steadier than the wall time when other processes share the cores.
    say(
        f"  {count} items indexed in {seconds:.1f} s ({time.process_time() - cpu:.1f} s CPU "
        f"of this process, load average {os.getloadavg()[0]:.1f})"
    )
    return seconds


def content_counts() -> dict:
    from vangnet.begrippen.models import Begrip
    from vangnet.kaart.models import Aanbod, Aanspreekpunt
    from vangnet.zoeken.models import Zoekdocument, Zoekingang

    return {
        "aanspreekpunten": Aanspreekpunt.objects.count(),
        "aanbod": Aanbod.objects.count(),
        "begrippen": Begrip.objects.count(),
        "zoekdocumenten": Zoekdocument.objects.count(),
        "zoekingangen": Zoekingang.objects.count(),
    }


def count_queries(paths: dict[str, tuple[str, dict]]) -> dict[str, tuple[int, int]]:
    """(status, number of queries) per (path, extra headers), rendered in-process with the
    test Client.

    The page and fragment caches are emptied before the counted request: a cache hit costs
    one query whatever the data, so only a fresh render shows whether queries grow with it.
    """
    from django.core.cache import caches
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="nl")
    counts = {}
    for name, (path, headers) in paths.items():
        client.get(path, headers=headers)  # warm the template loader, translations, statements
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, headers=headers)
        counts[name] = (response.status_code, len(queries))
    return counts


def service_times(plan: list[tuple[str, list[str], dict]], reps: int) -> dict[str, tuple]:
    """(p50, p95, p50 of the SQL part) in ms of ``reps`` requests one after the other,
    in-process: the cost of a page without queueing, other threads or the network."""
    from django.db import connection
    from django.test import Client

    sql = [0.0]

    def timer(execute, query, params, many, context):
        t = time.perf_counter()
        try:
            return execute(query, params, many, context)
        finally:
            sql[0] += time.perf_counter() - t

    client = Client(HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="nl")
    times = {}
    for name, paths, headers in plan:
        client.get(paths[0], headers=headers)
        samples, sql_samples = [], []
        with connection.execute_wrapper(timer):
            for i in range(reps):
                sql[0] = 0.0
                t = time.perf_counter()
                client.get(paths[i % len(paths)], headers=headers)
                samples.append((time.perf_counter() - t) * 1000)
                sql_samples.append(sql[0] * 1000)
        times[name] = (
            loadgen.percentile(samples, 50),
            loadgen.percentile(samples, 95),
            loadgen.percentile(sql_samples, 50),
        )
        progress("in-process", len(times), len(plan))
    return times


# -- the wegwijzer -----------------------------------------------------------------------------


def gesprek(answers=GESPREK):
    """The interview after ``answers``, built the way the question page builds it."""
    from vangnet.wegwijzer.bewaring import Gesprek
    from vangnet.wegwijzer.vragen import afgeleid

    g = Gesprek()
    for vraag_id, waarde in answers:
        g = afgeleid(g.beantwoord_met(vraag_id, waarde), vraag_id)
    return g


def wegwijzer_cookie() -> dict[str, str]:
    """The ``Cookie`` header of the person in GESPREK: the signed answers cookie, made with
    ``bewaring.bewaar`` in this process, and a CSRF cookie as a browser would send it.

    gunicorn must verify the signature with the same SECRET_KEY: it inherits this process's
    environment, where the dev settings put their key (or it was set before).
    """
    from django.conf import settings
    from django.http import HttpResponse
    from django.utils.crypto import get_random_string

    from vangnet.wegwijzer import bewaring

    if os.environ.get("SECRET_KEY") != settings.SECRET_KEY:
        raise RuntimeError("SECRET_KEY is not in the environment gunicorn will inherit")
    response = HttpResponse()
    bewaring.bewaar(response, gesprek())
    name = bewaring.cookienaam()
    # coded_value: the value as the Set-Cookie header sends it, quoted, as a browser returns it.
    answers = response.cookies[name].coded_value
    csrf = get_random_string(32)
    return {"Cookie": f"{settings.CSRF_COOKIE_NAME}={csrf}; {name}={answers}"}


def routing_answers(n: int, seed: int = 2026) -> list:
    """``n`` answer combinations drawn over the whole vocabulary (every field unanswered in
    about a third of them; list fields get any subset, empty included)."""
    from vangnet.wegwijzer.antwoorden import LIJSTEN, VOCABULAIRE, Antwoorden

    rng = random.Random(seed)
    combinations = []
    for _ in range(n):
        values = {}
        for name, vocabulary in VOCABULAIRE.items():
            if vocabulary is bool:
                values[name] = rng.choice([None, True, False])
            elif name in LIJSTEN:
                choices = list(vocabulary.values)
                values[name] = frozenset(rng.sample(choices, rng.randint(0, len(choices))))
            elif rng.random() < 1 / 3:
                values[name] = None
            else:
                values[name] = rng.choice(vocabulary.values)
        combinations.append(Antwoorden(**values))
    return combinations


def time_routing(n: int) -> dict:
    """In-process timings in microseconds, on the data as it is now:

    - ``route(a, punten())`` for ``n`` seeded answer combinations, each timed ROUTING_PASSES
      times after one warm-up pass: the p50/p99 over the combinations of the fastest of the
      timings of each (a call that lost the CPU to another process in one pass does not
      count as the cost of that combination), and the p50/p99/max over every call;
    - ``vragen.volgende`` for the person in GESPREK after MIDDEN answers, VOLGENDE_REPS
      times, and once for each combination cut to its first 0-7 questions (the route calls
      it makes vary with how many questions it must skip).
    """
    from django.utils import translation

    from vangnet.kaart.models import Aanbod
    from vangnet.wegwijzer import kaartbeeld, vragen
    from vangnet.wegwijzer.antwoorden import Antwoorden
    from vangnet.wegwijzer.routing import route

    combinations = routing_answers(n)
    rng = random.Random(7)
    states = []  # (answers, answered) part-way through an interview
    for a in combinations:
        ids = [v.id for v in vragen.VRAGEN[: rng.randint(0, vragen.MAX_VRAGEN - 1)]]
        states.append((Antwoorden(**{f: getattr(a, f) for f in ids}), ids))
    calls = [0]

    def counting_route(a, p):
        calls[0] += 1
        return route(a, p)

    def count_calls(answers, answered, punten, derived=()):
        calls[0] = 0
        vragen.route = counting_route
        try:
            vraag = vragen.volgende(answers, answered, punten, derived)
        finally:
            vragen.route = route
        return vraag, calls[0]

    with translation.override("nl"):
        kaartbeeld.vergeet()
        t = time.perf_counter_ns()
        punten = kaartbeeld.punten()  # built once per content version and language
        build_ms = (time.perf_counter_ns() - t) / 1e6
        lengths, digest = [], hashlib.sha256()
        for a in combinations:  # the warm-up pass
            r = route(a, punten)
            lengths.append(len(r.stappen))
            digest.update(repr((r.ids(), [x.punt.id for x in r.niet_passend])).encode())
        every, best = [], [math.inf] * n
        for _ in range(ROUTING_PASSES):
            for i, a in enumerate(combinations):
                t = time.perf_counter_ns()
                route(a, punten)
                us = (time.perf_counter_ns() - t) / 1000
                every.append(us)
                best[i] = min(best[i], us)

        midden = gesprek(GESPREK[:MIDDEN])
        nxt, midden_calls = count_calls(
            midden.antwoorden, midden.beantwoord, punten, midden.afgeleid
        )
        volgende = []
        for _ in range(VOLGENDE_REPS):
            t = time.perf_counter_ns()
            vragen.volgende(midden.antwoorden, midden.beantwoord, punten, midden.afgeleid)
            volgende.append((time.perf_counter_ns() - t) / 1000)
        state_calls = [count_calls(a, ids, punten)[1] for a, ids in states]
        state_times = []
        for a, ids in states:
            t = time.perf_counter_ns()
            vragen.volgende(a, ids, punten)
            state_times.append((time.perf_counter_ns() - t) / 1000)
    return {
        "naam": "routing",
        "aanbod": Aanbod.objects.count(),
        "aanspreekpunten": len(punten),
        "combinaties": n,
        "passes": ROUTING_PASSES,
        "p50_us": round(loadgen.percentile(best, 50), 1),
        "p99_us": round(loadgen.percentile(best, 99), 1),
        "max_best_us": round(max(best), 1),
        "alle_p50_us": round(loadgen.percentile(every, 50), 1),
        "alle_p99_us": round(loadgen.percentile(every, 99), 1),
        "alle_max_us": round(max(every), 1),
        "stappen_gem": round(sum(lengths) / n, 1),
        "stappen_max": max(lengths),
        "routes_sha256": digest.hexdigest()[:16],
        "kaartbeeld_ms": round(build_ms, 1),
        "volgende_na": [v for v, _ in GESPREK[:MIDDEN]],
        "volgende_vraag": nxt.id if nxt else None,
        "volgende_route_calls": midden_calls,
        "volgende_p50_us": round(loadgen.percentile(volgende, 50), 1),
        "volgende_p99_us": round(loadgen.percentile(volgende, 99), 1),
        "volgende_toestanden": n,
        "volgende_toestanden_p50_us": round(loadgen.percentile(state_times, 50), 1),
        "volgende_toestanden_p99_us": round(loadgen.percentile(state_times, 99), 1),
        "volgende_toestanden_calls_gem": round(sum(state_calls) / n, 1),
        "volgende_toestanden_calls_max": max(state_calls),
    }


def say_routing(row: dict) -> None:
    say(
        f"  route(): {row['combinaties']} answer combinations x {row['passes']}, "
        f"{row['aanspreekpunten']} contact points, {row['aanbod']} aanbod: p50 "
        f"{row['p50_us']:.0f} µs, p99 {row['p99_us']:.0f} µs (fastest of {row['passes']} per "
        f"combination); every call p50 {row['alle_p50_us']:.0f}, p99 {row['alle_p99_us']:.0f}, "
        f"max {row['alle_max_us']:.0f} µs; {row['stappen_gem']} steps on average (at most "
        f"{row['stappen_max']}); routes {row['routes_sha256']}"
    )
    say(
        f"  volgende() after {', '.join(row['volgende_na'])}: asks "
        f"'{row['volgende_vraag']}' after {row['volgende_route_calls']} route() calls, "
        f"p50 {row['volgende_p50_us']:.0f} µs, p99 {row['volgende_p99_us']:.0f} µs; over "
        f"{row['volgende_toestanden']} part-way interviews: p50 "
        f"{row['volgende_toestanden_p50_us']:.0f} µs, p99 "
        f"{row['volgende_toestanden_p99_us']:.0f} µs, {row['volgende_toestanden_calls_gem']} "
        f"route() calls on average, at most {row['volgende_toestanden_calls_max']}"
    )
    say(
        f"  kaartbeeld (the contact points as the router reads them) built in "
        f"{row['kaartbeeld_ms']} ms"
    )


def check_wegwijzer_pages(plan) -> None:
    """The pages with the answers cookie must show this person's interview, not a redirect to
    the start page (a cookie the server cannot verify counts as no answers at all)."""
    from django.test import Client
    from django.utils import translation

    from vangnet.wegwijzer.kaartbeeld import punten
    from vangnet.wegwijzer.routing import route

    client = Client(HTTP_HOST=HOST, HTTP_ACCEPT_LANGUAGE="nl")
    with translation.override("nl"):
        expected = route(gesprek().antwoorden, punten())
    for name, paths, headers in plan:
        if "Cookie" not in headers:
            continue
        response = client.get(paths[0], headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"{name}: HTTP {response.status_code} with the answers cookie")
        if name == "ww-route":
            # The first steps are on the route page, the rest one tap away on route/meer/.
            meer = client.get(paths[0] + "meer/", headers=headers)
            page = response.content.decode() + meer.content.decode()
            missing = [
                s.punt.naam for s in expected.stappen if html.escape(s.punt.naam) not in page
            ]
            if missing:
                raise RuntimeError(f"the route page lacks {missing} for the answers cookie")


def busy_cpu_seconds() -> float:
    """CPU seconds spent by the whole machine (all processes) so far, from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return math.nan
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


# -- the server ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """gunicorn in its own process group; stopped by ``stop`` whatever happens."""

    def __init__(self, tmp: Path):
        self.port = free_port()
        self.log = tmp / "gunicorn.log"
        self.proc: subprocess.Popen | None = None

    @property
    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "vangnet.wsgi:application",
            "--bind",
            f"{HOST}:{self.port}",
            "--workers",
            str(WORKERS),
            "--worker-class",
            WORKER_CLASS,
            "--threads",
            str(THREADS),
            "--keep-alive",
            "5",
            # No recycling during a measurement (gunicorn.conf.py recycles in production).
            "--max-requests",
            "0",
            "--log-level",
            "info",  # to stderr, which goes to self.log
        ]

    def start(self) -> None:
        from django.db import connections

        connections.close_all()
        with self.log.open("w") as log:
            self.proc = subprocess.Popen(
                self.command,
                cwd=ROOT,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}")
            try:
                with urllib.request.urlopen(f"http://{HOST}:{self.port}/gezond", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not answer /gezond within 30 s")

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def worker_pids(self) -> list[int]:
        if not self.alive():
            return []
        pids = []
        for task in Path(f"/proc/{self.proc.pid}/task").glob("*"):
            with contextlib.suppress(OSError):
                pids += [int(p) for p in (task / "children").read_text().split()]
        return pids

    def cpu_seconds(self) -> float:
        """User + system CPU time of gunicorn's master and workers so far."""
        return sum(self.cpu_by_process().values())

    def cpu_by_process(self) -> dict[int, float]:
        """CPU seconds so far of the master and of each worker, by pid."""
        ticks = os.sysconf("SC_CLK_TCK")
        result = {}
        for pid in [self.proc.pid, *self.worker_pids()]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                result[pid] = (int(fields[11]) + int(fields[12])) / ticks
            except (OSError, IndexError, ValueError):
                pass
        return result

    def boots(self) -> int:
        """How many workers were booted (more than WORKERS means a worker died)."""
        try:
            return self.log.read_text(errors="replace").count("Booting worker")
        except OSError:
            return 0

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.terminate()  # graceful: the master stops its workers
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)  # the group this script created
            self.proc.wait(timeout=5)


# -- measuring -------------------------------------------------------------------------------


def fetch(url: str, encoding: str = "identity", headers: dict | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, headers={**HEADERS, **(headers or {}), "Accept-Encoding": encoding}
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def served_status(port: int, path: str, headers: dict) -> int:
    """The status gunicorn answers, without following a redirect."""
    conn = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        conn.request("GET", path, headers={**HEADERS, **headers})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


_ASSET = re.compile(
    r'<link[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"|<script[^>]*\bsrc="([^"]+)"', re.I
)


def page_weight(base: str, path: str, headers: dict | None = None) -> dict:
    """Bytes of the HTML and of the CSS/JS it links, as served; plus the gzip size of the
    CSS/JS (what CompressedManifestStaticFilesStorage serves in production)."""
    _status, page = fetch(base + path, headers=headers)
    text = page.decode("utf-8", errors="replace")
    assets = sorted({a or b for a, b in _ASSET.findall(text)})
    raw = compressed = 0
    for url in assets:
        body = fetch(base + url)[1]
        raw += len(body)
        compressed += len(gzip.compress(body, compresslevel=9))
    return {
        "html": len(page),
        "html_gz": len(gzip.compress(page, compresslevel=9)),
        "css_js": raw,
        "css_js_compressed": compressed,
        "assets": assets,
        "bytes": len(page) + raw,
    }


def balanced(row: dict) -> bool:
    """Did every worker do at least half the work of the busiest one?"""
    cpu = row["werker_cpu"]
    return len(cpu) < 2 or min(cpu) >= 0.5 * max(cpu)


def measure(server: Server, name: str, paths: list[str], headers: dict, attempts: int = 3) -> dict:
    """Measure a path; again (with new connections) when one worker got most connections.

    With keep-alive a connection stays with the worker that accepted it; when one worker
    accepted (nearly) all of them, the run measured one worker instead of two.
    """
    for attempt in range(1, attempts + 1):
        row = measure_once(server, name, paths, headers)
        row["pogingen"] = attempt
        if balanced(row) or attempt == attempts:
            return row
        say(
            f"      workers unevenly loaded (CPU {row['werker_cpu']}, {row['rps']} req/s); "
            "measuring again with new connections"
        )
    return row


def measure_once(server: Server, name: str, paths: list[str], headers: dict) -> dict:
    """Load one path (or a rotation of paths), with HEADERS and ``headers``; summarise."""
    load = os.getloadavg()[0]
    cpu0, busy0, t0 = server.cpu_by_process(), busy_cpu_seconds(), time.perf_counter()
    r = asyncio.run(
        loadgen.run(
            HOST, server.port, paths, CONNECTIONS, SECONDS, WARMUP, headers={**HEADERS, **headers}
        )
    )
    wall = time.perf_counter() - t0
    cpu1 = server.cpu_by_process()
    server_seconds = sum(cpu1.values()) - sum(cpu0.values())
    server_cpu = server_seconds / wall
    # Per worker (the first pid is the master), to see that both workers did the work.
    workers = [round((cpu1[pid] - cpu0.get(pid, 0.0)) / wall, 2) for pid in list(cpu1)[1:]]
    busy = (busy_cpu_seconds() - busy0) / wall
    return {
        "naam": name,
        "pad": paths[0] if len(paths) == 1 else f"{paths[0].split('=')[0]}=<{len(paths)} woorden>",
        "requests": r.requests,
        "rps": round(r.rps, 1),
        "p50_ms": round(r.percentile(50), 1),
        "p95_ms": round(r.percentile(95), 1),
        "p99_ms": round(r.percentile(99), 1),
        "server_p50_ms": round(r.percentile(50, server=True), 2),
        "server_p95_ms": round(r.percentile(95, server=True), 2),
        "server_p99_ms": round(r.percentile(99, server=True), 2),
        "fouten": r.failures,
        "statussen": {str(k): v for k, v in sorted(r.statuses.items())},
        "foutvoorbeelden": r.error_samples,
        "reconnects": r.reconnects,
        "body_bytes_gem": round(r.body_bytes / max(1, r.requests)),
        "client_cpu": round(r.client_cpu, 2),
        "server_cpu": round(server_cpu, 2),
        "werker_cpu": workers,
        "server_cpu_ms": round(server_seconds * 1000 / max(1, r.completed_total), 2),
        "andere_cpu": round(max(0.0, busy - server_cpu - r.client_cpu), 2),
        "load_voor": round(load, 2),
    }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def search_quality(label: str) -> dict:
    """The search-quality suite (vangnet/zoeken/kwaliteit.py) on the data as it is now."""
    from vangnet.zoeken import kwaliteit

    t = time.perf_counter()
    uitslag = kwaliteit.meet()
    elapsed = time.perf_counter() - t
    say(f"  {uitslag.regel()} ({label}; {elapsed:.1f} s)")
    for resultaat in uitslag.gemist():
        say(f"    gemist: {resultaat.proef.naam!r} -> {list(resultaat.getoond[:5])}")
    return {
        "naam": "zoekkwaliteit",
        "inhoud": label,
        "vragen": uitslag.aantal,
        "gevonden": uitslag.gevonden,
        "aandeel": round(uitslag.aandeel, 4),
        "mrr": round(uitslag.mrr, 4),
    }


def check_targets(
    results, weights, before, after, counts, boots, routing, quality, rebuild_seconds=None
) -> list[tuple[str, bool]]:
    by_name = {row["naam"]: row for row in results}
    floor = by_name["vloer"]["rps"]
    checks = []
    # The target is on the real content; with the synthetic items the figure is shown, with
    # the queries it misses (docs/adr/0026: where thousands of made-up trainings named after
    # the same topics still crowd the first five, and why).
    row = quality[0]
    checks.append(
        (
            f"zoekkwaliteit ({row['inhoud']}): {row['gevonden']}/{row['vragen']} queries "
            f"found ({row['aandeel']:.0%}, target 100%), MRR {row['mrr']:.3f}",
            row["gevonden"] == row["vragen"],
        )
    )
    for row in routing:
        checks.append(
            (
                f"routing ({row['aanbod']} aanbod): p99 {row['p99_us']:.0f} µs < "
                f"{ROUTING_P99_US:.0f} µs over {row['combinaties']} answer combinations "
                f"(p50 {row['p50_us']:.0f} µs; every call: p99 {row['alle_p99_us']:.0f} µs, "
                f"max {row['alle_max_us']:.0f} µs)",
                row["p99_us"] < ROUTING_P99_US,
            )
        )
    if len(routing) == 2:
        checks.append(
            (
                f"routing: the same {routing[0]['combinaties']} routes with "
                f"{routing[0]['aanbod']} and {routing[1]['aanbod']} aanbod",
                routing[0]["routes_sha256"] == routing[1]["routes_sha256"],
            )
        )
    if rebuild_seconds is not None:
        checks.append(
            (
                f"zoekindex: rebuilt for {counts['aanbod']} aanbod in {rebuild_seconds:.1f} s "
                f"< {REBUILD_SECONDS:g} s",
                rebuild_seconds < REBUILD_SECONDS,
            )
        )
    for name in ("zoeken-vers", "api-zoeken-vers"):
        if name not in by_name:
            continue
        row = by_name[name]
        checks.append(
            (
                f"{name} (never asked before): server p95 {row['server_p95_ms']:.1f} ms <= "
                f"{SEARCH_FRESH_P95_MS:g} ms ({row['cpu_ratio_vs_vloer']} x the floor's CPU "
                "per request)",
                row["server_p95_ms"] <= SEARCH_FRESH_P95_MS,
            )
        )
    for name in ("zoeken", "api-zoeken", "zoeken-vers", "api-zoeken-vers"):
        if name not in by_name:
            continue
        row = by_name[name]
        checks.append(
            (
                f"{name}: server p95 {row['server_p95_ms']:.1f} ms < {SEARCH_SERVER_P95_MS:g} ms "
                f"with {counts['aanbod']} aanbod (in-process p95 {row['inproc_p95_ms']:.1f} ms)",
                row["server_p95_ms"] < SEARCH_SERVER_P95_MS,
            )
        )
    for name in (*PAGE_TARGETS, *WEGWIJZER_TARGETS):
        if name not in by_name:
            continue
        row = by_name[name]
        if name not in PERSOONLIJK:
            checks.append(
                (
                    f"{name}: {row['rps']:.0f} req/s >= {PAGE_FLOOR_SHARE:.0%} of the floor "
                    f"({PAGE_FLOOR_SHARE * floor:.0f} req/s) [{row['ratio_vs_vloer']:.0%} of the "
                    f"floor's rate; by CPU per request {row['cpu_ratio_vs_vloer']:.0%}]",
                    row["rps"] >= PAGE_FLOOR_SHARE * floor,
                )
            )
        grens = PAGE_P95_MS_PER_PAGE.get(name, PAGE_P95_MS)
        checks.append(
            (
                f"{name}: p95 {row['p95_ms']:.1f} ms <= {grens:g} ms at {CONNECTIONS} connections",
                row["p95_ms"] <= grens,
            )
        )
    for name, w in weights.items():
        checks.append(
            (
                f"{name}: page weight {w['bytes']:,} B (HTML {w['html']:,} + CSS/JS "
                f"{w['css_js']:,}; gzipped {w['html_gz']:,} + {w['css_js_compressed']:,}) "
                f"< {PAGE_WEIGHT_BYTES:,} B",
                w["bytes"] < PAGE_WEIGHT_BYTES,
            )
        )
    for name in after:
        (s0, q0), (s1, q1) = before[name], after[name]
        checks.append(
            (
                f"{name}: {q0} queries before, {q1} with the synthetic items (HTTP {s0}/{s1})",
                q0 == q1 and s0 == s1 == 200,
            )
        )
    for row in results:
        checks.append((f"{row['naam']}: {row['fouten']} non-200 responses", row["fouten"] == 0))
    checks.append((f"gunicorn: {boots} worker boots for {WORKERS} workers", boots <= WORKERS))
    return checks


def measure_only(plan: list[tuple[str, list[str], dict]], tmp: Path) -> int:
    """BENCH_PATHS: the floor, then the named paths, then the floor again, on the real content.

    The floor is measured before and after so that a change in the machine's load during
    the run shows; each path is compared with the mean of the two.
    """
    by_name = {name: (name, paths, headers) for name, paths, headers in plan}
    unknown = [name for name in ONLY if name not in by_name]
    if unknown:
        raise RuntimeError(f"BENCH_PATHS names unknown paths {unknown}; known: {list(by_name)}")
    chosen = [by_name[name] for name in ONLY if name != "vloer"]
    check_wegwijzer_pages(chosen)
    say("counting queries per page (in-process, test Client, caches emptied) ...")
    counts = count_queries({name: (paths[0], headers) for name, paths, headers in chosen})
    say(f"in-process service time ({INPROC_REPS} requests per page, one at a time) ...")
    inproc = service_times([plan[0], *chosen], INPROC_REPS)
    server = Server(tmp)
    server.start()
    try:
        say(
            f"gunicorn: {WORKERS} workers, {WORKER_CLASS}, {CONNECTIONS} keep-alive connections, "
            f"{WARMUP:g} s warm-up + {SECONDS:g} s per path; load average {os.getloadavg()[0]:.2f}"
        )
        rows = []
        for name, paths, headers in [plan[0], *chosen, plan[0]]:
            row = measure(server, name, paths, headers)
            if not server.alive():
                raise RuntimeError("gunicorn died during the run")
            rows.append(row)
            say(
                f"  {name:<14} {row['rps']:>7.1f} req/s, p50 {row['p50_ms']} ms, p95 "
                f"{row['p95_ms']} ms, server p95 {row['server_p95_ms']} ms, CPU/request "
                f"{row['server_cpu_ms']} ms, other processes {row['andere_cpu']} CPU, load "
                f"{row['load_voor']}"
            )
        say(f"one connection, {SEQUENTIAL} requests per path alternating with the floor ...")
        alone = {
            name: one_connection(server, paths[0], headers, SEQUENTIAL)
            for name, paths, headers in chosen
        }
    finally:
        server.stop()
    floor_rps = (rows[0]["rps"] + rows[-1]["rps"]) / 2
    floor_cpu = (rows[0]["server_cpu_ms"] + rows[-1]["server_cpu_ms"]) / 2
    say()
    say(f"floor (mean of before and after): {floor_rps:.1f} req/s, {floor_cpu:.2f} ms CPU/request")
    for row in rows[1:-1]:
        name = row["naam"]
        grens = PAGE_P95_MS_PER_PAGE.get(name, PAGE_P95_MS)
        row.update(
            vloer_rps=round(floor_rps, 1),
            ratio_vs_vloer=round(row["rps"] / floor_rps, 3),
            cpu_ratio_vs_vloer=round(floor_cpu / row["server_cpu_ms"], 3),
            queries=counts[name][1],
            inproc_p50_ms=round(inproc[name][0], 2),
            inproc_p95_ms=round(inproc[name][1], 2),
            inproc_sql_ms=round(inproc[name][2], 2),
        )
        say(
            f"  {verdict(row['p95_ms'] <= grens)}  {name}: p95 {row['p95_ms']} ms (target "
            f"{grens:g} ms) at {CONNECTIONS} connections; {row['ratio_vs_vloer']:.3f} x the "
            f"floor's rate, {row['cpu_ratio_vs_vloer']:.3f} x by CPU per request; in-process "
            f"p50 {row['inproc_p50_ms']} ms (floor {inproc['vloer'][0]:.2f} ms), "
            f"{row['queries']} queries cold; {row['fouten']} errors"
        )
        (floor_ms, page_ms, page_p90) = alone[name]
        say(
            f"        one request at a time (Server-Timing, median of {SEQUENTIAL}): "
            f"{page_ms:.2f} ms (p90 {page_p90:.2f}), floor {floor_ms:.2f} ms: "
            f"{page_ms / floor_ms:.1f} x the floor"
        )
        say(json.dumps({k: row[k] for k in JSON_KEYS if k in row}, ensure_ascii=False))
    return 0


def one_connection(server: Server, path: str, headers: dict, n: int) -> tuple[float, float, float]:
    """(floor median, path median, path p90) of the server's own time (Server-Timing) over
    ``n`` requests on one keep-alive connection, alternating with the floor: the cost of a
    request without queueing, the figure to read when other processes load the machine."""
    conn = http.client.HTTPConnection(HOST, server.port, timeout=30)

    def served_ms(adres: str, extra: dict) -> float:
        conn.request("GET", adres, headers={**HEADERS, **extra})
        response = conn.getresponse()
        response.read()
        match = re.search(r"dur=([\d.]+)", response.getheader("Server-Timing") or "")
        if response.status != 200 or not match:
            raise RuntimeError(f"{adres}: HTTP {response.status} without Server-Timing")
        return float(match.group(1))

    floor, page = [], []
    try:
        for i in range(n + 20):  # the first 20 of each warm the connection and caches
            f, p = served_ms("/gezond", {}), served_ms(path, headers)
            if i >= 20:
                floor.append(f)
                page.append(p)
    finally:
        conn.close()
    return (
        loadgen.percentile(floor, 50),
        loadgen.percentile(page, 50),
        loadgen.percentile(page, 90),
    )


def main() -> int:
    import django

    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="vangnet-bench-"))
    server = None
    # A TERM (e.g. from `timeout`) must still stop gunicorn: turn it into SystemExit.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))
    try:
        configure(tmp)
        django.setup()

        say(f"Vangnet benchmark, temporary folder {tmp}")
        say(
            f"machine: {cpu_model()}, {os.cpu_count()} CPU, load average "
            f"{os.getloadavg()[0]:.2f}; Python {platform.python_version()}, "
            f"Django {django.get_version()}, SQLite {sqlite3.sqlite_version}; database "
            f"{os.environ['DATABASE_URL'].split(':')[0]}"
        )
        prepare_database()
        from vangnet.kaart.models import Aanbod, Aanspreekpunt

        detail_slug = DETAIL_SLUG
        if not Aanspreekpunt.objects.filter(slug=detail_slug).exists():
            detail_slug = Aanspreekpunt.objects.order_by("slug").values_list("slug", flat=True)[0]
            say(f"note: no aanspreekpunt '{DETAIL_SLUG}'; the detail page is '{detail_slug}'")
        aanbod_slug = Aanbod.objects.order_by("slug").values_list("slug", flat=True)[0]
        cookie = wegwijzer_cookie()
        plan = [
            ("vloer", ["/gezond"], {}),
            ("kaart", ["/kaart/"], {}),
            ("kaart-filter", ["/kaart/?sector=circus&niveau=preventie"], {}),
            ("begrippen", ["/begrippen/"], {}),
            ("detail", [f"/kaart/aanspreekpunt/{detail_slug}/"], {}),
            ("zoeken", [f"/kaart/?q={urllib.parse.quote(q)}" for q in SEARCHES], {}),
            ("api-zoeken", [f"/api/v1/zoek?q={urllib.parse.quote(q)}" for q in SEARCHES], {}),
            # Every request a new address (the extra parameter is ignored by the view but is
            # part of the page cache's key): the search itself, never served from the cache.
            ("zoeken-vers", [f"/kaart/?q={quote(q)}&n={i}" for i, q in UNIQUE], {}),
            ("api-zoeken-vers", [f"/api/v1/zoek?q={quote(q)}&n={i}" for i, q in UNIQUE], {}),
            # The wegwijzer: the start page as a first visit (no cookie), then the interview
            # pages of the person in GESPREK, and the flowchart (a cached public page).
            ("wegwijzer", ["/wegwijzer/"], {}),
            ("ww-vraag", ["/wegwijzer/vraag/wens/"], cookie),
            ("ww-controleren", ["/wegwijzer/controleren/"], cookie),
            ("ww-route", ["/wegwijzer/route/"], cookie),
            ("vangnet", ["/vangnet/"], {}),
        ]
        if ONLY:
            return measure_only(plan, tmp)
        query_paths = {
            "kaart": ("/kaart/", {}),
            "kaart-filter": ("/kaart/?sector=circus&niveau=preventie", {}),
            "zoeken": ("/kaart/?q=opleiding", {}),
            "begrippen": ("/begrippen/", {}),
            "detail": (f"/kaart/aanspreekpunt/{detail_slug}/", {}),
            "aanbod-detail": (f"/kaart/aanbod/{aanbod_slug}/", {}),
            "api-zoeken": ("/api/v1/zoek?q=opleiding", {}),
        }
        query_paths.update(
            (name, (paths[0], headers))
            for name, paths, headers in plan
            if name in WEGWIJZER_TARGETS
        )
        before_counts = content_counts()
        say(f"content after load_content: {before_counts}")
        say("counting queries per page (in-process, test Client) ...")
        before = count_queries(query_paths)
        say("search quality (in-process) ...")
        quality = [search_quality("de inhoud van data/")]
        say(f"timing the wegwijzer's routing in-process ({ROUTING_COMBINATIONS} combinations) ...")
        routing = [time_routing(ROUTING_COMBINATIONS)]
        say_routing(routing[0])
        rebuild_seconds = seed_offering(ITEMS)
        counts = content_counts()
        say(f"content with the synthetic items: {counts}")
        say("search quality again, with the synthetic items ...")
        quality.append(search_quality(f"met {ITEMS} synthetische aanbodsitems"))
        say("counting queries per page again ...")
        after = count_queries(query_paths)
        for name in query_paths:
            say(f"  {name:<14} {before[name][1]:>3} -> {after[name][1]:<3} queries")
        say("timing the wegwijzer's routing again, with the synthetic items ...")
        routing.append(time_routing(ROUTING_COMBINATIONS))
        say_routing(routing[1])
        check_wegwijzer_pages(plan)
        say(f"in-process service time ({INPROC_REPS} requests per page, one at a time) ...")
        inproc = service_times(plan, INPROC_REPS)

        server = Server(tmp)
        say()
        say(
            f"gunicorn: {WORKERS} workers, {WORKER_CLASS}"
            + (f" x {THREADS} threads" if WORKER_CLASS == "gthread" else "")
            + f", {HOST}:{server.port}; load: {CONNECTIONS} keep-alive connections, "
            f"{WARMUP:g} s warm-up + {SECONDS:g} s per path, one asyncio process "
            f"(client and server share the {os.cpu_count()} CPUs)"
        )
        server.start()
        say(f"gunicorn is up (pid {server.proc.pid}, workers {server.worker_pids()})")
        base = f"http://{HOST}:{server.port}"
        for name, paths, headers in plan:
            if headers and (status := served_status(server.port, paths[0], headers)) != 200:
                say(f"warning: {name} answers HTTP {status} with the answers cookie")
        results = []
        if ONLY_LOAD:
            plan = [row for row in plan if row[0] == "vloer" or row[0] in ONLY_LOAD]
            say(f"BENCH_ONLY: measuring {', '.join(name for name, _p, _h in plan)}")
        for i, (name, paths, headers) in enumerate(plan, start=1):
            more = f" (+{len(paths) - 1} more)" if len(paths) > 1 else ""
            cookie_note = " (with the answers cookie)" if headers else ""
            say(f"[{i}/{len(plan)}] {name}: {paths[0]}{more}{cookie_note}")
            row = measure(server, name, paths, headers)
            if not server.alive():
                raise RuntimeError("gunicorn died during the run")
            row["inproc_p50_ms"], row["inproc_p95_ms"], row["inproc_sql_ms"] = (
                round(x, 2) for x in inproc[name]
            )
            if name in after:
                row["queries"] = after[name][1]
            results.append(row)
            say(
                f"      {row['rps']:.1f} req/s, p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms, "
                f"p99 {row['p99_ms']} ms, server p95 {row['server_p95_ms']} ms, "
                f"errors {row['fouten']}; CPU: workers {row['werker_cpu']}, "
                f"client {row['client_cpu']}, other processes {row['andere_cpu']}"
            )
            for sample in row["foutvoorbeelden"]:
                say(f"      ! {sample}")

        say("page weight (HTML + the CSS/JS it links) ...")
        weighed = [name for name, _paths, _headers in plan[1:6]] + list(WEGWIJZER_TARGETS)
        weights = {
            name: page_weight(base, paths[0], headers)
            for name, paths, headers in plan
            if name in weighed
        }
        if "kaart" in weights:
            say(f"  linked CSS/JS: {', '.join(weights['kaart']['assets'])}")
        floor, floor_cpu = results[0]["rps"], results[0]["server_cpu_ms"]
        for row in results:
            row["vloer_rps"] = floor
            row["ratio_vs_vloer"] = round(row["rps"] / floor, 3) if floor else None
            # The floor's CPU per request over this path's: the rate ratio two free cores
            # would give, and much steadier than the rate when other processes take CPU.
            row["cpu_ratio_vs_vloer"] = (
                round(floor_cpu / row["server_cpu_ms"], 3) if row["server_cpu_ms"] else None
            )
            weight = weights.get(row["naam"])
            row["bytes"] = weight["bytes"] if weight else row["body_bytes_gem"]
            if weight:
                row["html_bytes"] = weight["html"]
                row["html_gz_bytes"] = weight["html_gz"]
                row["css_js_gz_bytes"] = weight["css_js_compressed"]
        boots = server.boots()
        server.stop()

        say()
        say(
            "Results (ms): p50/p95/p99 at the load generator; srv p95 = Server-Timing under "
            "load; inproc = p50 of one request at a time in-process, 'of SQL' its database "
            "part; cpu/req = gunicorn CPU per request; (cpu) = the floor's cpu/req over "
            "this path's"
        )
        say(
            f"{'path':<14} {'req/s':>7} {'x floor':>8} {'(cpu)':>6} {'p50':>7} {'p95':>7} "
            f"{'p99':>7} {'srv p95':>8} {'inproc':>7} {'of SQL':>7} {'cpu/req':>7} {'errors':>6} "
            f"{'bytes':>7} "
            f"{'queries':>7}"
        )
        for row in results:
            say(
                f"{row['naam']:<14} {row['rps']:>7.1f} {row['ratio_vs_vloer']:>8.3f} "
                f"{row['cpu_ratio_vs_vloer']:>6.2f} "
                f"{row['p50_ms']:>7.1f} {row['p95_ms']:>7.1f} {row['p99_ms']:>7.1f} "
                f"{row['server_p95_ms']:>8.2f} {row['inproc_p50_ms']:>7.2f} "
                f"{row['inproc_sql_ms']:>7.2f} "
                f"{row['server_cpu_ms']:>7.2f} {row['fouten']:>6} "
                f"{row['bytes']:>7} {row.get('queries', '-')!s:>7}"
            )
        say()
        say("Routing in-process (µs per call; route() over the seeded answer combinations)")
        for row in routing:
            say(
                f"  {row['aanbod']:>6} aanbod: route p50 {row['p50_us']:.1f}, p99 "
                f"{row['p99_us']:.1f} (every call: p99 {row['alle_p99_us']:.1f}, max "
                f"{row['alle_max_us']:.1f}); volgende() mid-interview p50 "
                f"{row['volgende_p50_us']:.1f} ({row['volgende_route_calls']} route calls), "
                f"part-way p99 {row['volgende_toestanden_p99_us']:.1f} (up to "
                f"{row['volgende_toestanden_calls_max']} route calls)"
            )
        uneven = [row["naam"] for row in results if not balanced(row)]
        if uneven:
            say(f"warning: the workers were unevenly loaded for {', '.join(uneven)}")
        busiest = max(row["andere_cpu"] for row in results)
        if busiest > 0.2:
            say(
                f"warning: other processes used up to {busiest:.2f} CPU during the run; "
                "the figures are lower than on a quiet machine"
            )
        say()
        say("Targets")
        checks = check_targets(
            results, weights, before, after, counts, boots, routing, quality, rebuild_seconds
        )
        for text, ok in checks:
            say(f"  {verdict(ok)}  {text}")
        failed = sum(1 for _text, ok in checks if not ok)
        total = time.perf_counter() - started
        say(f"  {len(checks) - failed} PASS, {failed} FAIL; total time {total:.0f} s")
        say()
        for row in results:
            say(json.dumps({k: row[k] for k in JSON_KEYS if k in row}, ensure_ascii=False))
        for row in routing:
            say(json.dumps(row, ensure_ascii=False))
        for row in quality:
            say(json.dumps(row, ensure_ascii=False))
        return 1 if boots > WORKERS else 0
    except RuntimeError as error:
        say(f"server failure: {error}")
        if server is not None:
            say(server.log_tail())
        return 1
    finally:
        if server is not None:
            server.stop()
        if os.environ.get("BENCH_KEEP"):
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
