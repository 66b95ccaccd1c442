"""Benchmark of the reporting channel: `make bench` runs it after scripts/bench.py.

Every submission of a report and every opening of a case by its receipt costs exactly one
Argon2id derivation (vangnet/meldingen/ontvangstbewijs.py) with the production cost
(MELDINGEN_ARGON2_PASSES, MELDINGEN_ARGON2_GEHEUGEN: 2 passes, 19 MiB). On purpose: it is
what makes a stolen database useless. So the bound of the channel is the rate at which the
machine can derive keys, and the question is how close the real site gets to it.

1. The bound: bare Argon2id derivations per second, in-process, in as many processes as
   gunicorn has workers, all at once. One derivation per submission and per opening, so
   the bound for either is the same number of requests per second.
2. gunicorn (BENCH_WORKERS workers, sync: one request per process at a time, which suits
   a CPU-bound request; a free worker takes the next connection) serves a fresh temporary
   SQLite database with load_content and demo_meldingen. 16 reporters (threads, plain
   http.client on loopback, a new connection per request) send anonymous reports to
   demo-api for BENCH_MELDINGEN_SECONDS after a warm-up: submissions per second, the
   latency of the POST, errors, 5xx and "database is locked" in gunicorn's log.
3. The same for coming back: the receipts of step 2, posted to /melden/opvolgen/, and the
   redirect to the case followed (one opening = the POST and the GET of the case page,
   which must show the report's text).
4. Steps 2 and 3 again with 2 concurrent clients, the latency without queueing.

Then a table with the ratio of each rate to the bound, PASS/FAIL for the targets (rate
>= 70% of the bound, p95 < 250 ms, no "database is locked"), and one JSON line per
measurement. Environment: BENCH_MELDINGEN_SECONDS (10), BENCH_MELDINGEN_WARMUP (2),
BENCH_MELDINGEN_BOUND_SECONDS (5), BENCH_WORKERS (2), BENCH_KEEP (keep the temporary folder).
The exit status is 0 whatever the targets say; it is 1 only when the server failed.
"""

import http.client
import itertools
import json
import multiprocessing
import os
import platform
import re
import resource
import shutil
import signal
import sqlite3
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench  # noqa: E402
import loadgen  # noqa: E402

from vangnet.core.tests.livesite import Visitor  # noqa: E402

SECONDS = float(os.environ.get("BENCH_MELDINGEN_SECONDS", "10"))
WARMUP = float(os.environ.get("BENCH_MELDINGEN_WARMUP", "2"))
BOUND_SECONDS = float(os.environ.get("BENCH_MELDINGEN_BOUND_SECONDS", "5"))
WORKERS = bench.WORKERS
CONCURRENCY = (16, 2)
FORM = "/melden/demo-api/"  # the demo receiver's report form
# Targets (from the issue).
RATIO_TARGET = 0.70
P95_TARGET_MS = 250.0
RECEIPT = re.compile(r"\b\d{4} \d{4} \d{4} \d{4} \d{4}\b")
TOKEN = re.compile(r'name="verzendtoken" value="([^"]+)"')
# One-time form tokens are fetched before each submission run (verzending.py): a report
# needs the token of a form shown to it; fetching those forms is not part of what is measured.
TIMING = re.compile(r"app;dur=([0-9.]+)")
LOCKED = "database is locked"

say = bench.say


# -- the bound ---------------------------------------------------------------------------


def _derive(seconds: float, passes: int, memory: int, barrier, results) -> None:
    """Derive keys for ``seconds`` after a common start; put (count, elapsed s, ms of each,
    CPU s)."""
    import nacl.pwhash
    import nacl.utils

    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    secret = b"12345678901234567890"
    nacl.pwhash.argon2id.kdf(32, secret, salt, opslimit=passes, memlimit=memory)  # warm-up
    barrier.wait()
    times = []
    start, cpu = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < seconds:
        t = time.perf_counter()
        nacl.pwhash.argon2id.kdf(32, secret, salt, opslimit=passes, memlimit=memory)
        times.append((time.perf_counter() - t) * 1000)
    elapsed = time.perf_counter() - start
    results.put((len(times), elapsed, times, time.process_time() - cpu))


def measure_bound(processes: int, seconds: float) -> dict:
    """Bare Argon2id derivations per second in ``processes`` processes at once."""
    from django.conf import settings

    passes, memory = settings.MELDINGEN_ARGON2_PASSES, settings.MELDINGEN_ARGON2_GEHEUGEN
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(processes), context.Queue()
    workers = [
        context.Process(target=_derive, args=(seconds, passes, memory, barrier, results))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    rows = [results.get(timeout=seconds + 60) for _ in workers]
    for worker in workers:
        worker.join()
    times = [ms for _count, _elapsed, each, _cpu in rows for ms in each]
    return {
        "naam": "argon2id",
        "processen": processes,
        "passes": passes,
        "geheugen_mib": memory // (1024 * 1024),
        "hashes": sum(row[0] for row in rows),
        "hashes_per_s": round(sum(count / elapsed for count, elapsed, _each, _cpu in rows), 1),
        "p50_ms": round(loadgen.percentile(times, 50), 1),
        "p95_ms": round(loadgen.percentile(times, 95), 1),
        # Below 1: the processes waited for a CPU that something else had.
        "cpu_aandeel": round(sum(row[3] for row in rows) / sum(row[1] for row in rows), 2),
        # CPU time of one derivation: steady even when other processes take CPU.
        "cpu_ms": round(sum(row[3] for row in rows) * 1000 / sum(row[0] for row in rows), 1),
    }


# -- the server ------------------------------------------------------------------------------


class Server(bench.Server):
    """bench.py's gunicorn, with sync workers: one CPU-bound request per process at a time."""

    @property
    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "vangnet.wsgi:application",
            "--bind",
            f"{bench.HOST}:{self.port}",
            "--workers",
            str(WORKERS),
            "--worker-class",
            "sync",
            # No recycling during a measurement (gunicorn.conf.py recycles in production).
            "--max-requests",
            "0",
            "--log-level",
            "info",  # to stderr, which goes to self.log
        ]

    def locked(self) -> int:
        """How often "database is locked" is in gunicorn's log so far."""
        try:
            return self.log.read_text(errors="replace").count(LOCKED)
        except OSError:
            return 0


def prepare(tmp: Path) -> None:
    """The environment of bench.py plus the attachments folder; migrate, content, demo."""
    from django.core.management import call_command

    bench.configure(tmp)
    os.environ["MELDINGEN_MAP"] = str(tmp / "meldingen")
    # Behind a proxy of its own, every request from another address (visitor.adres): the
    # limits per bucket of addresses (30 reports, 20 receipts) are not what is measured.
    os.environ["VANGNET_TRUSTED_PROXY_HOPS"] = "1"
    import django

    django.setup()
    t = time.perf_counter()
    say("migrate, load_content, demo_meldingen ...")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_content", data=str(bench.DATA_DIR), verbosity=0)
    call_command("demo_meldingen", ook_zonder_debug=True, verbosity=0)
    say(f"  done in {time.perf_counter() - t:.1f} s")


# -- the load --------------------------------------------------------------------------------


@dataclass
class Run:
    """What one load run measured; latencies in ms of requests begun after the warm-up."""

    latencies: list[float] = field(default_factory=list)
    server: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    receipts: list[tuple[str, str]] = field(default_factory=list)  # (receipt, text)
    window: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, ms: float, status: int, server_ms: float | None) -> None:
        with self.lock:
            self.latencies.append(ms)
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if server_ms is not None:
                self.server.append(server_ms)


def _server_ms(answer) -> float | None:
    match = TIMING.search(answer.headers.get("Server-Timing", ""))
    return float(match.group(1)) if match else None


def fetch_tokens(base_url: str, count: int, threads: int = 4) -> list[str]:
    """``count`` one-time tokens of the report form, as ``count`` form pages hand them out."""
    tokens: list[str] = []
    lock = threading.Lock()

    def client() -> None:
        visitor = Visitor(base_url, timeout=60)
        while True:
            with lock:
                if len(tokens) >= count:
                    return
            found = TOKEN.search(visitor.get(FORM).text)
            if found is None:
                raise RuntimeError("the report form has no one-time token")
            with lock:
                tokens.append(found.group(1))

    workers = [threading.Thread(target=client) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return tokens


def submit_one(visitor, number: int, token: str) -> tuple[int, float | None, str, str]:
    """Send one anonymous report with a form's token and follow the redirect to the receipt
    page (post/redirect/get); (status, server ms of the POST, receipt or '', text)."""
    text = f"Meting {number}: iemand maakte tijdens de repetitie grapjes over mijn lichaam."
    answer = visitor.post(FORM, {"wat": text, "verzendtoken": token})
    receipt = RECEIPT.search(answer.text) if answer.status == 200 else None
    return answer.status, _server_ms(answer), receipt.group(0) if receipt else "", text


def open_one(visitor, receipt: str, text: str) -> tuple[int, float | None]:
    """Come back with a receipt and open the case; 200 only when it shows the report."""
    visitor.cookies = {k: v for k, v in visitor.cookies.items() if k.startswith("csrf")}
    first = visitor.post("/melden/opvolgen/", {"ontvangstbewijs": receipt}, follow=False)
    location = first.headers.get("Location", "")
    if first.status != 302 or "/melden/opvolgen/" not in location:
        return first.status if first.status != 200 else 599, _server_ms(first)
    case = visitor.get(location)
    server = [ms for ms in (_server_ms(first), _server_ms(case)) if ms is not None]
    status = case.status if case.status != 200 or text in case.text else 598
    return status, sum(server) if len(server) == 2 else None


def load(
    base_url: str, what: str, clients: int, receipts: list[tuple[str, str]], tokens: list[str]
) -> Run:
    """``clients`` threads doing ``what`` ("indienen" or "openen") for WARMUP + SECONDS."""
    run = Run()
    tokens = list(tokens)
    numbers = itertools.count(1)
    addresses = itertools.count(1)
    pairs = itertools.cycle(receipts) if receipts else None
    take = threading.Lock()
    start = time.perf_counter()
    counted_from, end = start + WARMUP, start + WARMUP + SECONDS
    finished = []

    def client() -> None:
        visitor = Visitor(base_url, timeout=60)
        while (begun := time.perf_counter()) < end:
            n = next(addresses)
            visitor.adres = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
            try:
                if not visitor.csrf_token:  # the page a reporter starts from, for the token
                    visitor.get(FORM if what == "indienen" else "/melden/opvolgen/")
                if what == "indienen":
                    with take:
                        token = tokens.pop() if tokens else None
                    if token is None:  # ran out: this reporter opens a form itself
                        token = TOKEN.search(visitor.get(FORM).text).group(1)
                    status, server_ms, receipt, text = submit_one(visitor, next(numbers), token)
                    if status == 200 and not receipt:
                        status = 599  # a 200 without a receipt is no submission
                    if receipt:
                        with run.lock:
                            run.receipts.append((receipt, text))
                else:
                    with take:
                        receipt, text = next(pairs)
                    status, server_ms = open_one(visitor, receipt, text)
            except (OSError, http.client.HTTPException) as error:
                status, server_ms = 0, None
                with run.lock:
                    run.errors.append(f"{type(error).__name__}: {error}")
            done = time.perf_counter()
            if begun >= counted_from:
                run.record((done - begun) * 1000, status, server_ms)
                with run.lock:
                    finished.append(done)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.window = (max(finished) - counted_from) if finished else SECONDS
    return run


def summarise(
    server: Server, name: str, clients: int, bound: dict, what: str, receipts: list
) -> tuple[dict, Run]:
    tokens = []
    if what == "indienen":
        # Never more submissions than the bound allows: enough tokens for that, and a few.
        needed = int(bound["hashes_per_s"] * (WARMUP + SECONDS) * 1.2) + clients
        tokens = fetch_tokens(f"http://{bench.HOST}:{server.port}", needed)
    locked0 = server.locked()
    # The CPU is read when the warm-up ends, like the successes it is divided by: counted
    # from the start, the warm-up's CPU made every success look a sixth dearer.
    start: dict[str, float] = {}

    def warm() -> None:
        start.update(
            cpu=server.cpu_seconds(),
            busy=bench.busy_cpu_seconds(),
            client=_own_cpu_seconds(),
            t=time.perf_counter(),
        )

    timer = threading.Timer(WARMUP, warm)
    say(f"[{name}] {clients} concurrent, {WARMUP:g} s warm-up + {SECONDS:g} s ...")
    timer.start()
    run = load(f"http://{bench.HOST}:{server.port}", what, clients, receipts, tokens)
    timer.join()
    if not server.alive():
        raise RuntimeError("gunicorn died during the run")
    cpu0, busy0, client0, t0 = start["cpu"], start["busy"], start["client"], start["t"]
    wall = time.perf_counter() - t0
    ok = run.statuses.get(200, 0)
    rate = ok / run.window if run.window else 0.0
    cpu = server.cpu_seconds() - cpu0
    client_cpu = (_own_cpu_seconds() - client0) / wall
    busy = (bench.busy_cpu_seconds() - busy0) / wall
    row = {
        "naam": name,
        "gelijktijdig": clients,
        "per_s": round(rate, 1),
        "grens_per_s": bound["hashes_per_s"],
        "ratio_vs_grens": round(rate / bound["hashes_per_s"], 3),
        "requests": len(run.latencies),
        "p50_ms": round(loadgen.percentile(run.latencies, 50), 1),
        "p95_ms": round(loadgen.percentile(run.latencies, 95), 1),
        "p99_ms": round(loadgen.percentile(run.latencies, 99), 1),
        "server_p50_ms": round(loadgen.percentile(run.server, 50), 1),
        "server_p95_ms": round(loadgen.percentile(run.server, 95), 1),
        "server_cpu_ms": round(cpu * 1000 / max(1, ok), 1),
        # The derivation's share of gunicorn's CPU per success: the ratio to the bound that
        # two cores given wholly to gunicorn would reach, whatever else ran meanwhile.
        "argon2_cpu_aandeel": round(bound["cpu_ms"] * ok / max(cpu * 1000, 1), 2),
        # What the request costs besides the derivation: unlike the ratio, it does not fall
        # when the machine derives faster ("Where the time goes" in docs/benchmarks.md).
        "server_cpu_buiten_argon2_ms": round(cpu * 1000 / max(1, ok) - bound["cpu_ms"], 1),
        "fouten": len(run.latencies) - ok,
        "status_5xx": sum(n for status, n in run.statuses.items() if status >= 500),
        "statussen": {str(k): v for k, v in sorted(run.statuses.items())},
        "verbindingsfouten": len(run.errors),
        "database_is_locked": server.locked() - locked0,
        # Cores used after the warm-up: by gunicorn, by the clients (this process) and by
        # anything else on the machine.
        "server_cpu": round(cpu / wall, 2),
        "client_cpu": round(client_cpu, 2),
        "andere_cpu": round(max(0.0, busy - cpu / wall - client_cpu), 2),
    }
    say(
        f"      {row['per_s']:.1f}/s ({row['ratio_vs_grens']:.0%} of the bound), "
        f"p50 {row['p50_ms']} ms, p95 {row['p95_ms']} ms (server p95 "
        f"{row['server_p95_ms']} ms), gunicorn CPU {row['server_cpu_ms']} ms each "
        f"({row['argon2_cpu_aandeel']:.0%} of it Argon2id, "
        f"{row['server_cpu_buiten_argon2_ms']} ms besides), "
        f"errors {row['fouten']}, 5xx {row['status_5xx']}, locked {row['database_is_locked']}; "
        f"cores: gunicorn {row['server_cpu']}, clients {row['client_cpu']}, "
        f"other processes {row['andere_cpu']}"
    )
    for sample in sorted(set(run.errors))[:3]:
        say(f"      ! {sample}")
    return row, run


def _own_cpu_seconds() -> float:
    """CPU seconds of this process (the client threads) so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def check_targets(bound: dict, rows: list[dict]) -> list[tuple[str, bool]]:
    checks = []
    for row in rows:
        label = f"{row['naam']} at {row['gelijktijdig']} concurrent"
        if row["gelijktijdig"] >= WORKERS * 4:
            checks.append(
                (
                    f"{label}: {row['per_s']:.1f}/s >= {RATIO_TARGET:.0%} of the bound "
                    f"({bound['hashes_per_s']:.1f} derivations/s) [{row['ratio_vs_grens']:.0%}]",
                    row["ratio_vs_grens"] >= RATIO_TARGET,
                )
            )
        queueing = " (queueing: clients > workers)" if row["gelijktijdig"] > WORKERS else ""
        checks.append(
            (
                f"{label}: p95 {row['p95_ms']:.0f} ms < {P95_TARGET_MS:g} ms{queueing}",
                row["p95_ms"] < P95_TARGET_MS,
            )
        )
        checks.append(
            (
                f"{label}: {row['database_is_locked']} × '{LOCKED}', {row['fouten']} errors "
                f"({row['status_5xx']} 5xx)",
                row["database_is_locked"] == 0 and row["fouten"] == 0,
            )
        )
    return checks


def main() -> int:
    started = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="vangnet-bench-meldingen-"))
    server = None
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    signal.signal(signal.SIGHUP, lambda *_: sys.exit(129))
    try:
        prepare(tmp)
        import django

        say(f"Vangnet benchmark of the reporting channel, temporary folder {tmp}")
        say(
            f"machine: {bench.cpu_model()}, {os.cpu_count()} CPU, load average "
            f"{os.getloadavg()[0]:.2f}; Python {platform.python_version()}, "
            f"Django {django.get_version()}, SQLite {sqlite3.sqlite_version}"
        )
        say(f"the bound: Argon2id in {WORKERS} processes at once for {BOUND_SECONDS:g} s ...")
        bound = measure_bound(WORKERS, BOUND_SECONDS)
        say(
            f"  {bound['hashes_per_s']:.1f} derivations/s ({bound['passes']} passes, "
            f"{bound['geheugen_mib']} MiB; one takes p50 {bound['p50_ms']} ms, p95 "
            f"{bound['p95_ms']} ms; {bound['cpu_ms']} ms of CPU; on a CPU "
            f"{bound['cpu_aandeel']:.0%} of the time): the bound for submissions/s and "
            "for openings/s"
        )
        if bound["cpu_aandeel"] < 0.9:
            say("  warning: the derivations waited for a CPU; the bound is lower than it should be")
        server = Server(tmp)
        server.start()
        say(
            f"gunicorn is up: {WORKERS} sync workers on {bench.HOST}:{server.port} "
            f"(pid {server.proc.pid}); the clients share the {os.cpu_count()} CPUs"
        )
        rows, receipts = [], []
        for clients in CONCURRENCY:
            row, run = summarise(server, "indienen", clients, bound, "indienen", [])
            rows.append(row)
            receipts += run.receipts
            row, _run = summarise(server, "openen", clients, bound, "openen", receipts)
            rows.append(row)
        boots = server.boots()
        server.stop()

        say()
        say(
            "Results: per second; latency in ms at the client (an opening is the POST of the "
            "receipt and the GET of the case); srv = Server-Timing; cpu = gunicorn CPU ms "
            "per success; argon = Argon2id's share of that CPU; other = cores used by other "
            "processes meanwhile"
        )
        say(
            f"{'what':<9} {'conc':>4} {'per s':>6} {'bound':>6} {'ratio':>6} {'p50':>6} "
            f"{'p95':>6} {'p99':>6} {'srv p95':>7} {'cpu':>6} {'argon':>6} {'errors':>6} "
            f"{'5xx':>4} {'locked':>6} {'other':>6}"
        )
        say(
            f"{'argon2id':<9} {WORKERS:>4} {bound['hashes_per_s']:>6.1f} "
            f"{bound['hashes_per_s']:>6.1f} {1:>6.2f} {bound['p50_ms']:>6.1f} "
            f"{bound['p95_ms']:>6.1f} {'':>6} {'':>7} {bound['cpu_ms']:>6.1f} {1:>6.2f}"
        )
        for row in rows:
            say(
                f"{row['naam']:<9} {row['gelijktijdig']:>4} {row['per_s']:>6.1f} "
                f"{row['grens_per_s']:>6.1f} {row['ratio_vs_grens']:>6.2f} {row['p50_ms']:>6.1f} "
                f"{row['p95_ms']:>6.1f} {row['p99_ms']:>6.1f} {row['server_p95_ms']:>7.1f} "
                f"{row['server_cpu_ms']:>6.1f} {row['argon2_cpu_aandeel']:>6.2f} "
                f"{row['fouten']:>6} {row['status_5xx']:>4} {row['database_is_locked']:>6} "
                f"{row['andere_cpu']:>6.2f}"
            )
        busiest = max(row["andere_cpu"] for row in rows)
        if busiest > 0.2:
            say(
                f"warning: other processes used up to {busiest:.2f} CPU during the run; "
                "the figures are lower than on a quiet machine"
            )
        say()
        say("Targets")
        checks = check_targets(bound, rows)
        checks.append((f"gunicorn: {boots} worker boots for {WORKERS} workers", boots <= WORKERS))
        for text, ok in checks:
            say(f"  {bench.verdict(ok)}  {text}")
        for row in rows:
            if row["naam"] == "indienen" and row["gelijktijdig"] >= WORKERS * 4:
                say(
                    f"  info  indienen: {row['server_cpu_buiten_argon2_ms']} ms of gunicorn CPU "
                    "per submission besides Argon2id (not a target: unlike the ratio, it does not "
                    "fall when the derivation gets faster; docs/benchmarks.md)"
                )
        failed = sum(1 for _text, ok in checks if not ok)
        say(
            f"  {len(checks) - failed} PASS, {failed} FAIL; total time "
            f"{time.perf_counter() - started:.0f} s"
        )
        say()
        for row in [bound, *rows]:
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
